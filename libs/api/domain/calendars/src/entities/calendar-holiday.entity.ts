import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayWindow } from '../math';

export type HolidaySource = 'manual' | 'ical';

/**
 * One local day of a calendar that does not follow the week: typed in (manual) or imported from an iCal VEVENT (uid;
 * one row per day). Closed all day unless `windows` lists its own working windows (a half day such as an arife).
 */
@Entity({ name: 'calendar_holiday' })
export class CalendarHolidayEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'calendar_id' }) calendarId: string;
  /** YYYY-MM-DD in the calendar's time zone */
  @Column('date') date: string;
  @Column('text') name: string;
  /** Validated working windows of that date, [] = closed all day. */
  @Column('jsonb', { default: () => "'[]'" }) windows: DayWindow[];
  @Column('text') source: HolidaySource;
  @Column('text', { nullable: true }) uid: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
