import fc from 'fast-check';
import type { BusinessCalendarDef, WeeklyWindow } from '../math';

/** Fixed unless FC_SEED is set, so a run is reproducible; fast-check prints the seed and path of a failure. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261124);

export const ZONES = ['Europe/Istanbul', 'Europe/Berlin', 'America/New_York'] as const;

/**
 * Test ranges of 45 days. Spring holds New York's (8 Mar) and Berlin's (29 Mar) switch to summer time, autumn Berlin's
 * (25 Oct) and New York's (1 Nov) switch back; Istanbul has none.
 */
export const RANGES = [
  { name: 'spring', start: Date.UTC(2026, 1, 25) },
  { name: 'autumn', start: Date.UTC(2026, 9, 12) },
] as const;
export const RANGE_DAYS = 45;
/** Starts fall in the first 14 days so every walk stays inside the range. */
export const START_DAYS = 14;

const DAY = 86_400_000;

const clock = (fiveMinutes: number) => {
  const minutes = fiveMinutes * 5;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

/** 0–3 windows of one weekday on a 5-minute grid (touching allowed: unique cut points, paired in order). */
const dayWindows = (weekday: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 0, maxLength: 6 }).map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const windows: WeeklyWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      windows.push({ weekday, start: clock(sorted[i]), end: clock(sorted[i + 1]) });
    }
    return windows;
  });

export const weeklyArb = fc
  .tuple(...[1, 2, 3, 4, 5, 6, 7].map(dayWindows))
  .map((days) => days.flat())
  .filter((weekly) => weekly.length > 0);

export interface CalendarCase {
  def: BusinessCalendarDef;
  rangeStart: number;
  rangeEnd: number;
  openMinutesPerWeek: number;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export const calendarCaseArb: fc.Arbitrary<CalendarCase> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    range: fc.constantFrom(...RANGES),
    weekly: weeklyArb,
    holidayDays: fc.uniqueArray(fc.integer({ min: 0, max: RANGE_DAYS - 1 }), { maxLength: 6 }),
  })
  .map(({ zone, range, weekly, holidayDays }) => {
    const openMinutesPerWeek = weekly.reduce((sum, w) => {
      const [sh, sm] = w.start.split(':').map(Number);
      const [eh, em] = w.end.split(':').map(Number);
      return sum + eh * 60 + em - (sh * 60 + sm);
    }, 0);
    return {
      def: {
        timeZone: zone,
        weekly,
        holidays: holidayDays.map((d) => ({ date: isoDay(range.start + d * DAY), name: `Holiday ${d}` })),
      },
      rangeStart: range.start,
      rangeEnd: range.start + RANGE_DAYS * DAY,
      openMinutesPerWeek,
    };
  });

/** A whole-minute instant within the first START_DAYS of the case's range. */
export const startMinuteArb = fc.integer({ min: 0, max: START_DAYS * 1440 - 1 });
