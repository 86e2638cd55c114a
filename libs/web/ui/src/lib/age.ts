/** Pure helpers for waiting ages ("12 dk", "3 sa 5 dk"); the unit words come from i18n (`age.*`). */

export type AgeUnit = 'day' | 'hour' | 'minute' | 'second';

export interface AgePart {
  unit: AgeUnit;
  value: number;
}

/** Whole seconds from `iso` to `now` (never negative; 0 for an invalid date). */
export function secondsSince(iso: string | null | undefined, now: number): number {
  if (!iso) {
    return 0;
  }
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.floor((now - at) / 1000));
}

/**
 * An age as at most two units, largest first: 45 s → [45 s]; 12 min; 3 h 5 min; 2 d 3 h. Zero parts are left out
 * (3 h, not 3 h 0 min); under a minute stays in seconds so a fresh case visibly ticks.
 */
export function splitAge(totalSeconds: number): AgePart[] {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < 60) {
    return [{ unit: 'second', value: seconds }];
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return [{ unit: 'minute', value: minutes }];
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest > 0
      ? [
          { unit: 'hour', value: hours },
          { unit: 'minute', value: rest },
        ]
      : [{ unit: 'hour', value: hours }];
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest > 0
    ? [
        { unit: 'day', value: days },
        { unit: 'hour', value: rest },
      ]
    : [{ unit: 'day', value: days }];
}

/** Joins parts with a unit formatter (the i18n message of each unit). */
export function formatAge(totalSeconds: number, unitText: (part: AgePart) => string): string {
  return splitAge(totalSeconds).map(unitText).join(' ');
}

/** How urgent a waiting age looks: under 5 min calm, under 15 min warning, beyond that overdue. */
export function ageLevel(totalSeconds: number, warnAfter = 300, overdueAfter = 900): 'ok' | 'warn' | 'overdue' {
  if (totalSeconds >= overdueAfter) {
    return 'overdue';
  }
  return totalSeconds >= warnAfter ? 'warn' : 'ok';
}

/**
 * A calendar date (`YYYY-MM-DD`, a day of the hotel, no zone) for people: "24 Kas 2025" / "24 Nov 2025". Formatted in
 * UTC so the day never shifts with the browser's zone. Returns the input when it is not such a date.
 */
export function formatDay(day: string, intlLocale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) {
    return day;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Today's date in `timeZone` as `YYYY-MM-DD` (the hotel's "today", e.g. for a campaign form default). */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      now,
    );
  } catch (error) {
    if (!(error instanceof RangeError)) {
      throw error;
    }
    return new Date(now).toISOString().slice(0, 10);
  }
}

/** `YYYY-MM-DD` plus `days` calendar days (UTC arithmetic, so no DST surprises). */
export function addDays(day: string, days: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) {
    return day;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return date.toISOString().slice(0, 10);
}
