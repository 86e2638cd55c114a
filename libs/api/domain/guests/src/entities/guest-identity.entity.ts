import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A normalised way to reach a guest (E.164 phone, wa id digits, lower-case e-mail, IG/Messenger scoped id). */
@Entity({ name: 'guest_identity' })
export class GuestIdentityEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'guest_id' }) guestId: string;
  @Column('text') kind: string;
  @Column('text') value: string;
  /** The guest this identity was first seen on. */
  @Column('uuid', { name: 'origin_guest_id' }) originGuestId: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
