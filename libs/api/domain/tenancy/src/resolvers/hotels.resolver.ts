import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { UpdateHotelSettingsInput } from '../dto/update-hotel-settings.input';
import { HotelObject } from '../objects/tenancy.objects';
import { HotelsService } from '../services/hotels.service';

@Resolver(() => HotelObject)
export class HotelsResolver {
  constructor(private readonly hotelsService: HotelsService) {}

  @Query(() => [HotelObject])
  @Allow(Permission.HotelsRead)
  hotels(@Ctx() ctx: RequestContext): Promise<HotelObject[]> {
    return this.hotelsService.list(ctx);
  }

  @Query(() => HotelObject)
  @Allow(Permission.HotelsRead)
  hotel(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<HotelObject> {
    return this.hotelsService.get(ctx, id);
  }

  @Mutation(() => HotelObject)
  @Allow(Permission.AdminSettings)
  updateHotelSettings(
    @Ctx() ctx: RequestContext,
    @Args('hotelId', { type: () => ID }) hotelId: string,
    @Args('input') input: UpdateHotelSettingsInput,
  ): Promise<HotelObject> {
    return this.hotelsService.updateSettings(ctx, hotelId, input);
  }
}
