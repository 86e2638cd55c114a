import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import type { PubSubPort } from '../pubsub/pubsub.port';

const CHANNEL_PREFIX = 'baton:cache-changed:';

interface Changed {
  hotelId: string;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

/** The caches of this process by name, so a commit in this process forgets its entry at once (no pub/sub hop). */
const local = new Map<string, Set<HotelCache<unknown>>>();
/** `name:hotelId` changed by a transaction that has not committed yet: its own later reads bypass the cache. */
const changedIn = new WeakMap<EntityManager, Set<string>>();

const keyOf = (name: string, hotelId: string) => `${name}:${hotelId}`;

/**
 * Records that the cached data `name` of `hotelId` changed in `ctx`'s transaction. After COMMIT every process forgets
 * its entry: this one at once, the others when the pub/sub message arrives (Redis between instances; the in-memory
 * adapter within one). Until then this transaction reads around the cache, so it sees its own change and never caches
 * data that a rollback would take back. Call it from every write path of the cached data.
 */
export function hotelCacheChanged(ctx: RequestContext, name: string, hotelId: string): void {
  const em = ctx.tx;
  const keys = changedIn.get(em) ?? new Set<string>();
  keys.add(keyOf(name, hotelId));
  changedIn.set(em, keys);
  ctx.afterCommit(() => local.get(name)?.forEach((cache) => cache.forget(hotelId)));
  ctx.publishAfterCommit(`${CHANNEL_PREFIX}${name}`, { hotelId } satisfies Changed);
}

/**
 * A per-process cache of one kind of per-hotel configuration (enabled automation rules, SLA policies) that hot paths
 * read on every event. Keyed by hotel id: a value is loaded through the caller's transaction, under its tenant scope
 * (RLS), and only ever served for that hotel. Invalidated by `hotelCacheChanged` after the change commits, here and
 * over pub/sub in every other process; `ttlMs` bounds how stale an entry can get when an invalidation is lost
 * (a Redis reconnect, a change written by plain SQL outside the services). A load that raced an invalidation is
 * used once and not kept. Cached values are shared between transactions: callers must not mutate them.
 */
export class HotelCache<T> {
  private readonly logger: Logger;
  private readonly entries = new Map<string, Entry<T>>();
  /** Bumped by every invalidation of a hotel (and by `clear`): a load that started before it is not stored. */
  private readonly generations = new Map<string, number>();
  private epoch = 0;
  private upstream: AsyncIterableIterator<{ data: Changed }> | null = null;

  constructor(
    private readonly pubsub: PubSubPort,
    readonly name: string,
    private readonly ttlMs: number,
  ) {
    this.logger = new Logger(`HotelCache:${name}`);
  }

  /** Starts listening for invalidations from other processes; call on module init. */
  start(): void {
    if (this.upstream) {
      return;
    }
    local.set(this.name, (local.get(this.name) ?? new Set()).add(this as HotelCache<unknown>));
    this.upstream = this.pubsub.subscribe<Changed>(`${CHANNEL_PREFIX}${this.name}`);
    void this.listen(this.upstream);
  }

  /** Stops listening; call on module destroy. */
  async stop(): Promise<void> {
    local.get(this.name)?.delete(this as HotelCache<unknown>);
    const upstream = this.upstream;
    this.upstream = null;
    this.clear();
    await upstream?.return?.();
  }

  /** The hotel's value, from the cache or from `load` (run in `ctx`'s transaction, scoped to the hotel). */
  async get(ctx: RequestContext, hotelId: string, load: () => Promise<T>): Promise<T> {
    if (this.changedHere(ctx, hotelId)) {
      return load();
    }
    const entry = this.entries.get(hotelId);
    if (entry && entry.expiresAt > Date.now()) {
      return entry.value;
    }
    const generation = this.generationOf(hotelId);
    const value = await load();
    // Not kept when an invalidation came in meanwhile (the value may predate the change), nor when the load itself
    // wrote (defaults seeded on first use): that value exists only if this transaction commits.
    if (this.upstream && this.generationOf(hotelId) === generation && !this.changedHere(ctx, hotelId)) {
      this.entries.set(hotelId, { value, expiresAt: Date.now() + this.ttlMs });
    }
    return value;
  }

  forget(hotelId: string): void {
    this.entries.delete(hotelId);
    this.generations.set(hotelId, (this.generations.get(hotelId) ?? 0) + 1);
  }

  clear(): void {
    this.entries.clear();
    this.epoch += 1;
  }

  private generationOf(hotelId: string): string {
    return `${this.epoch}.${this.generations.get(hotelId) ?? 0}`;
  }

  private changedHere(ctx: RequestContext, hotelId: string): boolean {
    return changedIn.get(ctx.tx)?.has(keyOf(this.name, hotelId)) ?? false;
  }

  private async listen(upstream: AsyncIterableIterator<{ data: Changed }>): Promise<void> {
    try {
      for (;;) {
        const result = await upstream.next();
        if (result.done || this.upstream !== upstream) {
          return;
        }
        const hotelId = result.value.data?.hotelId;
        if (typeof hotelId === 'string') {
          this.forget(hotelId);
        } else {
          this.clear();
        }
      }
    } catch (error) {
      // Without invalidations the cache could serve stale data for a whole TTL: serve none until restarted.
      this.logger.error({ err: error }, 'invalidation feed failed; cache disabled');
      if (this.upstream === upstream) {
        this.upstream = null;
        this.clear();
      }
    }
  }
}
