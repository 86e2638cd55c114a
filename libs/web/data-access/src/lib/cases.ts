/**
 * Cases: hand-written types for the selection sets in `case-documents.ts` (no codegen offline) and the input shapes of
 * the case mutations. Enumerated strings (status, channel, priority…) are typed with the shared contract enums while
 * staying open to values a newer API may add. Schema: the `cases` domain (docs/api.md).
 */
import type {
  CaseEventKind,
  CasePriority,
  CaseStatus,
  Channel,
  DeliveryStatus,
  DictionaryKind,
  HandoffReason,
  MandatoryCaseField,
  MessageContentType,
  MessageDirection,
} from '@baton/shared/contracts';

import type { DateTimeString } from './types';

/** A contract enum value, or a value added by the API later (shown raw rather than breaking the page). */
export type Open<T extends string> = T | (string & {});

/** `fragment CaseListFields on Case`: one inbox row. */
export interface CaseListItem {
  __typename?: 'Case';
  id: string;
  hotelId: string;
  number: string;
  guestId: string;
  status: Open<CaseStatus>;
  requestType: string | null;
  priority: Open<CasePriority>;
  source: string;
  channel: Open<Channel>;
  campaignId: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  labels: string[];
  ownerId: string | null;
  ownerName: string | null;
  team: string | null;
  guestName: string | null;
  contact: string | null;
  requestText: string | null;
  messageRounds: number;
  lastInboundAt: DateTimeString | null;
  lastOutboundAt: DateTimeString | null;
  waitingSince: DateTimeString | null;
  lostReason: string | null;
  closedAt: DateTimeString | null;
  missingMandatoryFields: Open<MandatoryCaseField>[];
  allowedTransitions: Open<CaseStatus>[];
  createdAt: DateTimeString;
  updatedAt: DateTimeString;
}

/** `fragment CaseMessageFields on CaseMessage` */
export interface CaseMessage {
  __typename?: 'CaseMessage';
  id: string;
  caseId: string;
  direction: Open<MessageDirection>;
  channel: Open<Channel>;
  contentType: Open<MessageContentType>;
  body: string;
  /** JSON text: media id, caption, location, call details, form fields, e-mail subject. */
  attachment: string | null;
  providerMessageId: string | null;
  authorName: string | null;
  occurredAt: DateTimeString;
  deliveryStatus: Open<DeliveryStatus> | null;
  deliveryUpdatedAt: DateTimeString | null;
  attempts: number;
  lastError: string | null;
}

export interface CaseTransition {
  __typename?: 'CaseTransition';
  id: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorName: string | null;
  occurredAt: DateTimeString;
}

export interface CaseHandoff {
  __typename?: 'CaseHandoff';
  id: string;
  caseId: string;
  fromTeam: string | null;
  fromChannel: string | null;
  toTeam: string;
  toChannel: string | null;
  reason: Open<HandoffReason>;
  note: string | null;
  requestedAt: DateTimeString;
  requestedByName: string | null;
  acceptedAt: DateTimeString | null;
  acceptedByName: string | null;
  secondsToAccept: number | null;
}

export interface CaseNote {
  __typename?: 'CaseNote';
  id: string;
  caseId: string;
  authorName: string | null;
  body: string;
  createdAt: DateTimeString;
}

/** `query Case`: the case page. */
export interface CaseDetail extends CaseListItem {
  mergedIntoId: string | null;
  firstResponseAt: DateTimeString | null;
  firstResponseSeconds: number | null;
  messages: CaseMessage[];
  transitions: CaseTransition[];
  handoffs: CaseHandoff[];
  notes: CaseNote[];
}

export interface PageInfo {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}

/** `input CaseFilter` */
export interface CaseFilterInput {
  status?: string[];
  channel?: string[];
  priority?: string[];
  ownerId?: string;
  unassigned?: boolean;
  label?: string;
  search?: string;
  guestIds?: string[];
  utmCampaign?: string;
  openOnly?: boolean;
}

export interface ChannelQueueCount {
  __typename?: 'ChannelQueueCount';
  channel: Open<Channel>;
  open: number;
  unassigned: number;
  waiting: number;
  oldestWaitingSince: DateTimeString | null;
}

