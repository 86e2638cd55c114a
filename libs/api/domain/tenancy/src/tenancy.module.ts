import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PrincipalResolver } from '@baton/api/core';
import { TENANCY_ENTITIES } from './entities';
import { ApiKeysResolver } from './resolvers/api-keys.resolver';
import { AuthResolver } from './resolvers/auth.resolver';
import { HotelsResolver } from './resolvers/hotels.resolver';
import { MembershipsResolver } from './resolvers/memberships.resolver';
import { WallboardTokensResolver } from './resolvers/wallboard-tokens.resolver';
import { ApiKeysService } from './services/api-keys.service';
import { AuthService } from './services/auth.service';
import { HotelsService } from './services/hotels.service';
import { MembershipsService } from './services/memberships.service';
import { WallboardTokensService } from './services/wallboard-tokens.service';
import { TenancyPrincipalResolver } from './services/principal-resolver.service';

/**
 * Agencies, hotels (tenants), users, memberships, API keys and wallboard tokens. Global because it provides the core
 * PrincipalResolver port that the GraphQL guard and the WebSocket onConnect depend on.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(TENANCY_ENTITIES)],
  providers: [
    TenancyPrincipalResolver,
    { provide: PrincipalResolver, useExisting: TenancyPrincipalResolver },
    AuthService,
    HotelsService,
    MembershipsService,
    ApiKeysService,
    WallboardTokensService,
    AuthResolver,
    HotelsResolver,
    MembershipsResolver,
    ApiKeysResolver,
    WallboardTokensResolver,
  ],
  exports: [PrincipalResolver, TenancyPrincipalResolver],
})
export class TenancyModule {}
