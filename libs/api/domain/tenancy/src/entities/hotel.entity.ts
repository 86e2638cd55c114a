import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A hotel is a tenant: its id is the tenant_id of every tenant row. */
@Entity({ name: 'hotel' })
export class HotelEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id', nullable: true }) agencyId: string | null;
  @Column('text') name: string;
  @Column('text') slug: string;
  @Column('text') code: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('text') locale: string;
  @Column('char', { length: 3 }) currency: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
