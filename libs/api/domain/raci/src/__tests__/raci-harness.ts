import { DataSource } from 'typeorm';
import { ActorKind, Permission } from '@baton/shared/contracts';
import {
  AuditLogEntity,
  AuditWriter,
  BatonError,
  MemoryPubSub,
  RequestContext,
  TenantTransactions,
} from '@baton/api/core';
import { createTestDatabase, createWorld, TestDatabase, withClient, World } from '@baton/api/testing';
import { RACI_ENTITIES } from '../entities/raci.entities';
import { RaciMembers } from '../services/raci-members';
import { RaciStore } from '../services/raci-store';
import { RaciTemplatesService } from '../services/raci-templates.service';
import { RaciService } from '../services/raci.service';

/** Medium tier: the RACI services on real Postgres as the app role (forced RLS), through TenantTransactions. */
export class RaciHarness {
  db: TestDatabase;
  world: World;
  dataSource: DataSource;
  transactions: TenantTransactions;
  readonly members = new RaciMembers();
  readonly pubsub = new MemoryPubSub();
  readonly raci = new RaciService(new RaciStore(), this.members, new AuditWriter(), this.pubsub);
  readonly templates = new RaciTemplatesService(this.raci, this.members, new AuditWriter());

  async start(): Promise<void> {
    this.db = await createTestDatabase();
    this.world = await createWorld(this.db);
    this.dataSource = new DataSource({
      type: 'postgres',
      url: this.db.appUrl,
      entities: [...RACI_ENTITIES, AuditLogEntity],
      synchronize: false,
      extra: { max: 10 },
    });
    await this.dataSource.initialize();
    this.transactions = new TenantTransactions(this.dataSource, this.pubsub);
    this.raci.onModuleInit();
  }

  async stop(): Promise<void> {
    await this.raci.onModuleDestroy();
    await this.dataSource?.destroy();
    await this.db?.drop();
  }

  /** As the system actor scoped to `scope` (what SLA and automation handlers run as). */
  system<T>(scope: readonly string[], work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.run(RequestContext.system('raci-test', scope), scope, work);
  }

  /** As a signed-in user with workflows.manage on `scope`. */
  asUser<T>(
    user: { id: string; email: string; displayName: string },
    scope: readonly string[],
    work: (ctx: RequestContext) => Promise<T>,
  ): Promise<T> {
    const grants = new Map(scope.map((id) => [id, new Set([Permission.WorkflowsManage, Permission.CasesRead])]));
    const ctx = RequestContext.for({
      principal: { kind: ActorKind.User, userId: user.id, email: user.email, displayName: user.displayName },
      grants,
    });
    return this.transactions.run(ctx, scope, work);
  }

  async owner<T>(sql: string, params: unknown[], tenantIds: readonly string[]): Promise<T[]> {
    return withClient(this.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [tenantIds.join(',')]);
      return (await c.query(sql, params)).rows as T[];
    });
  }
}

export async function errorOf(promise: Promise<unknown>): Promise<BatonError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BatonError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a BatonError');
}
