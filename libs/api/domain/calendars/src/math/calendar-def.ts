import { IANAZone } from 'luxon';

/** An opening window in the calendar's local wall-clock time: [start, end). */
export interface DayWindow {
  /** 'HH:mm', 00:00–23:59. */
  start: string;
  /** 'HH:mm', after start; '24:00' closes at the end of the day. */
  end: string;
}

/** One opening window of a weekday. */
export interface WeeklyWindow extends DayWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/**
 * A local day that does not follow the weekly schedule: closed all day (no `windows`, or an empty list), or open only
 * in its own windows — a half day such as an arife (the eve of a bayram, 09:00–13:00) or New Year's Eve. The windows
 * replace that weekday's, so a half day may also open a day the week keeps closed.
 */
export interface Holiday {
  /** 'YYYY-MM-DD' in the calendar's time zone. */
  date: string;
  name: string;
  /** Working windows of that date; empty or absent = closed all day. */
  windows?: DayWindow[];
}

/**
 * What a hotel stores: a time zone, the weekly schedule (split shifts = several windows a day) and the days that differ
 * from it (closed, or half days with their own windows).
 */
export interface BusinessCalendarDef {
  /** IANA zone, e.g. Europe/Istanbul. */
  timeZone: string;
  weekly: WeeklyWindow[];
  holidays: Holiday[];
}

/** One thing wrong with a definition; `field` is a dotted path such as `weekly.2.end`. */
export interface CalendarProblem {
  field: string;
  message: string;
}

/** Thrown by businessCalendarFrom for an invalid definition; the service maps it to BAD_USER_INPUT. */
export class CalendarDefError extends Error {
  constructor(readonly problems: CalendarProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'CalendarDefError';
  }
}

export const MAX_WINDOWS_PER_DAY = 8;
export const MAX_HOLIDAYS = 2000;
export const MINUTES_PER_DAY = 24 * 60;
export const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for 'HH:mm' (24:00 only where `allowEndOfDay`), or null when malformed. */
export function parseClock(value: unknown, allowEndOfDay = false): number | null {
  if (typeof value !== 'string') {
    return null;
  }
  if (allowEndOfDay && value === '24:00') {
    return MINUTES_PER_DAY;
  }
  const match = HH_MM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** 'HH:mm' of minutes after midnight (1440 → '24:00'). */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a real calendar day 'YYYY-MM-DD' (2026-02-30 is refused), or null. */
export function parseLocalDate(value: unknown): number | null {
  const match = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return Math.round(probe.getTime() / 86_400_000);
}

/** The canonical spelling of an IANA zone ('europe/istanbul' → 'Europe/Istanbul'), or null when unknown. */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '' || !IANAZone.isValidZone(value)) {
    return null;
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
}

/** Start and end minutes of one window, or null after naming what is wrong with it (`field`.start / .end). */
function checkWindow(raw: Partial<DayWindow>, field: string, problems: CalendarProblem[]): [number, number] | null {
  const start = parseClock(raw.start);
  const end = parseClock(raw.end, true);
  if (start === null) {
    problems.push({ field: `${field}.start`, message: 'must be a time written HH:mm (00:00 to 23:59)' });
  }
  if (end === null) {
    problems.push({ field: `${field}.end`, message: 'must be a time written HH:mm (00:01 to 24:00)' });
  }
  if (start === null || end === null) {
    return null;
  }
  if (end <= start) {
    problems.push({ field: `${field}.end`, message: `must be after start (${formatClock(start)})` });
    return null;
  }
  return [start, end];
}

