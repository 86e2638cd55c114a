import { ChannelProvider, InboundKind, MessageContentType } from '@baton/shared/contracts';
import type { InboundItem } from '../intake.types';
import { e164, email } from './contact-fields';
import { compact, InboundPayloadError, isoDateTime, isRecord, Json, optText, record, text } from './parse-utils';

/** One object, or an array of them (a mailbox poller or an OTA extranet export may batch). */
export function batch(body: unknown): Json[] {
  const entries = Array.isArray(body) ? body : [body];
  if (entries.length === 0 || entries.length > 500) {
    throw new InboundPayloadError('body must be an object or an array of 1 to 500 objects', 'body');
  }
  return entries.map((entry, i) => record(entry, Array.isArray(body) ? `[${i}]` : 'body'));
}

function parseOne(
  provider: ChannelProvider.Email | ChannelProvider.Ota,
  accountKey: string,
  m: Json,
  now: Date,
): InboundItem {
  const externalId = text(m['externalId'], 'externalId', 300);
  const sender = isRecord(m['sender']) ? m['sender'] : record(m['sender'], 'sender');
  const contact = compact({
    displayName: optText(sender['name'], 'sender.name', 200),
    email: email(sender['email'], 'sender.email'),
    phone: e164(sender['phone'], 'sender.phone'),
  });
  if (!contact.displayName && !contact.email && !contact.phone) {
    throw new InboundPayloadError('sender needs a name, email or phone', 'sender');
  }
  const subject = optText(m['subject'], 'subject', 1000);
  const body = optText(m['body'], 'body', 100000);
  if (body === undefined && subject === undefined) {
    throw new InboundPayloadError('body is required', 'body');
  }
  const otaReference = optText(m['otaReference'], 'otaReference', 200);
  const isEmail = provider === ChannelProvider.Email;
  return {
    kind: isEmail ? InboundKind.Email : InboundKind.Message,
    externalId,
    occurredAt:
      m['receivedAt'] === undefined || m['receivedAt'] === null ? now : isoDateTime(m['receivedAt'], 'receivedAt'),
    accountExternalId: accountKey,
    payload: compact({
      raw: m,
      contact,
      message: compact({
        contentType: isEmail ? MessageContentType.Email : MessageContentType.Text,
        body: body ?? '',
        attachment: subject || otaReference ? compact({ subject, otaReference }) : undefined,
      }),
      subject,
      otaReference,
    }),
  };
}

/**
 * A generic message pushed by a mail gateway or an OTA connector:
 * `{externalId, sender: {name, email, phone}, subject, body, otaReference, receivedAt}`. `externalId` is required
 * (the Message-ID or the OTA's message id) so a redelivery is stored once.
 */
export function parseGenericMessages(
  provider: ChannelProvider.Email | ChannelProvider.Ota,
  accountKey: string,
  body: unknown,
  now: Date,
): InboundItem[] {
  return batch(body).map((m) => parseOne(provider, accountKey, m, now));
}
