import { Injectable, Logger } from '@nestjs/common';
import { BatonConfig } from '../config/baton-config';
import { PendingEvent, RequestContext } from '../context/request-context';
import { TenantTransactions } from '../db/tenant-transactions';
import { DomainEvent, DomainEvents } from '../events/domain-events';
import { Metrics } from '../observability/metrics';
import { FiredTimer, TimerHandler, TimerHandlers, timerIdempotencyKey } from './durable-timers';
import { ClaimedTimer, claimDue, defer, FailedTimer, markFailed, recordFired } from './timer-store';

export interface BatchOutcome {
  /** Rows the claim returned (a full batch means the hotel probably has more due). */
  claimed: number;
  fired: number;
  failed: number;
}

type Failure = FailedTimer & { timer: ClaimedTimer };

interface Fired {
  timer: ClaimedTimer;
  pending: PendingEvent[];
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A handler that outlived its share of the lease. Its promise may still be running on the connection, so the
 * transaction is abandoned (rolled back) rather than continued; the attempt is recorded in a transaction of its own.
 */
class HandlerTimeout extends Error {
  constructor(
    readonly timer: ClaimedTimer,
    limitMs: number,
  ) {
    super(`timer handler took longer than ${limitMs} ms`);
  }
}

/** How long before the next attempt of a timer whose kind no handler in this process knows. */
const UNKNOWN_KIND_RETRY_MS = 60_000;

/**
 * Fires one hotel's due timers in one tenant-scoped transaction: claim (FOR UPDATE SKIP LOCKED), run each handler in
 * that transaction, take the fired versions out of durable_timer and write their firing records, commit.
 *
 * Optimistic first: every handler in one go under one savepoint (a savepoint per timer costs two round trips per
 * timer). When a handler throws, the batch rolls back to that savepoint, keeping its row locks, and runs again with
 * a SAVEPOINT per timer: the failing one is recorded as a failed attempt (not run twice), the others commit.
 */
@Injectable()
export class TimerBatches {
  private readonly logger = new Logger(TimerBatches.name);

  constructor(
    private readonly config: BatonConfig,
    private readonly transactions: TenantTransactions,
    private readonly handlers: TimerHandlers,
    private readonly domainEvents: DomainEvents,
    private readonly metrics: Metrics,
  ) {}

  async fire(hotelId: string, limit: number, workerId: string): Promise<BatchOutcome> {
    try {
      const started = Date.now();
      const result = await this.inTransaction(hotelId, async (ctx) => {
        const all = await claimDue(ctx.tx, hotelId, limit, this.config.TIMER_LEASE_MS);
        const claimed = await this.deferUnknown(ctx, hotelId, all);
        await ctx.tx.query('SAVEPOINT durable_timer_batch');
        let run = await this.optimistic(ctx, hotelId, claimed, started);
        if ('failure' in run) {
          await ctx.tx.query('ROLLBACK TO SAVEPOINT durable_timer_batch');
          run = await this.isolated(ctx, hotelId, claimed, run.failure, started);
        }
        const done = run.done.map((d) => d.timer);
        const firedAt = await recordFired(ctx.tx, hotelId, done, workerId);
        const attempts = await markFailed(ctx.tx, hotelId, run.failed, this.config.TIMER_MAX_ATTEMPTS);
        // After-commit work only of the timers whose writes are kept, in order.
        run.done.forEach((d) => this.forward(ctx, d.pending));
        return { claimed: all.length, done, firedAt, failed: run.failed, attempts };
      });
      this.observeFired(result.done, result.firedAt);
      this.reportFailures(hotelId, result.failed, result.attempts);
      return { claimed: result.claimed, fired: result.done.length, failed: result.failed.length };
    } catch (error) {
      if (error instanceof HandlerTimeout) {
        return this.timedOut(hotelId, error, limit);
      }
      throw error;
    }
  }

  /** Every handler, no savepoint of its own; stops at the first that throws. */
  private async optimistic(
    ctx: RequestContext,
    hotelId: string,
    claimed: ClaimedTimer[],
    started: number,
  ): Promise<{ done: Fired[]; failed: Failure[] } | { failure: Failure }> {
    const done: Fired[] = [];
    for (const timer of claimed) {
      if (this.outOfBudget(started)) {
        break; // the rest stays due and is unlocked at commit: the next claim takes it
      }
      try {
        done.push({ timer, pending: await this.invoke(ctx, hotelId, timer) });
      } catch (error) {
        if (error instanceof HandlerTimeout) {
          throw error;
        }
        return { failure: { id: timer.id, version: timer.version, error: message(error), timer } };
      }
    }
    return { done, failed: [] };
  }

  /** The batch again with a savepoint per timer; the timer that failed the optimistic pass is not run again. */
  private async isolated(
    ctx: RequestContext,
    hotelId: string,
    claimed: ClaimedTimer[],
    failure: Failure,
    started: number,
  ): Promise<{ done: Fired[]; failed: Failure[] }> {
    const done: Fired[] = [];
    const failed: Failure[] = [failure];
    for (const timer of claimed) {
      if (timer.id === failure.id) {
        continue;
      }
      if (this.outOfBudget(started)) {
        break;
      }
      await ctx.tx.query('SAVEPOINT durable_timer');
      try {
        const pending = await this.invoke(ctx, hotelId, timer);
        await ctx.tx.query('RELEASE SAVEPOINT durable_timer');
        done.push({ timer, pending });
      } catch (error) {
        if (error instanceof HandlerTimeout) {
          throw error;
        }
        await ctx.tx.query('ROLLBACK TO SAVEPOINT durable_timer');
        failed.push({ id: timer.id, version: timer.version, error: message(error), timer });
      }
    }
    return { done, failed };
  }

