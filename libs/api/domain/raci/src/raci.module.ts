import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RACI_ENTITIES } from './entities/raci.entities';
import { RaciTemplateResolver } from './resolvers/raci-template.resolver';
import { RaciResolver } from './resolvers/raci.resolver';
import { RaciMembers } from './services/raci-members';
import { RaciStore } from './services/raci-store';
import { RaciTemplatesService } from './services/raci-templates.service';
import { RaciService } from './services/raci.service';

/**
 * RACI: per-hotel matrices of process steps × parties with R/A/C/I, agency templates copied onto hotels, and
 * `RaciService.resolve` for the policies that route by it (SLA escalations, automation actions).
 */
@Module({
  imports: [TypeOrmModule.forFeature(RACI_ENTITIES)],
  providers: [RaciStore, RaciMembers, RaciService, RaciTemplatesService, RaciResolver, RaciTemplateResolver],
  exports: [RaciService],
})
export class RaciModule {}
