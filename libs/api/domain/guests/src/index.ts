export * from './guests.module';
