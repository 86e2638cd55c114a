export * from './agency.entity';
export * from './hotel.entity';
export * from './user.entity';
export * from './membership.entity';
export * from './credential.entity';

import { AgencyEntity } from './agency.entity';
import { ApiKeyEntity, RefreshSessionEntity, WallboardTokenEntity } from './credential.entity';
import { HotelEntity } from './hotel.entity';
import { AgencyMembershipEntity, HotelMembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';

export const TENANCY_ENTITIES = [
  AgencyEntity,
  HotelEntity,
  UserEntity,
  HotelMembershipEntity,
  AgencyMembershipEntity,
  ApiKeyEntity,
  WallboardTokenEntity,
  RefreshSessionEntity,
];
