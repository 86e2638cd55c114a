import { TenantEvent, tenantChannel, TicketStatus } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { TICKET_DOMAIN_EVENT, TicketDomainEventType } from '../events/ticket.domain-events';
import { loadTicket, TicketRecord } from './ticket-record';
import { isResolvedTicketStatus } from './ticket-rules';

/** Kinds of `ticketEvents` pushed to subscribers: one per change. */
export enum TicketEventKind {
  Opened = 'opened',
  Updated = 'updated',
  StatusChanged = 'status_changed',
  NoteAdded = 'note_added',
}

/** What goes over `tenant:<hotel>:tickets`: the change and the ticket right after it (no personal data to mask). */
export interface TicketEventPayload {
  hotelId: string;
  kind: TicketEventKind;
  ticketId: string;
  ticketNumber: string;
  at: string;
  ticket: TicketRecord;
}

export interface PublishOptions {
  detail?: Record<string, unknown>;
  /** Handler hops that led here (an automation creating a ticket passes its event's depth + 1). */
  depth?: number;
}

function domainTypes(kind: TicketEventKind, record: TicketRecord): TicketDomainEventType[] {
  switch (kind) {
    case TicketEventKind.Opened:
      return [TICKET_DOMAIN_EVENT.opened];
    case TicketEventKind.Updated:
      return [TICKET_DOMAIN_EVENT.updated];
    case TicketEventKind.NoteAdded:
      return [TICKET_DOMAIN_EVENT.noteAdded];
    case TicketEventKind.StatusChanged:
      return [
        TICKET_DOMAIN_EVENT.statusChanged,
        ...(isResolvedTicketStatus(record.status) ? [TICKET_DOMAIN_EVENT.resolved] : []),
        ...(record.status === TicketStatus.Closed ? [TICKET_DOMAIN_EVENT.closed] : []),
      ];
  }
}

/**
 * Queues the live event for after COMMIT and records the domain events in the transaction, so SLA clocks and
 * automation rules react before COMMIT (their timers and outbox rows commit with the change).
 */
export function publishTicketEvent(
  ctx: RequestContext,
  record: TicketRecord,
  kind: TicketEventKind,
  options: PublishOptions = {},
): void {
  const at = new Date().toISOString();
  const payload: TicketEventPayload = {
    hotelId: record.hotelId,
    kind,
    ticketId: record.id,
    ticketNumber: record.number,
    at,
    ticket: record,
  };
  ctx.publishAfterCommit(tenantChannel(record.hotelId, TenantEvent.Tickets), payload);
  for (const type of domainTypes(kind, record)) {
    ctx.emit({
      type,
      hotelId: record.hotelId,
      at,
      depth: options.depth ?? 0,
      ticketId: record.id,
      ticket: record,
      detail: options.detail ?? {},
    });
  }
}

/** Re-reads the ticket after a change (so the events carry the state about to commit) and publishes it. */
export async function reloadAndPublish(
  ctx: RequestContext,
  hotelId: string,
  ticketId: string,
  kind: TicketEventKind,
  options: PublishOptions = {},
): Promise<TicketRecord> {
  const record = await loadTicket(ctx, hotelId, ticketId);
  publishTicketEvent(ctx, record, kind, options);
  return record;
}
