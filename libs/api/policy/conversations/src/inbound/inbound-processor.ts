import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InboundKind, PROVIDER_CHANNEL } from '@baton/shared/contracts';
import { BatonConfig, Metrics, RequestContext, TenantTransactions, WorkKind } from '@baton/api/core';
import { CampaignsService } from '@baton/api/domain/campaigns';
import { CaseIntakeService } from '@baton/api/domain/cases';
import { GuestsService } from '@baton/api/domain/guests';
import { InboundEventRecord, InboundEventsQueue } from '@baton/api/domain/intake';
import { backoffMs, HotelDrain, StepOutcome } from '../hotel-drain';
import { WorkNudges } from '../work-nudges';
import { contactLine, planMessages } from './inbound-mapping';

/** A delivery status can arrive before the outbound message it describes is recorded; try again a few times. */
class RetryLater extends Error {}

const MAX_ATTEMPTS = 8;
const LANES = 4;
const ACTOR = 'intake';

/**
 * Turns stored inbound events into guests, cases and messages (webhook → inbound_event → here → case). One event per
 * transaction: the claim, the guest match, the case update and `processed_at` commit together, so a crash anywhere
 * leaves the event pending and a redelivered webhook finds it already stored — exactly one message and one case update.
 */
@Injectable()
export class InboundProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundProcessor.name);
  private readonly drain = new HotelDrain(InboundProcessor.name, LANES, (hotelId) => this.step(hotelId));

  constructor(
    private readonly config: BatonConfig,
    private readonly transactions: TenantTransactions,
    private readonly nudges: WorkNudges,
    private readonly metrics: Metrics,
    private readonly queue: InboundEventsQueue,
    private readonly guests: GuestsService,
    private readonly cases: CaseIntakeService,
    private readonly campaigns: CampaignsService,
  ) {}

  onApplicationBootstrap(): void {
    this.nudges.route(WorkKind.Inbound, (hotelId) => this.drain.kick(hotelId));
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
    return this.transactions.run(RequestContext.system('intake-sweep', all), all, (ctx) =>
      this.queue.hotelsWithPending(ctx),
    );
  }

  private async step(hotelId: string): Promise<StepOutcome> {
    const held: { event: InboundEventRecord | null } = { event: null };
    const started = process.hrtime.bigint();
    try {
      const outcome = await this.transactions.runAsSystem(ACTOR, hotelId, async (ctx) => {
        const [event] = await this.queue.claim(ctx, hotelId, 1);
        if (!event) {
          return 'empty' as const;
        }
        held.event = event;
        await this.handle(ctx, hotelId, event);
        await this.queue.markProcessed(ctx, hotelId, event.id);
        return 'done' as const;
      });
      if (held.event) {
        this.observe(held.event, started, 'ok');
      }
      return outcome;
    } catch (error) {
      const event = held.event;
      if (!event) {
        throw error;
      }
      this.observe(event, started, 'failed');
      const attempts = event.attempts + 1;
      const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + backoffMs(attempts));
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof RetryLater)) {
        this.logger.warn({ err: error, hotelId, eventId: event.id, attempts }, 'inbound event failed');
      }
      await this.transactions.runAsSystem(ACTOR, hotelId, (ctx) =>
        this.queue.markFailed(ctx, hotelId, event.id, message, retryAt),
      );
      return 'failed';
    }
  }

  private async handle(ctx: RequestContext, hotelId: string, event: InboundEventRecord): Promise<void> {
    const channel = PROVIDER_CHANNEL[event.provider];
    if (event.kind === InboundKind.Status) {
      const status = event.payload.status;
      if (!status) {
        return;
      }
      const found = await this.cases.applyDeliveryStatus(
        ctx,
        hotelId,
        channel,
        status.providerMessageId,
        status.status,
        event.occurredAt,
        status.error,
      );
      if (!found) {
        throw new RetryLater(`no outbound message ${status.providerMessageId} yet`);
      }
      return;
    }
    const payload = event.payload;
    const guest = await this.guests.resolveForInbound(ctx, hotelId, payload.contact);
    const utm = payload.utm ?? null;
    const campaign = utm?.campaign ? await this.campaigns.findByUtm(ctx, hotelId, utm.campaign) : null;
    for (const plan of planMessages(event.provider, event.externalId, payload)) {
      const result = await this.cases.recordInbound(ctx, hotelId, {
        guestId: guest.guestId,
        guestMemberIds: guest.memberIds,
        channel: plan.channel,
        source: event.provider,
        providerMessageId: plan.providerMessageId,
        occurredAt: event.occurredAt,
        contentType: plan.contentType,
        body: plan.body,
        attachment: plan.attachment,
        direction: plan.direction,
        guestName: payload.contact.displayName ?? null,
        contact: contactLine(payload),
        requestText: plan.requestText,
        requestType: plan.requestType,
        utm,
        campaignId: campaign?.id ?? null,
      });
      if (result.createdCase) {
        await this.guests.recordCaseOpened(ctx, hotelId, guest.guestId);
      }
    }
  }

  private observe(event: InboundEventRecord, started: bigint, outcome: string): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.metrics.inboundProcessing.observe({ kind: event.kind, outcome }, seconds);
  }
}
