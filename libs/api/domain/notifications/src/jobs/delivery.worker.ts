import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Timeout } from '@nestjs/schedule';
import { RequestContext, TenantTransactions } from '@baton/api/core';
import { DeliveryEntity } from '../entities/delivery.entity';
import { DELIVERY_OPTIONS, DeliveryOptions } from '../notifications.options';
import { afterFailure } from '../services/delivery-policy';
import { DeliveryKicks } from '../services/delivery-kicks';
import { DeliveryOutbox } from '../services/delivery-outbox';
import { DeliverySender, EMAIL_BUDGET_FACTOR } from '../services/delivery-sender';

const ACTOR = 'delivery-worker';

/**
 * Sends the outbox. Started by @Timeout, which fires only where ScheduleModule.forRoot() runs (the worker role,
 * apps/api/src/worker/worker.module.ts): an api-only process provides this class but never sends.
 *
 * Every DELIVERY_POLL_MS it asks which hotels have due rows (the sweep: TenantTransactions.listTenantIds, then one
 * query), and drains each hotel: claim one row (SKIP LOCKED + lease, DeliveryOutbox), send it outside any transaction,
 * record the outcome; up to DELIVERY_CONCURRENCY sends in flight per process. Several workers share the rows safely.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly draining = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private active = false;
  private stopped = false;
  private polling = false;

  constructor(
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    private readonly transactions: TenantTransactions,
    private readonly outbox: DeliveryOutbox,
    private readonly sender: DeliverySender,
    kicks: DeliveryKicks,
  ) {
    kicks.listen((hotelId) => this.kick(hotelId));
  }

  /** A lease outlives the longest attempt (an e-mail's budget) with room to record the outcome. */
  get leaseMs(): number {
    return this.options.timeoutMs * EMAIL_BUDGET_FACTOR + 30_000;
  }

  @Timeout(250)
  start(): void {
    if (this.active || this.stopped) {
      return;
    }
    this.active = true;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
    void this.poll();
  }

  /** One sweep: every hotel with due rows gets a drain (already draining: it drains again when done). */
  async poll(): Promise<void> {
    if (this.polling || this.stopped) {
      return;
    }
    this.polling = true;
    try {
      (await this.hotelsWithDue()).forEach((hotelId) => this.kick(hotelId));
    } catch (error) {
      this.logger.error({ err: error }, 'delivery sweep failed');
    } finally {
      this.polling = false;
    }
  }

  kick(hotelId: string): void {
    if (!this.active || this.stopped) {
      return;
    }
    if (this.draining.has(hotelId)) {
      this.again.add(hotelId);
      return;
    }
    const run = this.drain(hotelId)
      .catch((error: unknown) => this.logger.error({ err: error, hotelId }, 'delivery drain failed'))
      .finally(() => {
        this.draining.delete(hotelId);
        if (this.again.delete(hotelId)) {
          this.kick(hotelId);
        }
      });
    this.draining.set(hotelId, run);
  }

  /** Stops claiming and lets the sends in flight finish and record (bounded by the shutdown grace period). */
  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) {
      clearInterval(this.timer);
    }
    this.waiting.splice(0).forEach((wake) => wake());
    await Promise.allSettled([...this.draining.values()]);
    await Promise.allSettled([...this.inFlight]);
  }

  private async hotelsWithDue(): Promise<string[]> {
    const all = await this.transactions.listTenantIds();
    if (all.length === 0) {
      return [];
    }
    return this.transactions.run(RequestContext.system(`${ACTOR}-sweep`, all), all, (ctx) =>
      this.outbox.hotelsWithDue(ctx),
    );
  }

  private async drain(hotelId: string): Promise<void> {
    while (!this.stopped) {
      await this.slot();
      if (this.stopped) {
        return;
      }
      const [claimed] = await this.transactions.runAsSystem(ACTOR, hotelId, (ctx) =>
        this.outbox.claim(ctx, hotelId, 1, this.leaseMs),
      );
      if (!claimed) {
        return;
      }
      const send = this.attempt(hotelId, claimed).finally(() => {
        this.inFlight.delete(send);
        this.waiting.shift()?.();
      });
      this.inFlight.add(send);
    }
  }

  /** Resolves once fewer than DELIVERY_CONCURRENCY sends are in flight. */
  private async slot(): Promise<void> {
    while (this.inFlight.size >= this.options.concurrency && !this.stopped) {
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private async attempt(hotelId: string, claimed: DeliveryEntity): Promise<void> {
    const outcome = await this.sender.send(claimed);
    try {
      const recorded = await this.transactions.runAsSystem(ACTOR, hotelId, (ctx) => {
        if (outcome.ok) {
          return this.outbox.markSent(ctx, claimed, outcome.status);
        }
        const { retryAt } = afterFailure(outcome, claimed.attempts, claimed.maxAttempts, this.options);
        return this.outbox.markFailed(ctx, claimed, { error: outcome.error, status: outcome.status, retryAt });
      });
      if (!outcome.ok) {
        this.logger.warn(
          {
            hotelId,
            deliveryId: claimed.id,
            attempts: claimed.attempts,
            retryable: outcome.retryable,
            error: outcome.error,
          },
          'delivery attempt failed',
        );
      }
      if (!recorded) {
        this.logger.warn({ hotelId, deliveryId: claimed.id }, 'delivery lease lost before the outcome was recorded');
      }
    } catch (error) {
      // The lease expires and the row is claimed again: at least once, never lost.
      this.logger.error({ err: error, hotelId, deliveryId: claimed.id }, 'could not record a delivery outcome');
    }
  }
}
