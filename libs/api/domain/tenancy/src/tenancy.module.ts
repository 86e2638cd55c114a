import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PrincipalResolver } from '@baton/api/core';
import { TENANCY_ENTITIES } from './entities';
import { AuthResolver } from './resolvers/auth.resolver';
import { HotelsResolver } from './resolvers/hotels.resolver';
import { AuthService } from './services/auth.service';
import { HotelsService } from './services/hotels.service';
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
    AuthResolver,
    HotelsResolver,
  ],
  exports: [PrincipalResolver, TenancyPrincipalResolver],
})
export class TenancyModule {}
