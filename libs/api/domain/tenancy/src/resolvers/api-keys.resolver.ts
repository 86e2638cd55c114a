import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { CreateApiKeyInput } from '../dto/create-api-key.input';
import { ApiKeyObject, CreatedApiKeyObject } from '../objects/tenancy.objects';
import { ApiKeysService } from '../services/api-keys.service';

@Resolver(() => ApiKeyObject)
export class ApiKeysResolver {
  constructor(private readonly apiKeysService: ApiKeysService) {}

  @Query(() => [ApiKeyObject], { description: 'Keys whose hotels are all ones where you manage API keys' })
  @Allow(Permission.ApiKeysManage)
  apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKeyObject[]> {
    return this.apiKeysService.list(ctx);
  }

  @Mutation(() => CreatedApiKeyObject, { description: 'The secret is returned once and never again' })
  @Allow(Permission.ApiKeysManage)
  createApiKey(@Ctx() ctx: RequestContext, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKeyObject> {
    return this.apiKeysService.create(ctx, input);
  }

  @Mutation(() => ApiKeyObject, { description: 'Idempotent' })
  @Allow(Permission.ApiKeysManage)
  revokeApiKey(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ApiKeyObject> {
    return this.apiKeysService.revoke(ctx, id);
  }
}
