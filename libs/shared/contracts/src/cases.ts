/** Channels, case vocabulary and the status pipeline, shared by the API (enforcement) and the dashboard (display). */

/** Where a message came in or goes out. */
export enum Channel {
  WhatsApp = 'whatsapp',
  Instagram = 'instagram',
  Messenger = 'messenger',
  WebForm = 'webform',
  Email = 'email',
  Ota = 'ota',
  Phone = 'phone',
}

/** The provider behind a channel account (the PBX account feeds the phone channel). */
export enum ChannelProvider {
  WhatsApp = 'whatsapp',
  Instagram = 'instagram',
  Messenger = 'messenger',
  WebForm = 'webform',
  Email = 'email',
  Ota = 'ota',
  Pbx = 'pbx',
}

export const PROVIDER_CHANNEL: Readonly<Record<ChannelProvider, Channel>> = {
  [ChannelProvider.WhatsApp]: Channel.WhatsApp,
  [ChannelProvider.Instagram]: Channel.Instagram,
  [ChannelProvider.Messenger]: Channel.Messenger,
  [ChannelProvider.WebForm]: Channel.WebForm,
  [ChannelProvider.Email]: Channel.Email,
  [ChannelProvider.Ota]: Channel.Ota,
  [ChannelProvider.Pbx]: Channel.Phone,
};

/** Channels an agent can reply on from Baton (the others are answered by phone or in the OTA extranet). */
export const REPLYABLE_CHANNELS: readonly Channel[] = [
  Channel.WhatsApp,
  Channel.Instagram,
  Channel.Messenger,
  Channel.Email,
];

export enum InboundKind {
  Message = 'message',
  Status = 'status',
  Call = 'call',
  Form = 'form',
  Email = 'email',
}

export enum MessageDirection {
  Inbound = 'inbound',
  Outbound = 'outbound',
}

/** What a message carries; non-text WhatsApp types are stored and shown, never dropped. */
export enum MessageContentType {
  Text = 'text',
  Image = 'image',
  Audio = 'audio',
  Video = 'video',
  Document = 'document',
  Location = 'location',
  Button = 'button',
  Interactive = 'interactive',
  Sticker = 'sticker',
  Contacts = 'contacts',
  Call = 'call',
  Form = 'form',
  Email = 'email',
  Unknown = 'unknown',
}

/** Outbound delivery, in the order a provider reports it; a late "sent" never overwrites "read". */
export enum DeliveryStatus {
  Queued = 'queued',
  Sending = 'sending',
  Sent = 'sent',
  Delivered = 'delivered',
  Read = 'read',
  Failed = 'failed',
}

export const DELIVERY_RANK: Readonly<Record<DeliveryStatus, number>> = {
  [DeliveryStatus.Queued]: 0,
  [DeliveryStatus.Sending]: 1,
  [DeliveryStatus.Failed]: 2,
  [DeliveryStatus.Sent]: 3,
  [DeliveryStatus.Delivered]: 4,
  [DeliveryStatus.Read]: 5,
};

export enum CaseStatus {
  New = 'new',
  Open = 'open',
  InProgress = 'in_progress',
  HandedOff = 'handed_off',
  Quoted = 'quoted',
  Won = 'won',
  Lost = 'lost',
  Closed = 'closed',
}

/** The pipeline: which status may follow which. Terminal statuses reopen only to `open`. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  [CaseStatus.New]: [CaseStatus.Open, CaseStatus.InProgress, CaseStatus.HandedOff, CaseStatus.Closed, CaseStatus.Lost],
  [CaseStatus.Open]: [CaseStatus.InProgress, CaseStatus.HandedOff, CaseStatus.Closed, CaseStatus.Lost],
  [CaseStatus.InProgress]: [
    CaseStatus.HandedOff,
    CaseStatus.Quoted,
    CaseStatus.Won,
    CaseStatus.Lost,
    CaseStatus.Closed,
  ],
  [CaseStatus.HandedOff]: [
    CaseStatus.InProgress,
    CaseStatus.Quoted,
    CaseStatus.Won,
    CaseStatus.Lost,
    CaseStatus.Closed,
  ],
  [CaseStatus.Quoted]: [CaseStatus.Won, CaseStatus.Lost, CaseStatus.InProgress, CaseStatus.Closed],
  [CaseStatus.Won]: [CaseStatus.Closed],
  [CaseStatus.Lost]: [CaseStatus.Open],
  [CaseStatus.Closed]: [CaseStatus.Open],
};

/** Statuses in which a case is still being worked; a new message from its guest attaches to such a case. */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = [
  CaseStatus.New,
  CaseStatus.Open,
  CaseStatus.InProgress,
  CaseStatus.HandedOff,
  CaseStatus.Quoted,
];

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export enum CasePriority {
  P1 = 'P1',
  P2 = 'P2',
  P3 = 'P3',
  P4 = 'P4',
}

/** Per-hotel dictionaries: request types, labels, lost reasons and teams are chosen from these lists only. */
export enum DictionaryKind {
  RequestType = 'request_type',
  Label = 'label',
  LostReason = 'lost_reason',
  Team = 'team',
}

/** Why a case changed hands; the handoff-rate KPI and the handoff SLA group by it. */
export enum HandoffReason {
  TwoRoundsUnresolved = 'two_rounds_unresolved',
  CancellationOrCrisis = 'cancellation_or_crisis',
  GroupOrVip = 'group_or_vip',
  Manual = 'manual',
}

/** The fields a case must have before it can be handed off to sales. */
export enum MandatoryCaseField {
  GuestName = 'guestName',
  Contact = 'contact',
  RequestText = 'requestText',
}

export enum GuestIdentityKind {
  Phone = 'phone',
  WhatsApp = 'whatsapp',
  Instagram = 'instagram',
  Messenger = 'messenger',
  Email = 'email',
}

export enum MergeSuggestionStatus {
  Open = 'open',
  Merged = 'merged',
  Dismissed = 'dismissed',
}

/** Kinds of `caseEvents` pushed to subscribers. */
export enum CaseEventKind {
  Created = 'created',
  Updated = 'updated',
  MessageAdded = 'message_added',
  MessageStatus = 'message_status',
  StatusChanged = 'status_changed',
  HandedOff = 'handed_off',
  NoteAdded = 'note_added',
  Merged = 'merged',
}
