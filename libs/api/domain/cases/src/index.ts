export * from './cases.module';
