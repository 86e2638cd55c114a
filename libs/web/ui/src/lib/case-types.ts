/**
 * View models of the case, inbox and campaign components. Structural on purpose: the data-access types (and the
 * pages' small mappings of them) fit without this library knowing where they come from.
 */

/** A choice in a select, already translated. */
export interface Option {
  value: string;
  label: string;
}

export interface CaseRowView {
  id: string;
  number: string;
  guestName: string | null;
  channel: string;
  /** Translated request type (dictionary label), or null. */
  requestTypeLabel: string | null;
  priority: string;
  status: string;
  ownerName: string | null;
  waitingSince: string | null;
  lastActivityAt: string;
  labels: readonly string[];
}

export interface CaseFilterView {
  statuses: readonly string[];
  channel: string | null;
  priority: string | null;
  owner: 'any' | 'me' | 'unassigned';
  label: string | null;
  search: string;
}

export interface QueueChannelView {
  channel: string;
  open: number;
  unassigned: number;
  waiting: number;
  oldestWaitingSince: string | null;
}

export interface QueueView {
  open: number;
  unassigned: number;
  waiting: number;
  oldestWaitingSince: string | null;
  byChannel: readonly QueueChannelView[];
}

export interface TimelineMessageView {
  id: string;
  direction: string;
  channel: string;
  contentType: string;
  body: string;
  authorName: string | null;
  deliveryStatus: string | null;
  lastError: string | null;
}

export type MessageContentView =
  | { type: 'text' }
  | { type: 'media'; media: string; caption: string | null; fileName: string | null; url: string | null }
  | { type: 'location'; latitude: number | null; longitude: number | null; name: string | null; address: string | null }
  | { type: 'call'; missed: boolean; durationSeconds: number | null; from: string | null }
  | { type: 'form'; fields: ReadonlyArray<{ name: string; value: string }> }
  | { type: 'email'; subject: string | null }
  | { type: 'other'; contentType: string };

export interface HandoffView {
  id: string;
  toTeam: string;
  /** Translated team name. */
  toTeamLabel?: string;
  reason: string;
  note: string | null;
  requestedAt: string;
  requestedByName: string | null;
  acceptedAt: string | null;
  acceptedByName: string | null;
}

export type TimelineEntryView =
  | { kind: 'message'; id: string; at: string; message: TimelineMessageView; content: MessageContentView }
  | {
      kind: 'transition';
      id: string;
      at: string;
      transition: { fromStatus: string | null; toStatus: string; reason: string | null; actorName: string | null };
    }
  | { kind: 'handoff' | 'handoff_accepted'; id: string; at: string; handoff: HandoffView }
  | { kind: 'note'; id: string; at: string; note: { authorName: string | null; body: string } };

export interface MatchReasonView {
  code: string;
  points: number;
  detail: string | null;
}

export interface GuestSummaryView {
  id: string;
  displayName: string | null;
  identities: ReadonlyArray<{ id: string; kind: string; value: string }>;
  pastCaseCount: number;
}

export interface MergeSuggestionView {
  id: string;
  /** The other guest (not the one the page is about). */
  other: GuestSummaryView;
  score: number;
  reasons: readonly MatchReasonView[];
}

export interface GuestMergeView {
  id: string;
  mergedId: string;
  reasons: readonly MatchReasonView[];
  mergedAt: string;
  mergedByName: string | null;
  undoneAt: string | null;
}

export interface CampaignView {
  id: string;
  name: string;
  utmCampaign: string;
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: readonly string[];
  active: boolean;
  leadCount: number;
  wonCount: number;
}

/** What the campaign form edits and emits (dates as `YYYY-MM-DD`). */
export interface CampaignDraft {
  id: string | null;
  name: string;
  utmCampaign: string;
  startsOn: string;
  endsOn: string;
  offerText: string;
  channels: string[];
}

export interface DailySummaryView {
  date: string;
  newCampaigns: ReadonlyArray<{ id: string; name: string; utmCampaign: string }>;
  leadsByCampaign: ReadonlyArray<{ utmCampaign: string; campaignName: string | null; leads: number; won: number }>;
  openCases: number;
  unassignedCases: number;
  oldestWaitingSeconds: number | null;
  createdAt: string;
  emailedAt: string | null;
  emailError: string | null;
}

export interface NavLink {
  key: string;
  label: string;
  to: string;
  active: boolean;
}
