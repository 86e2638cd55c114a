import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Mailer, TenantTransactions } from '@baton/api/core';
import { SummaryMail } from './daily-summary.mail';

export interface SummaryDelivery {
  hotelId: string;
  date: string;
  to: string[];
  mail: SummaryMail;
}

const MAX_ERROR_LENGTH = 500;

/**
 * E-mails a stored summary after the transaction that inserted it has committed: no SMTP round trip holds a database
 * transaction or the summary's row lock, and a rolled-back summary is never mailed. The outcome is recorded on the
 * row (emailed_at, or email_error) in a transaction of its own.
 */
@Injectable()
export class DailySummaryDelivery implements OnModuleDestroy {
  private readonly logger = new Logger(DailySummaryDelivery.name);
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly mailer: Mailer,
    private readonly transactions: TenantTransactions,
  ) {}

  /** Starts the delivery in the background (call it from an after-commit callback). */
  dispatch(delivery: SummaryDelivery): void {
    const run = this.deliver(delivery).finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  /** Lets deliveries under way finish on shutdown (bounded by the process's shutdown grace period). */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async deliver({ hotelId, date, to, mail }: SummaryDelivery): Promise<void> {
    let error: string | null = null;
    if (!this.mailer.configured) {
      error = 'SMTP not configured';
    } else if (to.length === 0) {
      error = 'No recipients';
    } else {
      try {
        await this.mailer.send({ to, ...mail });
      } catch (cause) {
        error = (cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR_LENGTH) || 'SMTP error';
        this.logger.warn({ err: cause, hotelId, date }, 'daily summary e-mail failed');
      }
    }
    try {
      await this.transactions.runAsSystem('daily-summary', hotelId, (ctx) =>
        ctx.tx.query(
          `UPDATE daily_summary SET emailed_at = CASE WHEN $3::text IS NULL THEN now() END, email_error = $3
            WHERE tenant_id = $1 AND summary_date = $2`,
          [hotelId, date, error],
        ),
      );
    } catch (cause) {
      this.logger.error({ err: cause, hotelId, date }, 'could not record the daily summary e-mail outcome');
    }
  }
}
