import type { RuleFacts } from './evaluate-conditions';

/** The case fields rules look at (a CaseRecord fits; so does the dry-run's reconstructed state). */
export interface CaseLike {
  id: string;
  number: string;
  status: string;
  priority: string;
  channel: string;
  requestType: string | null;
  labels: readonly string[];
  team: string | null;
  ownerId: string | null;
  ownerName?: string | null;
  guestName: string | null;
  requestText: string | null;
  messageRounds: number;
}

/**
 * The ticket fields rules look at. Read defensively from the tickets library's TicketRecord (a policy adapts to the
 * domain's payload, not the other way round).
 */
export interface TicketLike {
  id: string;
  number: string | null;
  title: string | null;
  kind: string | null;
  status: string | null;
  priority: string | null;
  team: string | null;
  ownerId: string | null;
  caseId: string | null;
}

export function ticketLike(raw: unknown): TicketLike | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const t = raw as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  const id = text(t.id);
  if (!id) {
    return null;
  }
  return {
    id,
    number: text(t.number),
    title: text(t.title),
    kind: text(t.kind),
    status: text(t.status),
    priority: text(t.priority),
    team: text(t.team),
    ownerId: text(t.ownerId),
    caseId: text(t.caseId),
  };
}

/** Facts of a case event. `guestText`: the guest's message when the event carries one, else the request text. */
export function caseFacts(
  record: CaseLike,
  extra: { guestText?: string | null; minutesToDue?: number | null; businessHours?: boolean | null } = {},
): RuleFacts {
  return {
    priority: record.priority,
    channel: record.channel,
    requestType: record.requestType,
    labels: record.labels,
    status: record.status,
    team: record.team,
    ownerId: record.ownerId,
    messageRounds: record.messageRounds,
    guestText: extra.guestText ?? record.requestText ?? '',
    ticketKind: null,
    minutesToDue: extra.minutesToDue ?? null,
    businessHours: extra.businessHours ?? null,
  };
}

/**
 * Facts of a ticket event: the ticket's own priority, status, team and owner; channel, request type, labels, rounds
 * and text from its case when it has one.
 */
export function ticketFacts(
  ticket: TicketLike,
  linked: CaseLike | null,
  extra: { minutesToDue?: number | null; businessHours?: boolean | null } = {},
): RuleFacts {
  return {
    priority: ticket.priority,
    channel: linked?.channel ?? null,
    requestType: linked?.requestType ?? null,
    labels: linked?.labels ?? [],
    status: ticket.status,
    team: ticket.team,
    ownerId: ticket.ownerId,
    messageRounds: linked?.messageRounds ?? 0,
    guestText: linked?.requestText ?? '',
    ticketKind: ticket.kind,
    minutesToDue: extra.minutesToDue ?? null,
    businessHours: extra.businessHours ?? null,
  };
}

/** Whole minutes from `at` to `dueAt` (negative once due passed), or null. */
export function minutesBetween(at: Date, dueAt: unknown): number | null {
  const due = typeof dueAt === 'string' || dueAt instanceof Date ? new Date(dueAt) : null;
  if (!due || Number.isNaN(due.getTime())) {
    return null;
  }
  return Math.floor((due.getTime() - at.getTime()) / 60_000);
}
