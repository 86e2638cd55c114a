export * from './calendars.module';
