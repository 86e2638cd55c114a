export * from './test-database';
export * from './test-api';
export * from './world';
export * from './ws-client';
export * from './smtp-sink';
export * from './webhooks';