  /** Records the timed-out attempt on its own; the batch's other timers were released and are claimed again. */
  private async timedOut(hotelId: string, timeout: HandlerTimeout, claimed: number): Promise<BatchOutcome> {
    const timer = timeout.timer;
    const failed = [{ id: timer.id, version: timer.version, error: timeout.message, timer }];
    const attempts = await this.transactions.run(RequestContext.system('timer-runner', [hotelId]), [hotelId], (ctx) =>
      markFailed(ctx.tx, hotelId, failed, this.config.TIMER_MAX_ATTEMPTS),
    );
    this.reportFailures(hotelId, failed, attempts);
    return { claimed, fired: 0, failed: 1 };
  }

  private reportFailures(
    hotelId: string,
    failed: Failure[],
    attempts: { id: string; attempts: number; dead: boolean }[],
  ): void {
    const outcome = new Map(attempts.map((a) => [a.id, a]));
    for (const { timer, error } of failed) {
      const state = outcome.get(timer.id);
      const dead = state?.dead ?? false;
      this.metrics.timerFailures.inc({ kind: timer.kind, outcome: dead ? 'dead' : 'retry' });
      const fields = { hotelId, timerId: timer.id, kind: timer.kind, key: timer.key, attempts: state?.attempts, error };
      if (dead) {
        this.logger.error(fields, 'durable timer dead after its last attempt');
      } else {
        this.logger.warn(fields, 'durable timer handler failed; retrying with backoff');
      }
    }
  }

  private inTransaction<T>(hotelId: string, work: (ctx: RequestContext) => Promise<T>): Promise<T> {
    return this.transactions.run(RequestContext.system('timer-runner', [hotelId]), [hotelId], work);
  }

  /** Handlers may take half the lease to start, and each one half of it to finish: the claim never outlives the lease. */
  private outOfBudget(started: number): boolean {
    return Date.now() - started > this.config.TIMER_LEASE_MS / 2;
  }

  /** Postpones the claimed timers of kinds no handler here knows (a newer process may); returns the others. */
  private async deferUnknown(ctx: RequestContext, hotelId: string, claimed: ClaimedTimer[]): Promise<ClaimedTimer[]> {
    const unknown = claimed.filter((t) => !this.handlers.get(t.kind));
    if (unknown.length === 0) {
      return claimed;
    }
    await defer(ctx.tx, hotelId, unknown, UNKNOWN_KIND_RETRY_MS);
    const kinds = new Map<string, number>();
    unknown.forEach((t) => kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + 1));
    for (const [kind, count] of kinds) {
      this.metrics.timerFailures.inc({ kind, outcome: 'unknown_kind' }, count);
    }
    this.logger.warn({ hotelId, kinds: Object.fromEntries(kinds) }, 'durable timers of unknown kind postponed');
    return claimed.filter((t) => this.handlers.get(t.kind));
  }

  /**
   * Runs one handler as the system actor `timer:<kind>` on the firing transaction, with its own event queues: its
   * domain events are drained right here (their policies' writes belong to this timer), and its after-commit work is
   * returned so the caller keeps it only if this timer's writes are kept.
   */
  private async invoke(ctx: RequestContext, hotelId: string, timer: ClaimedTimer): Promise<PendingEvent[]> {
    const handler = this.handlers.get(timer.kind) as TimerHandler;
    const key = timerIdempotencyKey(timer.id, timer.version);
    const pending: PendingEvent[] = [];
    const queue: DomainEvent[] = [];
    const timerCtx = RequestContext.system(`timer:${timer.kind}`, [hotelId], key).withTransaction(
      ctx.tx,
      ctx.tenantIds,
      pending,
      queue,
    );
    const fired: FiredTimer = {
      hotelId,
      id: timer.id,
      kind: timer.kind,
      targetId: timer.targetId,
      key: timer.key,
      dueAt: timer.dueAt,
      version: timer.version,
      payload: timer.payload,
      idempotencyKey: key,
    };
    await this.withTimeout(timer, async () => {
      await handler(timerCtx, fired);
      await this.domainEvents.drain(timerCtx, queue);
    });
    return pending;
  }

  private async withTimeout(claimed: ClaimedTimer, work: () => Promise<void>): Promise<void> {
    const limit = this.config.TIMER_LEASE_MS / 2;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HandlerTimeout(claimed, limit)), limit);
    });
    try {
      await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private forward(ctx: RequestContext, pending: PendingEvent[]): void {
    for (const event of pending) {
      if ('afterCommit' in event) {
        ctx.afterCommit(event.afterCommit);
      } else {
        ctx.publishAfterCommit(event.channel, event.payload);
      }
    }
  }

  private observeFired(done: ClaimedTimer[], firedAt: Map<string, Date>): void {
    for (const timer of done) {
      const at = firedAt.get(timer.id);
      this.metrics.timersFired.inc({ kind: timer.kind });
      if (at) {
        this.metrics.timerLag.observe({ kind: timer.kind }, Math.max(0, at.getTime() - timer.dueAt.getTime()) / 1000);
      }
    }
  }
}
