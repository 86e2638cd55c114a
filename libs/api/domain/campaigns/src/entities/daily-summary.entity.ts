import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DailySummaryContent } from './daily-summary.content';

/** One summary per hotel and hotel-local day; the primary key makes generation idempotent across workers. */
@Entity({ name: 'daily_summary' })
export class DailySummaryEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  /** YYYY-MM-DD, hotel-local calendar day */
  @PrimaryColumn('date', { name: 'summary_date' }) summaryDate: string;
  @Column('jsonb') content: DailySummaryContent;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'emailed_at', nullable: true }) emailedAt: Date | null;
  @Column('text', { name: 'email_error', nullable: true }) emailError: string | null;
}
