import { AutomationTrigger, NotificationChannel, RaciRole, SlaMetric, SlaStep } from '@baton/shared/contracts';

/**
 * The stored shape of a rule (jsonb `definition`, one copy per version). Plain data, no class: the evaluator, the
 * dry-run and the diff are pure functions over it. Never rename a value: old versions keep what they stored.
 */
export interface RuleDefinition {
  trigger: AutomationTrigger;
  params: TriggerParams;
  conditions: ConditionGroup;
  /** Run in order; a failing action stops the rule and rolls back what it did (savepoint). */
  actions: RuleAction[];
  /** The playbook's "channel" column, e.g. `['ticket', 'email']`; computed from the actions when left empty. */
  channels: string[];
  /** The playbook's "owner" column: who answers for the rule's outcome (the supervisor, the after-sales team ...). */
  owner: Party | null;
  description: string | null;
}

export interface TriggerParams {
  /** Inactivity: minutes without an answer. */
  inactivityMinutes?: number | null;
  /** Inactivity: whose answer is awaited (default: the hotel's). */
  waitingOn?: WaitingOn | null;
  /** SLA step trigger: the ladder step (any when empty) and metric (any when empty). */
  slaStep?: SlaStep | null;
  slaMetric?: SlaMetric | null;
  /** Schedule trigger: a 5-field cron expression read in the hotel's time zone. */
  cron?: string | null;
}

export enum WaitingOn {
  /** The guest wrote and nobody answered. */
  Hotel = 'hotel',
  /** The hotel answered and the guest went silent. */
  Guest = 'guest',
}

export enum GroupMatch {
  All = 'all',
  Any = 'any',
}

/** A tree: every condition and every sub-group must hold (all) or one of them (any). An empty group holds. */
export interface ConditionGroup {
  match: GroupMatch;
  conditions: Condition[];
  groups: ConditionGroup[];
}

export enum ConditionField {
  Priority = 'priority',
  Channel = 'channel',
  RequestType = 'request_type',
  Labels = 'labels',
  Status = 'status',
  Team = 'team',
  Owner = 'owner',
  MessageRounds = 'message_rounds',
  /** Keyword sets (by name) in the guest's text. */
  Keywords = 'keywords',
  BusinessHours = 'business_hours',
  /** Ticket triggers: the ticket's kind. */
  TicketKind = 'ticket_kind',
  /** SLA triggers: whole minutes from the event to the clock's due time. */
  MinutesToDue = 'minutes_to_due',
}

export enum ConditionOp {
  /** One of `values`. */
  Is = 'is',
  IsNot = 'is_not',
  /** A list field (labels) holds one of `values`. */
  Contains = 'contains',
  NotContains = 'not_contains',
  IsEmpty = 'is_empty',
  IsNotEmpty = 'is_not_empty',
  AtLeast = 'at_least',
  AtMost = 'at_most',
  /** Keywords: the text matches one of the named sets. */
  Matches = 'matches',
  NotMatches = 'not_matches',
  /** Business hours of the hotel's calendar at the event time. */
  Inside = 'inside',
  Outside = 'outside',
}

export interface Condition {
  field: ConditionField;
  op: ConditionOp;
  values: string[];
  number?: number | null;
}

export enum PartyKind {
  /** The case's (or ticket's) owner. */
  Owner = 'owner',
  User = 'user',
  /** A case team (dictionary code). */
  Team = 'team',
  /** Every member of the hotel with a role, e.g. `supervisor`. */
  HotelRole = 'hotel_role',
  /** The R/A/C/I of a process step of the hotel's RACI matrix. */
  Raci = 'raci',
}

export interface Party {
  kind: PartyKind;
  userId?: string | null;
  team?: string | null;
  hotelRole?: string | null;
  raciStep?: string | null;
  raciRole?: RaciRole | null;
}

export enum ActionType {
  /** In-app and/or e-mail notification to a party. */
  Notify = 'notify',
  /** A signed (HMAC-SHA256) POST to an outside URL. */
  Webhook = 'webhook',
  Assign = 'assign',
  /** Priority one step up, reassigned to the party, who is notified. */
  Escalate = 'escalate',
  SetPriority = 'set_priority',
  AddLabel = 'add_label',
  SetStatus = 'set_status',
  CreateTicket = 'create_ticket',
  /** A callback ticket in the call center's queue, and the case handed off to the call center by phone. */
  HandOffToPhone = 'hand_off_to_phone',
  /** A message to the guest from a template, on WhatsApp or e-mail, through the case's outbox. */
  SendGuestMessage = 'send_guest_message',
  AddNote = 'add_note',
}

export interface RuleAction {
  type: ActionType;
  /** Notify: in_app / email. */
  channels?: NotificationChannel[] | null;
  /** Notify, assign, escalate: who. */
  target?: Party | null;
  /** Notify title, ticket title. Templated. */
  title?: string | null;
  /** Notification text, note text, ticket description, guest message. Templated. */
  body?: string | null;
  /** Set priority (P1–P4), add label (label code), set status (case status), create ticket (kind). */
  value?: string | null;
  /** Set status to lost. */
  lostReason?: string | null;
  /** Webhook target. */
  url?: string | null;
  /** Webhook secret, sealed with the hotel's id (SecretBox); the API never returns it. */
  secretSealed?: string | null;
  /** Guest message: channels to try in order (`whatsapp`, `email`); the first the guest can be reached on wins. */
  messageChannels?: string[] | null;
  /** Hand off to phone: the handoff reason. */
  reason?: string | null;
  /** Create ticket / hand off to phone: the queue (team); call_center by default for callbacks. */
  team?: string | null;
}

export const EMPTY_GROUP: ConditionGroup = { match: GroupMatch.All, conditions: [], groups: [] };

/** Template placeholders a rule may use; anything else is refused when the rule is saved. */
export const TEMPLATE_PLACEHOLDERS = [
  'guestName',
  'caseNumber',
  'hotelName',
  'ownerName',
  'ticketNumber',
  'ticketTitle',
  'ruleName',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