export interface QueueState {
  __typename?: 'QueueState';
  hotelId: string;
  open: number;
  unassigned: number;
  waiting: number;
  oldestWaitingSince: DateTimeString | null;
  oldestWaitingSeconds: number | null;
  byChannel: ChannelQueueCount[];
  at: DateTimeString;
}

export interface DictionaryEntry {
  __typename?: 'DictionaryEntry';
  kind: Open<DictionaryKind>;
  code: string;
  labelTr: string;
  labelEn: string;
  sort: number;
  active: boolean;
}

/** `subscription CaseEvents` */
export interface CaseEvent {
  __typename?: 'CaseEvent';
  hotelId: string;
  kind: Open<CaseEventKind>;
  caseId: string;
  caseNumber: string;
  messageId: string | null;
  at: DateTimeString;
  case: CaseListItem;
}

/** `Membership` as listed by `hotelMembers` (needs `members.read`). */
export interface HotelMember {
  __typename?: 'Membership';
  userId: string;
  displayName: string;
  email: string;
  role: string;
}

// ---------------------------------------------------------------- operations

export interface CasesQuery {
  cases: {
    __typename?: 'CaseConnection';
    edges: Array<{ __typename?: 'CaseEdge'; cursor: string; node: CaseListItem }>;
    pageInfo: PageInfo;
    totalCount: number;
  };
}
export interface CasesQueryVariables {
  hotelId: string;
  filter?: CaseFilterInput | null;
  first?: number | null;
  after?: string | null;
}

export interface CaseQuery {
  case: CaseDetail;
}
export interface CaseQueryVariables {
  hotelId: string;
  id: string;
}

export interface QueueStateQuery {
  queueState: QueueState;
}
export interface QueueStateSubscription {
  queueState: QueueState;
}
export interface HotelIdVariables {
  hotelId: string;
}

export interface DictionaryQuery {
  dictionary: DictionaryEntry[];
}
export interface DictionaryQueryVariables {
  hotelId: string;
  kind?: string | null;
}

export interface CaseEventsSubscription {
  caseEvents: CaseEvent;
}

export interface HotelMembersQuery {
  hotelMembers: HotelMember[];
}

export interface UpdateCaseInput {
  hotelId: string;
  id: string;
  requestType?: string | null;
  priority?: string;
  labels?: string[];
  team?: string | null;
  guestName?: string | null;
  contact?: string | null;
  requestText?: string | null;
}
export interface ChangeCaseStatusInput {
  hotelId: string;
  id: string;
  status: string;
  lostReason?: string | null;
  note?: string | null;
}
export interface AssignCaseInput {
  hotelId: string;
  id: string;
  ownerId: string | null;
  team?: string | null;
}
export interface HandOffCaseInput {
  hotelId: string;
  id: string;
  toTeam: string;
  toChannel?: string | null;
  reason: string;
  note?: string | null;
}
export interface ReplyToCaseInput {
  hotelId: string;
  caseId: string;
  body: string;
  channel?: string | null;
}

export interface UpdateCaseMutation {
  updateCase: CaseListItem;
}
export interface ChangeCaseStatusMutation {
  changeCaseStatus: CaseListItem;
}
export interface AssignCaseMutation {
  assignCase: CaseListItem;
}
export interface HandOffCaseMutation {
  handOffCase: CaseHandoff;
}
export interface AcceptHandoffMutation {
  acceptHandoff: CaseHandoff;
}
export interface AddCaseNoteMutation {
  addCaseNote: CaseNote;
}
export interface ReplyToCaseMutation {
  replyToCase: CaseMessage;
}
export interface RetryMessageMutation {
  retryMessage: CaseMessage;
}
export interface InputVariables<T> {
  input: T;
}
export interface AcceptHandoffVariables {
  hotelId: string;
  handoffId: string;
}
export interface AddCaseNoteVariables {
  hotelId: string;
  caseId: string;
  body: string;
}
export interface RetryMessageVariables {
  hotelId: string;
  messageId: string;
}
