import { Args, ID, Int, Query, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { ActivityEventObject } from './activity-event.object';
import { ActivityService } from './activity.service';

@Resolver(() => ActivityEventObject)
export class ActivityResolver {
  constructor(private readonly activity: ActivityService) {}

  @Query(() => [ActivityEventObject], { description: 'Newest first' })
  @Allow(Permission.AuditRead)
  recentActivity(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<ActivityEventObject[]> {
    return this.activity.recent(ctx, hotelId, first);
  }

  @Subscription(() => ActivityEventObject, { description: 'Audit events of one hotel, live' })
  @Allow(Permission.AuditRead)
  hotelActivity(@Ctx() ctx: RequestContext, @Args('hotelId', { type: () => ID }) hotelId: string) {
    return this.activity.subscribe(ctx, hotelId);
  }
}
