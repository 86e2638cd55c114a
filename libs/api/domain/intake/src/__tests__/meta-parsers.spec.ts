import { ChannelProvider, DeliveryStatus, InboundKind, MessageContentType } from '@baton/shared/contracts';
import { parseMetaWebhook, parseWhatsAppWebhook } from '../parsers';
import {
  metaMessage,
  metaPayload,
  payloadError,
  WA_NON_TEXT_MESSAGES,
  WA_PHONE_NUMBER_ID,
  waMessage,
  waPayload,
} from './fixtures';

describe('WhatsApp Cloud API parser', () => {
  it('maps a text message: wa_id → whatsappId and +E.164 phone, profile name, seconds timestamp', () => {
    const message = waMessage();
    const { accountExternalIds, items } = parseWhatsAppWebhook(waPayload({ messages: [message] }));
    expect(accountExternalIds).toEqual([WA_PHONE_NUMBER_ID]);
    expect(items).toEqual([
      {
        kind: InboundKind.Message,
        externalId: 'wamid.HBgMOTA1MzIxMjM0NTY3FQIAEhgUM0E',
        occurredAt: new Date(1767261600 * 1000),
        accountExternalId: WA_PHONE_NUMBER_ID,
        payload: {
          raw: message,
          contact: { displayName: 'Ayşe Yılmaz', whatsappId: '905321234567', phone: '+905321234567' },
          message: { contentType: MessageContentType.Text, body: 'Merhaba, 3 gece için fiyat alabilir miyim?' },
        },
      },
    ]);
  });

  it('keeps ids, captions and coordinates of every non-text type in the attachment', () => {
    const { items } = parseWhatsAppWebhook(waPayload({ messages: Object.values(WA_NON_TEXT_MESSAGES) }));
    const byId = Object.fromEntries(items.map((i) => [i.externalId, i.payload.message]));
    expect(byId['wamid.image']).toEqual({
      contentType: MessageContentType.Image,
      body: 'Odanın manzarası',
      attachment: { mediaId: 'media-image-1', mimeType: 'image/jpeg', sha256: 'abc=', caption: 'Odanın manzarası' },
    });
    expect(byId['wamid.audio']).toMatchObject({
      contentType: MessageContentType.Audio,
      attachment: { mediaId: 'media-audio-1', voice: true },
    });
    expect(byId['wamid.video']).toMatchObject({
      contentType: MessageContentType.Video,
      attachment: { mediaId: 'media-video-1' },
    });
    expect(byId['wamid.document']).toEqual({
      contentType: MessageContentType.Document,
      body: 'Pasaport',
      attachment: {
        mediaId: 'media-doc-1',
        mimeType: 'application/pdf',
        caption: 'Pasaport',
        filename: 'pasaport.pdf',
      },
    });
    expect(byId['wamid.location']).toEqual({
      contentType: MessageContentType.Location,
      body: 'Belek, Belek, Serik/Antalya',
      attachment: { latitude: 36.8569, longitude: 31.0456, name: 'Belek', address: 'Belek, Serik/Antalya' },
    });
    expect(byId['wamid.button']).toEqual({
      contentType: MessageContentType.Button,
      body: 'Rezervasyon',
      attachment: { payload: 'BOOK_NOW', text: 'Rezervasyon' },
    });
    expect(byId['wamid.interactive']).toEqual({
      contentType: MessageContentType.Interactive,
      body: 'Deluxe',
      attachment: {
        interactiveType: 'list_reply',
        replyId: 'room-deluxe',
        title: 'Deluxe',
        description: 'Deniz manzaralı',
      },
    });
    expect(byId['wamid.sticker']).toMatchObject({
      contentType: MessageContentType.Sticker,
      attachment: { mediaId: 'media-sticker-1', animated: false },
    });
    expect(byId['wamid.contacts']).toEqual({
      contentType: MessageContentType.Contacts,
      body: 'Mehmet Öz',
      attachment: { contacts: [{ name: 'Mehmet Öz', phones: [{ phone: '+90 532 765 43 21', waId: '905327654321' }] }] },
    });
    expect(items.every((i) => i.payload.raw === WA_NON_TEXT_MESSAGES[i.externalId.slice(6)])).toBe(true);
  });

  it('stores unknown types (reaction, unsupported) as "unknown" with what was sent, plus reply context and ad referral', () => {
    const reaction = waMessage({ id: 'wamid.r', type: 'reaction', reaction: { message_id: 'wamid.x', emoji: '👍' } });
    const unsupported = waMessage({
      id: 'wamid.u',
      type: 'unsupported',
      errors: [{ code: 131051, title: 'Unsupported' }],
    });
    const reply = waMessage({
      id: 'wamid.c',
      context: { from: '902420000001', id: 'wamid.original' },
      referral: { source_type: 'ad', source_id: '120', headline: 'Erken rezervasyon' },
    });
    const { items } = parseWhatsAppWebhook(waPayload({ messages: [reaction, unsupported, reply] }));
    expect(items[0].payload.message).toEqual({
      contentType: MessageContentType.Unknown,
      body: '',
      attachment: { type: 'reaction', content: { message_id: 'wamid.x', emoji: '👍' } },
    });
    expect(items[1].payload.message).toEqual({
      contentType: MessageContentType.Unknown,
      body: '',
      attachment: { type: 'unsupported', errors: [{ code: 131051, title: 'Unsupported' }] },
    });
    expect(items[2].payload.message?.attachment).toEqual({
      replyTo: 'wamid.original',
      referral: { source_type: 'ad', source_id: '120', headline: 'Erken rezervasyon' },
    });
  });

  it('maps statuses to status:<wamid>:<status> with the delivery status and the error text', () => {
    const statuses = [
      { id: 'wamid.out', status: 'delivered', timestamp: '1767261700', recipient_id: '905321234567' },
      {
        id: 'wamid.out',
        status: 'failed',
        timestamp: '1767261800',
        recipient_id: '905321234567',
        errors: [{ code: 131047, title: 'Re-engagement message', error_data: { details: 'More than 24 hours' } }],
      },
      { id: 'wamid.out', status: 'deleted', timestamp: '1767261900', recipient_id: '905321234567' },
    ];
    const { items } = parseWhatsAppWebhook(waPayload({ statuses, contacts: [] }));
    expect(items.map((i) => [i.kind, i.externalId, i.payload.status])).toEqual([
      [
        InboundKind.Status,
        'status:wamid.out:delivered',
        { providerMessageId: 'wamid.out', status: DeliveryStatus.Delivered },
      ],
      [
        InboundKind.Status,
        'status:wamid.out:failed',
        {
          providerMessageId: 'wamid.out',
          status: DeliveryStatus.Failed,
          error: '131047: Re-engagement message (More than 24 hours)',
        },
      ],
    ]);
    expect(items[0].occurredAt).toEqual(new Date(1767261700 * 1000));
    expect(items[0].payload.contact).toEqual({ whatsappId: '905321234567', phone: '+905321234567' });
  });

  it('ignores other change fields but still names every account; refuses malformed shapes with the path', () => {
    const body = waPayload({ messages: [] });
    (body['entry'] as Array<{ changes: unknown[] }>)[0].changes.push({ field: 'account_update', value: {} });
    expect(parseWhatsAppWebhook(body)).toEqual({ accountExternalIds: [WA_PHONE_NUMBER_ID], items: [] });
    expect(payloadError(() => parseWhatsAppWebhook({ object: 'page', entry: [] })).message).toBe(
      'object must be "whatsapp_business_account"',
    );
    expect(payloadError(() => parseWhatsAppWebhook({ object: 'whatsapp_business_account' })).message).toBe(
      'entry must be an array',
    );
    expect(
      payloadError(() => parseWhatsAppWebhook(waPayload({ messages: [waMessage({ id: undefined })] }))).message,
    ).toBe('messages[0].id is required');
    expect(
      payloadError(() => parseWhatsAppWebhook(waPayload({ messages: [waMessage({ timestamp: 'yesterday' })] })))
        .message,
    ).toBe('messages[0].timestamp must be a Unix timestamp in seconds');
    expect(payloadError(() => parseWhatsAppWebhook([])).message).toBe('body must be an object');
  });
});

