import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { TicketNoteObject, TicketObject, TicketTransitionObject } from '../objects/ticket.object';
import { TicketPartsLoader } from '../services/ticket-parts.loader';

/** The history of a ticket, oldest first, loaded in batches across every ticket of the response. */
@Resolver(() => TicketObject)
export class TicketFieldsResolver {
  constructor(private readonly loader: TicketPartsLoader) {}

  @ResolveField(() => [TicketNoteObject])
  @Allow(Permission.CasesRead)
  notes(@Ctx() ctx: RequestContext, @Parent() parent: TicketObject): Promise<TicketNoteObject[]> {
    return this.loader.load(ctx, parent.hotelId, parent.id, 'notes');
  }

  @ResolveField(() => [TicketTransitionObject])
  @Allow(Permission.CasesRead)
  transitions(@Ctx() ctx: RequestContext, @Parent() parent: TicketObject): Promise<TicketTransitionObject[]> {
    return this.loader.load(ctx, parent.hotelId, parent.id, 'transitions');
  }
}
