import { DateTime } from 'luxon';

/** One local day of a hotel: its date and the instants it starts and ends (DST days are 23 or 25 hours long). */
export interface DigestDay {
  date: string;
  from: Date;
  to: Date;
}

/** The hotel-local day before the one `at` falls in: what a digest sent at `at` reports on. */
export function previousDay(timeZone: string, at: Date): DigestDay {
  const start = DateTime.fromJSDate(at, { zone: timeZone }).startOf('day').minus({ days: 1 });
  return { date: start.toISODate() ?? '', from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/**
 * The next time after `after` that the hotel's wall clock shows `hhmm`. On a spring-forward day a time that does not
 * exist moves forward with the clock (luxon's rule), so a digest is never skipped.
 */
export function nextDigestAt(timeZone: string, hhmm: string, after: Date): Date {
  const [hour, minute] = hhmm.split(':').map(Number);
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  let candidate = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (candidate.toMillis() <= local.toMillis()) {
    candidate = local.plus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 });
  }
  return candidate.toJSDate();
}
