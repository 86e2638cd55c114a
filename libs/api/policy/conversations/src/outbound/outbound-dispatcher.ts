import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BatonConfig, Metrics, RequestContext, TenantTransactions, WorkKind } from '@baton/api/core';
import { CaseOutbox, OutboundWork } from '@baton/api/domain/cases';
import { GuestsService } from '@baton/api/domain/guests';
import { OutboundSender, OutboundSendError } from '@baton/api/domain/intake';
import { backoffMs, HotelDrain, StepOutcome } from '../hotel-drain';
import { WorkNudges } from '../work-nudges';

const MAX_ATTEMPTS = 5;
const LANES = 2;
const ACTOR = 'outbound';

/**
 * Sends agents' replies (case_message rows queued by `replyToCase`) to WhatsApp, Messenger, Instagram or e-mail.
 * The row stays locked for the provider call, so two workers never send it twice; a retryable failure (timeout, 5xx,
 * 429) is retried with backoff, anything else is marked failed and shown on the case with a retry button.
 * A crash after the provider accepted but before COMMIT resends once: providers offer no idempotency key for sends.
 */
@Injectable()
export class OutboundDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboundDispatcher.name);
  private readonly drain = new HotelDrain(OutboundDispatcher.name, LANES, (hotelId) => this.step(hotelId));

  constructor(
    private readonly config: BatonConfig,
    private readonly transactions: TenantTransactions,
    private readonly nudges: WorkNudges,
    private readonly metrics: Metrics,
    private readonly outbox: CaseOutbox,
    private readonly guests: GuestsService,
    private readonly sender: OutboundSender,
  ) {}

  onApplicationBootstrap(): void {
    this.nudges.route(WorkKind.Outbound, (hotelId) => this.drain.kick(hotelId));
    if (this.config.runsWorker) {
      this.drain.startSweep(this.config.INTAKE_SWEEP_MS, () => this.findDue());
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.drain.stop();
  }

  /** Hotels with due rows, in one query over every tenant (the worker may list hotel ids, nothing more). */
  private async findDue(): Promise<string[]> {
    const all = await this.transactions.listTenantIds();
    if (all.length === 0) {
      return [];
    }
    return this.transactions.run(RequestContext.system('outbound-sweep', all), all, (ctx) =>
      this.outbox.hotelsWithDue(ctx),
    );
  }

  private step(hotelId: string): Promise<StepOutcome> {
    return this.transactions.runAsSystem(ACTOR, hotelId, async (ctx) => {
      const [work] = await this.outbox.claim(ctx, hotelId, 1);
      if (!work) {
        return 'empty';
      }
      return this.send(ctx, hotelId, work);
    });
  }

  private async send(ctx: RequestContext, hotelId: string, work: OutboundWork): Promise<StepOutcome> {
    const to = await this.guests.recipientFor(ctx, hotelId, work.guestMemberIds, work.channel);
    if (!to) {
      await this.outbox.markFailed(ctx, hotelId, work.messageId, `The guest has no ${work.channel} contact`, null);
      this.metrics.outboundMessages.inc({ channel: work.channel, outcome: 'failed' });
      return 'failed';
    }
    try {
      const sent = await this.sender.send(ctx, hotelId, {
        channel: work.channel,
        to,
        body: work.body,
        subject: work.subject,
      });
      await this.outbox.markSent(ctx, hotelId, work.messageId, sent.providerMessageId);
      this.metrics.outboundMessages.inc({ channel: work.channel, outcome: 'sent' });
      return 'done';
    } catch (error) {
      const attempts = work.attempts + 1;
      const retryable = error instanceof OutboundSendError ? error.retryable : true;
      const retryAt = retryable && attempts < MAX_ATTEMPTS ? new Date(Date.now() + backoffMs(attempts)) : null;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ hotelId, messageId: work.messageId, attempts, retryable, error: message }, 'send failed');
      await this.outbox.markFailed(ctx, hotelId, work.messageId, message, retryAt);
      this.metrics.outboundMessages.inc({ channel: work.channel, outcome: retryAt ? 'retry' : 'failed' });
      return 'failed';
    }
  }
}
