import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BatonConfig } from '../config/baton-config';
import { TenantTransactions } from '../db/tenant-transactions';

/** Records one retention transaction deletes at most: short transactions, small WAL bursts, brief row locks. */
export const FIRING_RETENTION_BATCH = 1000;
/** Batches per hotel and run: a hotel with a large backlog is worked down over several runs, not in one long one. */
export const FIRING_RETENTION_MAX_BATCHES = 20;

export interface FiringRetentionOptions {
  batchSize?: number;
  maxBatchesPerHotel?: number;
}

export interface FiringRetentionResult {
  /** Records deleted, all hotels together. */
  deleted: number;
  /** Hotels that had expired records. */
  hotels: number;
  /** Hotels whose batch failed (logged; retried on the next run). */
  failed: number;
}

/**
 * Deletes up to `limit` of the hotel's firing records older than `retentionDays`, oldest first, and returns how many.
 * The (tenant_id, fired_at) index keeps each batch a short range read. No FOR UPDATE SKIP LOCKED: it would need the
 * UPDATE grant on an append-only table; two workers pruning the same hotel at once only wait for each other's batch,
 * and the second then finds those rows gone.
 */
export async function deleteExpiredFirings(
  em: EntityManager,
  hotelId: string,
  retentionDays: number,
  limit: number,
): Promise<number> {
  const [, count] = await em.query<[unknown[], number]>(
    `DELETE FROM durable_timer_firing f
      USING (SELECT target_id, kind, key, version FROM durable_timer_firing
              WHERE tenant_id = $1 AND fired_at < now() - make_interval(days => $2)
              ORDER BY fired_at LIMIT $3) expired
      WHERE f.tenant_id = $1 AND f.target_id = expired.target_id AND f.kind = expired.kind
        AND f.key = expired.key AND f.version = expired.version`,
    [hotelId, retentionDays, limit],
  );
  return count;
}

/**
 * Retention of durable_timer_firing, which otherwise grows by one row per fired timer forever.
 *
 * Why the window must exceed the longest retry window: the firing record is the timers' idempotency record.
 * `DurableTimers.schedule()` reads it to make a deadline that already fired a no-op ("each deadline fires once,
 * however often callers re-derive it"), and a timer's next version (so its `idempotencyKey`) continues from it. Once
 * the record is gone, the same deadline scheduled again is a brand-new timer with a new id: it fires again, and its
 * side effects carry a key no receiver has seen. So every path that may retry or re-derive a deadline must be over
 * before its record expires: a timer's own retries (TIMER_MAX_ATTEMPTS, at most 100 × 10 min ≈ 17 h), inbound events
 * re-processed after a failure, outbox deliveries retried with backoff and dead letters retried by hand from the UI.
 * The 1-day minimum covers the automatic retries at their largest settings; the 30-day default leaves room for the
 * manual ones and for reading a target's fired history (`DurableTimers.list`).
 *
 * Runs in the worker (apps/api/src/worker/timer-firing-pruner.ts). Follows the worker's tenant pattern: list the
 * hotels (tenant directory scope), then one tenant-scoped transaction per batch, so RLS stays in force and a hotel
 * only ever loses its own expired records.
 */
@Injectable()
export class TimerFiringRetention {
  private readonly logger = new Logger(TimerFiringRetention.name);

  constructor(
    private readonly config: BatonConfig,
    private readonly transactions: TenantTransactions,
  ) {}

  async prune(options: FiringRetentionOptions = {}): Promise<FiringRetentionResult> {
    const result: FiringRetentionResult = { deleted: 0, hotels: 0, failed: 0 };
    for (const hotelId of await this.transactions.listTenantIds()) {
      try {
        const deleted = await this.pruneHotel(hotelId, options);
        result.deleted += deleted;
        result.hotels += deleted > 0 ? 1 : 0;
      } catch (error) {
        result.failed += 1;
        this.logger.error({ err: error, hotelId }, 'durable timer firing retention failed for a hotel');
      }
    }
    if (result.deleted > 0) {
      this.logger.log(result, 'expired durable timer firing records deleted');
    }
    return result;
  }

  /** Batches until one comes back short (nothing more is expired) or the per-run bound is reached. */
  private async pruneHotel(hotelId: string, options: FiringRetentionOptions): Promise<number> {
    const size = options.batchSize ?? FIRING_RETENTION_BATCH;
    const maxBatches = options.maxBatchesPerHotel ?? FIRING_RETENTION_MAX_BATCHES;
    let total = 0;
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const deleted = await this.transactions.runAsSystem('timer-retention', hotelId, (ctx) =>
        deleteExpiredFirings(ctx.tx, hotelId, this.config.TIMER_FIRING_RETENTION_DAYS, size),
      );
      total += deleted;
      if (deleted < size) {
        break;
      }
    }
    return total;
  }
}
