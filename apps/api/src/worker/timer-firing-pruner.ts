import { Injectable, Logger } from '@nestjs/common';
import { Interval, Timeout } from '@nestjs/schedule';
import { TimerFiringRetention } from '@baton/api/core';

/** Firing records expire by the day: an hourly pass keeps each hotel's backlog to an hour's worth of firings. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Worker role only (WorkerModule imports ScheduleModule.forRoot()): deletes durable timer firing records older than
 * TIMER_FIRING_RETENTION_DAYS. Several workers may run it at once: their batches are small and
 * deleting a row twice is a no-op.
 */
@Injectable()
export class TimerFiringPruner {
  private readonly logger = new Logger(TimerFiringPruner.name);
  private running = false;

  constructor(private readonly retention: TimerFiringRetention) {}

  /** A minute after start rather than at once: the worker's first moments belong to overdue timers. */
  @Timeout(60_000)
  async onStart(): Promise<void> {
    await this.prune();
  }

  @Interval(PRUNE_EVERY_MS)
  async onInterval(): Promise<void> {
    await this.prune();
  }

  private async prune(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.retention.prune();
    } catch (error) {
      this.logger.error({ err: error }, 'durable timer firing retention failed');
    } finally {
      this.running = false;
    }
  }
}
