import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { GuestIdentityKind } from '@baton/shared/contracts';

/** Who a message came from, as a channel adapter saw it (same shape as intake's InboundContact). */
export interface InboundContact {
  displayName?: string;
  phone?: string;
  email?: string;
  whatsappId?: string;
  instagramId?: string;
  messengerId?: string;
}

/** One normalised way to reach a guest; unique per hotel (guest_identity (tenant_id, kind, value)). */
export interface Identity {
  kind: GuestIdentityKind;
  value: string;
}

/** Numbers written without a country code are read as Turkish (the market Baton serves first). */
export const DEFAULT_PHONE_REGION = 'TR';

const MAX_ID_LENGTH = 200;
const MAX_NAME_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * A phone number in E.164 ('+905321234567'), or null when it is not a valid number. Without a '+' it is read in the
 * default region first ('0532 123 45 67', '532 123 45 67', '905321234567' are all Turkish mobiles); when that is not
 * valid, as an international number without its '+' ('447911123456'). A leading '00' means '+'.
 */
export function normalizePhone(raw: string | null | undefined, region = DEFAULT_PHONE_REGION): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const text = raw.trim().replace(/^00(?=\d)/, '+');
  const digits = text.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 17 || /\p{L}/u.test(text)) {
    return null;
  }
  const attempts = text.startsWith('+') ? [text] : [text, `+${digits}`];
  for (const attempt of attempts) {
    const parsed = parsePhoneNumberFromString(attempt, region as Parameters<typeof parsePhoneNumberFromString>[1]);
    if (parsed?.isValid()) {
      return parsed.number;
    }
  }
  return null;
}

/** A WhatsApp id (wa_id) is the international number as digits only; null when it cannot be one. */
export function normalizeWhatsappId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const digits = raw.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 17 ? digits : null;
}

/** E-mail addresses compare lower-cased and trimmed; null when the text does not look like one. */
export function normalizeEmail(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && EMAIL.test(value) ? value : null;
}

/** Instagram / Messenger page-scoped ids are opaque: kept as given, only trimmed. */
export function normalizeScopedId(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const value = raw.trim();
  return value.length > 0 && value.length <= MAX_ID_LENGTH && !/\s/.test(value) ? value : null;
}

/** A display name as shown: trimmed, inner whitespace collapsed, at most 200 characters; null when empty. */
export function cleanDisplayName(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') {
    return null;
  }
  const value = raw.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH).trim();
  return value.length > 0 ? value : null;
}

/** Normalises one identity value of a kind; null when it is not a valid value of that kind. */
export function normalizeIdentity(kind: GuestIdentityKind, raw: string | null | undefined): string | null {
  switch (kind) {
    case GuestIdentityKind.Phone:
      return normalizePhone(raw);
    case GuestIdentityKind.WhatsApp:
      return normalizeWhatsappId(raw);
    case GuestIdentityKind.Email:
      return normalizeEmail(raw);
    case GuestIdentityKind.Instagram:
    case GuestIdentityKind.Messenger:
      return normalizeScopedId(raw);
  }
}

/**
 * Every identity a contact carries, normalised and de-duplicated, in a stable order (kind, then value). A WhatsApp id
 * also implies the phone number '+<digits>', so a later call or form with that number finds the same guest.
 */
export function identitiesOf(contact: InboundContact): Identity[] {
  const found = new Map<string, Identity>();
  const add = (kind: GuestIdentityKind, value: string | null) => {
    if (value !== null) {
      found.set(`${kind}:${value}`, { kind, value });
    }
  };
  add(GuestIdentityKind.Phone, normalizePhone(contact.phone));
  const whatsapp = normalizeWhatsappId(contact.whatsappId);
  add(GuestIdentityKind.WhatsApp, whatsapp);
  if (whatsapp !== null) {
    add(GuestIdentityKind.Phone, `+${whatsapp}`);
  }
  add(GuestIdentityKind.Email, normalizeEmail(contact.email));
  add(GuestIdentityKind.Instagram, normalizeScopedId(contact.instagramId));
  add(GuestIdentityKind.Messenger, normalizeScopedId(contact.messengerId));
  return [...found.values()].sort(compareIdentities);
}

export function compareIdentities(a: Identity, b: Identity): number {
  return a.kind === b.kind ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.kind < b.kind ? -1 : 1;
}

/**
 * The identity values a free-text search could mean ('0532 123 45 67' → the phone '+905321234567' and the wa id
 * '905321234567'; 'A@B.com' → 'a@b.com'; anything else verbatim as an Instagram/Messenger id).
 */
export function identityValuesForSearch(text: string): string[] {
  const values = new Set<string>();
  const phone = normalizePhone(text);
  if (phone !== null) {
    values.add(phone);
    values.add(phone.slice(1));
  }
  const email = normalizeEmail(text);
  if (email !== null) {
    values.add(email);
  }
  const id = normalizeScopedId(text);
  if (id !== null) {
    values.add(id);
  }
  return [...values];
}
