import { Injectable } from '@nestjs/common';
import { BatonConfig } from '@baton/api/core';
import { isRecord, Json } from '../parsers/parse-utils';

/** A send that did not go through; `retryable` tells the worker whether to try again later or give up. */
export class OutboundSendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The provider's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OutboundSendError';
  }
}

export const SEND_TIMEOUT_MS = 10_000;

/** Meta error codes that mean "slow down" although the status is 400 (app, pair and throughput rate limits). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);

/** undici reports "fetch failed"; the useful part (ECONNREFUSED, ENOTFOUND...) is on its cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') {
    return cause.code;
  }
  return typeof cause?.message === 'string' ? cause.message : (error as Error).message;
}

function providerError(body: unknown): { message?: string; code?: number } {
  if (!isRecord(body) || !isRecord(body['error'])) {
    return {};
  }
  const error = body['error'];
  const message = typeof error['message'] === 'string' ? error['message'] : undefined;
  const code = typeof error['code'] === 'number' ? error['code'] : undefined;
  const details =
    isRecord(error['error_data']) && typeof error['error_data']['details'] === 'string'
      ? error['error_data']['details']
      : undefined;
  return { message: [message, details].filter(Boolean).join(': ') || undefined, code };
}

/**
 * POSTs to the Meta Graph API (WhatsApp Cloud API, Messenger and Instagram Send API) with a 10 s timeout.
 * Network errors, timeouts, 429 and 5xx are retryable; other 4xx are not (bad token, outside the 24 h window...) and
 * carry the provider's message.
 */
@Injectable()
export class MetaGraphClient {
  private readonly baseUrl: string;
  /** Per request; tests shorten it. */
  timeoutMs = SEND_TIMEOUT_MS;

  constructor(config: BatonConfig) {
    this.baseUrl = config.META_GRAPH_URL.replace(/\/+$/, '');
  }

  async postMessage(nodeId: string, accessToken: string, body: Json): Promise<Json> {
    const url = `${this.baseUrl}/${encodeURIComponent(nodeId)}/messages`;
    let status: number;
    let text: string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (error) {
      const name = (error as Error).name;
      const reason =
        name === 'TimeoutError' || name === 'AbortError'
          ? `timed out after ${this.timeoutMs / 1000} s`
          : causeOf(error);
      throw new OutboundSendError(`Meta Graph API unreachable: ${reason}`, true);
    }
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null; // an HTML error page from a proxy: the status decides
    }
    if (status < 200 || status >= 300) {
      const { message, code } = providerError(parsed);
      const retryable = status === 429 || status >= 500 || (code !== undefined && RATE_LIMIT_CODES.has(code));
      const label = `Meta Graph API ${status}${code !== undefined ? ` (code ${code})` : ''}`;
      throw new OutboundSendError(message ? `${label}: ${message}` : label, retryable, status);
    }
    if (!isRecord(parsed)) {
      throw new OutboundSendError('Meta Graph API answered without a JSON body', false, status);
    }
    return parsed;
  }
}
