import { createHmac } from 'node:crypto';
import { deliveryOptions } from '../notifications.options';
import {
  afterFailure,
  httpVerdict,
  retryAfterMs,
  retryDelayMs,
  smtpRetryable,
  webhookSignature,
} from '../services/delivery-policy';
import { displayTarget, isEmailAddress, isPrivateAddress, webhookUrl } from '../services/delivery-targets';

const backoff = { backoffBaseMs: 1000, backoffMaxMs: 60_000 };

describe('delivery policy (pure)', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256 as sha256=<hex>', () => {
    const body = '{"a":"ş"}';
    const expected = createHmac('sha256', 'k').update(`1700000000.${body}`).digest('hex');
    expect(webhookSignature('k', 1700000000, body)).toBe(`sha256=${expected}`);
    expect(webhookSignature('k', 1700000001, body)).not.toBe(`sha256=${expected}`);
  });

  it.each([
    [200, 'sent'],
    [204, 'sent'],
    [301, 'dead'],
    [400, 'dead'],
    [401, 'dead'],
    [404, 'dead'],
    [408, 'retry'],
    [410, 'dead'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ] as const)('HTTP %i → %s', (status, verdict) => {
    expect(httpVerdict(status)).toBe(verdict);
  });

  it('retries SMTP 4xx replies and connection failures, not 5xx replies', () => {
    expect(smtpRetryable(undefined)).toBe(true);
    expect(smtpRetryable(451)).toBe(true);
    expect(smtpRetryable(550)).toBe(false);
  });

  it('doubles the delay per attempt within ±10 % and caps it', () => {
    const at = (attempts: number, r: number) => retryDelayMs(attempts, backoff, () => r);
    expect([1, 2, 3, 4].map((n) => at(n, 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(at(1, 0)).toBe(900);
    expect(at(1, 1)).toBe(1100);
    expect(at(30, 0.5)).toBe(60_000);
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('is dead on a permanent failure or when attempts run out, else retries no sooner than Retry-After', () => {
    const now = 1_000_000;
    expect(afterFailure({ retryable: false }, 1, 6, backoff, now).retryAt).toBeNull();
    expect(afterFailure({ retryable: true }, 6, 6, backoff, now).retryAt).toBeNull();
    const next = afterFailure({ retryable: true }, 1, 6, backoff, now).retryAt!.getTime() - now;
    expect(next).toBeGreaterThanOrEqual(900);
    expect(next).toBeLessThanOrEqual(1100);
    expect(afterFailure({ retryable: true, retryAfterMs: 20_000 }, 1, 6, backoff, now).retryAt!.getTime()).toBe(
      now + 20_000,
    );
    // A hostile Retry-After cannot park the row beyond the backoff ceiling.
    expect(afterFailure({ retryable: true, retryAfterMs: 1e12 }, 1, 6, backoff, now).retryAt!.getTime()).toBe(
      now + 60_000,
    );
  });
});

describe('delivery targets (pure)', () => {
  it('accepts e-mail addresses and http(s) URLs only', () => {
    expect(isEmailAddress('gm@otel.com.tr')).toBe(true);
    expect(isEmailAddress('not an address')).toBe(false);
    expect(isEmailAddress('a@b')).toBe(false);
    expect(webhookUrl('https://hooks.example.com/x')).not.toBeNull();
    expect(webhookUrl('ftp://example.com')).toBeNull();
    expect(webhookUrl('javascript:alert(1)')).toBeNull();
  });

  it('shows webhook URLs without credentials and with query values masked', () => {
    expect(displayTarget('webhook', 'https://user:pw@hooks.example.com:8443/in?token=s3cret&x=1')).toBe(
      'https://hooks.example.com:8443/in?token=***&x=***',
    );
    expect(displayTarget('email', 'gm@otel.com')).toBe('gm@otel.com');
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['8.8.8.8', false],
    ['2a00:1450:4001::1', false],
    ['::ffff:8.8.8.8', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('reads its options from the environment and refuses bad values', () => {
    expect(deliveryOptions({})).toMatchObject({ pollMs: 500, maxAttempts: 6, timeoutMs: 10_000 });
    expect(deliveryOptions({ DELIVERY_MAX_ATTEMPTS: '3', DELIVERY_ALLOW_PRIVATE_TARGETS: 'true' })).toMatchObject({
      maxAttempts: 3,
      allowPrivateTargets: true,
    });
    expect(() => deliveryOptions({ DELIVERY_POLL_MS: '5000' })).toThrow(/DELIVERY_POLL_MS/);
    expect(() => deliveryOptions({ BATON_DASHBOARD_URL: 'nope' })).toThrow(/BATON_DASHBOARD_URL/);
    expect(deliveryOptions({ BATON_DASHBOARD_URL: 'https://baton.example.com/' }).dashboardUrl).toBe(
      'https://baton.example.com',
    );
  });
});
