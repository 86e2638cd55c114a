export * from './tickets.module';
