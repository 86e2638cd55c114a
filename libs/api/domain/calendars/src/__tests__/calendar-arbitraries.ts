import fc from 'fast-check';
import type { BusinessCalendarDef, DayWindow } from '../math';

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

/** 0–3 windows of one day on a 5-minute grid (touching allowed: unique cut points, paired in order). */
const windowsArb = fc.uniqueArray(fc.integer({ min: 0, max: 288 }), { minLength: 0, maxLength: 6 }).map((cuts) => {
  const sorted = [...cuts].sort((a, b) => a - b);
  const windows: DayWindow[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    windows.push({ start: clock(sorted[i]), end: clock(sorted[i + 1]) });
  }
  return windows;
});

const dayWindows = (weekday: number) => windowsArb.map((windows) => windows.map((w) => ({ weekday, ...w })));

/**
 * A holiday on one of the range's days: closed all day, or a half day with its own windows (listed in any order, as
 * an editor may send them). A few fixed days early in the range come up often, so one date listed twice (open only
 * where both entries are) is covered too.
 */
const holidayArb = fc.record({
  day: fc.oneof(fc.integer({ min: 0, max: RANGE_DAYS - 1 }), fc.constantFrom(2, 5, 9)),
  windows: fc.oneof(
    { weight: 2, arbitrary: fc.constant<DayWindow[] | undefined>(undefined) },
    {
      weight: 3,
      arbitrary: windowsArb.chain((windows) => fc.shuffledSubarray(windows, { minLength: windows.length })),
    },
  ),
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
    holidays: fc.array(holidayArb, { maxLength: 6 }),
  })
  .map(({ zone, range, weekly, holidays }) => {
    const openMinutesPerWeek = weekly.reduce((sum, w) => {
      const [sh, sm] = w.start.split(':').map(Number);
      const [eh, em] = w.end.split(':').map(Number);
      return sum + eh * 60 + em - (sh * 60 + sm);
    }, 0);
    return {
      def: {
        timeZone: zone,
        weekly,
        holidays: holidays.map(({ day, windows }) => ({
          date: isoDay(range.start + day * DAY),
          name: windows ? `Half day ${day}` : `Holiday ${day}`,
          ...(windows ? { windows } : {}),
        })),
      },
      rangeStart: range.start,
      rangeEnd: range.start + RANGE_DAYS * DAY,
      openMinutesPerWeek,
    };
  });

/** A whole-minute instant within the first START_DAYS of the case's range. */
export const startMinuteArb = fc.integer({ min: 0, max: START_DAYS * 1440 - 1 });
