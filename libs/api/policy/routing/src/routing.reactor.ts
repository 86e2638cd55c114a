import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { RaciProcessStep, SlaStep, TicketKind, TimerKind } from '@baton/shared/contracts';
import { BatonConfig, DomainEventOrder, DomainEvents, RequestContext, TimerHandlers } from '@baton/api/core';
import { CASE_DOMAIN_EVENT, isCaseDomainEvent, loadCase } from '@baton/api/domain/cases';
import { RACI_SAVED_EVENT, RaciRoutingSettings } from '@baton/api/domain/raci';
import { isTicketDomainEvent, loadTicket, TICKET_DOMAIN_EVENT } from '@baton/api/domain/tickets';
import { RaciAssignment } from './assign/raci-assignment';
import { RaciConsultation } from './consult/raci-consultation';
import { RaciDigests } from './digest/raci-digests';
import { caseRoutingStep, HANDOFF_STEP, isBookingWon } from './steps/routing-steps';
import { ConsultReason } from './steps/routing-texts';

/** The `sla.step` domain event as routing reads it (emitted by the SLA policy; only the fields used here). */
interface SlaStepFacts {
  hotelId: string;
  clockId: string;
  metric: string;
  step: string;
  targetType: 'case' | 'ticket';
  targetId: string;
  raciStep: string;
}

/**
 * Wires RACI routing in every process role: assignment runs in the Shape phase of `case.created` / `ticket.opened`
 * (before the SLA policy, so the T0 notice goes to the owner routing chose), the rest reacts like any policy, all in
 * the transaction of the change. The digest timer handler runs in the worker, which also re-arms missing digests.
 */
@Injectable()
export class RoutingReactor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(RoutingReactor.name);

  constructor(
    private readonly config: BatonConfig,
    private readonly events: DomainEvents,
    private readonly timerHandlers: TimerHandlers,
    private readonly assignment: RaciAssignment,
    private readonly consultation: RaciConsultation,
    private readonly digests: RaciDigests,
  ) {}

  onModuleInit(): void {
    this.events.on(
      CASE_DOMAIN_EVENT.created,
      async (ctx, event) => {
        if (isCaseDomainEvent(event)) {
          await this.assignment.caseCreated(ctx, event);
          if (caseRoutingStep(event.case) === RaciProcessStep.ComplaintResolution) {
            await this.consultation.ask(ctx, {
              hotelId: event.hotelId,
              step: RaciProcessStep.ComplaintResolution,
              reason: ConsultReason.Complaint,
              occasion: event.caseId,
              number: event.caseNumber,
              link: { caseId: event.caseId },
            });
          }
        }
      },
      DomainEventOrder.Shape,
    );
    this.events.on(CASE_DOMAIN_EVENT.handed_off, async (ctx, event) => {
      if (isCaseDomainEvent(event)) {
        await this.assignment.handedOff(ctx, event);
        await this.consultation.ask(ctx, {
          hotelId: event.hotelId,
          step: HANDOFF_STEP,
          reason: ConsultReason.Handoff,
          occasion: String(event.detail['handoffId'] ?? event.caseId),
          number: event.caseNumber,
          link: { caseId: event.caseId },
          values: { team: String(event.detail['toTeam'] ?? ''), reason: String(event.detail['reason'] ?? '') },
        });
      }
    });
    this.events.on(CASE_DOMAIN_EVENT.status_changed, async (ctx, event) => {
      if (isCaseDomainEvent(event) && isBookingWon(event.detail)) {
        await this.assignment.bookingWon(ctx, event);
      }
    });
    this.events.on(
      TICKET_DOMAIN_EVENT.opened,
      async (ctx, event) => {
        if (isTicketDomainEvent(event)) {
          await this.assignment.ticketOpened(ctx, event);
          if (event.ticket.kind === TicketKind.Approval) {
            await this.consultation.ask(ctx, {
              hotelId: event.hotelId,
              step: RaciProcessStep.ContentApproval,
              reason: ConsultReason.Approval,
              occasion: event.ticketId,
              number: event.ticket.number,
              link: { ticketId: event.ticketId },
              values: { title: event.ticket.title },
            });
          }
        }
      },
      DomainEventOrder.Shape,
    );
    this.events.on('sla.step', (ctx, event) => this.slaStep(ctx, event as unknown as SlaStepFacts));
    this.events.on(RACI_SAVED_EVENT, (ctx, event) =>
      this.digests.sync(ctx, event.hotelId, event['routing'] as RaciRoutingSettings),
    );
    this.timerHandlers.register(TimerKind.RaciDigest, (ctx, timer) => this.digests.fire(ctx, timer));
  }

  onApplicationBootstrap(): void {
    if (this.config.runsWorker) {
      // In the background: a worker with thousands of hotels must not wait for this to start firing timers.
      this.digests.rearmAll().catch((err: unknown) => this.logger.error({ err }, 'RACI digest re-arm failed'));
    }
  }

  /** A breached target: the Consulted of the clock's step are asked (A was escalated to by the SLA ladder). */
  private async slaStep(ctx: RequestContext, event: SlaStepFacts): Promise<void> {
    if (event.step !== SlaStep.Breach || !event.raciStep) {
      return;
    }
    const number =
      event.targetType === 'case'
        ? (await loadCase(ctx, event.hotelId, event.targetId)).number
        : (await loadTicket(ctx, event.hotelId, event.targetId)).number;
    await this.consultation.ask(ctx, {
      hotelId: event.hotelId,
      step: event.raciStep,
      reason: ConsultReason.Breach,
      occasion: event.clockId,
      number,
      link: event.targetType === 'case' ? { caseId: event.targetId } : { ticketId: event.targetId },
      values: { metric: event.metric },
    });
  }
}
