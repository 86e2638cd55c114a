import { Injectable, Logger } from '@nestjs/common';
import { NotificationChannel, RaciProcessStep, RaciRole, TicketKind } from '@baton/shared/contracts';
import { BatonError, RequestContext } from '@baton/api/core';
import { CaseDomainEvent, CaseEditingService, isTerminal } from '@baton/api/domain/cases';
import { Notifications } from '@baton/api/domain/notifications';
import { RaciService } from '@baton/api/domain/raci';
import { TicketCategories, TicketDomainEvent, TicketsService } from '@baton/api/domain/tickets';
import { caseRoutingStep, HANDOFF_STEP, ticketRoutingStep } from '../steps/routing-steps';
import { hotelFacts, routingText } from '../steps/routing-texts';
import { AssigneePicker } from './assignee-picker';

/** The system actor routing changes are audited as. */
export const ROUTING_ACTOR = 'RACI routing';

/** The ticket category of PMS-entry tasks when the hotel has one (else `other`). */
const PMS_CATEGORY = 'pms_entry';

/**
 * "R gets the assignment": new cases and tickets nobody owns go to the Responsible party of their step (a person
 * picked by load, and the party's case team), a handoff is announced to the Responsible of the call center's
 * follow-up, and a won booking becomes a PMS-entry task for the Responsible of PMS entry. Only on hotels whose matrix
 * has auto-assign on; a step without R leaves the work where it is.
 */
@Injectable()
export class RaciAssignment {
  private readonly logger = new Logger(RaciAssignment.name);

  constructor(
    private readonly raci: RaciService,
    private readonly picker: AssigneePicker,
    private readonly editing: CaseEditingService,
    private readonly tickets: TicketsService,
    private readonly categories: TicketCategories,
    private readonly notifications: Notifications,
  ) {}

  async caseCreated(ctx: RequestContext, event: CaseDomainEvent): Promise<void> {
    const record = event.case;
    if (record.ownerId || record.mergedIntoId || isTerminal(record.status) || !(await this.autoAssigns(ctx, event))) {
      return;
    }
    const responsible = await this.raci.resolve(ctx, record.hotelId, caseRoutingStep(record), RaciRole.Responsible);
    const ownerId = await this.picker.pick(ctx, record.hotelId, responsible.userIds);
    const team = record.team ?? responsible.team;
    if (!ownerId && !team) {
      return;
    }
    const change = { ...(ownerId ? { ownerId } : {}), ...(team && team !== record.team ? { team } : {}) };
    await this.guarded(ctx, event, () =>
      this.editing.assign(
        ctx.actingAsSystem(ROUTING_ACTOR, record.hotelId),
        { hotelId: record.hotelId, id: record.id, ...change },
        { depth: event.depth + 1 },
      ),
    );
  }

  async ticketOpened(ctx: RequestContext, event: TicketDomainEvent): Promise<void> {
    const ticket = event.ticket;
    const step = ticketRoutingStep(ticket);
    if (ticket.ownerId || !step || !(await this.autoAssigns(ctx, event))) {
      return;
    }
    const responsible = await this.raci.resolve(ctx, ticket.hotelId, step, RaciRole.Responsible);
    const ownerId = await this.picker.pick(ctx, ticket.hotelId, responsible.userIds);
    if (!ownerId) {
      return;
    }
    await this.guarded(ctx, event, () =>
      this.tickets.assign(
        ctx.actingAsSystem(ROUTING_ACTOR, ticket.hotelId),
        { hotelId: ticket.hotelId, id: ticket.id, ownerId, ...(ticket.team ? {} : { team: responsible.team }) },
        { depth: event.depth + 1 },
      ),
    );
  }

  /** The receiving side must accept a handoff: its Responsible people hear of it (in-app) at once. */
  async handedOff(ctx: RequestContext, event: CaseDomainEvent): Promise<void> {
    const record = event.case;
    const responsible = await this.raci.resolve(ctx, record.hotelId, HANDOFF_STEP, RaciRole.Responsible);
    if (responsible.userIds.length === 0) {
      return;
    }
    const hotel = await hotelFacts(ctx, record.hotelId);
    const values = {
      number: record.number,
      team: String(event.detail['toTeam'] ?? ''),
      reason: String(event.detail['reason'] ?? ''),
    };
    await this.notifications.notify(ctx, {
      hotelId: record.hotelId,
      userIds: responsible.userIds,
      kind: 'raci.handoff',
      title: routingText(hotel.locale, 'handoffTitle', values),
      body: routingText(hotel.locale, 'handoffBody', values),
      link: { caseId: record.id },
      channels: [NotificationChannel.InApp],
      idempotencyKey: `raci.handoff:${String(event.detail['handoffId'] ?? record.id)}`,
    });
  }

  /** A won booking: a PMS-entry task for the Responsible of PMS entry, once per case while one is open. */
  async bookingWon(ctx: RequestContext, event: CaseDomainEvent): Promise<void> {
    const record = event.case;
    if (!(await this.autoAssigns(ctx, event))) {
      return;
    }
    const responsible = await this.raci.resolve(ctx, record.hotelId, RaciProcessStep.PmsEntry, RaciRole.Responsible);
    if (responsible.parties.length === 0) {
      return;
    }
    const categories = await this.categories.list(ctx, record.hotelId);
    const category = categories.some((c) => c.code === PMS_CATEGORY && c.active) ? PMS_CATEGORY : 'other';
    const open: unknown[] = await ctx.tx.query(
      `SELECT 1 FROM ticket WHERE tenant_id = $1 AND case_id = $2 AND kind = $3 AND category = $4
          AND status IN ('open', 'in_progress') LIMIT 1`,
      [record.hotelId, record.id, TicketKind.Task, category],
    );
    if (open.length > 0) {
      return;
    }
    const hotel = await hotelFacts(ctx, record.hotelId);
    const values = { number: record.number, guest: record.guestName ?? '—' };
    const ownerId = await this.picker.pick(ctx, record.hotelId, responsible.userIds);
    await this.guarded(ctx, event, () =>
      this.tickets.create(ctx.actingAsSystem(ROUTING_ACTOR, record.hotelId), {
        hotelId: record.hotelId,
        kind: TicketKind.Task,
        category,
        title: routingText(hotel.locale, 'pmsTitle', values),
        description: routingText(hotel.locale, 'pmsBody', values),
        caseId: record.id,
        ownerId,
        team: responsible.team,
        depth: event.depth + 1,
      }),
    );
  }

  private async autoAssigns(ctx: RequestContext, event: { hotelId: string }): Promise<boolean> {
    return (await this.raci.routing(ctx, event.hotelId))?.autoAssign ?? false;
  }

  /**
   * A refusal by the owning service (a RACI team code the hotel has since switched off) must not undo the change that
   * triggered routing: whatever the routing step wrote is rolled back to a savepoint, the work stays unassigned and
   * the refusal is logged. Other errors propagate and roll the whole transaction back.
   */
  private async guarded(
    ctx: RequestContext,
    event: { type: string; hotelId: string },
    work: () => Promise<unknown>,
  ): Promise<void> {
    await ctx.tx.query('SAVEPOINT raci_routing');
    try {
      await work();
    } catch (error) {
      if (!(error instanceof BatonError)) {
        throw error;
      }
      await ctx.tx.query('ROLLBACK TO SAVEPOINT raci_routing');
      this.logger.warn({ type: event.type, hotelId: event.hotelId, err: error.message }, 'RACI routing refused');
      return;
    }
    await ctx.tx.query('RELEASE SAVEPOINT raci_routing');
  }
}
