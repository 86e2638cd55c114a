import { SetMetadata } from '@nestjs/common';
import { Permission } from '@baton/shared/contracts';

export const ALLOW_KEY = 'baton:allow';

/**
 * Declares the permission a resolver needs. Every Query, Mutation, Subscription and ResolveField must have one;
 * the guard refuses handlers without it and a test walks the schema to prove none is missing.
 */
export const Allow = (permission: Permission) => SetMetadata(ALLOW_KEY, permission);
