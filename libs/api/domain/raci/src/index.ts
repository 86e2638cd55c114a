export * from './raci.module';
