import { createHash } from 'node:crypto';
import ICAL from 'ical.js';

/** One VEVENT (all occurrences of one UID) as whole closed days. */
export interface HolidayEvent {
  uid: string;
  name: string;
  /** 'YYYY-MM-DD', sorted, unique; empty for a cancelled event (its days are removed on import). */
  dates: string[];
}

export interface SkippedEvent {
  uid: string;
  name: string;
  reason: 'timed' | 'too_long';
}

export interface HolidayIcal {
  events: HolidayEvent[];
  skipped: SkippedEvent[];
}

/** Malformed iCalendar text; the service maps it to BAD_USER_INPUT on the `ical` field. */
export class HolidayIcalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayIcalError';
  }
}

export interface HolidayIcalOptions {
  /** Recurring events are expanded up to this day (exclusive), 'YYYY-MM-DD'. */
  until: string;
}

export const MAX_ICAL_EVENTS = 1000;
/** A holiday longer than this is more likely a mistaken feed (a whole season) than closed days. */
export const MAX_EVENT_DAYS = 31;
const MAX_OCCURRENCES = 100;

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

const dayOf = (t: IcalTime) => Date.UTC(t.year, t.month - 1, t.day) / 86_400_000;
const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

function rootComponents(text: string): Array<InstanceType<typeof ICAL.Component>> {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new HolidayIcalError(`not valid iCalendar: ${(error as Error).message}`);
  }
  const roots = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  const components = roots
    .filter((root): root is unknown[] => Array.isArray(root) && root.length > 0)
    .map((root) => new ICAL.Component(root));
  if (components.length === 0 || components.some((c) => c.name !== 'vcalendar')) {
    throw new HolidayIcalError('not an iCalendar file: it must start with BEGIN:VCALENDAR');
  }
  return components;
}

/** Whole days covered by an all-day occurrence starting at `start` and lasting `days` days (at least one). */
function occurrenceDays(start: IcalTime, days: number): number[] {
  const first = dayOf(start);
  return Array.from({ length: Math.max(1, days) }, (_, i) => first + i);
}

function eventDays(event: IcalEvent, untilDay: number): number[] {
  const lengthDays = Math.ceil(event.duration.toSeconds() / 86_400);
  if (!event.isRecurring()) {
    return occurrenceDays(event.startDate, lengthDays);
  }
  const out: number[] = [];
  const iterator = event.iterator();
  for (let n = 0; n < MAX_OCCURRENCES; n++) {
    const next = iterator.next();
    if (!next || dayOf(next) >= untilDay) {
      break;
    }
    out.push(...occurrenceDays(next, lengthDays));
  }
  return out;
}

function uidOf(event: IcalEvent, name: string): string {
  const uid = (event.uid ?? '').trim();
  if (uid !== '') {
    return uid.slice(0, 255);
  }
  // Without a UID (RFC 5545 requires one, some exports drop it) the summary and start still identify the event
  // across re-imports, which keeps the import idempotent.
  const digest = createHash('sha256')
    .update(`${name}|${event.startDate?.toString() ?? ''}`)
    .digest('hex');
  return `generated-${digest.slice(0, 32)}`;
}

/**
 * The all-day VEVENTs of an iCalendar text as closed days per UID (multi-day events give every day they cover; DTEND
 * of an all-day event is exclusive; recurring ones are expanded up to `until`). Timed events are skipped: a calendar
 * closes whole local days only. Throws HolidayIcalError on text that is not iCalendar.
 */
export function parseHolidayIcal(text: string, options: HolidayIcalOptions): HolidayIcal {
  const untilDay = Date.parse(`${options.until}T00:00:00Z`) / 86_400_000;
  const byUid = new Map<string, { name: string; days: Set<number> }>();
  const skipped: SkippedEvent[] = [];
  const vevents = rootComponents(text).flatMap((root) => root.getAllSubcomponents('vevent'));
  if (vevents.length > MAX_ICAL_EVENTS) {
    throw new HolidayIcalError(`too many events (${vevents.length}; at most ${MAX_ICAL_EVENTS})`);
  }
  for (const vevent of vevents) {
    let event: IcalEvent;
    try {
      event = new ICAL.Event(vevent);
    } catch (error) {
      throw new HolidayIcalError(`an event cannot be read: ${(error as Error).message}`);
    }
    if (!event.startDate) {
      throw new HolidayIcalError('an event has no DTSTART');
    }
    const name = (event.summary ?? '').trim().slice(0, 200) || 'Holiday';
    const uid = uidOf(event, name);
    const entry = byUid.get(uid) ?? { name, days: new Set<number>() };
    byUid.set(uid, entry);
    if (String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      continue;
    }
    if (!event.startDate.isDate) {
      skipped.push({ uid, name, reason: 'timed' });
      continue;
    }
    if (event.duration.toSeconds() > MAX_EVENT_DAYS * 86_400) {
      skipped.push({ uid, name, reason: 'too_long' });
      continue;
    }
    eventDays(event, untilDay).forEach((day) => entry.days.add(day));
  }
  const events = [...byUid.entries()]
    .filter(([uid, entry]) => entry.days.size > 0 || !skipped.some((s) => s.uid === uid))
    .map(([uid, entry]) => ({
      uid,
      name: entry.name,
      dates: [...entry.days].sort((a, b) => a - b).map(isoOfDay),
    }));
  return { events, skipped };
}

/** The iCalendar text of whole-day holidays (used by the demo seed; one VEVENT per entry). */
export function holidaysToIcal(
  prodId: string,
  holidays: ReadonlyArray<{ uid: string; name: string; start: string; days?: number }>,
): string {
  const compact = (day: string) => day.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${prodId}`, 'CALSCALE:GREGORIAN'];
  for (const holiday of holidays) {
    const first = Date.parse(`${holiday.start}T00:00:00Z`) / 86_400_000;
    const end = isoOfDay(first + (holiday.days ?? 1));
    lines.push(
      'BEGIN:VEVENT',
      `UID:${holiday.uid}`,
      'DTSTAMP:20260101T000000Z',
      `DTSTART;VALUE=DATE:${compact(holiday.start)}`,
      `DTEND;VALUE=DATE:${compact(end)}`,
      `SUMMARY:${holiday.name}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
