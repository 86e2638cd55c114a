import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CasePriority, TicketClosure, TicketKind, TicketStatus } from '@baton/shared/contracts';

/** A ticket or task of one hotel, numbered per hotel (BLK-T-000123). Never exposed as a GraphQL type. */
@Entity({ name: 'ticket' })
export class TicketEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') number: string;
  @Column('text') kind: TicketKind;
  @Column('text') category: string;
  @Column('text') priority: CasePriority;
  @Column('text') title: string;
  @Column('text') description: string;
  @Column('text') status: TicketStatus;
  @Column('uuid', { name: 'owner_id', nullable: true }) ownerId: string | null;
  @Column('text', { nullable: true }) team: string | null;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId: string | null;
  @Column('text') source: 'manual' | 'rule';
  @Column('uuid', { name: 'rule_id', nullable: true }) ruleId: string | null;
  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById: string | null;
  @Column('text', { name: 'created_by_name', nullable: true }) createdByName: string | null;
  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt: Date | null;
  @Column('timestamptz', { name: 'first_response_at', nullable: true }) firstResponseAt: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { nullable: true }) closure: TicketClosure | null;
  @Column('int', { name: 'confirmation_days' }) confirmationDays: number;
  @Column('timestamptz', { name: 'confirmation_due_at', nullable: true }) confirmationDueAt: Date | null;
  @Column('text', { name: 'approval_decision', nullable: true }) approvalDecision: 'approved' | 'rejected' | null;
  @Column('text', { name: 'approval_note', nullable: true }) approvalNote: string | null;
  @Column('uuid', { name: 'decided_by_id', nullable: true }) decidedById: string | null;
  @Column('text', { name: 'decided_by_name', nullable: true }) decidedByName: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('int') version: number;
}

/** Last ticket number issued per hotel; only ever touched by the UPSERT in TicketNumbers. */
@Entity({ name: 'ticket_counter' })
export class TicketCounterEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('int', { name: 'last_value' }) lastValue: number;
}

/** One entry of the hotel's ticket category list. */
@Entity({ name: 'ticket_category' })
export class TicketCategoryEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('text') code: string;
  @Column('text', { name: 'label_tr' }) labelTr: string;
  @Column('text', { name: 'label_en' }) labelEn: string;
  @Column('int') sort: number;
  @Column('boolean') active: boolean;
}
