export * from './routing.module';
export { RaciDigests } from './digest/raci-digests';
export type { ComposedDigest } from './digest/raci-digests';
export { caseRoutingStep, ticketRoutingStep } from './steps/routing-steps';
export { ROUTING_ACTOR } from './assign/raci-assignment';
