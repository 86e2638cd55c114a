export * from './sla.module';
