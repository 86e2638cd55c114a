import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PendingEvent, RequestContext } from '../context/request-context';
import { DomainEvent, DomainEvents } from '../events/domain-events';
import { PubSubPort } from '../pubsub/pubsub.port';
import { applyDbScope, DbScope, isUuid } from './tenant-scope';

/**
 * The transaction boundary. Every unit of work (a GraphQL root field, a job) runs inside `run`, which opens one
 * transaction, sets the tenant scope first, hands the service a context bound to that transaction, and publishes the
 * events the work queued only after COMMIT succeeded (after-commit hook, see docs/architecture.md).
 */
@Injectable()
export class TenantTransactions {
  private readonly logger = new Logger(TenantTransactions.name);
  /** Names savepoints uniquely within a transaction (nested units included). */
  private savepoints = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly pubsub: PubSubPort,
    private readonly domainEvents: DomainEvents = new DomainEvents(),
  ) {}

  /** Runs `work` with the tenant scope narrowed to `tenantIds` (already authorised by the caller). */
  async run<T>(
    ctx: RequestContext,
    tenantIds: readonly string[],
    work: (ctx: RequestContext) => Promise<T>,
  ): Promise<T> {
    const scope = [...new Set(tenantIds.filter(isUuid))];
    return this.inTransaction({ tenantIds: scope }, async (em, pending) => {
      const queue: DomainEvent[] = [];
      const txCtx = ctx.withTransaction(em, scope, pending, queue);
      const result = await work(txCtx);
      // Policies react inside the same transaction, so what they write commits or rolls back with the change.
      await this.domainEvents.drain(txCtx, queue);
      return result;
    });
  }

  /**
   * Runs `work` inside a SAVEPOINT of `ctx`'s transaction, as one unit of its own: the domain events it emits are
   * drained (their handlers run) before the savepoint is released, so everything the work and the policies reacting to
   * it wrote stays or goes together, and the storm cap (MAX_DOMAIN_EVENTS_PER_TRANSACTION) counts this unit alone. On
   * an error the transaction rolls back to the savepoint, stays usable, and the error is rethrown; after-commit work
   * queued inside is kept only when the savepoint was released. Lets a batch commit its good items and drop a bad one.
   */
  async savepoint<T>(ctx: RequestContext, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    const em = ctx.tx;
    const name = `baton_unit_${(this.savepoints = (this.savepoints + 1) % 1_000_000_000)}`;
    const pending: PendingEvent[] = [];
    const queue: DomainEvent[] = [];
    const unit = ctx.withTransaction(em, ctx.tenantIds, pending, queue);
    await em.query(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await work(unit);
      await this.domainEvents.drain(unit, queue);
    } catch (error) {
      await em.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await em.query(`RELEASE SAVEPOINT ${name}`);
      throw error;
    }
    await em.query(`RELEASE SAVEPOINT ${name}`);
    for (const event of pending) {
      if ('afterCommit' in event) {
        ctx.afterCommit(event.afterCommit);
      } else {
        ctx.publishAfterCommit(event.channel, event.payload);
      }
    }
    return result;
  }

  /** Background work (webhook intake, worker jobs) for one hotel, as the system actor `name`. */
  async runAsSystem<T>(name: string, hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.run(RequestContext.system(name, [hotelId]), [hotelId], work);
  }

  /** Every hotel id: a worker's sweep starts here, then opens one tenant-scoped transaction per unit of work. */
  async listTenantIds(): Promise<string[]> {
    return this.inTransaction({ tenantIds: [], tenantDirectory: true }, async (em) => {
      const rows = await em.query<{ id: string }[]>('SELECT id FROM hotel ORDER BY id');
      return rows.map((r) => r.id);
    });
  }

  /** Identity work before a tenant scope exists (login, authenticating a credential). */
  async runIdentity<T>(scope: DbScope, work: (em: EntityManager, pending: PendingEvent[]) => Promise<T>): Promise<T> {
    return this.inTransaction(scope, work);
  }

  private async inTransaction<T>(
    scope: DbScope,
    work: (em: EntityManager, pending: PendingEvent[]) => Promise<T>,
  ): Promise<T> {
    const pending: PendingEvent[] = [];
    const result = await this.dataSource.transaction(async (em) => {
      await applyDbScope(em, scope);
      return work(em, pending);
    });
    await this.flush(pending);
    return result;
  }

  private async flush(pending: PendingEvent[]): Promise<void> {
    for (const event of pending) {
      if ('afterCommit' in event) {
        try {
          event.afterCommit();
        } catch (error) {
          this.logger.error({ err: error }, 'after-commit callback failed');
        }
        continue;
      }
      try {
        await this.pubsub.publish(event.channel, event.payload);
      } catch (error) {
        // The change is committed and stays the source of truth; live subscribers catch up on their next fetch.
        this.logger.error({ err: error, channel: event.channel }, 'publish after commit failed');
      }
    }
  }
}
