import { DeliveryStatus, InboundKind, MessageContentType } from '@baton/shared/contracts';
import type { InboundContact, InboundItem, InboundPayload } from '../intake.types';
import {
  compact,
  epochSeconds,
  InboundPayloadError,
  isRecord,
  Json,
  list,
  optList,
  optText,
  record,
  text,
} from './parse-utils';

/** The accounts a webhook names (each must be known and signed for) and the items it carries. */
export interface ParsedWebhook {
  accountExternalIds: string[];
  items: InboundItem[];
}

const STATUSES: Record<string, DeliveryStatus> = {
  sent: DeliveryStatus.Sent,
  delivered: DeliveryStatus.Delivered,
  read: DeliveryStatus.Read,
  failed: DeliveryStatus.Failed,
};

const MEDIA_TYPES: Record<string, MessageContentType> = {
  image: MessageContentType.Image,
  audio: MessageContentType.Audio,
  video: MessageContentType.Video,
  document: MessageContentType.Document,
  sticker: MessageContentType.Sticker,
};

/** wa_id → +E.164 when it looks like a phone number (it always does for real users). */
function contactFor(waId: string, name: string | undefined): InboundContact {
  return compact({ displayName: name, whatsappId: waId, phone: /^\d{6,15}$/.test(waId) ? `+${waId}` : undefined });
}

function media(part: Json): Record<string, unknown> {
  return compact({
    mediaId: optText(part['id'], 'media.id'),
    mimeType: optText(part['mime_type'], 'media.mime_type'),
    sha256: optText(part['sha256'], 'media.sha256'),
    caption: optText(part['caption'], 'media.caption', 4096),
    filename: optText(part['filename'], 'media.filename'),
    voice: typeof part['voice'] === 'boolean' ? part['voice'] : undefined,
    animated: typeof part['animated'] === 'boolean' ? part['animated'] : undefined,
  });
}

function interactive(part: Json): { body: string; attachment: Record<string, unknown> } {
  const type = optText(part['type'], 'interactive.type') ?? 'unknown';
  const reply = isRecord(part[type]) ? part[type] : {};
  const title = optText(reply['title'], 'interactive.title') ?? '';
  return {
    body: title,
    attachment: compact({
      interactiveType: type,
      replyId: optText(reply['id'], 'interactive.id'),
      title: title || undefined,
      description: optText(reply['description'], 'interactive.description'),
      // flows (nfm_reply) carry their answers as a JSON string
      response: optText(reply['response_json'], 'interactive.response_json', 20000),
    }),
  };
}

function contactsCard(parts: unknown[]): { body: string; attachment: Record<string, unknown> } {
  const cards = parts.filter(isRecord).map((card) => {
    const name = isRecord(card['name']) ? optText(card['name']['formatted_name'], 'contacts.name') : undefined;
    const phones = optList(card['phones'], 'contacts.phones')
      .filter(isRecord)
      .map((p) => compact({ phone: optText(p['phone'], 'phone'), waId: optText(p['wa_id'], 'wa_id') }));
    const emails = optList(card['emails'], 'contacts.emails')
      .filter(isRecord)
      .map((e) => optText(e['email'], 'email'))
      .filter((e): e is string => e !== undefined);
    return compact({ name, phones, emails: emails.length > 0 ? emails : undefined });
  });
  return { body: cards.map((c) => c.name ?? '').join(', '), attachment: { contacts: cards } };
}

/** The content of one WhatsApp message; every type keeps its ids, captions and coordinates in `attachment`. */
export function whatsappContent(message: Json): NonNullable<InboundPayload['message']> {
  const type = optText(message['type'], 'message.type') ?? 'unknown';
  const part = isRecord(message[type]) ? message[type] : {};
  const extras = compact({
    replyTo: isRecord(message['context']) ? optText(message['context']['id'], 'context.id') : undefined,
    forwarded: isRecord(message['context']) && message['context']['forwarded'] === true ? true : undefined,
    // click-to-WhatsApp ads: where the guest came from
    referral: isRecord(message['referral']) ? message['referral'] : undefined,
  });
  const withExtras = (attachment: Record<string, unknown>) => {
    const merged = { ...attachment, ...extras };
    return Object.keys(merged).length > 0 ? merged : undefined;
  };
  if (type === 'text') {
    return compact({
      contentType: MessageContentType.Text,
      body: optText(part['body'], 'text.body', 65536) ?? '',
      attachment: withExtras({}),
    });
  }
  const mediaType = MEDIA_TYPES[type];
  if (mediaType) {
    const attachment = media(part);
    return {
      contentType: mediaType,
      body: (attachment['caption'] as string | undefined) ?? '',
      attachment: withExtras(attachment),
    };
  }
  switch (type) {
    case 'location': {
      const attachment = compact({
        latitude: typeof part['latitude'] === 'number' ? part['latitude'] : undefined,
        longitude: typeof part['longitude'] === 'number' ? part['longitude'] : undefined,
        name: optText(part['name'], 'location.name'),
        address: optText(part['address'], 'location.address'),
        url: optText(part['url'], 'location.url'),
      });
      const label = [attachment['name'], attachment['address']].filter(Boolean).join(', ');
      const body = label || `${String(attachment['latitude'] ?? '')},${String(attachment['longitude'] ?? '')}`;
      return { contentType: MessageContentType.Location, body, attachment: withExtras(attachment) };
    }
    case 'button': {
      const attachment = compact({
        payload: optText(part['payload'], 'button.payload'),
        text: optText(part['text'], 'button.text'),
      });
      return {
        contentType: MessageContentType.Button,
        body: (attachment['text'] as string | undefined) ?? '',
        attachment: withExtras(attachment),
      };
    }
    case 'interactive': {
      const { body, attachment } = interactive(part);
      return { contentType: MessageContentType.Interactive, body, attachment: withExtras(attachment) };
    }
    case 'contacts': {
      const { body, attachment } = contactsCard(optList(message['contacts'], 'message.contacts'));
      return { contentType: MessageContentType.Contacts, body, attachment: withExtras(attachment) };
    }
    default: {
      // reaction, order, system, unsupported...: shown as "unknown", with whatever the provider sent
      const attachment = compact({
        type,
        content: Object.keys(part).length > 0 ? part : undefined,
        errors: Array.isArray(message['errors']) ? message['errors'] : undefined,
      });
      return { contentType: MessageContentType.Unknown, body: '', attachment: withExtras(attachment) };
    }
  }
}

