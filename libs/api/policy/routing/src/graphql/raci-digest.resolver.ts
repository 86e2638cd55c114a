import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { RaciDigests } from '../digest/raci-digests';
import { RaciDigestObject } from './raci-digest.objects';

@ArgsType()
export class RaciDigestArgs {
  @Field(() => ID) @IsString() hotelId: string;
}

@Resolver(() => RaciDigestObject)
export class RaciDigestResolver {
  constructor(private readonly digests: RaciDigests) {}

  @Query(() => RaciDigestObject, {
    description: 'The digest the Informed parties would get now (yesterday, hotel time); nothing is sent',
  })
  @Allow(Permission.WorkflowsManage)
  raciDigestPreview(@Ctx() ctx: RequestContext, @Args() args: RaciDigestArgs): Promise<RaciDigestObject> {
    return this.digests.preview(ctx, args.hotelId);
  }
}
