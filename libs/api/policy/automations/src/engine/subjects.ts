import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AutomationTrigger } from '@baton/shared/contracts';
import { BatonError, DomainEvent, RequestContext } from '@baton/api/core';
import { CaseRecord, isCaseDomainEvent, loadCase } from '@baton/api/domain/cases';
import { isTicketDomainEvent, loadTicket, TicketRecord } from '@baton/api/domain/tickets';
import { caseFacts, minutesBetween, ticketFacts } from '../conditions/rule-facts';
import { triggersOf } from '../triggers/event-triggers';
import type { RunSubject } from './run-subject';

const TICKET_TRIGGERS = [AutomationTrigger.TicketOpened, AutomationTrigger.TicketResolved];

/** Turns a domain event (or a timer firing) into the subject rules are evaluated against. */
@Injectable()
export class Subjects {
  private readonly logger = new Logger('Automations');

  async fromEvent(ctx: RequestContext, event: DomainEvent): Promise<RunSubject | null> {
    const triggers = triggersOf(event as DomainEvent & { detail?: unknown });
    const base = {
      hotelId: event.hotelId,
      triggers,
      eventType: event.type,
      at: new Date(event.at),
      depth: event.depth,
      rootId: typeof event.automationRoot === 'string' ? event.automationRoot : randomUUID(),
      idempotencyBase: null,
    };
    if (isCaseDomainEvent(event)) {
      const detail = event.detail as { direction?: unknown; body?: unknown };
      const guestText = detail.direction === 'inbound' && typeof detail.body === 'string' ? detail.body : null;
      return {
        ...base,
        caseRecord: event.case,
        ticket: null,
        actsOn: 'case',
        facts: caseFacts(event.case, { guestText }),
      };
    }
    if (isTicketDomainEvent(event)) {
      const linked = await this.linkedCase(ctx, event.hotelId, event.ticket);
      return {
        ...base,
        caseRecord: linked,
        ticket: event.ticket,
        actsOn: TICKET_TRIGGERS.some((t) => triggers.includes(t)) ? 'ticket' : 'case',
        facts: ticketFacts(event.ticket, linked),
      };
    }
    if (event.type === 'sla.step') {
      return this.fromSlaStep(ctx, event, base);
    }
    return null;
  }

  /** An inactivity or schedule firing about one case: a root of its own (depth 0). */
  forCase(record: CaseRecord, trigger: AutomationTrigger, eventType: string, idempotencyBase: string): RunSubject {
    return {
      hotelId: record.hotelId,
      triggers: [trigger],
      eventType,
      at: new Date(),
      depth: 0,
      rootId: randomUUID(),
      caseRecord: record,
      ticket: null,
      actsOn: 'case',
      facts: caseFacts(record),
      idempotencyBase,
    };
  }

  private async fromSlaStep(
    ctx: RequestContext,
    event: DomainEvent,
    base: Omit<RunSubject, 'caseRecord' | 'ticket' | 'actsOn' | 'facts'>,
  ): Promise<RunSubject | null> {
    const targetId = String(event.targetId ?? '');
    const minutesToDue = minutesBetween(base.at, event.dueAt);
    try {
      if (event.targetType === 'ticket') {
        const ticket = await loadTicket(ctx, event.hotelId, targetId);
        const linked = await this.linkedCase(ctx, event.hotelId, ticket);
        return {
          ...base,
          caseRecord: linked,
          ticket,
          actsOn: 'ticket',
          facts: ticketFacts(ticket, linked, { minutesToDue }),
        };
      }
      const record = await loadCase(ctx, event.hotelId, targetId);
      return { ...base, caseRecord: record, ticket: null, actsOn: 'case', facts: caseFacts(record, { minutesToDue }) };
    } catch (error) {
      if (error instanceof BatonError) {
        this.logger.warn({ hotelId: event.hotelId, targetId }, 'sla.step for a target that is gone');
        return null;
      }
      throw error;
    }
  }

  private async linkedCase(ctx: RequestContext, hotelId: string, ticket: TicketRecord): Promise<CaseRecord | null> {
    return ticket.caseId ? loadCase(ctx, hotelId, ticket.caseId) : null;
  }
}
