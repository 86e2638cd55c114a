import {
  alwaysOpenWeekly,
  BusinessCalendarDef,
  CalendarDefError,
  canonicalTimeZone,
  DayWindow,
  formatClock,
  Holiday,
  MINUTES_PER_DAY,
  parseClock,
  parseLocalDate,
  validateCalendarDef,
  WEEKDAY_NAMES,
  WeeklyWindow,
} from './calendar-def';
import { DAY_MS, DayOffsets, MINUTE_MS, ZoneOffsets } from './zone-offsets';

/** Open minutes after local midnight, [start, end). */
export type MinuteRange = readonly [number, number];

/** A validated, precomputed calendar: build it once with businessCalendarFrom and reuse it for every computation. */
export interface BusinessCalendar {
  /** The normalized definition (canonical zone name, windows sorted, holidays sorted by date). */
  readonly def: Readonly<BusinessCalendarDef>;
  readonly timeZone: string;
  /** Open ranges per ISO weekday (index 1 = Monday … 7 = Sunday; index 0 unused), sorted, touching ranges merged. */
  readonly windows: ReadonlyArray<ReadonlyArray<MinuteRange>>;
  /**
   * Local days (days since 1970-01-01) that do not follow the week, with their open ranges: none = closed all day, else
   * a half day's own windows (they replace the weekday's).
   */
  readonly holidayWindows: ReadonlyMap<number, ReadonlyArray<MinuteRange>>;
  /** Open around the clock with no holidays: every computation is plain arithmetic. */
  readonly alwaysOpen: boolean;
  readonly openMinutesPerWeek: number;
}

/**
 * A calendar with no open time for this many consecutive days is treated as broken rather than looped over forever
 * (a valid definition has at least one window, so only an absurd holiday list could get here).
 */
const MAX_CLOSED_DAYS = 3700;

/** ISO weekday (1 = Monday) of a day counted from 1970-01-01, which was a Thursday. */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Sorted ranges with overlapping and touching ones merged. */
function mergeRanges(ranges: ReadonlyArray<MinuteRange>): MinuteRange[] {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) {
      last[1] = Math.max(last[1], end);
    } else {
      merged.push([start, end]);
    }
  }
  return merged;
}

/** The minutes both sorted, merged range lists hold. */
function intersectRanges(a: ReadonlyArray<MinuteRange>, b: ReadonlyArray<MinuteRange>): MinuteRange[] {
  const out: MinuteRange[] = [];
  for (const [a0, a1] of a) {
    for (const [b0, b1] of b) {
      const lo = Math.max(a0, b0);
      const hi = Math.min(a1, b1);
      if (lo < hi) {
        out.push([lo, hi]);
      }
    }
  }
  return mergeRanges(out);
}

const rangeOf = (window: DayWindow): MinuteRange => [parseClock(window.start) ?? 0, parseClock(window.end, true) ?? 0];

function mergedWindows(weekly: readonly WeeklyWindow[]): MinuteRange[][] {
  const byDay: MinuteRange[][] = Array.from({ length: 8 }, () => []);
  for (const window of weekly) {
    byDay[window.weekday].push(rangeOf(window));
  }
  return byDay.map(mergeRanges);
}

/**
 * The open ranges of every holiday date. A date listed more than once (a typed-in half day and an imported closed
 * day, say) is open only where every entry is: each entry restricts the day, the strictest wins.
 */
function holidayRanges(holidays: readonly Holiday[]): Map<number, MinuteRange[]> {
  const byDay = new Map<number, MinuteRange[]>();
  for (const holiday of holidays) {
    const day = parseLocalDate(holiday.date) as number;
    const own = mergeRanges((holiday.windows ?? []).map(rangeOf));
    const before = byDay.get(day);
    byDay.set(day, before ? intersectRanges(before, own) : own);
  }
  return byDay;
}

/**
 * Validates and precomputes a definition. Throws CalendarDefError naming every bad field.
 * Semantics: an instant is working time when the calendar's local wall clock at that instant shows a time inside one
 * of that date's windows: a holiday's own windows (none when it closes the whole day), else the weekday's. So on a DST day a window is as long as the wall clock
 * spends in it: 00:00–06:00 lasts 5 h on the spring-forward day in Europe/Berlin and 7 h on the fall-back day.
 */
export function businessCalendarFrom(def: BusinessCalendarDef): BusinessCalendar {
  const problems = validateCalendarDef(def);
  if (problems.length > 0) {
    throw new CalendarDefError(problems);
  }
  const timeZone = canonicalTimeZone(def.timeZone) as string;
  const weekly = [...def.weekly]
    .map((w) => ({ weekday: w.weekday, start: w.start, end: w.end }))
    .sort((x, y) => x.weekday - y.weekday || x.start.localeCompare(y.start));
  const holidays: Array<Required<Holiday>> = [...def.holidays]
    .map((h) => ({
      date: h.date,
      name: h.name.trim(),
      windows: (h.windows ?? [])
        .map((w) => ({ start: w.start, end: w.end }))
        .sort((x, y) => x.start.localeCompare(y.start)),
    }))
    .sort((x, y) => x.date.localeCompare(y.date) || x.name.localeCompare(y.name));
  const windows = mergedWindows(weekly);
  const holidayWindows = holidayRanges(holidays);
  const openMinutesPerWeek = windows.reduce((sum, day) => sum + day.reduce((s, [a, b]) => s + b - a, 0), 0);
  return Object.freeze({
    def: Object.freeze({ timeZone, weekly, holidays }),
    timeZone,
    windows,
    holidayWindows,
    alwaysOpen: openMinutesPerWeek === 7 * MINUTES_PER_DAY && holidayWindows.size === 0,
    openMinutesPerWeek,
  });
}

