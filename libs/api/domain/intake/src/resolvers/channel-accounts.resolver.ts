import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { DeleteChannelAccountArgs } from '../dto/delete-channel-account.args';
import { InboundEventsArgs } from '../dto/inbound-events.args';
import { SaveChannelAccountInput } from '../dto/save-channel-account.input';
import { ChannelAccountObject, InboundEventObject } from '../objects/intake.objects';
import { ChannelAccountsService } from '../services/channel-accounts.service';

@Resolver(() => ChannelAccountObject)
export class ChannelAccountsResolver {
  constructor(private readonly accounts: ChannelAccountsService) {}

  @Query(() => [ChannelAccountObject])
  @Allow(Permission.AdminSettings)
  channelAccounts(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
  ): Promise<ChannelAccountObject[]> {
    return this.accounts.list(ctx, hotelId);
  }

  @Query(() => [InboundEventObject], { description: 'Newest first; pendingOnly also shows given-up events' })
  @Allow(Permission.AdminSettings)
  inboundEvents(@Ctx() ctx: RequestContext, @Args() args: InboundEventsArgs): Promise<InboundEventObject[]> {
    return this.accounts.inboundEvents(ctx, args.hotelId, args.pendingOnly ?? false, args.first ?? 50);
  }

  @Mutation(() => ChannelAccountObject, { description: 'Create (no id) or update; secrets are write-only' })
  @Allow(Permission.AdminSettings)
  saveChannelAccount(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveChannelAccountInput,
  ): Promise<ChannelAccountObject> {
    return this.accounts.save(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.AdminSettings)
  deleteChannelAccount(@Ctx() ctx: RequestContext, @Args() args: DeleteChannelAccountArgs): Promise<boolean> {
    return this.accounts.delete(ctx, args.hotelId, args.id);
  }
}
