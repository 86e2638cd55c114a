import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WeeklyWindow } from '../math';

/** A hotel's business-hours calendar; `weekly` holds the validated opening windows. */
@Entity({ name: 'business_calendar' })
export class BusinessCalendarEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'time_zone' }) timeZone: string;
  @Column('jsonb') weekly: WeeklyWindow[];
  @Column('boolean', { name: 'is_default', default: false }) isDefault: boolean;
  @Column('int', { default: 1 }) version: number;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
