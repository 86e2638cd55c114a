import { ChannelProvider, InboundKind, MessageContentType } from '@baton/shared/contracts';
import type { InboundContact, InboundItem, InboundPayload } from '../intake.types';
import {
  compact,
  epochMillis,
  InboundPayloadError,
  isRecord,
  Json,
  list,
  optList,
  optText,
  record,
  text,
} from './parse-utils';
import type { ParsedWebhook } from './whatsapp.parser';

export interface ParsedMetaWebhook extends ParsedWebhook {
  provider: ChannelProvider.Instagram | ChannelProvider.Messenger;
}

const ATTACHMENT_TYPES: Record<string, MessageContentType> = {
  image: MessageContentType.Image,
  video: MessageContentType.Video,
  audio: MessageContentType.Audio,
  file: MessageContentType.Document,
  location: MessageContentType.Location,
  sticker: MessageContentType.Sticker,
};

function contactFor(provider: ParsedMetaWebhook['provider'], senderId: string): InboundContact {
  return provider === ChannelProvider.Instagram ? { instagramId: senderId } : { messengerId: senderId };
}

function content(message: Json): NonNullable<InboundPayload['message']> {
  const body = optText(message['text'], 'message.text', 65536) ?? '';
  const attachments = optList(message['attachments'], 'message.attachments')
    .filter(isRecord)
    .map((a) =>
      compact({
        type: optText(a['type'], 'attachments.type') ?? 'unknown',
        ...(isRecord(a['payload']) ? a['payload'] : {}),
      }),
    );
  const extras = compact({
    quickReply: isRecord(message['quick_reply'])
      ? optText(message['quick_reply']['payload'], 'quick_reply.payload')
      : undefined,
    replyTo: isRecord(message['reply_to']) ? optText(message['reply_to']['mid'], 'reply_to.mid') : undefined,
    referral: isRecord(message['referral']) ? message['referral'] : undefined,
  });
  const attachment = { ...(attachments.length > 0 ? { attachments } : {}), ...extras };
  const first = attachments[0];
  const contentType =
    body !== '' || !first
      ? MessageContentType.Text
      : (ATTACHMENT_TYPES[first['type'] as string] ?? MessageContentType.Unknown);
  return compact({ contentType, body, attachment: Object.keys(attachment).length > 0 ? attachment : undefined });
}

function parseEvent(
  provider: ParsedMetaWebhook['provider'],
  event: Json,
  path: string,
  fallbackAccount: string,
): InboundItem | null {
  const message = isRecord(event['message']) ? event['message'] : null;
  const postback = isRecord(event['postback']) ? event['postback'] : null;
  if ((!message && !postback) || message?.['is_echo'] === true) {
    return null; // echoes of our own replies, reads, deliveries, reactions
  }
  const sender = text(record(event['sender'], `${path}.sender`)['id'], `${path}.sender.id`, 200);
  const recipient = isRecord(event['recipient'])
    ? optText(event['recipient']['id'], `${path}.recipient.id`, 200)
    : undefined;
  const occurredAt = epochMillis(event['timestamp'], `${path}.timestamp`);
  const accountExternalId = recipient ?? fallbackAccount;
  if (message) {
    return {
      kind: InboundKind.Message,
      externalId: text(message['mid'], `${path}.message.mid`, 400),
      occurredAt,
      accountExternalId,
      payload: { raw: event, contact: contactFor(provider, sender), message: content(message) },
    };
  }
  const mid = optText(postback!['mid'], `${path}.postback.mid`, 400);
  if (!mid) {
    return null; // an old-style postback without an id cannot be de-duplicated
  }
  const title = optText(postback!['title'], `${path}.postback.title`) ?? '';
  return {
    kind: InboundKind.Message,
    externalId: mid,
    occurredAt,
    accountExternalId,
    payload: {
      raw: event,
      contact: contactFor(provider, sender),
      message: {
        contentType: MessageContentType.Button,
        body: title,
        attachment: compact({
          postback: true,
          payload: optText(postback!['payload'], `${path}.postback.payload`),
          title: title || undefined,
        }),
      },
    },
  };
}

/**
 * Instagram (`object: instagram`) and Messenger (`object: page`) webhooks: `entry[].messaging[]` events with sender,
 * recipient, a millisecond timestamp and a message (`mid`, `text`, `attachments`). Echoes of the page's own messages are
 * ignored. The account is the recipient (the IG account or page), else the entry id.
 */
export function parseMetaWebhook(body: unknown): ParsedMetaWebhook {
  const root = record(body, 'body');
  const provider =
    root['object'] === 'instagram'
      ? ChannelProvider.Instagram
      : root['object'] === 'page'
        ? ChannelProvider.Messenger
        : null;
  if (!provider) {
    throw new InboundPayloadError('object must be "instagram" or "page"', 'object');
  }
  const accounts = new Set<string>();
  const items: InboundItem[] = [];
  list(root['entry'], 'entry').forEach((rawEntry, e) => {
    const entry = record(rawEntry, `entry[${e}]`);
    const entryId = text(entry['id'], `entry[${e}].id`, 200);
    let found = false;
    optList(entry['messaging'], `entry[${e}].messaging`).forEach((rawEvent, m) => {
      const path = `entry[${e}].messaging[${m}]`;
      const item = parseEvent(provider, record(rawEvent, path), path, entryId);
      if (item) {
        accounts.add(item.accountExternalId);
        items.push(item);
        found = true;
      }
    });
    if (!found) {
      accounts.add(entryId);
    }
  });
  return { provider, accountExternalIds: [...accounts], items };
}
