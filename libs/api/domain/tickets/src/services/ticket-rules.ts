import { TicketKind, TicketStatus } from '@baton/shared/contracts';

/** Pure rules of the ticket pipeline, shared by the services, the Ticket object and the tests. */

type Pipeline = Readonly<Record<TicketStatus, readonly TicketStatus[]>>;

/**
 * A guest-facing ticket is resolved by the hotel, then waits for the guest: confirmed (or N days without an answer)
 * closes it, "not fixed" sends it back to work.
 */
const GUEST_PIPELINE: Pipeline = {
  [TicketStatus.Open]: [TicketStatus.InProgress, TicketStatus.AwaitingConfirmation, TicketStatus.Cancelled],
  [TicketStatus.InProgress]: [TicketStatus.AwaitingConfirmation, TicketStatus.Cancelled],
  [TicketStatus.AwaitingConfirmation]: [TicketStatus.Closed, TicketStatus.InProgress],
  [TicketStatus.Resolved]: [TicketStatus.Closed, TicketStatus.InProgress],
  [TicketStatus.Closed]: [],
  [TicketStatus.Cancelled]: [],
};

/** Tasks, callbacks and approvals have no guest to confirm: resolved, then closed (or reopened). */
const INTERNAL_PIPELINE: Pipeline = {
  [TicketStatus.Open]: [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Cancelled],
  [TicketStatus.InProgress]: [TicketStatus.Resolved, TicketStatus.Cancelled],
  [TicketStatus.AwaitingConfirmation]: [TicketStatus.Closed, TicketStatus.InProgress],
  [TicketStatus.Resolved]: [TicketStatus.Closed, TicketStatus.InProgress],
  [TicketStatus.Closed]: [],
  [TicketStatus.Cancelled]: [],
};

export function ticketPipeline(kind: TicketKind): Pipeline {
  return kind === TicketKind.Ticket ? GUEST_PIPELINE : INTERNAL_PIPELINE;
}

/** Statuses that may follow `status` for a ticket of `kind`. */
export function nextTicketStatuses(kind: TicketKind, status: TicketStatus): TicketStatus[] {
  return [...ticketPipeline(kind)[status]];
}

export function canTransitionTicket(kind: TicketKind, from: TicketStatus, to: TicketStatus): boolean {
  return ticketPipeline(kind)[from].includes(to);
}

/** closed and cancelled end a ticket for good: a guest who complains again gets a new ticket. */
export function isTerminalTicketStatus(status: TicketStatus): boolean {
  return status === TicketStatus.Closed || status === TicketStatus.Cancelled;
}

/** Where the hotel's work is done (the resolution SLA stops here); awaiting confirmation counts as resolved. */
export function isResolvedTicketStatus(status: TicketStatus): boolean {
  return status === TicketStatus.Resolved || status === TicketStatus.AwaitingConfirmation;
}

/** `BLK-T-000123`: hotel code, T, at least six digits (more once the hotel passes 999999 tickets). */
export function formatTicketNumber(hotelCode: string, value: number): string {
  return `${hotelCode}-T-${String(value).padStart(6, '0')}`;
}

/** The category a ticket gets when the creator names none. */
export function defaultTicketCategory(kind: TicketKind): string {
  switch (kind) {
    case TicketKind.Callback:
      return 'callback';
    case TicketKind.Approval:
      return 'content_approval';
    case TicketKind.Ticket:
    case TicketKind.Task:
      return 'other';
  }
}

export const DEFAULT_CONFIRMATION_DAYS = 3;

export interface DefaultTicketCategory {
  code: string;
  labelTr: string;
  labelEn: string;
}

/** What a hotel starts with (seeded on first use; sort order is the list order: 10, 20, ...). */
export const DEFAULT_TICKET_CATEGORIES: readonly DefaultTicketCategory[] = [
  { code: 'complaint', labelTr: 'Şikayet', labelEn: 'Complaint' },
  { code: 'maintenance', labelTr: 'Teknik servis', labelEn: 'Maintenance' },
  { code: 'billing', labelTr: 'Fatura / ödeme', labelEn: 'Billing' },
  { code: 'reservation_change', labelTr: 'Rezervasyon değişikliği', labelEn: 'Reservation change' },
  { code: 'content_approval', labelTr: 'İçerik onayı', labelEn: 'Content approval' },
  { code: 'callback', labelTr: 'Geri arama', labelEn: 'Callback' },
  { code: 'other', labelTr: 'Diğer', labelEn: 'Other' },
];
