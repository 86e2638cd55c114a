import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ActorKind, Permission } from '@baton/shared/contracts';
import { BatonError } from '../errors/baton-error';
import type { DomainEvent, DomainEventInput } from '../events/domain-events';
import type { Principal, ResolvedPrincipal } from './principal';

/** Work queued by a transaction for after its COMMIT: a pub/sub event, or an in-process callback (a WorkSignals nudge). */
export type PendingEvent = { channel: string; payload: unknown } | { afterCommit: () => void };

/**
 * Everything a service needs to know about the caller, passed as the first argument of every service method.
 * A context carries a transaction (`tx`) only inside TenantTransactions.run, whose tenant scope is also set in Postgres.
 */
export class RequestContext {
  private constructor(
    readonly requestId: string,
    readonly principal: Principal | null,
    readonly grants: ReadonlyMap<string, ReadonlySet<Permission>>,
    readonly tenantIds: readonly string[],
    private readonly em: EntityManager | null,
    private readonly pending: PendingEvent[] | null,
    private readonly domainQueue: DomainEvent[] | null = null,
  ) {}

  static anonymous(requestId: string = randomUUID()): RequestContext {
    return new RequestContext(requestId, null, new Map(), [], null, null);
  }

  static for(resolved: ResolvedPrincipal, requestId: string = randomUUID()): RequestContext {
    return new RequestContext(requestId, resolved.principal, resolved.grants, [], null, null);
  }

  /**
   * A background actor (webhook intake, worker job) acting for the given hotels with every permission on them.
   * The tenant scope of its transaction is still narrowed to the hotel it works on.
   */
  static system(name: string, hotelIds: readonly string[], requestId: string = randomUUID()): RequestContext {
    const all = new Set(Object.values(Permission));
    const grants = new Map(hotelIds.map((id) => [id, all] as const));
    return new RequestContext(requestId, { kind: ActorKind.System, name }, grants, [], null, null);
  }

  /** Used by TenantTransactions only. */
  withTransaction(
    em: EntityManager,
    tenantIds: readonly string[],
    pending: PendingEvent[],
    domainQueue: DomainEvent[] = [],
  ): RequestContext {
    return new RequestContext(this.requestId, this.principal, this.grants, tenantIds, em, pending, domainQueue);
  }

  /**
   * The same transaction (and queues), acting as the system actor `name` with every permission on `hotelId`: a policy
   * that changes things on its own account (RACI routing assigning a case) is audited as itself, not as whoever
   * caused the change it reacts to.
   */
  actingAsSystem(name: string, hotelId: string): RequestContext {
    const all = new Set(Object.values(Permission));
    const principal: Principal = { kind: ActorKind.System, name };
    return new RequestContext(
      this.requestId,
      principal,
      new Map([[hotelId, all]]),
      this.tenantIds,
      this.em,
      this.pending,
      this.domainQueue,
    );
  }

  get isAuthenticated(): boolean {
    return this.principal !== null;
  }

  get userId(): string | null {
    return this.principal?.kind === ActorKind.User ? this.principal.userId : null;
  }

  get isReadOnly(): boolean {
    return this.principal?.kind === ActorKind.Wallboard;
  }

  /** Hotels where the caller holds `permission`. */
  hotelsWith(permission: Permission): string[] {
    const out: string[] = [];
    for (const [hotelId, permissions] of this.grants) {
      if (permissions.has(permission)) {
        out.push(hotelId);
      }
    }
    return out;
  }

  can(permission: Permission, hotelId: string): boolean {
    return this.grants.get(hotelId)?.has(permission) ?? false;
  }

  /** True when `hotelId` is inside the tenant scope of the current transaction. */
  inScope(hotelId: string): boolean {
    return this.tenantIds.includes(hotelId);
  }

  /** A hotel outside the scope answers exactly like a hotel that does not exist: NOT_FOUND. */
  assertInScope(hotelId: string): void {
    if (!this.inScope(hotelId)) {
      throw BatonError.notFound('Hotel', hotelId);
    }
  }

  get tx(): EntityManager {
    if (!this.em) {
      throw new Error('RequestContext has no transaction: call the service through TenantTransactions.run');
    }
    return this.em;
  }

  /** Queue an event to publish once the current transaction has committed; dropped on rollback. */
  publishAfterCommit(channel: string, payload: unknown): void {
    if (!this.pending) {
      throw new Error('publishAfterCommit outside a transaction');
    }
    this.pending.push({ channel, payload });
  }

  /** Run `callback` once the current transaction has committed (never on rollback), e.g. to nudge a worker loop. */
  afterCommit(callback: () => void): void {
    if (!this.pending) {
      throw new Error('afterCommit outside a transaction');
    }
    this.pending.push({ afterCommit: callback });
  }

  /**
   * Record a domain event; policy handlers (DomainEvents) run on it in this same transaction, just before COMMIT.
   * `depth` defaults to 0; a handler that emits in reaction to an event passes `event.depth + 1`.
   */
  emit(event: DomainEventInput): void {
    if (!this.domainQueue) {
      throw new Error('emit outside a transaction');
    }
    this.domainQueue.push({ ...event, at: event.at ?? new Date().toISOString(), depth: event.depth ?? 0 });
  }
}
