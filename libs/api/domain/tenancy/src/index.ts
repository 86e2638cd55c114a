export * from './tenancy.module';
export * from './tenancy.errors';
export * from './entities';
export * from './objects/tenancy.objects';
