import type { DomainEvent } from '@baton/api/core';
import type { TicketRecord } from '../services/ticket-record';

/**
 * Domain event types of the tickets library. A status change always emits `ticket.status_changed`; reaching resolved
 * or awaiting_confirmation also emits `ticket.resolved`, reaching closed also emits `ticket.closed`.
 */
export const TICKET_DOMAIN_EVENT = {
  opened: 'ticket.opened',
  updated: 'ticket.updated',
  statusChanged: 'ticket.status_changed',
  resolved: 'ticket.resolved',
  closed: 'ticket.closed',
  noteAdded: 'ticket.note_added',
} as const;

export type TicketDomainEventType = (typeof TICKET_DOMAIN_EVENT)[keyof typeof TICKET_DOMAIN_EVENT];

/**
 * What SLA and automation policies receive, inside the transaction of the change: the ticket right after it.
 * detail per type:
 * - opened: { source: 'manual' | 'rule', ruleId }
 * - updated: { changed: string[], previousOwnerId? }
 * - status_changed / resolved / closed: { from, to, closure, reason }
 * - note_added: { noteId }
 */
export interface TicketDomainEvent extends DomainEvent {
  type: TicketDomainEventType;
  ticketId: string;
  ticket: TicketRecord;
  detail: Record<string, unknown>;
}

export function isTicketDomainEvent(event: DomainEvent): event is TicketDomainEvent {
  return typeof event.type === 'string' && event.type.startsWith('ticket.') && typeof event.ticketId === 'string';
}