function statusError(status: Json): string | undefined {
  const first = optList(status['errors'], 'status.errors').find(isRecord);
  if (!first) {
    return undefined;
  }
  const code = optText(first['code'], 'errors.code');
  const title = optText(first['title'], 'errors.title') ?? optText(first['message'], 'errors.message') ?? 'failed';
  const details = isRecord(first['error_data'])
    ? optText(first['error_data']['details'], 'error_data.details')
    : undefined;
  return `${code ? `${code}: ` : ''}${title}${details && details !== title ? ` (${details})` : ''}`;
}

function parseChange(value: Json, accountExternalId: string, items: InboundItem[]): void {
  const names = new Map<string, string>();
  for (const contact of optList(value['contacts'], 'value.contacts').filter(isRecord)) {
    const waId = optText(contact['wa_id'], 'contacts.wa_id');
    const name = isRecord(contact['profile'])
      ? optText(contact['profile']['name'], 'contacts.profile.name')
      : undefined;
    if (waId && name) {
      names.set(waId, name);
    }
  }
  optList(value['messages'], 'value.messages').forEach((raw, i) => {
    const message = record(raw, `messages[${i}]`);
    const from = text(message['from'], `messages[${i}].from`, 64);
    items.push({
      kind: InboundKind.Message,
      externalId: text(message['id'], `messages[${i}].id`, 200),
      occurredAt: epochSeconds(message['timestamp'], `messages[${i}].timestamp`),
      accountExternalId,
      payload: { raw: message, contact: contactFor(from, names.get(from)), message: whatsappContent(message) },
    });
  });
  optList(value['statuses'], 'value.statuses').forEach((raw, i) => {
    const status = record(raw, `statuses[${i}]`);
    const wamid = text(status['id'], `statuses[${i}].id`, 200);
    const name = text(status['status'], `statuses[${i}].status`, 40);
    const mapped = STATUSES[name];
    if (!mapped) {
      return; // "deleted", "warning": nothing to show on a message
    }
    const recipient = optText(status['recipient_id'], `statuses[${i}].recipient_id`, 64);
    items.push({
      kind: InboundKind.Status,
      externalId: `status:${wamid}:${name}`,
      occurredAt: epochSeconds(status['timestamp'], `statuses[${i}].timestamp`),
      accountExternalId,
      payload: {
        raw: status,
        contact: recipient ? contactFor(recipient, undefined) : {},
        status: compact({ providerMessageId: wamid, status: mapped, error: statusError(status) }),
      },
    });
  });
}

/**
 * WhatsApp Cloud API webhook (`object: whatsapp_business_account`): `entry[].changes[]` with `field: messages` carry
 * messages and delivery statuses for the phone number `value.metadata.phone_number_id`. Other fields (template
 * reviews, account updates) are ignored.
 */
export function parseWhatsAppWebhook(body: unknown): ParsedWebhook {
  const root = record(body, 'body');
  if (root['object'] !== 'whatsapp_business_account') {
    throw new InboundPayloadError('object must be "whatsapp_business_account"', 'object');
  }
  const accounts = new Set<string>();
  const items: InboundItem[] = [];
  list(root['entry'], 'entry').forEach((rawEntry, e) => {
    const entry = record(rawEntry, `entry[${e}]`);
    optList(entry['changes'], `entry[${e}].changes`).forEach((rawChange, c) => {
      const change = record(rawChange, `entry[${e}].changes[${c}]`);
      if (change['field'] !== 'messages') {
        return;
      }
      const value = record(change['value'], `entry[${e}].changes[${c}].value`);
      const metadata = record(value['metadata'], `entry[${e}].changes[${c}].value.metadata`);
      const phoneNumberId = text(metadata['phone_number_id'], 'metadata.phone_number_id', 200);
      accounts.add(phoneNumberId);
      parseChange(value, phoneNumberId, items);
    });
  });
  return { accountExternalIds: [...accounts], items };
}
