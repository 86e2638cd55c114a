export * from './raci.module';
export * from './raci.errors';
export * from './entities/raci.entities';
export * from './rules/raci-document';
export * from './rules/raci-rules';
export { RaciService } from './services/raci.service';
export type { RaciResolution, RaciSavedEvent } from './services/raci.service';
export { RACI_SAVED_EVENT } from './services/raci.service';
export { RaciTemplatesService } from './services/raci-templates.service';
