export * from './parse-utils';
export * from './contact-fields';
export * from './whatsapp.parser';
export * from './meta.parser';
export * from './webform.parser';
export * from './generic-message.parser';
export * from './call-log.parser';
