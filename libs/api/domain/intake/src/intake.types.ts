import type { ChannelProvider, DeliveryStatus, InboundKind, MessageContentType } from '@baton/shared/contracts';

/** Who sent an inbound item, as far as the provider tells us (never masked here: this is the stored truth). */
export interface InboundContact {
  displayName?: string;
  /** E.164, e.g. +905321234567. */
  phone?: string;
  email?: string;
  /** WhatsApp wa_id: digits with country code, no plus. */
  whatsappId?: string;
  /** Instagram-scoped user id (IGSID). */
  instagramId?: string;
  /** Page-scoped user id (PSID). */
  messengerId?: string;
}

export type CallOutcome = 'answered' | 'missed' | 'abandoned' | 'voicemail';

/** The normalised content of one inbound item; stored as inbound_event.payload (jsonb). */
export interface InboundPayload {
  /** The provider item exactly as received. */
  raw: unknown;
  contact: InboundContact;
  message?: { contentType: MessageContentType; body: string; attachment?: Record<string, unknown> };
  status?: { providerMessageId: string; status: DeliveryStatus; error?: string };
  call?: {
    direction: 'in' | 'out';
    startedAt: string;
    answeredAt?: string;
    durationSeconds: number;
    agent?: string;
    outcome: CallOutcome;
    recordingRef?: string;
  };
  form?: { requestText: string; checkIn?: string; checkOut?: string; adults?: number; children?: number };
  utm?: { source?: string; medium?: string; campaign?: string; content?: string };
  otaReference?: string;
  subject?: string;
}

/** What a parser produces for one provider item, before it is routed to a hotel and stored. */
export interface InboundItem {
  kind: InboundKind;
  /** Unique per hotel and provider: a redelivered item has the same id and is stored once. */
  externalId: string;
  occurredAt: Date;
  /** The provider account the item was sent to (phone_number_id, page id, IG account id, form key, account key). */
  accountExternalId: string;
  payload: InboundPayload;
}

/** A stored inbound_event row, as the worker claims it. */
export interface InboundEventRecord {
  id: string;
  tenantId: string;
  provider: ChannelProvider;
  externalId: string;
  accountId: string;
  kind: InboundKind;
  payload: InboundPayload;
  occurredAt: Date;
  attempts: number;
}
