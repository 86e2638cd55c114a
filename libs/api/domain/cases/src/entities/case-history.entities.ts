import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Append-only: every status change of a case (who, when, from, to). */
@Entity({ name: 'case_transition' })
export class CaseTransitionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status' }) toStatus: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}

/** A case changing hands (team/channel → team/channel); accepted_at - requested_at is the handoff SLA. */
@Entity({ name: 'case_handoff' })
export class CaseHandoffEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text', { name: 'from_team', nullable: true }) fromTeam: string | null;
  @Column('text', { name: 'from_channel', nullable: true }) fromChannel: string | null;
  @Column('text', { name: 'to_team' }) toTeam: string;
  @Column('text', { name: 'to_channel', nullable: true }) toChannel: string | null;
  @Column('text') reason: string;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { name: 'requested_by', nullable: true }) requestedBy: string | null;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt: Date;
  @Column('uuid', { name: 'accepted_by', nullable: true }) acceptedBy: string | null;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
}

/** Append-only internal note on a case (never sent to the guest). */
@Entity({ name: 'case_note' })
export class CaseNoteEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('text', { name: 'author_name', nullable: true }) authorName: string | null;
  @Column('text') body: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
