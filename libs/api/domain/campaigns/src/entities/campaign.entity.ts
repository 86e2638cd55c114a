import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A hotel's campaign brief; `utm_campaign` (lower-case) ties incoming leads to it. */
@Entity({ name: 'campaign' })
export class CampaignEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'utm_campaign' }) utmCampaign: string;
  /** YYYY-MM-DD, hotel-local calendar day */
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;
  @Column('text', { name: 'offer_text', default: '' }) offerText: string;
  @Column('text', { array: true, default: '{}' }) channels: string[];
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
