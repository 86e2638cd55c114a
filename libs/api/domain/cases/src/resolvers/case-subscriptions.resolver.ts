import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, BatonError, Ctx, RequestContext } from '@baton/api/core';
import { CaseEventObject } from '../objects/case-event.object';
import { QueueStateObject } from '../objects/queue-state.object';
import { CaseEventsHub } from '../services/case-events.hub';
import { revealsContact } from '../services/case-record';
import { QueueStateHub } from '../services/queue-state.hub';

/**
 * Authorised once, at subscribe time, on the hotel's own channel: a hotel the caller cannot read is refused exactly
 * like one that does not exist. Payloads are computed once per hotel (and contact variant), not per subscriber.
 */
@Resolver()
export class CaseSubscriptionsResolver {
  constructor(
    private readonly eventsHub: CaseEventsHub,
    private readonly queueStates: QueueStateHub,
  ) {}

  @Subscription(() => CaseEventObject, {
    description: 'Cases of one hotel changing, live (contact masked per the subscriber)',
    resolve: (event: CaseEventObject) => event,
  })
  @Allow(Permission.CasesRead)
  caseEvents(@Ctx() ctx: RequestContext, @Args('hotelId', { type: () => ID }) hotelId: string) {
    this.authorize(ctx, Permission.CasesRead, hotelId);
    return this.eventsHub.subscribe(hotelId, revealsContact(ctx, hotelId));
  }

  @Subscription(() => QueueStateObject, {
    name: 'queueState',
    description: 'A snapshot on subscribe, then on change (at most 4 per second)',
    resolve: (state: QueueStateObject) => state,
  })
  // Counts only, no personal data: queue wallboards (KPI-only tokens) may show them.
  @Allow(Permission.KpisRead)
  queueStateChanges(@Ctx() ctx: RequestContext, @Args('hotelId', { type: () => ID }) hotelId: string) {
    this.authorize(ctx, Permission.KpisRead, hotelId);
    return this.queueStates.subscribe(hotelId);
  }

  private authorize(ctx: RequestContext, permission: Permission, hotelId: string): void {
    if (!ctx.can(permission, hotelId)) {
      throw BatonError.notFound('Hotel', hotelId);
    }
  }
}
