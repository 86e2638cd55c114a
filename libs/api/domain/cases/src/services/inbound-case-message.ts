import type { CasePriority, Channel, MessageContentType, MessageDirection } from '@baton/shared/contracts';

/** One message (or call, form, e-mail) the inbound pipeline hands to CaseIntakeService.recordInbound. */
export interface InboundCaseMessage {
  /** The guest (after identity resolution); a new case belongs to this guest. */
  guestId: string;
  /** This guest and every guest merged into it: an open case of any of them receives the message. */
  guestMemberIds: string[];
  channel: Channel;
  /** Where the lead came from (e.g. whatsapp, instagram_ad, website_form, booking.com). */
  source: string;
  /** Provider's id of the message; a second delivery with the same id (per channel) is a duplicate. */
  providerMessageId: string | null;
  occurredAt: Date;
  contentType: MessageContentType;
  body: string;
  attachment?: Record<string, unknown> | null;
  guestName?: string | null;
  contact?: string | null;
  requestText?: string | null;
  utm?: { source?: string; medium?: string; campaign?: string; content?: string } | null;
  campaignId?: string | null;
  requestType?: string | null;
  priority?: CasePriority | null;
  authorName?: string | null;
  /** inbound unless given: the PBX reports outbound calls, which count as a hotel response. */
  direction?: MessageDirection;
}

export interface RecordInboundResult {
  caseId: string;
  caseNumber: string;
  messageId: string | null;
  createdCase: boolean;
  duplicate: boolean;
}
