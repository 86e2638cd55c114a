import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { GuestArgs } from '../dto/guest.input';
import { GuestsArgs } from '../dto/guests.input';
import { UpdateGuestArgs } from '../dto/update-guest.input';
import { GuestObject } from '../objects/guest.objects';
import { GuestDirectoryService } from '../services/guest-directory.service';

@Resolver(() => GuestObject)
export class GuestsResolver {
  constructor(private readonly directory: GuestDirectoryService) {}

  @Query(() => GuestObject, { description: 'NOT_FOUND when missing or of another hotel' })
  @Allow(Permission.CasesRead)
  guest(@Ctx() ctx: RequestContext, @Args() args: GuestArgs): Promise<GuestObject> {
    return this.directory.get(ctx, args.hotelId, args.id);
  }

  @Query(() => [GuestObject], { description: 'Guests not merged into another one, newest first' })
  @Allow(Permission.CasesRead)
  guests(@Ctx() ctx: RequestContext, @Args() args: GuestsArgs): Promise<GuestObject[]> {
    return this.directory.list(ctx, args.hotelId, args.search ?? null, args.first ?? null);
  }

  @Mutation(() => GuestObject)
  @Allow(Permission.CasesWrite)
  updateGuest(@Ctx() ctx: RequestContext, @Args() args: UpdateGuestArgs): Promise<GuestObject> {
    return this.directory.update(ctx, args.hotelId, args.id, args.displayName);
  }
}
