// Payload builders for Baton's intake endpoints, shared by tools/traffic/send.mjs and tools/bench/ingest.
//
// Each builder returns a ready-to-send request { channel, path, headers, body, ids }:
//   body     a Buffer: the JSON string is built once, turned into bytes once, and the signature is the HMAC of exactly
//            those bytes (Turkish text is multi-byte UTF-8; re-serialising or re-encoding would break the signature)
//   ids      the provider ids of the items inside (one inbound_event each), for duplicate accounting
// Resending the same request object is an exact redelivery: same bytes, same signature.
import { createHmac, randomBytes } from 'node:crypto';
import {
  AGENTS,
  BUTTONS,
  EMAIL_SUBJECTS,
  FOLLOW_UPS,
  IMAGE_CAPTIONS,
  LOCATIONS,
  MESSAGES,
  OTA_SOURCES,
  UTM_SETS,
  pick,
  randomDigits,
  randomInt,
} from './samples.mjs';

/** `sha256=<hex HMAC-SHA256(bytes, secret)>`, the format of both X-Hub-Signature-256 and X-Baton-Signature. */
export function signature(bytes, secret) {
  return `sha256=${createHmac('sha256', secret).update(bytes).digest('hex')}`;
}

/** Serialises once, signs the bytes, returns the request. `signatureHeader` null = unsigned (web forms). */
export function signedRequest({ channel, path, payload, secret, signatureHeader, ids }) {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const headers = { 'content-type': 'application/json' };
  if (signatureHeader) {
    headers[signatureHeader] = signature(body, secret);
  }
  return { channel, path, headers, body, ids };
}

const unixSeconds = (at) => String(Math.floor(at.getTime() / 1000));
/** A WhatsApp message id: `wamid.` + base64 of random bytes, like the Cloud API's. */
export const newWamid = () => `wamid.${randomBytes(24).toString('base64url')}`;
const dateOnly = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86_400_000);

// ---------------------------------------------------------------------------------------------------------------------
// WhatsApp Cloud API (POST /webhooks/whatsapp, X-Hub-Signature-256 with the app secret)
// ---------------------------------------------------------------------------------------------------------------------

function whatsappEnvelope(account, value) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: account.whatsapp.businessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: account.whatsapp.displayPhoneNumber,
                phone_number_id: account.whatsapp.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** The `type`-specific part of a WhatsApp message. */
const WHATSAPP_CONTENT = {
  text: (body) => ({ type: 'text', text: { body: body ?? pick(MESSAGES) } }),
  image: () => {
    const caption = pick(IMAGE_CAPTIONS);
    return {
      type: 'image',
      image: {
        id: randomDigits(16),
        mime_type: 'image/jpeg',
        sha256: randomBytes(32).toString('base64'),
        ...(caption ? { caption } : {}),
      },
    };
  },
  location: () => ({ type: 'location', location: pick(LOCATIONS) }),
  button: (_body, account) => ({
    type: 'button',
    context: { from: account.whatsapp.displayPhoneNumber, id: newWamid() },
    button: pick(BUTTONS),
  }),
};

/** One inbound WhatsApp message (`type`: text | image | location | button) from `guest` to the hotel's number. */
export function whatsappMessage({ account, guest, type = 'text', body, at = new Date(), id = newWamid() }) {
  const payload = whatsappEnvelope(account, {
    contacts: [{ profile: { name: guest.name }, wa_id: guest.waId }],
    messages: [{ from: guest.waId, id, timestamp: unixSeconds(at), ...WHATSAPP_CONTENT[type](body, account) }],
  });
  return signedRequest({
    channel: type === 'text' ? 'whatsapp' : `whatsapp:${type}`,
    path: '/webhooks/whatsapp',
    payload,
    secret: account.whatsapp.secret,
    signatureHeader: 'x-hub-signature-256',
    ids: [id],
  });
}

