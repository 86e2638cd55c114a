import { DateTime } from 'luxon';
import type { BusinessCalendarDef } from '../math';

/**
 * The obviously-correct (and slow) definition the calendar math is checked against: walk minute by minute and ask
 * luxon what the wall clock shows. Only the luxon conversion is memoized, per UTC hour, which is exact for zones whose
 * offsets are whole hours and change on a UTC hour (Istanbul, Berlin, New York); `localHour` asserts it.
 */
export const MINUTE = 60_000;
const HOUR = 3_600_000;

interface LocalHour {
  date: string;
  weekday: number;
  minuteOfDay: number;
}

const hours = new Map<string, LocalHour>();

function localHour(zone: string, hourIndex: number): LocalHour {
  const key = `${zone}|${hourIndex}`;
  let hour = hours.get(key);
  if (!hour) {
    const start = DateTime.fromMillis(hourIndex * HOUR, { zone });
    const last = DateTime.fromMillis(hourIndex * HOUR + HOUR - 1, { zone });
    if (start.offset !== last.offset || start.minute !== 0 || start.toISODate() !== last.toISODate()) {
      throw new Error(`reference assumption broken: ${zone} changes offset inside UTC hour ${hourIndex}`);
    }
    hour = { date: start.toISODate() as string, weekday: start.weekday, minuteOfDay: start.hour * 60 };
    hours.set(key, hour);
  }
  return hour;
}

const toMinutes = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/**
 * A predicate: is the minute starting at `t` working time? On a date some holiday lists, only if every entry of that
 * date has a window holding the minute (an entry without windows closes the day); on any other date, if a window of
 * its weekday holds it.
 */
export function refOpen(def: BusinessCalendarDef): (t: number) => boolean {
  const holidays = new Map<string, Array<Array<{ start: number; end: number }>>>();
  for (const h of def.holidays) {
    const windows = (h.windows ?? []).map((w) => ({ start: toMinutes(w.start), end: toMinutes(w.end) }));
    holidays.set(h.date, [...(holidays.get(h.date) ?? []), windows]);
  }
  const windows = def.weekly.map((w) => ({ weekday: w.weekday, start: toMinutes(w.start), end: toMinutes(w.end) }));
  return (t) => {
    const hour = localHour(def.timeZone, Math.floor(t / HOUR));
    const minute = hour.minuteOfDay + Math.floor((t % HOUR) / MINUTE);
    const entries = holidays.get(hour.date);
    if (entries) {
      return entries.every((own) => own.some((w) => w.start <= minute && minute < w.end));
    }
    return windows.some((w) => w.weekday === hour.weekday && w.start <= minute && minute < w.end);
  };
}

/** The instant after the `minutes`-th working minute from `start` (start itself for 0); null past `limit`. */
export function refAdd(open: (t: number) => boolean, start: number, minutes: number, limit: number): number | null {
  if (minutes === 0) {
    return start;
  }
  let count = 0;
  for (let t = start; t < limit; t += MINUTE) {
    if (open(t) && ++count === minutes) {
      return t + MINUTE;
    }
  }
  return null;
}

/** Working minutes in [a, b), in ms. */
export function refBetween(open: (t: number) => boolean, a: number, b: number): number {
  let count = 0;
  for (let t = a; t < b; t += MINUTE) {
    if (open(t)) {
      count++;
    }
  }
  return count * MINUTE;
}

/** The first working minute at or after `t`; null past `limit`. */
export function refNext(open: (t: number) => boolean, t: number, limit: number): number | null {
  for (let m = t; m < limit; m += MINUTE) {
    if (open(m)) {
      return m;
    }
  }
  return null;
}
