import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { AddMembershipArgs } from '../dto/add-membership.input';
import { ChangeMembershipRoleArgs } from '../dto/change-membership-role.input';
import { RemoveMembershipArgs } from '../dto/remove-membership.input';
import { MembershipObject } from '../objects/tenancy.objects';
import { MembershipsService } from '../services/memberships.service';

@Resolver(() => MembershipObject)
export class MembershipsResolver {
  constructor(private readonly memberships: MembershipsService) {}

  @Query(() => [MembershipObject], { description: 'Hotel-level members, by e-mail' })
  @Allow(Permission.MembersRead)
  hotelMembers(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
  ): Promise<MembershipObject[]> {
    return this.memberships.list(ctx, hotelId);
  }

  @Mutation(() => MembershipObject)
  @Allow(Permission.MembersManage)
  addMembership(@Ctx() ctx: RequestContext, @Args() args: AddMembershipArgs): Promise<MembershipObject> {
    return this.memberships.add(ctx, args.hotelId, args.email, args.role);
  }

  @Mutation(() => MembershipObject)
  @Allow(Permission.MembersManage)
  changeMembershipRole(@Ctx() ctx: RequestContext, @Args() args: ChangeMembershipRoleArgs): Promise<MembershipObject> {
    return this.memberships.changeRole(ctx, args.hotelId, args.userId, args.role);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.MembersManage)
  removeMembership(@Ctx() ctx: RequestContext, @Args() args: RemoveMembershipArgs): Promise<boolean> {
    return this.memberships.remove(ctx, args.hotelId, args.userId);
  }
}