function checkWindows(weekly: unknown, problems: CalendarProblem[]): void {
  if (!Array.isArray(weekly)) {
    problems.push({ field: 'weekly', message: 'must be a list of opening windows' });
    return;
  }
  if (weekly.length === 0) {
    problems.push({ field: 'weekly', message: 'needs at least one opening window' });
  }
  const seen: Array<{ index: number; weekday: number; start: number; end: number }> = [];
  weekly.forEach((raw: Partial<WeeklyWindow> | null, index) => {
    const window = raw ?? {};
    const field = `weekly.${index}`;
    const weekday = window.weekday;
    const validDay = typeof weekday === 'number' && Number.isInteger(weekday) && weekday >= 1 && weekday <= 7;
    if (!validDay) {
      problems.push({ field: `${field}.weekday`, message: 'must be 1 (Monday) to 7 (Sunday)' });
    }
    const range = checkWindow(window, field, problems);
    if (!validDay || range === null) {
      return;
    }
    const [start, end] = range;
    const clash = seen.find((other) => other.weekday === weekday && other.start < end && start < other.end);
    if (clash) {
      problems.push({
        field,
        message: `overlaps weekly.${clash.index} (${WEEKDAY_NAMES[weekday]} ${formatClock(clash.start)}–${formatClock(clash.end)})`,
      });
      return;
    }
    seen.push({ index, weekday, start, end });
    if (seen.filter((other) => other.weekday === weekday).length > MAX_WINDOWS_PER_DAY) {
      problems.push({ field, message: `at most ${MAX_WINDOWS_PER_DAY} windows per weekday` });
    }
  });
}

/** The working windows of one holiday (`holidays.N.windows`): optional, same rules as one weekday's. */
function checkHolidayWindows(windows: unknown, field: string, problems: CalendarProblem[]): void {
  if (windows === undefined || windows === null) {
    return;
  }
  if (!Array.isArray(windows)) {
    problems.push({ field, message: 'must be a list of working windows (empty: closed all day)' });
    return;
  }
  if (windows.length > MAX_WINDOWS_PER_DAY) {
    problems.push({ field, message: `at most ${MAX_WINDOWS_PER_DAY} windows per day` });
    return;
  }
  const seen: Array<{ index: number; start: number; end: number }> = [];
  windows.forEach((raw: Partial<DayWindow> | null, index) => {
    const range = checkWindow(raw ?? {}, `${field}.${index}`, problems);
    if (range === null) {
      return;
    }
    const [start, end] = range;
    const clash = seen.find((other) => other.start < end && start < other.end);
    if (clash) {
      problems.push({
        field: `${field}.${index}`,
        message: `overlaps ${field}.${clash.index} (${formatClock(clash.start)}–${formatClock(clash.end)})`,
      });
      return;
    }
    seen.push({ index, start, end });
  });
}

function checkHolidays(holidays: unknown, problems: CalendarProblem[]): void {
  if (!Array.isArray(holidays)) {
    problems.push({ field: 'holidays', message: 'must be a list of days' });
    return;
  }
  if (holidays.length > MAX_HOLIDAYS) {
    problems.push({ field: 'holidays', message: `at most ${MAX_HOLIDAYS} days` });
  }
  holidays.forEach((raw: Partial<Holiday> | null, index) => {
    if (parseLocalDate(raw?.date) === null) {
      problems.push({ field: `holidays.${index}.date`, message: 'must be a date written YYYY-MM-DD' });
    }
    const name = raw?.name;
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > 200) {
      problems.push({ field: `holidays.${index}.name`, message: 'must be 1 to 200 characters' });
    }
    checkHolidayWindows(raw?.windows, `holidays.${index}.windows`, problems);
  });
}

/** Every problem of a definition (empty when it is valid): unknown zone, malformed or overlapping windows, bad days. */
export function validateCalendarDef(def: Partial<BusinessCalendarDef> | null | undefined): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (canonicalTimeZone(def?.timeZone) === null) {
    problems.push({ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Istanbul' });
  }
  checkWindows(def?.weekly, problems);
  checkHolidays(def?.holidays ?? [], problems);
  return problems;
}

/** The 24/7 schedule: every weekday 00:00–24:00. */
export function alwaysOpenWeekly(): WeeklyWindow[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
}
