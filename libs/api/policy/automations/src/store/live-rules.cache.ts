import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AutomationTrigger } from '@baton/shared/contracts';
import { HotelCache, PubSubPort, RequestContext } from '@baton/api/core';
import { AUTOMATION_RULES_CACHE, allLiveRules, RuleRow } from './rules.store';

/** How stale the rules can get if an invalidation is lost (see HotelCache). */
const TTL_MS = 30_000;

/**
 * The hotel's enabled rules, per process: every case, ticket and SLA event asks for them, so each event used to cost a
 * query. Saving, enabling, disabling, deleting or rolling back a rule, and seeding the defaults, invalidate the entry
 * after COMMIT in this process and, over pub/sub, in every other one (rules.store.ts: `rulesChanged`).
 */
@Injectable()
export class LiveRulesCache implements OnModuleInit, OnModuleDestroy {
  private readonly cache: HotelCache<readonly RuleRow[]>;

  constructor(pubsub: PubSubPort) {
    this.cache = new HotelCache(pubsub, AUTOMATION_RULES_CACHE, TTL_MS);
  }

  onModuleInit(): void {
    this.cache.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.cache.stop();
  }

  /** Same answer as `liveRules` (enabled, not deleted, oldest first), for the given triggers. */
  async rules(ctx: RequestContext, hotelId: string, triggers: readonly AutomationTrigger[]): Promise<RuleRow[]> {
    const all = await this.cache.get(ctx, hotelId, () => allLiveRules(ctx, hotelId));
    return all.filter((rule) => triggers.includes(rule.trigger));
  }
}
