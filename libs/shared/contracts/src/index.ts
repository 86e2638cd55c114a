export * from './permissions';
export * from './events';
export * from './errors';
export * from './cases';
export * from './pii';
export * from './workflows';
