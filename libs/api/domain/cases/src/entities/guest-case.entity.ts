import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CasePriority, CaseStatus } from '@baton/shared/contracts';

/**
 * One guest request, numbered per hotel and year (BLK-2026-000123). Never exposed as a GraphQL type. The `search`
 * tsvector column is deliberately not mapped: it is only ever appended to with SQL (to_tsvector('baton_tr', …)).
 */
@Entity({ name: 'guest_case' })
export class GuestCaseEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') number: string;
  @Column('uuid', { name: 'guest_id' }) guestId: string;
  @Column('text') status: CaseStatus;
  @Column('text', { name: 'request_type', nullable: true }) requestType: string | null;
  @Column('text') priority: CasePriority;
  @Column('text') source: string;
  @Column('text') channel: string;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId: string | null;
  @Column('text', { name: 'utm_source', nullable: true }) utmSource: string | null;
  @Column('text', { name: 'utm_medium', nullable: true }) utmMedium: string | null;
  @Column('text', { name: 'utm_campaign', nullable: true }) utmCampaign: string | null;
  @Column('text', { name: 'utm_content', nullable: true }) utmContent: string | null;
  @Column('text', { array: true }) labels: string[];
  @Column('uuid', { name: 'owner_id', nullable: true }) ownerId: string | null;
  @Column('text', { nullable: true }) team: string | null;
  @Column('text', { name: 'guest_name', nullable: true }) guestName: string | null;
  @Column('text', { nullable: true }) contact: string | null;
  @Column('text', { name: 'request_text', nullable: true }) requestText: string | null;
  @Column('int', { name: 'message_rounds' }) messageRounds: number;
  @Column('timestamptz', { name: 'first_response_at', nullable: true }) firstResponseAt: Date | null;
  @Column('int', { name: 'first_response_seconds', nullable: true }) firstResponseSeconds: number | null;
  @Column('timestamptz', { name: 'last_inbound_at', nullable: true }) lastInboundAt: Date | null;
  @Column('timestamptz', { name: 'last_outbound_at', nullable: true }) lastOutboundAt: Date | null;
  @Column('timestamptz', { name: 'waiting_since', nullable: true }) waitingSince: Date | null;
  @Column('text', { name: 'lost_reason', nullable: true }) lostReason: string | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('uuid', { name: 'merged_into_id', nullable: true }) mergedIntoId: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
