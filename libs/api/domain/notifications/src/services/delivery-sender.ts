import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Mailer, SecretBox } from '@baton/api/core';
import { DeliveryEntity } from '../entities/delivery.entity';
import { DELIVERY_OPTIONS, DeliveryOptions } from '../notifications.options';
import { httpVerdict, retryAfterMs, smtpRetryable, webhookSignature } from './delivery-policy';
import { isPrivateAddress, webhookUrl } from './delivery-targets';

export type SendOutcome =
  | { ok: true; status: number | null }
  | { ok: false; retryable: boolean; error: string; status: number | null; retryAfterMs?: number | null };

const permanent = (error: string, status: number | null = null): SendOutcome => ({
  ok: false,
  retryable: false,
  error,
  status,
});

/** E-mail gets a longer budget than one HTTP request: connect, greeting and data are separate SMTP round trips. */
export const EMAIL_BUDGET_FACTOR = 3;

/**
 * One attempt of one delivery: an e-mail through the core Mailer, or a signed JSON POST. Classifies the result
 * (delivered, worth retrying, permanent) and never throws. Receivers get `X-Baton-Delivery` (the delivery id) and
 * `Idempotency-Key`, so they can drop the rare duplicate of an at-least-once outbox (a crash between their 2xx and our
 * commit resends).
 */
@Injectable()
export class DeliverySender {
  constructor(
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    private readonly mailer: Mailer,
    private readonly secrets: SecretBox,
  ) {}

  send(delivery: DeliveryEntity): Promise<SendOutcome> {
    switch (delivery.channel) {
      case 'email':
        return this.email(delivery);
      case 'webhook':
        return this.webhook(delivery);
      default:
        return Promise.resolve(permanent(`Unknown channel ${delivery.channel}`));
    }
  }

  private async email(d: DeliveryEntity): Promise<SendOutcome> {
    if (!this.mailer.configured) {
      return permanent('SMTP is not configured (SMTP_URL)');
    }
    try {
      await withTimeout(
        this.mailer.send({ to: d.target, subject: d.subject ?? '', text: d.body ?? '' }),
        this.options.timeoutMs * EMAIL_BUDGET_FACTOR,
      );
      return { ok: true, status: null };
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      const responseCode = typeof code === 'number' ? code : undefined;
      return {
        ok: false,
        retryable: smtpRetryable(responseCode),
        error: messageOf(error),
        status: responseCode ?? null,
      };
    }
  }

  private async webhook(d: DeliveryEntity): Promise<SendOutcome> {
    const url = webhookUrl(d.target);
    if (!url) {
      return permanent('Invalid webhook URL');
    }
    if (!this.options.allowPrivateTargets) {
      const refused = await this.privateHost(url.hostname.replace(/^\[|\]$/g, ''));
      if (refused) {
        return refused;
      }
    }
    let secret: string | null = null;
    if (d.secretEnc) {
      try {
        secret = this.secrets.open(d.secretEnc, d.tenantId);
      } catch {
        return permanent('The signing secret cannot be decrypted (was BATON_SECRETS_KEY changed?)');
      }
    }
    const body = JSON.stringify(d.payload ?? { subject: d.subject, body: d.body });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Baton-Webhooks/1',
      'x-baton-timestamp': String(timestamp),
      'x-baton-delivery': d.id,
      'idempotency-key': d.idempotencyKey,
    };
    if (secret !== null) {
      headers['x-baton-signature'] = webhookSignature(secret, timestamp, body);
    }
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      const verdict = httpVerdict(response.status);
      if (verdict === 'sent') {
        return { ok: true, status: response.status };
      }
      return {
        ok: false,
        retryable: verdict === 'retry',
        error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
        status: response.status,
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      };
    } catch (error) {
      const name = (error as { name?: string }).name;
      const timedOut = name === 'TimeoutError' || name === 'AbortError';
      return {
        ok: false,
        retryable: true,
        error: timedOut ? `Timed out after ${this.options.timeoutMs} ms` : `Connection failed: ${messageOf(error)}`,
        status: null,
      };
    }
  }

  /**
   * Refuses hosts that resolve to internal addresses. The request resolves the name again, so a DNS answer that
   * changes in between (rebinding) is not caught here; egress filtering at the network is the stronger guard.
   */
  private async privateHost(host: string): Promise<SendOutcome | null> {
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    } catch (error) {
      return { ok: false, retryable: true, error: `DNS lookup failed: ${messageOf(error)}`, status: null };
    }
    return addresses.some(isPrivateAddress)
      ? permanent(`${host} resolves to a private address (set DELIVERY_ALLOW_PRIVATE_TARGETS to allow)`)
      : null;
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
