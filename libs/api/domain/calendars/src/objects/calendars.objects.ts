import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('BusinessCalendarWindow', {
  description: 'An opening window of a weekday, local wall-clock time [start, end)',
})
export class WeeklyWindowObject {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday' }) weekday: number;
  @Field({ description: 'HH:mm' }) start: string;
  @Field({ description: "HH:mm, after start; '24:00' = end of the day" }) end: string;
}

@ObjectType('BusinessCalendarDayWindow', { description: "A holiday's own working window, local time [start, end)" })
export class DayWindowObject {
  @Field({ description: 'HH:mm' }) start: string;
  @Field({ description: "HH:mm, after start; '24:00' = end of the day" }) end: string;
}

@ObjectType('BusinessCalendarHoliday', {
  description: 'A local day that does not follow the week: closed all day, or a half day open only in its own windows',
})
export class HolidayObject {
  @Field({ description: 'YYYY-MM-DD in the calendar’s time zone' }) date: string;
  @Field() name: string;
  @Field({ description: 'manual (typed in) or ical (imported)' }) source: string;
  @Field(() => String, { nullable: true, description: 'UID of the imported iCal event' }) uid: string | null;
  @Field(() => [DayWindowObject], {
    description: "Working windows of that date instead of the weekday's, by start; empty = closed all day",
  })
  windows: DayWindowObject[];
}

@ObjectType('BusinessCalendar', { description: "A hotel's business hours: weekly windows (split shifts) and holidays" })
export class BusinessCalendarObject {
  @Field(() => ID) id: string;
  @Field(() => ID) hotelId: string;
  @Field() name: string;
  @Field({ description: 'IANA time zone the windows and holidays are read in' }) timeZone: string;
  @Field(() => [WeeklyWindowObject], { description: 'By weekday, then start' }) weekly: WeeklyWindowObject[];
  @Field(() => [HolidayObject], { description: 'By date' }) holidays: HolidayObject[];
  @Field({ description: 'Used by SLA policies that name no calendar (at most one per hotel)' }) isDefault: boolean;
  @Field(() => Int, { description: 'Bumped by every save; send it back to detect concurrent edits' }) version: number;
  @Field(() => Int, { description: 'Open minutes in a week without holidays' }) openMinutesPerWeek: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('HolidayImportResult', { description: 'Counted per iCal event (UID); a multi-day event is one event' })
export class HolidayImportResultObject {
  @Field(() => Int, { description: 'Events not imported before' }) added: number;
  @Field(() => Int, { description: 'Events whose days or name changed' }) updated: number;
  @Field(() => Int, { description: 'Events already imported as they are' }) unchanged: number;
  @Field(() => Int, { description: 'Cancelled events whose days were removed' }) removed: number;
  @Field(() => Int, { description: 'Timed (not all-day) or overlong events, ignored' }) skipped: number;
  @Field(() => BusinessCalendarObject) calendar: BusinessCalendarObject;
}

@ObjectType('CalendarPreview', { description: 'When a target counted in the calendar’s working time falls due' })
export class CalendarPreviewObject {
  @Field(() => ID, {
    nullable: true,
    description: 'null: the hotel has no calendar (24/7 in its time zone), or an unsaved definition without calendarId',
  })
  calendarId: string | null;
  @Field({ description: 'Computed in the unsaved definition sent with the query, not in a stored calendar' })
  unsaved: boolean;
  @Field() timeZone: string;
  @Field() start: Date;
  @Field(() => Int) minutes: number;
  @Field() dueAt: Date;
  @Field({ description: 'Whether start itself is working time' }) workingAtStart: boolean;
  @Field({ description: 'Whether it is working time right now' }) workingNow: boolean;
  @Field({ description: 'Start of the next working time at or after start' }) nextWorkingAt: Date;
}
