/**
 * Personal data masking (KVKK). Contact values (phones, e-mail addresses, WhatsApp ids, Instagram/Messenger ids) are
 * shown in full only to callers holding one of PII_REVEAL_PERMISSIONS on the hotel; everyone else (viewers, read-only
 * API keys, wallboards) sees `maskContact(kind, value)`. Pure and dependency-free so the API and the dashboard agree.
 */
import { GuestIdentityKind } from './cases';
import { Permission } from './permissions';

/** Holding any of these on a hotel reveals its guests' contact values in full. */
export const PII_REVEAL_PERMISSIONS: readonly Permission[] = [Permission.CasesWrite, Permission.PiiReveal];

const STARS = '***';

/**
 * Country calling codes of one and two digits; every other code has three. Calling codes are prefix-free, so the
 * length of the code of an E.164 number follows from its first digits without any metadata.
 */
const SHORT_CALLING_CODES = new Set([
  '1',
  '7',
  ...'20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98'.split(
    ' ',
  ),
]);

/** The country calling code of an international number given as digits ('905321234567' → '90'). */
export function callingCodeOf(digits: string): string {
  if (SHORT_CALLING_CODES.has(digits.slice(0, 1))) {
    return digits.slice(0, 1);
  }
  return SHORT_CALLING_CODES.has(digits.slice(0, 2)) ? digits.slice(0, 2) : digits.slice(0, 3);
}

/** Hidden digits as a group of three stars and the rest: 5 → '*** **'. */
function starGroups(count: number): string {
  return count <= 3 ? '*'.repeat(count) : `${STARS} ${'*'.repeat(count - 3)}`;
}

/**
 * '+905321234567' → '+90 532 *** ** 67': the country code, the first three national digits and the last two stay.
 * Short national numbers keep less (never more than half of their digits). Text that is not an E.164 number keeps
 * at most its last two digits.
 */
export function maskPhone(value: string): string {
  const trimmed = value.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!/^\+\d{4,}$/.test(trimmed.replace(/[\s()-]/g, ''))) {
    return digits.length >= 6 ? `${STARS} ${digits.slice(-2)}` : STARS;
  }
  const code = callingCodeOf(digits);
  const national = digits.slice(code.length);
  const tail = national.length >= 6 ? 2 : 0;
  const head = Math.min(3, Math.max(0, Math.floor(national.length / 2) - tail));
  const hidden = national.length - head - tail;
  return [`+${code}`, national.slice(0, head), starGroups(hidden), national.slice(national.length - tail)]
    .filter((part) => part.length > 0)
    .join(' ');
}

/** 'ahmet@example.com' → 'a***@example.com'. */
export function maskEmail(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) {
    return maskId(trimmed);
  }
  return `${trimmed.slice(0, 1)}${STARS}${trimmed.slice(at)}`;
}

/** Opaque ids ('17841400000000001' → '178***'): the first three characters, fewer when the id is short. */
export function maskId(value: string): string {
  const trimmed = value.trim();
  const keep = trimmed.length >= 8 ? 3 : trimmed.length >= 4 ? 1 : 0;
  return `${trimmed.slice(0, keep)}${STARS}`;
}

/** The masked form of a contact value of a given identity kind (an unknown kind is fully hidden). */
export function maskContact(kind: GuestIdentityKind | string, value: string): string {
  switch (kind) {
    case GuestIdentityKind.Phone:
      return maskPhone(value);
    case GuestIdentityKind.Email:
      return maskEmail(value);
    case GuestIdentityKind.WhatsApp:
    case GuestIdentityKind.Instagram:
    case GuestIdentityKind.Messenger:
      return maskId(value);
    default:
      return STARS;
  }
}

/**
 * Masks a free-text contact (a case's "contact" field) by what it looks like: an e-mail address, a phone number, or
 * an opaque id.
 */
export function maskContactText(value: string): string {
  const trimmed = value.trim();
  if (trimmed.includes('@')) {
    return maskEmail(trimmed);
  }
  if (/^\+?[\d\s().-]{6,}$/.test(trimmed)) {
    const international = trimmed.startsWith('+') || trimmed.startsWith('00');
    return maskPhone(international ? `+${trimmed.replace(/\D/g, '').replace(/^00/, '')}` : trimmed);
  }
  return maskId(trimmed);
}
