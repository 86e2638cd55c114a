/** Pure helpers of the calendar editor (no Vue): the draft, its local checks, and wall-clock ↔ instant in a zone. */
import type {
  BusinessCalendar,
  CalendarDefinitionInput,
  CalendarHolidayInput,
  CalendarWindow,
  SaveBusinessCalendarInput,
} from '@baton/web/data-access';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export interface WindowDraft {
  start: string;
  end: string;
}

export interface HolidayDraft {
  date: string;
  name: string;
  /** Set for a day imported from iCal; kept on save so a re-import still recognizes it. */
  uid: string | null;
  /** A half day's own working windows (they replace the weekday's); empty = closed all day. */
  windows: WindowDraft[];
}

/** The hours a half day gets when it is switched on: the morning, as public offices work on an arife. */
export const HALF_DAY_WINDOWS: readonly WindowDraft[] = [{ start: '09:00', end: '13:00' }];

export interface CalendarDraft {
  id: string | null;
  version: number | null;
  name: string;
  timeZone: string;
  isDefault: boolean;
  /** Windows per ISO weekday (index 1 = Monday … 7 = Sunday; index 0 unused). */
  days: WindowDraft[][];
  holidays: HolidayDraft[];
}

/** What the preview line shows: `minutes` of working time from `start` fall due at `dueAt`. */
export interface PreviewResult {
  start: string;
  minutes: number;
  dueAt: string;
  workingNow: boolean;
  /** Counted in the draft on screen while it differs from the stored calendar. */
  unsavedEdits: boolean;
}

