export * from './automations.module';
