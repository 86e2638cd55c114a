import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One outbound send (e-mail or webhook) of the outbox. `secretEnc` never leaves the API. */
@Entity({ name: 'delivery' })
export class DeliveryEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') channel: string;
  @Column('text') target: string;
  @Column('text', { nullable: true }) subject: string | null;
  @Column('text', { nullable: true }) body: string | null;
  @Column('jsonb', { nullable: true }) payload: unknown;
  @Column('text', { name: 'secret_enc', nullable: true }) secretEnc: string | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey: string;
  @Column('text', { name: 'source_kind', nullable: true }) sourceKind: string | null;
  @Column('text', { name: 'source_id', nullable: true }) sourceId: string | null;
  @Column('text') state: string;
  @Column('int') attempts: number;
  @Column('int', { name: 'max_attempts' }) maxAttempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('uuid', { name: 'claim_token', nullable: true }) claimToken: string | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('int', { name: 'last_status', nullable: true }) lastStatus: number | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('timestamptz', { name: 'dead_at', nullable: true }) deadAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
