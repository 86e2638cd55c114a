import { Column, Entity, PrimaryColumn } from 'typeorm';

export type HolidaySource = 'manual' | 'ical';

/** One closed local day of a calendar: typed in (manual) or imported from an iCal VEVENT (uid; one row per day). */
@Entity({ name: 'calendar_holiday' })
export class CalendarHolidayEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'calendar_id' }) calendarId: string;
  /** YYYY-MM-DD in the calendar's time zone */
  @Column('date') date: string;
  @Column('text') name: string;
  @Column('text') source: HolidaySource;
  @Column('text', { nullable: true }) uid: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
