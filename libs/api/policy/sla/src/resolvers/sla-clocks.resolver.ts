import { Args, ID, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, BatonError, Ctx, RequestContext } from '@baton/api/core';
import { SlaTargetType } from '../clocks/clock-store';
import { SlaClocksArgs } from '../dto/sla-clocks.args';
import { SlaSummaryArgs } from '../dto/sla-summary.args';
import { SlaEventsHub } from '../live/sla-events.hub';
import { SlaClockObject } from '../objects/sla-clock.object';
import { SlaEventObject } from '../objects/sla-event.object';
import { SlaMetricSummaryObject } from '../objects/sla-summary.object';
import { SlaQueriesService } from '../queries/sla-queries.service';

@Resolver(() => SlaClockObject)
export class SlaClocksResolver {
  constructor(
    private readonly queries: SlaQueriesService,
    private readonly hub: SlaEventsHub,
  ) {}

  @Query(() => [SlaClockObject], { description: 'The clocks of a case or ticket, oldest first' })
  @Allow(Permission.CasesRead)
  slaClocks(@Ctx() ctx: RequestContext, @Args() args: SlaClocksArgs): Promise<SlaClockObject[]> {
    return this.queries.clocks(
      ctx,
      args.hotelId,
      args.targetType as SlaTargetType,
      args.targetId,
      args.includeReplaced ?? false,
    );
  }

  @Query(() => [SlaMetricSummaryObject], { description: 'Met / met late / breached / escalated per metric' })
  @Allow(Permission.KpisRead)
  slaSummary(@Ctx() ctx: RequestContext, @Args() args: SlaSummaryArgs): Promise<SlaMetricSummaryObject[]> {
    return this.queries.summary(ctx, args.hotelId, args.from, args.to);
  }

  /** Authorised once, at subscribe time, on the hotel's own channel; another hotel answers like a missing one. */
  @Subscription(() => SlaEventObject, {
    description: 'Clocks of one hotel changing, live (started, paused, resumed, stopped, ladder steps)',
    resolve: (event: SlaEventObject) => event,
  })
  @Allow(Permission.CasesRead)
  slaEvents(@Ctx() ctx: RequestContext, @Args('hotelId', { type: () => ID }) hotelId: string) {
    if (!ctx.can(Permission.CasesRead, hotelId)) {
      throw BatonError.notFound('Hotel', hotelId);
    }
    return this.hub.subscribe(hotelId);
  }
}
