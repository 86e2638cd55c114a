import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person who wrote to a hotel. A merged guest keeps its row (merged_into_id points at the survivor) so that the
 * merge can be undone; its cases keep their guest_id and belong to the survivor through `memberIds`.
 */
@Entity({ name: 'guest' })
export class GuestEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'display_name', nullable: true }) displayName: string | null;
  @Column('uuid', { name: 'merged_into_id', nullable: true }) mergedIntoId: string | null;
  /** Cases opened for this guest (recordCaseOpened); a survivor's total adds its members' counts. */
  @Column('int', { name: 'past_case_count', default: 0 }) pastCaseCount: number;
  @Column('int', { name: 'won_case_count', default: 0 }) wonCaseCount: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
