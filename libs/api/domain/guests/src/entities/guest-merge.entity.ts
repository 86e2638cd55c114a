import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchReason } from '../matcher';

/** One merge of `mergedId` into `survivorId`, with exactly what it moved, so that it can be undone. */
@Entity({ name: 'guest_merge' })
export class GuestMergeEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'survivor_id' }) survivorId: string;
  @Column('uuid', { name: 'merged_id' }) mergedId: string;
  @Column('uuid', { name: 'moved_identity_ids', array: true, default: () => "'{}'" }) movedIdentityIds: string[];
  /** Always empty here: a guest merge never moves cases (they are reached through memberIds). */
  @Column('uuid', { name: 'moved_case_ids', array: true, default: () => "'{}'" }) movedCaseIds: string[];
  @Column('jsonb', { default: () => "'[]'" }) reasons: MatchReason[];
  @Column('uuid', { name: 'merged_by', nullable: true }) mergedBy: string | null;
  @Column('timestamptz', { name: 'merged_at', default: () => 'now()' }) mergedAt: Date;
  @Column('uuid', { name: 'undone_by', nullable: true }) undoneBy: string | null;
  @Column('timestamptz', { name: 'undone_at', nullable: true }) undoneAt: Date | null;
}
