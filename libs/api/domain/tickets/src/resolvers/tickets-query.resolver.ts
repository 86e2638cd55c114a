import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { TicketRefArgs } from '../dto/ticket-ref.args';
import { TicketsArgs } from '../dto/tickets.args';
import { TicketConnectionObject } from '../objects/ticket-connection.object';
import { TicketCategoryObject, TicketObject } from '../objects/ticket.object';
import { TicketCategories } from '../services/ticket-categories.service';
import { TicketQueriesService } from '../services/ticket-queries.service';
import { toTicketObject } from '../services/ticket-record';
import { TicketsService } from '../services/tickets.service';

@Resolver(() => TicketObject)
export class TicketsQueryResolver {
  constructor(
    private readonly queries: TicketQueriesService,
    private readonly service: TicketsService,
    private readonly categories: TicketCategories,
  ) {}

  @Query(() => TicketConnectionObject, { description: 'Newest first; first 1..100' })
  @Allow(Permission.CasesRead)
  tickets(@Ctx() ctx: RequestContext, @Args() args: TicketsArgs): Promise<TicketConnectionObject> {
    return this.queries.list(ctx, args.hotelId, args.filter, args.first, args.after);
  }

  @Query(() => TicketObject, { description: 'NOT_FOUND when missing or not yours' })
  @Allow(Permission.CasesRead)
  async ticket(@Ctx() ctx: RequestContext, @Args() args: TicketRefArgs): Promise<TicketObject> {
    return toTicketObject(await this.service.get(ctx, args.hotelId, args.id));
  }

  @Query(() => [TicketCategoryObject], { description: 'Defaults are seeded on first use' })
  @Allow(Permission.CasesRead)
  ticketCategories(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
  ): Promise<TicketCategoryObject[]> {
    return this.categories.list(ctx, hotelId);
  }
}
