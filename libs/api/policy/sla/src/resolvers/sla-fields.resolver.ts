import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { CaseObject } from '@baton/api/domain/cases';
import { TicketObject } from '@baton/api/domain/tickets';
import { SlaClockObject } from '../objects/sla-clock.object';
import { SlaClocksLoader } from '../queries/sla-clocks.loader';

/** `Case.sla`: the case's clocks (replaced ones left out), loaded in one batch per response. */
@Resolver(() => CaseObject)
export class CaseSlaResolver {
  constructor(private readonly loader: SlaClocksLoader) {}

  @ResolveField(() => [SlaClockObject], { description: 'SLA clocks of the case, oldest first' })
  @Allow(Permission.CasesRead)
  sla(@Ctx() ctx: RequestContext, @Parent() parent: CaseObject): Promise<SlaClockObject[]> {
    return this.loader.load(ctx, parent.hotelId, 'case', parent.id);
  }
}

/** `Ticket.sla`: the ticket's clocks (replaced ones left out). */
@Resolver(() => TicketObject)
export class TicketSlaResolver {
  constructor(private readonly loader: SlaClocksLoader) {}

  @ResolveField(() => [SlaClockObject], { description: 'SLA clocks of the ticket, oldest first' })
  @Allow(Permission.CasesRead)
  sla(@Ctx() ctx: RequestContext, @Parent() parent: TicketObject): Promise<SlaClockObject[]> {
    return this.loader.load(ctx, parent.hotelId, 'ticket', parent.id);
  }
}
