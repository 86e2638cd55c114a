import { Injectable } from '@nestjs/common';
import { ChannelProvider } from '@baton/shared/contracts';
import { SecretBox, sha256, TenantTransactions } from '@baton/api/core';
import { ChannelAccountEntity } from '../entities/channel-account.entity';
import { ChannelRouteEntity } from '../entities/channel-route.entity';

/** A provider account resolved to its hotel; the hotel comes only from channel_route, never from the payload. */
export interface ResolvedChannelAccount {
  hotelId: string;
  accountId: string;
  provider: ChannelProvider;
  externalId: string;
  /** Opened (decrypted) webhook signing secret; null when the account has none. */
  appSecret: string | null;
}

interface CacheEntry {
  expires: number;
  value: Promise<ResolvedChannelAccount | null>;
}

const HIT_TTL_MS = 30_000;
/** Unknown ids are remembered briefly too, so a flood of them does not reach Postgres for every request. */
const MISS_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Resolves (provider, external id) → hotel, account and signing secret before any tenant scope exists: the route is
 * read with `app.channel_lookup` set to exactly that key (its RLS policy admits nothing else), then the account's
 * sealed secret inside the hotel's own scope. Results are cached per process for 30 s (webhooks arrive in bursts);
 * saving or deleting an account invalidates the entry in this process, other processes catch up within the TTL.
 * Concurrent lookups of one key share one query.
 */
@Injectable()
export class ChannelRouter {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly transactions: TenantTransactions,
    private readonly secrets: SecretBox,
  ) {}

  /** The active account, or null when unknown or inactive. */
  resolve(provider: ChannelProvider, externalId: string): Promise<ResolvedChannelAccount | null> {
    if (!EXTERNAL_ID.test(externalId)) {
      return Promise.resolve(null);
    }
    const key = `${provider}:${externalId}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) {
      return cached.value;
    }
    const value = this.load(provider, externalId);
    const entry: CacheEntry = { expires: now + HIT_TTL_MS, value };
    this.remember(key, entry);
    value.then(
      (account) => {
        if (!account) {
          entry.expires = Date.now() + MISS_TTL_MS;
        }
      },
      () => {
        // A failed lookup (database down) is not remembered: the next request asks again.
        if (this.cache.get(key) === entry) {
          this.cache.delete(key);
        }
      },
    );
    return value;
  }

  /** True when `token` is the verify token of some account of one of `providers` (Meta's GET handshake). */
  async matchesVerifyToken(providers: readonly ChannelProvider[], token: string): Promise<boolean> {
    const hash = sha256(token);
    for (const provider of providers) {
      const found = await this.transactions.runIdentity(
        { tenantIds: [], channelLookup: `${provider}:verify:${hash}` },
        (em) => em.getRepository(ChannelRouteEntity).exists({ where: { provider, verifyTokenHash: hash } }),
      );
      if (found) {
        return true;
      }
    }
    return false;
  }

  /** Forget a cached account (after it was saved or deleted in this process). */
  invalidate(provider: string, externalId: string): void {
    this.cache.delete(`${provider}:${externalId}`);
  }

  private remember(key: string, entry: CacheEntry): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    if (this.cache.size > MAX_ENTRIES) {
      // Map iterates in insertion order: drop the oldest entry.
      const oldest = this.cache.keys().next();
      if (!oldest.done) {
        this.cache.delete(oldest.value);
      }
    }
  }

  private async load(provider: ChannelProvider, externalId: string): Promise<ResolvedChannelAccount | null> {
    const route = await this.transactions.runIdentity(
      { tenantIds: [], channelLookup: `${provider}:${externalId}` },
      (em) => em.getRepository(ChannelRouteEntity).findOne({ where: { provider, externalId } }),
    );
    if (!route) {
      return null;
    }
    const account = await this.transactions.runIdentity({ tenantIds: [route.hotelId] }, (em) =>
      em.getRepository(ChannelAccountEntity).findOne({
        where: { tenantId: route.hotelId, id: route.accountId },
        select: { tenantId: true, id: true, provider: true, externalId: true, appSecretEnc: true, active: true },
      }),
    );
    if (!account || !account.active) {
      return null;
    }
    return {
      hotelId: route.hotelId,
      accountId: account.id,
      provider,
      externalId,
      appSecret: account.appSecretEnc ? this.secrets.open(account.appSecretEnc, route.hotelId) : null,
    };
  }
}
