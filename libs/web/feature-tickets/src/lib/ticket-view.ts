/** Pure helpers of the ticket pages (no Vue, no Apollo). */
import { TicketKind, TicketStatus } from '@baton/shared/contracts';

export const TICKET_STATUSES: readonly string[] = Object.values(TicketStatus);
export const TICKET_KINDS: readonly string[] = Object.values(TicketKind);

/** Statuses where the hotel still has work to do: the list's default view. */
export const ACTIVE_TICKET_STATUSES: readonly string[] = [
  TicketStatus.Open,
  TicketStatus.InProgress,
  TicketStatus.AwaitingConfirmation,
];

/** The category a new ticket of `kind` starts with (the API's default for that kind). */
export function defaultCategoryFor(kind: string): string {
  switch (kind) {
    case TicketKind.Callback:
      return 'callback';
    case TicketKind.Approval:
      return 'content_approval';
    default:
      return 'complaint';
  }
}

/**
 * The generic status buttons of a ticket: every allowed next status except those with a dedicated control —
 * confirming or denying the guest's confirmation, and an approval's decision (which resolves it).
 */
export function statusActions(kind: string, status: string, allowed: readonly string[]): string[] {
  return allowed.filter((to) => {
    if (status === TicketStatus.AwaitingConfirmation && to === TicketStatus.InProgress) {
      return false;
    }
    return !(kind === TicketKind.Approval && to === TicketStatus.Resolved);
  });
}
