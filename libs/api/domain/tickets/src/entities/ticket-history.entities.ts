import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Append-only: every status change of a ticket (who, when, from, to, how it was closed, why). */
@Entity({ name: 'ticket_transition' })
export class TicketTransitionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status' }) toStatus: string;
  @Column('text', { nullable: true }) closure: string | null;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_name', nullable: true }) actorName: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
}

/** Append-only internal note on a ticket. */
@Entity({ name: 'ticket_note' })
export class TicketNoteEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId: string;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('text', { name: 'author_name', nullable: true }) authorName: string | null;
  @Column('text') body: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
