import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MatchReason } from '../matcher';

/** "These two guests may be the same person" for an agent to merge or dismiss; one per (guest, candidate). */
@Entity({ name: 'guest_match_suggestion' })
export class GuestMatchSuggestionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'guest_id' }) guestId: string;
  @Column('uuid', { name: 'candidate_id' }) candidateId: string;
  @Column('int') score: number;
  @Column('jsonb') reasons: MatchReason[];
  /** MergeSuggestionStatus */
  @Column('text', { default: 'open' }) status: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
