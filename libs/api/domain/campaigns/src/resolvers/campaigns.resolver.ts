import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { CampaignIdArgs } from '../dto/campaign-id.input';
import { CampaignsArgs } from '../dto/campaigns.input';
import { SaveCampaignInput } from '../dto/save-campaign.input';
import { CampaignObject } from '../objects/campaigns.objects';
import { CampaignsService } from '../services/campaigns.service';

@Resolver(() => CampaignObject)
export class CampaignsResolver {
  constructor(private readonly campaignsService: CampaignsService) {}

  @Query(() => [CampaignObject], { description: 'Newest start first; activeOnly: the ones running today' })
  @Allow(Permission.CasesRead)
  campaigns(@Ctx() ctx: RequestContext, @Args() args: CampaignsArgs): Promise<CampaignObject[]> {
    return this.campaignsService.list(ctx, args.hotelId, args.activeOnly ?? false);
  }

  @Query(() => CampaignObject)
  @Allow(Permission.CasesRead)
  campaign(@Ctx() ctx: RequestContext, @Args() args: CampaignIdArgs): Promise<CampaignObject> {
    return this.campaignsService.get(ctx, args.hotelId, args.id);
  }

  @Mutation(() => CampaignObject, { description: 'Creates (no id) or updates a campaign; CONFLICT on a used code' })
  @Allow(Permission.CampaignsManage)
  saveCampaign(@Ctx() ctx: RequestContext, @Args('input') input: SaveCampaignInput): Promise<CampaignObject> {
    return this.campaignsService.save(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.CampaignsManage)
  deleteCampaign(@Ctx() ctx: RequestContext, @Args() args: CampaignIdArgs): Promise<boolean> {
    return this.campaignsService.delete(ctx, args.hotelId, args.id);
  }
}