/** A local problem of the draft: which field (same paths as the API: weekly.3.end) and a message key. */
export interface DraftProblem {
  field: string;
  key: 'required' | 'format' | 'order' | 'overlap' | 'noWindows' | 'duplicateDay';
  weekday?: number;
  index?: number;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutes = (hhmm: string) => (hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

/** A new calendar: Mon–Fri 09:00–18:00 in the hotel's zone. */
export function newDraft(timeZone: string, isDefault: boolean): CalendarDraft {
  const days: WindowDraft[][] = WEEKDAYS.reduce<WindowDraft[][]>(
    (all, day) => {
      all[day] = day <= 5 ? [{ start: '09:00', end: '18:00' }] : [];
      return all;
    },
    [[]],
  );
  return { id: null, version: null, name: '', timeZone, isDefault, days, holidays: [] };
}

export function draftOf(calendar: BusinessCalendar): CalendarDraft {
  const days: WindowDraft[][] = Array.from({ length: 8 }, () => []);
  for (const w of calendar.weekly) {
    days[w.weekday].push({ start: w.start, end: w.end });
  }
  return {
    id: calendar.id,
    version: calendar.version,
    name: calendar.name,
    timeZone: calendar.timeZone,
    isDefault: calendar.isDefault,
    days,
    holidays: calendar.holidays.map((h) => ({
      date: h.date,
      name: h.name,
      uid: h.uid,
      windows: h.windows.map((w) => ({ start: w.start, end: w.end })),
    })),
  };
}

/** The windows in API order (weekday, then as listed), so API field paths map back to rows. */
export function weeklyOf(draft: CalendarDraft): CalendarWindow[] {
  return WEEKDAYS.flatMap((weekday) => draft.days[weekday].map((w) => ({ weekday, start: w.start, end: w.end })));
}

function holidaysOf(draft: CalendarDraft): CalendarHolidayInput[] {
  return draft.holidays.map((h) => ({
    date: h.date,
    name: h.name.trim(),
    uid: h.uid,
    windows: h.windows.map((w) => ({ start: w.start, end: w.end })),
  }));
}

export function inputOf(draft: CalendarDraft): Omit<SaveBusinessCalendarInput, 'hotelId'> {
  return {
    id: draft.id,
    version: draft.version,
    name: draft.name.trim(),
    timeZone: draft.timeZone.trim(),
    isDefault: draft.isDefault,
    weekly: weeklyOf(draft),
    holidays: holidaysOf(draft),
  };
}

/** The hours part of the draft, for previewing it before (or without) saving. */
export function definitionOf(draft: CalendarDraft): CalendarDefinitionInput {
  return { timeZone: draft.timeZone.trim(), weekly: weeklyOf(draft), holidays: holidaysOf(draft) };
}

/** Whether the draft counts time differently from the stored calendar: zone, windows or holidays (always for a new one). */
export function hasUnsavedHours(draft: CalendarDraft, stored: BusinessCalendar | null): boolean {
  return !stored || JSON.stringify(definitionOf(draft)) !== JSON.stringify(definitionOf(draftOf(stored)));
}

/** Format, order and overlap problems of one day's windows, as the API words them (`field`.N). */
function windowProblems(
  windows: readonly WindowDraft[],
  field: (index: number) => string,
  where: { weekday?: number; index?: number } = {},
): DraftProblem[] {
  const problems: DraftProblem[] = [];
  windows.forEach((w, index) => {
    const at = { field: field(index), weekday: where.weekday, index: where.index ?? index };
    if (!HH_MM.test(w.start) || !(HH_MM.test(w.end) || w.end === '24:00')) {
      problems.push({ ...at, key: 'format' });
    } else if (minutes(w.end) <= minutes(w.start)) {
      problems.push({ ...at, key: 'order' });
    } else if (
      windows.some((o, j) => j < index && minutes(o.start) < minutes(w.end) && minutes(w.start) < minutes(o.end))
    ) {
      problems.push({ ...at, key: 'overlap' });
    }
  });
  return problems;
}

/**
 * The checks the API would make, done first so the message is translated and sits next to the row. The preview needs
 * no name (`requireName: false`): it counts the hours only.
 */
export function draftProblems(draft: CalendarDraft, options: { requireName?: boolean } = {}): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if ((options.requireName ?? true) && draft.name.trim() === '') {
    problems.push({ field: 'name', key: 'required' });
  }
  let position = 0;
  for (const weekday of WEEKDAYS) {
    const windows = draft.days[weekday];
    const start = position;
    problems.push(...windowProblems(windows, (index) => `weekly.${start + index}`, { weekday }));
    position += windows.length;
  }
  if (position === 0) {
    problems.push({ field: 'weekly', key: 'noWindows' });
  }
  const seen = new Set<string>();
  draft.holidays.forEach((h, index) => {
    const key = `${h.uid ?? ''}|${h.date}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(h.date) || h.name.trim() === '') {
      problems.push({ field: `holidays.${index}`, key: 'required', index });
    } else if (seen.has(key)) {
      problems.push({ field: `holidays.${index}.date`, key: 'duplicateDay', index });
    }
    seen.add(key);
    problems.push(...windowProblems(h.windows, (w) => `holidays.${index}.windows.${w}`, { index }));
  });
  return problems;
}

/** Maps an API field path (weekly.4.end) back to the weekday and row of the draft, for highlighting. */
export function windowAt(draft: CalendarDraft, field: string): { weekday: number; index: number } | null {
  const match = /^weekly\.(\d+)/.exec(field);
  if (!match) {
    return null;
  }
  let left = Number(match[1]);
  for (const weekday of WEEKDAYS) {
    if (left < draft.days[weekday].length) {
      return { weekday, index: left };
    }
    left -= draft.days[weekday].length;
  }
  return null;
}

/** Minutes of the zone's UTC offset at `instant` (Intl only; positive east of Greenwich). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a wall-clock reading `YYYY-MM-DDTHH:mm` names in `timeZone` (ISO string), or null when malformed. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) {
    return null;
  }
  const [y, mo, d, h, mi] = match.slice(1).map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset, also next to a DST switch.
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The wall-clock reading `YYYY-MM-DDTHH:mm` of `instant` in `timeZone` (for a datetime-local input). */
export function isoToZoned(instant: number, timeZone: string): string {
  const local = new Date(Math.floor(instant / 60_000) * 60_000 + offsetMinutes(instant, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** IANA zones the browser knows (for the zone picker), with the common ones of our hotels first. */
export function timeZoneOptions(): string[] {
  const preferred = ['Europe/Istanbul', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'UTC'];
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([...preferred, ...all])];
}
