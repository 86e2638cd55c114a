import { createHmac } from 'node:crypto';
import type { DeliveryOptions } from '../notifications.options';

/**
 * Pure rules of the outbox: signatures, how a response is classified, when the next attempt is due. Unit-tested in
 * __tests__/delivery-policy.spec.ts.
 */

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`; the timestamp in the signed text stops replays of old bodies. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type HttpVerdict = 'sent' | 'retry' | 'dead';

/**
 * 2xx: delivered. 408, 429 and 5xx: the receiver may accept it later. Any other status (4xx, and 3xx: redirects are not
 * followed, so a moved endpoint cannot point the worker elsewhere) is permanent: retrying would fail the same way.
 */
export function httpVerdict(status: number): HttpVerdict {
  if (status >= 200 && status < 300) {
    return 'sent';
  }
  if (status === 408 || status === 429 || status >= 500) {
    return 'retry';
  }
  return 'dead';
}

/** SMTP: a 5xx reply (no such mailbox, rejected) is permanent; 4xx replies and connection failures are retried. */
export function smtpRetryable(responseCode: number | undefined): boolean {
  return responseCode === undefined || responseCode < 500;
}

/** Delay before attempt `attempts + 1`, after `attempts` failed ones: base · 2^(attempts−1), ±10 % jitter, capped. */
export function retryDelayMs(
  attempts: number,
  options: Pick<DeliveryOptions, 'backoffBaseMs' | 'backoffMaxMs'>,
  random: () => number = Math.random,
): number {
  const exponential = options.backoffBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30));
  const jittered = exponential * (0.9 + 0.2 * random());
  return Math.round(Math.min(jittered, options.backoffMaxMs));
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) {
    return null;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface FailureDecision {
  /** null: dead (no attempts left, or a permanent failure). */
  retryAt: Date | null;
}

/**
 * After a failed attempt (`attempts` counts it): retry with backoff while attempts remain, never sooner than the
 * receiver's Retry-After (itself capped by the backoff ceiling, so a hostile header cannot park a row for a year).
 */
export function afterFailure(
  failure: { retryable: boolean; retryAfterMs?: number | null },
  attempts: number,
  maxAttempts: number,
  options: Pick<DeliveryOptions, 'backoffBaseMs' | 'backoffMaxMs'>,
  now = Date.now(),
): FailureDecision {
  if (!failure.retryable || attempts >= maxAttempts) {
    return { retryAt: null };
  }
  const delay = Math.max(retryDelayMs(attempts, options), Math.min(failure.retryAfterMs ?? 0, options.backoffMaxMs));
  return { retryAt: new Date(now + delay) };
}