describe('Instagram and Messenger parser', () => {
  it('Instagram: object instagram, recipient = IG account, sender → instagramId, millisecond timestamps', () => {
    const event = metaMessage('17841400000000001', 'aWdfZAG1faXRlbToxOklH', { text: 'Merhaba! Fiyat?' });
    const parsed = parseMetaWebhook(metaPayload('instagram', '17841400000000001', [event]));
    expect(parsed.provider).toBe(ChannelProvider.Instagram);
    expect(parsed.accountExternalIds).toEqual(['17841400000000001']);
    expect(parsed.items).toEqual([
      {
        kind: InboundKind.Message,
        externalId: 'aWdfZAG1faXRlbToxOklH',
        occurredAt: new Date(1767261600123),
        accountExternalId: '17841400000000001',
        payload: {
          raw: event,
          contact: { instagramId: '6254871234567890' },
          message: { contentType: MessageContentType.Text, body: 'Merhaba! Fiyat?' },
        },
      },
    ]);
  });

  it('Messenger: object page, attachments kept with their urls, echoes and read receipts ignored', () => {
    const page = '100000000000101';
    const image = metaMessage(page, 'm_img', {
      attachments: [{ type: 'image', payload: { url: 'https://cdn/x.jpg' } }],
    });
    const echo = { ...metaMessage('6254871234567890', 'm_echo', { text: 'Our reply', is_echo: true }, page) };
    const read = { sender: { id: '1' }, recipient: { id: page }, timestamp: 1, read: { watermark: 1 } };
    const postback = {
      sender: { id: '6254871234567890' },
      recipient: { id: page },
      timestamp: 1767261600999,
      postback: { mid: 'm_pb', title: 'Fiyat al', payload: 'GET_PRICE' },
    };
    const parsed = parseMetaWebhook(metaPayload('page', page, [image, echo, read, postback]));
    expect(parsed.provider).toBe(ChannelProvider.Messenger);
    expect(parsed.items.map((i) => [i.externalId, i.payload.contact, i.payload.message])).toEqual([
      [
        'm_img',
        { messengerId: '6254871234567890' },
        {
          contentType: MessageContentType.Image,
          body: '',
          attachment: { attachments: [{ type: 'image', url: 'https://cdn/x.jpg' }] },
        },
      ],
      [
        'm_pb',
        { messengerId: '6254871234567890' },
        {
          contentType: MessageContentType.Button,
          body: 'Fiyat al',
          attachment: { postback: true, payload: 'GET_PRICE', title: 'Fiyat al' },
        },
      ],
    ]);
  });

  it('an entry with only echoes still names its account (to be signature-checked); other objects are refused', () => {
    const page = '100000000000101';
    const echo = metaMessage('6254871234567890', 'm_echo', { text: 'x', is_echo: true }, page);
    expect(parseMetaWebhook(metaPayload('page', page, [echo]))).toEqual({
      provider: ChannelProvider.Messenger,
      accountExternalIds: [page],
      items: [],
    });
    expect(payloadError(() => parseMetaWebhook({ object: 'whatsapp_business_account', entry: [] })).message).toBe(
      'object must be "instagram" or "page"',
    );
    expect(
      payloadError(() =>
        parseMetaWebhook(metaPayload('page', page, [{ ...metaMessage(page, 'm', {}), timestamp: '1' }])),
      ).message,
    ).toBe('entry[0].messaging[0].timestamp must be a Unix timestamp in milliseconds');
  });
});
