import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { BatonConfig } from '@baton/api/core';

/**
 * Web-form submissions per client IP and minute (WEBFORM_RATE_PER_MINUTE). Shared across API instances through Redis
 * when REDIS_URL is set (its own ioredis client); while Redis is unreachable each process falls back to counting in
 * memory instead of refusing or letting everything through.
 */
@Injectable()
export class WebFormRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(WebFormRateLimiter.name);
  private readonly limiter: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(config: BatonConfig) {
    const options = { keyPrefix: 'baton:webform', points: config.WEBFORM_RATE_PER_MINUTE, duration: 60 };
    if (config.REDIS_URL) {
      this.redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', (error: Error) => this.logger.warn({ err: error }, 'web-form rate limiter: Redis error'));
      this.limiter = new RateLimiterRedis({
        ...options,
        storeClient: this.redis,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    } else {
      this.redis = null;
      this.limiter = new RateLimiterMemory(options);
    }
  }

  /** Counts one submission; returns null when allowed, else the seconds to wait. */
  async consume(ip: string): Promise<number | null> {
    try {
      await this.limiter.consume(ip || 'unknown');
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      }
      throw rejection;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
