export * from './audit.module';
export * from './activity-event.object';
