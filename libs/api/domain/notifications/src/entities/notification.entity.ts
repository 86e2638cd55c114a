import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One in-app notification for one user of a hotel. Never exposed as a GraphQL type (NotificationObject is). */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') kind: string;
  @Column('text') title: string;
  @Column('text') body: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId: string | null;
  @Column('uuid', { name: 'ticket_id', nullable: true }) ticketId: string | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'read_at', nullable: true }) readAt: Date | null;
}
