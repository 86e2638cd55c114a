import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgencyRole, HotelRole } from '@baton/shared/contracts';

@Entity({ name: 'hotel_membership' })
export class HotelMembershipEntity {
  @PrimaryColumn('uuid', { name: 'hotel_id' }) hotelId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: HotelRole;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}

@Entity({ name: 'agency_membership' })
export class AgencyMembershipEntity {
  @PrimaryColumn('uuid', { name: 'agency_id' }) agencyId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: AgencyRole;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
