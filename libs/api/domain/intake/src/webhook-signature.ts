import { createHmac, timingSafeEqual } from 'node:crypto';

/** Meta's header (WhatsApp, Instagram, Messenger). */
export const META_SIGNATURE_HEADER = 'x-hub-signature-256';
/** Our own header for the generic message and call-log endpoints; same scheme. */
export const BATON_SIGNATURE_HEADER = 'x-baton-signature';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as a sender computes it. */
export function signBody(rawBody: Buffer | string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Checks a `sha256=<hex>` header against the HMAC of the exact bytes received. Never re-serialise the parsed JSON:
 * spacing, key order and `\u00e7`-style escapes change the bytes (and so the HMAC) without changing the value.
 * Constant-time comparison of equal-length digests; a malformed header is simply a mismatch.
 */
export function verifySignature(rawBody: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? SIGNATURE.exec(value.trim()) : null;
  if (!match) {
    return false;
  }
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
