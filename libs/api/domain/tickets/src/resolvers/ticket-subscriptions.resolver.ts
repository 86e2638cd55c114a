import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, BatonError, Ctx, RequestContext } from '@baton/api/core';
import { TicketEventObject } from '../objects/ticket-event.object';
import { TicketEventsHub } from '../services/ticket-events.hub';

/**
 * Authorised once, at subscribe time, on the hotel's own channel: a hotel the caller cannot read is refused exactly
 * like one that does not exist. Each event is mapped once per hotel, not per subscriber.
 */
@Resolver()
export class TicketSubscriptionsResolver {
  constructor(private readonly hub: TicketEventsHub) {}

  @Subscription(() => TicketEventObject, {
    description: 'Tickets of one hotel opened, edited, moved or noted, live',
    resolve: (event: TicketEventObject) => event,
  })
  @Allow(Permission.CasesRead)
  ticketEvents(@Ctx() ctx: RequestContext, @Args('hotelId', { type: () => ID }) hotelId: string) {
    if (!ctx.can(Permission.CasesRead, hotelId)) {
      throw BatonError.notFound('Hotel', hotelId);
    }
    return this.hub.subscribe(hotelId);
  }
}
