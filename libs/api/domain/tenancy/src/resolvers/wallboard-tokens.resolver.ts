import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { CreateWallboardTokenArgs } from '../dto/create-wallboard-token.input';
import { RevokeWallboardTokenArgs } from '../dto/revoke-wallboard-token.input';
import { CreatedWallboardTokenObject, WallboardTokenObject } from '../objects/tenancy.objects';
import { WallboardTokensService } from '../services/wallboard-tokens.service';

@Resolver(() => WallboardTokenObject)
export class WallboardTokensResolver {
  constructor(private readonly tokensService: WallboardTokensService) {}

  @Query(() => [WallboardTokenObject])
  @Allow(Permission.WallboardsManage)
  wallboardTokens(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
  ): Promise<WallboardTokenObject[]> {
    return this.tokensService.list(ctx, hotelId);
  }

  @Mutation(() => CreatedWallboardTokenObject, { description: 'The token is returned once and never again' })
  @Allow(Permission.WallboardsManage)
  createWallboardToken(
    @Ctx() ctx: RequestContext,
    @Args() args: CreateWallboardTokenArgs,
  ): Promise<CreatedWallboardTokenObject> {
    return this.tokensService.create(ctx, args.hotelId, args.name, args.board);
  }

  @Mutation(() => WallboardTokenObject, { description: 'Idempotent' })
  @Allow(Permission.WallboardsManage)
  revokeWallboardToken(
    @Ctx() ctx: RequestContext,
    @Args() args: RevokeWallboardTokenArgs,
  ): Promise<WallboardTokenObject> {
    return this.tokensService.revoke(ctx, args.hotelId, args.id);
  }
}
