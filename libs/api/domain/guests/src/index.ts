export * from './guests.module';
export * from './guests.errors';
export * from './identity';
export * from './matcher';
export * from './objects/guest.objects';
export * from './services/guests.service';
