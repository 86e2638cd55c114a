import { InboundPayloadError } from '../parsers';

/** Provider payload builders shared by the unit and e2e tests (shapes as documented by Meta). */
export const WA_PHONE_NUMBER_ID = '100000000000001';

export function waMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    from: '905321234567',
    id: 'wamid.HBgMOTA1MzIxMjM0NTY3FQIAEhgUM0E',
    timestamp: '1767261600',
    type: 'text',
    text: { body: 'Merhaba, 3 gece için fiyat alabilir miyim?' },
    ...overrides,
  };
}

export function waPayload(
  value: { messages?: unknown[]; statuses?: unknown[]; contacts?: unknown[] },
  phoneNumberId = WA_PHONE_NUMBER_ID,
): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '902420000001', phone_number_id: phoneNumberId },
              contacts: value.contacts ?? [{ profile: { name: 'Ayşe Yılmaz' }, wa_id: '905321234567' }],
              ...(value.messages ? { messages: value.messages } : {}),
              ...(value.statuses ? { statuses: value.statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

export const WA_NON_TEXT_MESSAGES: Record<string, Record<string, unknown>> = {
  image: waMessage({
    id: 'wamid.image',
    type: 'image',
    image: { caption: 'Odanın manzarası', mime_type: 'image/jpeg', sha256: 'abc=', id: 'media-image-1' },
  }),
  audio: waMessage({
    id: 'wamid.audio',
    type: 'audio',
    audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'def=', id: 'media-audio-1', voice: true },
  }),
  video: waMessage({ id: 'wamid.video', type: 'video', video: { mime_type: 'video/mp4', id: 'media-video-1' } }),
  document: waMessage({
    id: 'wamid.document',
    type: 'document',
    document: { caption: 'Pasaport', filename: 'pasaport.pdf', mime_type: 'application/pdf', id: 'media-doc-1' },
  }),
  location: waMessage({
    id: 'wamid.location',
    type: 'location',
    location: { latitude: 36.8569, longitude: 31.0456, name: 'Belek', address: 'Belek, Serik/Antalya' },
  }),
  button: waMessage({ id: 'wamid.button', type: 'button', button: { payload: 'BOOK_NOW', text: 'Rezervasyon' } }),
  interactive: waMessage({
    id: 'wamid.interactive',
    type: 'interactive',
    interactive: {
      type: 'list_reply',
      list_reply: { id: 'room-deluxe', title: 'Deluxe', description: 'Deniz manzaralı' },
    },
  }),
  sticker: waMessage({
    id: 'wamid.sticker',
    type: 'sticker',
    sticker: { mime_type: 'image/webp', sha256: 'ghi=', id: 'media-sticker-1', animated: false },
  }),
  contacts: waMessage({
    id: 'wamid.contacts',
    type: 'contacts',
    contacts: [
      { name: { formatted_name: 'Mehmet Öz' }, phones: [{ phone: '+90 532 765 43 21', wa_id: '905327654321' }] },
    ],
  }),
};

export function metaPayload(
  object: 'instagram' | 'page',
  accountId: string,
  messaging: unknown[],
): Record<string, unknown> {
  return { object, entry: [{ id: accountId, time: 1767261600000, messaging }] };
}

export function metaMessage(
  accountId: string,
  mid: string,
  message: Record<string, unknown>,
  sender = '6254871234567890',
) {
  return {
    sender: { id: sender },
    recipient: { id: accountId },
    timestamp: 1767261600123,
    message: { mid, ...message },
  };
}

/** The InboundPayloadError a parser throws (fails the test when it throws nothing or something else). */
export function payloadError(fn: () => unknown): InboundPayloadError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InboundPayloadError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected an InboundPayloadError');
}
