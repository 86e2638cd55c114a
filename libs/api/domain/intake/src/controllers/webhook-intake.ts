import { Injectable } from '@nestjs/common';
import { ChannelProvider } from '@baton/shared/contracts';
import { IntakeHttpError, IntakeHttpReason } from './intake-http.error';
import type { InboundItem } from '../intake.types';
import { InboundPayloadError } from '../parsers/parse-utils';
import { verifySignature } from '../webhook-signature';
import { ChannelRouter, ResolvedChannelAccount } from '../services/channel-router';
import { InboundEventStore, StoreResult } from '../services/inbound-event-store';

export interface SignedRequest {
  rawBody: Buffer | undefined;
  signature: string | string[] | undefined;
}

export interface IntakeAnswer extends StoreResult {
  received: true;
}

/** Runs a parser; a payload of the wrong shape becomes a 400 naming the field. */
export function parseOr400<T>(provider: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InboundPayloadError) {
      throw new IntakeHttpError(400, IntakeHttpReason.InvalidPayload, error.message, provider, { field: error.field });
    }
    throw error;
  }
}

/**
 * The request path shared by every webhook: find the account(s) through channel_route (the hotel never comes from
 * the payload), check the signature over the raw bytes with each account's own secret, then store the items grouped
 * by account. Any refusal happens before anything is stored.
 */
@Injectable()
export class WebhookIntake {
  constructor(
    private readonly router: ChannelRouter,
    private readonly store: InboundEventStore,
  ) {}

  /** The raw body and a signature header must be there before anything else is looked at. */
  requireSigned(provider: string, req: SignedRequest): Buffer {
    if (!req.rawBody || req.rawBody.length === 0) {
      throw new IntakeHttpError(400, IntakeHttpReason.InvalidPayload, 'Expected a JSON body', provider);
    }
    if (!req.signature) {
      throw new IntakeHttpError(401, IntakeHttpReason.InvalidSignature, 'Missing signature header', provider);
    }
    return req.rawBody;
  }

  /** Resolves every account a Meta payload names, verifies the signature for each, stores the items. */
  async receiveSigned(
    provider: ChannelProvider,
    req: SignedRequest,
    accountExternalIds: readonly string[],
    items: readonly InboundItem[],
  ): Promise<IntakeAnswer> {
    const raw = this.requireSigned(provider, req);
    const accounts = new Map<string, ResolvedChannelAccount>();
    for (const externalId of accountExternalIds) {
      accounts.set(externalId, await this.known(provider, externalId));
    }
    const verified = new Map<string, boolean>();
    for (const account of accounts.values()) {
      const secret = account.appSecret ?? '';
      const ok = verified.get(secret) ?? (secret !== '' && verifySignature(raw, req.signature, secret));
      verified.set(secret, ok);
      if (!ok) {
        throw new IntakeHttpError(401, IntakeHttpReason.InvalidSignature, 'Invalid signature', provider);
      }
    }
    const byAccount = new Map<string, InboundItem[]>();
    for (const item of items) {
      byAccount.set(item.accountExternalId, [...(byAccount.get(item.accountExternalId) ?? []), item]);
    }
    const results = await Promise.all(
      [...byAccount].map(([externalId, group]) => {
        const account = accounts.get(externalId)!;
        return this.store.store(account.hotelId, account.accountId, provider, group);
      }),
    );
    return this.answer(results);
  }

  /**
   * The generic endpoints name their account in the path; an account key may exist for more than one provider
   * (an e-mail and an OTA account), so the one whose secret verifies the signature wins.
   */
  async authenticate(
    providers: readonly ChannelProvider[],
    accountKey: string,
    req: SignedRequest,
  ): Promise<ResolvedChannelAccount> {
    const label = providers.join('|');
    const raw = this.requireSigned(label, req);
    const candidates = (await Promise.all(providers.map((p) => this.router.resolve(p, accountKey)))).filter(
      (a): a is ResolvedChannelAccount => a !== null,
    );
    if (candidates.length === 0) {
      throw this.unknown(label);
    }
    const account = candidates.find((a) => a.appSecret !== null && verifySignature(raw, req.signature, a.appSecret));
    if (!account) {
      throw new IntakeHttpError(401, IntakeHttpReason.InvalidSignature, 'Invalid signature', label);
    }
    return account;
  }

  /** An unsigned endpoint (web form): the account must exist and be active. */
  async known(provider: ChannelProvider, externalId: string): Promise<ResolvedChannelAccount> {
    const account = await this.router.resolve(provider, externalId);
    if (!account) {
      throw this.unknown(provider);
    }
    return account;
  }

  async storeFor(account: ResolvedChannelAccount, items: readonly InboundItem[]): Promise<IntakeAnswer> {
    return this.answer([await this.store.store(account.hotelId, account.accountId, account.provider, items)]);
  }

  private unknown(provider: string): IntakeHttpError {
    return new IntakeHttpError(404, IntakeHttpReason.UnknownAccount, 'Unknown or inactive channel account', provider);
  }

  private answer(results: StoreResult[]): IntakeAnswer {
    return {
      received: true,
      stored: results.reduce((n, r) => n + r.stored, 0),
      duplicates: results.reduce((n, r) => n + r.duplicates, 0),
    };
  }
}
