import { Injectable, Logger } from '@nestjs/common';
import { Interval, Timeout } from '@nestjs/schedule';
import { TenantTransactions } from '@baton/api/core';
import { DAILY_SUMMARY_CHECK_MS } from '../daily-summary.options';
import { DailySummaryService } from '../services/daily-summary.service';

/**
 * Generates each hotel's summary once its local clock reaches the configured hour. @Interval and @Timeout fire only in
 * processes that import ScheduleModule.forRoot(), i.e. the worker role (apps/api/src/worker/worker.module.ts); an
 * api-only process never runs this. Several workers may run it at once: the summary's primary key and
 * INSERT … ON CONFLICT DO NOTHING keep it to one summary and one e-mail per hotel and day.
 */
@Injectable()
export class DailySummaryJob {
  private readonly logger = new Logger(DailySummaryJob.name);
  private running = false;

  constructor(
    private readonly transactions: TenantTransactions,
    private readonly summaries: DailySummaryService,
  ) {}

  /** Catch up right after a worker starts instead of a full period later. */
  @Timeout(1_000)
  async onStart(): Promise<void> {
    await this.sweep();
  }

  @Interval(DAILY_SUMMARY_CHECK_MS)
  async onInterval(): Promise<void> {
    await this.sweep();
  }

  /** One pass over every hotel, one short tenant-scoped transaction each; returns how many summaries it stored. */
  async sweep(): Promise<number> {
    if (this.running) {
      return 0;
    }
    this.running = true;
    let generated = 0;
    try {
      for (const hotelId of await this.transactions.listTenantIds()) {
        try {
          const stored = await this.transactions.runAsSystem('daily-summary', hotelId, (ctx) =>
            this.summaries.generateIfDue(ctx, hotelId),
          );
          generated += stored ? 1 : 0;
        } catch (error) {
          this.logger.error({ err: error, hotelId }, 'daily summary generation failed');
        }
      }
    } catch (error) {
      this.logger.error({ err: error }, 'daily summary sweep failed');
    } finally {
      this.running = false;
    }
    return generated;
  }
}