/** Delivery statuses (sent → delivered → read, or failed) for outbound messages to `guest`. */
export function whatsappStatuses({ account, guest, messageIds = [newWamid()], at = new Date() }) {
  const statuses = messageIds.map((id, i) => {
    const status = pick(['sent', 'delivered', 'delivered', 'read', 'failed']);
    return {
      id,
      status,
      timestamp: unixSeconds(new Date(at.getTime() + i * 1000)),
      recipient_id: guest.waId,
      ...(status === 'failed'
        ? { errors: [{ code: 131047, title: 'Re-engagement message', message: '24 saatlik pencere kapandı' }] }
        : {
            conversation: { id: randomBytes(16).toString('hex'), origin: { type: 'service' } },
            pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
          }),
    };
  });
  return signedRequest({
    channel: 'whatsapp:status',
    path: '/webhooks/whatsapp',
    payload: whatsappEnvelope(account, { statuses }),
    secret: account.whatsapp.secret,
    signatureHeader: 'x-hub-signature-256',
    ids: statuses.map((s) => `status:${s.id}:${s.status}`), // the intake parser's external ids
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Instagram and Messenger (POST /webhooks/meta, X-Hub-Signature-256 with the Meta app secret)
// ---------------------------------------------------------------------------------------------------------------------

/** One inbound Instagram DM (`platform: 'instagram'`) or Messenger message (`'messenger'`). */
export function metaMessage({ account, guest, platform, text = pick(MESSAGES), at = new Date() }) {
  const target = platform === 'instagram' ? account.instagram : account.messenger;
  const mid = `m_${randomBytes(30).toString('base64url')}`;
  const payload = {
    object: platform === 'instagram' ? 'instagram' : 'page',
    entry: [
      {
        id: target.id,
        time: at.getTime(),
        messaging: [
          {
            sender: { id: platform === 'instagram' ? guest.igsid : guest.psid },
            recipient: { id: target.id },
            timestamp: at.getTime(),
            message: { mid, text },
          },
        ],
      },
    ],
  };
  return signedRequest({
    channel: platform,
    path: '/webhooks/meta',
    payload,
    secret: target.secret,
    signatureHeader: 'x-hub-signature-256',
    ids: [mid],
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Web form (POST /intake/forms/:formKey, unsigned; `website` is the honeypot and stays empty)
// ---------------------------------------------------------------------------------------------------------------------

export function webForm({ account, guest, message = pick(MESSAGES), utm = pick(UTM_SETS), at = new Date() }) {
  const checkIn = addDays(at, randomInt(7, 120));
  const payload = {
    name: guest.name,
    phone: guest.phone,
    email: guest.email,
    message,
    checkIn: dateOnly(checkIn),
    checkOut: dateOnly(addDays(checkIn, randomInt(2, 10))),
    adults: randomInt(1, 4),
    children: randomInt(0, 3),
    utm_source: utm.utm_source ?? '',
    utm_medium: utm.utm_medium ?? '',
    utm_campaign: utm.utm_campaign ?? '',
    utm_content: utm.utm_content ?? '',
    website: '',
  };
  return signedRequest({
    channel: 'webform',
    path: `/intake/forms/${encodeURIComponent(account.formKey)}`,
    payload,
    signatureHeader: null,
    ids: [],
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// E-mail / OTA messages and PBX call logs (X-Baton-Signature with the account's secret)
// ---------------------------------------------------------------------------------------------------------------------

/** An e-mail to the hotel's reservation address (`ota: false`) or an OTA guest message (`ota: true`). */
export function mailMessage({ account, guest, ota = false, at = new Date() }) {
  const source = pick(OTA_SOURCES);
  const target = ota ? account.ota : account.email;
  const externalId = ota
    ? `${source.prefix}-MSG-${randomDigits(12)}`
    : `<${randomBytes(12).toString('hex')}@${guest.email.split('@')[1]}>`;
  const payload = {
    externalId,
    sender: {
      name: guest.name,
      email: ota ? `${randomBytes(6).toString('hex')}@${source.domain}` : guest.email,
      phone: ota || Math.random() < 0.5 ? guest.phone : null,
    },
    subject: ota ? `${source.name}: Misafir mesajı – ${guest.name}` : pick(EMAIL_SUBJECTS),
    body: `${pick(MESSAGES)}\n\n${pick(FOLLOW_UPS)}\n\nSaygılarımla,\n${guest.name}`,
    otaReference: ota ? `${source.prefix}-${randomDigits(10)}` : null,
    receivedAt: at.toISOString(),
  };
  return signedRequest({
    channel: ota ? 'ota' : 'email',
    path: `/intake/messages/${encodeURIComponent(target.key)}`,
    payload,
    secret: target.secret,
    signatureHeader: 'x-baton-signature',
    ids: [externalId],
  });
}

/** A PBX call log entry: an answered call, or a missed / abandoned one (no answeredAt, a few seconds of ringing). */
export function pbxCall({
  account,
  guest,
  outcome = pick(['answered', 'answered', 'missed', 'abandoned']),
  at = new Date(),
}) {
  const callId = `${account.pbx.key}-${at.getTime()}-${randomDigits(6)}`;
  const started = new Date(at.getTime() - randomInt(30, 600) * 1000);
  const answered = outcome === 'answered' ? new Date(started.getTime() + randomInt(3, 25) * 1000) : null;
  const payload = {
    callId,
    callerNumber: guest.phone,
    calledNumber: account.pbx.number,
    direction: 'in',
    startedAt: started.toISOString(),
    answeredAt: answered ? answered.toISOString() : null,
    durationSeconds: answered ? randomInt(20, 540) : randomInt(4, 40),
    agent: answered ? pick(AGENTS) : null,
    outcome,
    recordingRef: answered ? `rec/${dateOnly(started)}/${callId}.mp3` : null,
  };
  return signedRequest({
    channel: `pbx:${outcome}`,
    path: `/intake/calls/${encodeURIComponent(account.pbx.key)}`,
    payload,
    secret: account.pbx.secret,
    signatureHeader: 'x-baton-signature',
    ids: [callId],
  });
}
