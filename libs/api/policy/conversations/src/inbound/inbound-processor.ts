import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InboundKind, PROVIDER_CHANNEL } from '@baton/shared/contracts';
import { BatonConfig, Metrics, RequestContext, TenantTransactions, WorkKind } from '@baton/api/core';
import { CampaignsService } from '@baton/api/domain/campaigns';
import { CaseIntakeService } from '@baton/api/domain/cases';
import { GuestsService } from '@baton/api/domain/guests';
import { InboundEventRecord, InboundEventsQueue, IntakePressure } from '@baton/api/domain/intake';
import { backoffMs, HotelDrain, StepOutcome } from '../hotel-drain';
import { WorkNudges } from '../work-nudges';
import { contactLine, planMessages } from './inbound-mapping';

/** A delivery status can arrive before the outbound message it describes is recorded; try again a few times. */
class RetryLater extends Error {}

const MAX_ATTEMPTS = 8;
const ACTOR = 'intake';
/**
 * In an API + worker process, how long a batch waits at most for webhook intake to quiet down (checked every
 * YIELD_POLL_MS): acknowledgements go first, and processing still advances by at least one batch per lane this often.
 */
const MAX_YIELD_MS = 2000;
const YIELD_POLL_MS = 50;

/**
 * Turns stored inbound events into guests, cases and messages (webhook → inbound_event → here → case). One transaction
 * per batch: it claims up to INBOUND_BATCH_SIZE due events of a hotel (FOR UPDATE SKIP LOCKED) and handles each in a
 * savepoint of its own, with the SLA and automation work its domain events cause drained inside that savepoint. An
 * event that fails rolls back to its savepoint alone and is marked failed (with backoff) in the same transaction; the
 * others and their `processed_at` commit together. A crash anywhere leaves the whole batch pending, and a redelivered
 * webhook finds the event already stored: exactly one message and one case update per event. A batch stops taking
 * events after INBOUND_BATCH_BUDGET_MS (the rest is released at COMMIT): a new case holds the hotel's gap-free case
 * counter until COMMIT, which is also why one lane per hotel (INBOUND_LANES) is the default.
 */
@Injectable()
export class InboundProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundProcessor.name);
  private readonly drain: HotelDrain;
  /** Hotels whose last batch failed as a whole: their next claims take one event each, so a bad one is found alone. */
  private readonly singles = new Map<string, number>();

  constructor(
    private readonly config: BatonConfig,
    private readonly transactions: TenantTransactions,
    private readonly nudges: WorkNudges,
    private readonly metrics: Metrics,
    private readonly queue: InboundEventsQueue,
    private readonly guests: GuestsService,
    private readonly cases: CaseIntakeService,
    private readonly campaigns: CampaignsService,
    private readonly pressure: IntakePressure,
  ) {
    this.drain = new HotelDrain(InboundProcessor.name, config.INBOUND_LANES, (hotelId) => this.step(hotelId));
  }

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
    await this.yieldToIntake();
    const limit = this.singles.has(hotelId) ? 1 : this.config.INBOUND_BATCH_SIZE;
    const claimed: InboundEventRecord[] = [];
    try {
      const outcome = await this.transactions.runAsSystem(ACTOR, hotelId, async (ctx) => {
        claimed.push(...(await this.queue.claim(ctx, hotelId, limit)));
        if (claimed.length === 0) {
          return 'empty' as const;
        }
        const started = Date.now();
        const handled: string[] = [];
        let failed = 0;
        for (const event of claimed) {
          if (Date.now() - started > this.config.INBOUND_BATCH_BUDGET_MS) {
            break;
          }
          if (await this.handleInSavepoint(ctx, hotelId, event)) {
            handled.push(event.id);
          } else {
            failed += 1;
          }
        }
        await this.queue.markProcessedMany(ctx, hotelId, handled);
        return failed === 0 ? ('done' as const) : ('failed' as const);
      });
      this.countSingle(hotelId, claimed.length);
      return outcome;
    } catch (error) {
      // The transaction itself failed (connection, commit): nothing of the batch was written and every event is
      // pending again. One event is marked failed as before; a larger batch is retried one event per transaction.
      if (claimed.length === 0) {
        throw error;
      }
      this.logger.warn({ err: error, hotelId, events: claimed.length }, 'inbound batch failed as a whole');
      if (claimed.length === 1) {
        await this.transactions.runAsSystem(ACTOR, hotelId, (ctx) => this.markFailed(ctx, hotelId, claimed[0], error));
        this.countSingle(hotelId, 1);
      } else {
        this.singles.set(hotelId, claimed.length);
      }
      return 'failed';
    }
  }

  /**
   * A priority choice for `BATON_ROLE=all`: HTTP and this worker share one event loop, and while webhooks pour in
   * every round trip of a batch queues behind them (the batch gets slower, holds its locks longer and takes CPU from
   * the acknowledgements). So the next batch waits until intake is quiet, up to MAX_YIELD_MS. The backlog stays
   * durable in inbound_event and is drained when the burst ends; the lag shows in baton_inbound_intake_yield_seconds
   * and tools/bench/ingest. A worker-only process never waits.
   */
  private async yieldToIntake(): Promise<void> {
    if (!this.config.runsApi || !this.pressure.busy) {
      return;
    }
    const started = Date.now();
    while (this.pressure.busy && Date.now() - started < MAX_YIELD_MS) {
      await new Promise((resolve) => setTimeout(resolve, YIELD_POLL_MS));
    }
    this.metrics.inboundYield.inc((Date.now() - started) / 1000);
  }

  /** True when the event was handled; false when it failed, was rolled back to its savepoint and marked failed. */
  private async handleInSavepoint(ctx: RequestContext, hotelId: string, event: InboundEventRecord): Promise<boolean> {
    const started = process.hrtime.bigint();
    try {
      await this.transactions.savepoint(ctx, (unit) => this.handle(unit, hotelId, event));
      this.observe(event, started, 'ok');
      return true;
    } catch (error) {
      this.observe(event, started, 'failed');
      await this.markFailed(ctx, hotelId, event, error);
      return false;
    }
  }

  private async markFailed(
    ctx: RequestContext,
    hotelId: string,
    event: InboundEventRecord,
    error: unknown,
  ): Promise<void> {
    const attempts = event.attempts + 1;
    const retryAt = attempts >= MAX_ATTEMPTS ? null : new Date(Date.now() + backoffMs(attempts));
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof RetryLater)) {
      this.logger.warn({ err: error, hotelId, eventId: event.id, attempts }, 'inbound event failed');
    }
    await this.queue.markFailed(ctx, hotelId, event.id, message, retryAt);
  }

  /** Counts down the single-event claims after a batch failed as a whole. */
  private countSingle(hotelId: string, events: number): void {
    const left = this.singles.get(hotelId);
    if (left === undefined) {
      return;
    }
    if (left - events <= 0) {
      this.singles.delete(hotelId);
    } else {
      this.singles.set(hotelId, left - events);
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
