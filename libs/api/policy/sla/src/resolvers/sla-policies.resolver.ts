import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { SlaHotelArgs } from '../dto/hotel.args';
import { ReorderSlaPoliciesArgs } from '../dto/reorder-sla-policies.args';
import { SaveSlaPolicyInput } from '../dto/save-sla-policy.input';
import { SlaPolicyRefArgs } from '../dto/sla-policy-ref.args';
import { SlaPolicyObject } from '../objects/sla-policy.object';
import { SlaPoliciesService } from '../policy/sla-policies.service';

@Resolver(() => SlaPolicyObject)
export class SlaPoliciesResolver {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Query(() => [SlaPolicyObject], { description: 'In order: the first enabled match applies (defaults on first use)' })
  @Allow(Permission.CasesRead)
  slaPolicies(@Ctx() ctx: RequestContext, @Args() args: SlaHotelArgs): Promise<SlaPolicyObject[]> {
    return this.policies.list(ctx, args.hotelId);
  }

  @Mutation(() => SlaPolicyObject, { description: 'Creates (no id) or replaces a policy; STALE_VERSION on an old one' })
  @Allow(Permission.WorkflowsManage)
  saveSlaPolicy(@Ctx() ctx: RequestContext, @Args('input') input: SaveSlaPolicyInput): Promise<SlaPolicyObject> {
    return this.policies.save(ctx, input);
  }

  @Mutation(() => Boolean, { description: 'Running clocks of the policy keep their targets until they stop' })
  @Allow(Permission.WorkflowsManage)
  deleteSlaPolicy(@Ctx() ctx: RequestContext, @Args() args: SlaPolicyRefArgs): Promise<boolean> {
    return this.policies.delete(ctx, args.hotelId, args.id);
  }

  @Mutation(() => [SlaPolicyObject], { description: 'ids: every policy of the hotel in the new order' })
  @Allow(Permission.WorkflowsManage)
  reorderSlaPolicies(@Ctx() ctx: RequestContext, @Args() args: ReorderSlaPoliciesArgs): Promise<SlaPolicyObject[]> {
    return this.policies.reorder(ctx, args.hotelId, args.ids);
  }
}
