export const DELIVERY_OPTIONS = Symbol('DELIVERY_OPTIONS');

/** How the delivery worker polls, retries and sends. Read once at start from the environment (docs/operations.md). */
export interface DeliveryOptions {
  /** How often a worker looks for due deliveries (≤ 1 s keeps a retry or a queued send close to its due time). */
  pollMs: number;
  /** Attempts before a delivery is dead (a permanent failure is dead at once). */
  maxAttempts: number;
  /** First retry delay; each further retry doubles it (±10 % jitter) up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Per send: the HTTP request (webhooks) or the SMTP exchange (e-mail). */
  timeoutMs: number;
  /** Sends in flight per worker process, across hotels. */
  concurrency: number;
  /**
   * Webhooks to loopback, private, link-local and unique-local addresses are refused unless this is set (tests, an
   * on-premise receiver). Guards against rules that point the worker at internal services.
   */
  allowPrivateTargets: boolean;
  /** Public base URL of the dashboard (`https://baton.example.com`); e-mailed notifications link to it when set. */
  dashboardUrl: string | null;
}

export const DEFAULT_DELIVERY_OPTIONS: DeliveryOptions = {
  pollMs: 500,
  maxAttempts: 6,
  backoffBaseMs: 5_000,
  backoffMaxMs: 30 * 60_000,
  timeoutMs: 10_000,
  concurrency: 8,
  allowPrivateTargets: false,
  dashboardUrl: null,
};

function intFrom(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`Configuration error: ${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function dashboardUrlFrom(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') {
    return null;
  }
  if (!/^https?:\/\/[^\s]+$/.test(raw)) {
    throw new Error(`Configuration error: BATON_DASHBOARD_URL must be an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** A bad value stops the process like any other configuration error. */
export function deliveryOptions(env: Record<string, string | undefined> = process.env): DeliveryOptions {
  const d = DEFAULT_DELIVERY_OPTIONS;
  const options: DeliveryOptions = {
    pollMs: intFrom(env, 'DELIVERY_POLL_MS', d.pollMs, 50, 1_000),
    maxAttempts: intFrom(env, 'DELIVERY_MAX_ATTEMPTS', d.maxAttempts, 1, 50),
    backoffBaseMs: intFrom(env, 'DELIVERY_BACKOFF_BASE_MS', d.backoffBaseMs, 10, 3_600_000),
    backoffMaxMs: intFrom(env, 'DELIVERY_BACKOFF_MAX_MS', d.backoffMaxMs, 10, 86_400_000),
    timeoutMs: intFrom(env, 'DELIVERY_TIMEOUT_MS', d.timeoutMs, 100, 120_000),
    concurrency: intFrom(env, 'DELIVERY_CONCURRENCY', d.concurrency, 1, 100),
    allowPrivateTargets: ['1', 'true', 'yes'].includes(String(env.DELIVERY_ALLOW_PRIVATE_TARGETS ?? '').toLowerCase()),
    dashboardUrl: dashboardUrlFrom(env.BATON_DASHBOARD_URL),
  };
  return { ...options, backoffMaxMs: Math.max(options.backoffMaxMs, options.backoffBaseMs) };
}
