import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One provider item as received (unique per hotel, provider and external id), waiting to become a case message. */
@Entity({ name: 'inbound_event' })
export class InboundEventEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') provider: string;
  @Column('text', { name: 'external_id' }) externalId: string;
  @Column('uuid', { name: 'account_id' }) accountId: string;
  @Column('text') kind: string;
  @Column('jsonb') payload: unknown;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('timestamptz', { name: 'received_at', default: () => 'now()' }) receivedAt: Date;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt: Date | null;
  @Column('int') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' }) nextAttemptAt: Date;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
}