/** The open ranges of a local day (days since 1970-01-01): a holiday's own (maybe none), else its weekday's. */
export function openRangesOn(cal: BusinessCalendar, localDay: number): ReadonlyArray<MinuteRange> {
  return cal.holidayWindows.get(localDay) ?? cal.windows[isoWeekdayOfDay(localDay)];
}

/** Open around the clock, no holidays (the calendar of calendar-time targets and of hotels without a calendar). */
export function alwaysOpenCalendar(timeZone = 'UTC'): BusinessCalendar {
  return businessCalendarFrom({ timeZone, weekly: alwaysOpenWeekly(), holidays: [] });
}

export const CALENDAR_24_7: BusinessCalendar = alwaysOpenCalendar('UTC');

/** The constant-offset pieces of one UTC day: [start, end, offset]. */
function offsetRuns(day: DayOffsets, dayStart: number): Array<[number, number, number]> {
  const dayEnd = dayStart + DAY_MS;
  if (day.switchAt === Infinity) {
    return [[dayStart, dayEnd, day.before]];
  }
  return [
    [dayStart, day.switchAt, day.before],
    [day.switchAt, dayEnd, day.after],
  ];
}

/**
 * The working intervals [from, to) (epoch ms) at or after `fromMs`, in order, clipped to start at `fromMs`; never
 * ends for a valid calendar (consumers stop iterating). Walks UTC days; inside a run of constant offset the wall clock
 * is `t + offset`, so each window's instants are its local bounds minus that offset, clipped to the run. Intervals may
 * touch (a window ending 24:00 and one starting 00:00 come out as two).
 */
export function* workingIntervals(cal: BusinessCalendar, fromMs: number): Generator<[number, number]> {
  if (cal.alwaysOpen) {
    yield [fromMs, Infinity];
    return;
  }
  const zone = ZoneOffsets.of(cal.timeZone);
  let closedDays = 0;
  for (let utcDay = Math.floor(fromMs / DAY_MS); ; utcDay++) {
    let found = false;
    for (const [runStart, runEnd, offset] of offsetRuns(zone.day(utcDay), utcDay * DAY_MS)) {
      const lo = Math.max(runStart, fromMs);
      if (lo >= runEnd) {
        continue;
      }
      const lastLocalDay = Math.floor((runEnd - 1 + offset) / DAY_MS);
      for (let localDay = Math.floor((lo + offset) / DAY_MS); localDay <= lastLocalDay; localDay++) {
        const midnight = localDay * DAY_MS - offset;
        for (const [start, end] of openRangesOn(cal, localDay)) {
          const a = Math.max(midnight + start * MINUTE_MS, lo);
          const b = Math.min(midnight + end * MINUTE_MS, runEnd);
          if (a < b) {
            found = true;
            yield [a, b];
          }
        }
      }
    }
    closedDays = found ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new Error(`Calendar in ${cal.timeZone} has no working time for ${MAX_CLOSED_DAYS} days`);
    }
  }
}

/** Whether `at` is inside one of its local date's windows (a holiday's own, else the weekday's). */
export function isWorkingTime(cal: BusinessCalendar, at: Date): boolean {
  if (cal.alwaysOpen) {
    return true;
  }
  const t = at.getTime();
  const local = t + ZoneOffsets.of(cal.timeZone).offsetAt(t);
  const localDay = Math.floor(local / DAY_MS);
  const minute = (local - localDay * DAY_MS) / MINUTE_MS;
  return openRangesOn(cal, localDay).some(([start, end]) => start <= minute && minute < end);
}

/** `at` itself when it is working time, else the start of the next working interval. */
export function nextWorkingTime(cal: BusinessCalendar, at: Date): Date {
  for (const [a] of workingIntervals(cal, at.getTime())) {
    return new Date(a);
  }
  throw new Error('unreachable: working intervals never end');
}

function assertDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`working time must be a finite, non-negative number of ms (got ${ms})`);
  }
}

/**
 * The earliest instant by which `ms` of working time has passed since `start`: Friday 16:30 + 1 h with Mon–Fri 09–17
 * is Monday 09:30, and Friday 16:00 + 1 h is Friday 17:00 (a target can fall due at closing time). `ms` = 0 → start.
 */
export function addWorkingTime(cal: BusinessCalendar, start: Date, ms: number): Date {
  assertDuration(ms);
  const from = start.getTime();
  if (ms === 0) {
    return new Date(from);
  }
  let left = ms;
  for (const [a, b] of workingIntervals(cal, from)) {
    if (b - a >= left) {
      return new Date(a + left);
    }
    left -= b - a;
  }
  throw new Error('unreachable: working intervals never end');
}

/** Working time in [a, b) in ms; negative (minus the time in [b, a)) when b is before a. */
export function workingTimeBetween(cal: BusinessCalendar, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) {
    const back = workingTimeBetween(cal, b, a);
    return back === 0 ? 0 : -back;
  }
  let total = 0;
  for (const [x, y] of workingIntervals(cal, from)) {
    if (x >= to) {
      break;
    }
    total += Math.min(y, to) - x;
  }
  return total;
}

/** A readable summary of the weekly schedule, e.g. for logs: 'Mon 09:00–12:30, 13:30–19:00; Sun 10:00–16:00'. */
export function describeWeekly(cal: BusinessCalendar): string {
  return cal.windows
    .map((ranges, weekday) =>
      ranges.length === 0
        ? null
        : `${WEEKDAY_NAMES[weekday]} ${ranges.map(([s, e]) => `${formatClock(s)}–${formatClock(e)}`).join(', ')}`,
    )
    .filter((part): part is string => part !== null)
    .join('; ');
}
