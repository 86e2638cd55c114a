import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { LoginArgs } from '../dto/login.input';
import { AuthPayloadObject, MeObject } from '../objects/tenancy.objects';
import { AuthService } from '../services/auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayloadObject, { description: 'Short-lived access token + rotating refresh token' })
  @Allow(Permission.Public)
  login(@Ctx() ctx: RequestContext, @Args() args: LoginArgs): Promise<AuthPayloadObject> {
    return this.auth.login(ctx, args.email, args.password);
  }

  @Mutation(() => AuthPayloadObject)
  @Allow(Permission.Public)
  refreshSession(@Ctx() ctx: RequestContext, @Args('refreshToken') refreshToken: string): Promise<AuthPayloadObject> {
    return this.auth.refresh(ctx, refreshToken);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.Public)
  logout(@Ctx() ctx: RequestContext, @Args('refreshToken') refreshToken: string): Promise<boolean> {
    return this.auth.logout(ctx, refreshToken);
  }

  @Query(() => MeObject)
  @Allow(Permission.Authenticated)
  me(@Ctx() ctx: RequestContext): Promise<MeObject> {
    return this.auth.me(ctx);
  }
}
