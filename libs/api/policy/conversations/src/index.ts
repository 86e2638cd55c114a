export * from './conversations.module';
export * from './inbound/inbound-processor';
export * from './inbound/inbound-mapping';
export * from './outbound/outbound-dispatcher';
export { WORK_CHANNEL } from './work-nudges';
