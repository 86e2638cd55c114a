import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeliveryStatus, MessageDirection } from '@baton/shared/contracts';

/** One message of a case's timeline, inbound or outbound; outbound rows double as the send queue (delivery_*). */
@Entity({ name: 'case_message' })
export class CaseMessageEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'case_id' }) caseId: string;
  @Column('text') direction: MessageDirection;
  @Column('text') channel: string;
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('text') body: string;
  @Column('jsonb', { nullable: true }) attachment: Record<string, unknown> | null;
  @Column('text', { name: 'provider_message_id', nullable: true }) providerMessageId: string | null;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('text', { name: 'author_name', nullable: true }) authorName: string | null;
  @Column('timestamptz', { name: 'occurred_at' }) occurredAt: Date;
  @Column('text', { name: 'delivery_status', nullable: true }) deliveryStatus: DeliveryStatus | null;
  @Column('timestamptz', { name: 'delivery_updated_at', nullable: true }) deliveryUpdatedAt: Date | null;
  @Column('int') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true }) nextAttemptAt: Date | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
