import type { CaseLike } from '../conditions/rule-facts';

/**
 * The history a dry-run replays, as plain rows (loaded by history-loader.ts, replayed by replay.ts). Only facts
 * Baton records with a time are events; fields without history (priority, labels, request type) are taken from the
 * case as it is now.
 */
export interface HistoryCase extends CaseLike {
  guestId: string;
  contact: string | null;
  mergedIntoId: string | null;
  createdAt: Date;
}

export interface HistoryTicket {
  id: string;
  number: string;
  title: string;
  kind: string;
  priority: string;
  team: string | null;
  ownerId: string | null;
  caseId: string | null;
}

export type HistoryEvent =
  | { kind: 'case_created'; at: Date; caseId: string }
  | { kind: 'message'; at: Date; caseId: string; direction: 'inbound' | 'outbound'; body: string }
  | { kind: 'status'; at: Date; caseId: string; from: string | null; to: string }
  | { kind: 'handoff'; at: Date; caseId: string; fromTeam: string | null; toTeam: string; reason: string }
  | { kind: 'handoff_accepted'; at: Date; caseId: string; toTeam: string; acceptedBy: string | null }
  | { kind: 'ticket_opened'; at: Date; ticketId: string }
  | { kind: 'ticket_status'; at: Date; ticketId: string; to: string }
  | {
      kind: 'sla_step';
      at: Date;
      targetType: 'case' | 'ticket';
      targetId: string;
      step: string;
      metric: string;
      dueAt: Date | null;
    };

export interface History {
  from: Date;
  to: Date;
  hotelName: string;
  timeZone: string;
  cases: HistoryCase[];
  tickets: HistoryTicket[];
  /** Any order; the replay sorts them. Events before `from` only build up state. */
  events: HistoryEvent[];
  keywordSets: ReadonlyMap<string, readonly string[]>;
  /** Inside business hours at an instant (the hotel's calendar); null when no rule needs it. */
  businessHours: ((at: Date) => boolean) | null;
  /** More cases were active in the window than the replay loads. */
  casesTruncated: boolean;
}

/** The case as the replay tracks it through time. */
export interface CaseState extends HistoryCase {
  waitingSince: Date | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  lastGuestText: string | null;
  exists: boolean;
}

/** Status-like bookkeeping of a ticket through time. */
export interface TicketState extends HistoryTicket {
  status: string;
  exists: boolean;
}
