import { GqlResult, TestApi, withClient } from '@baton/api/testing';

export const CALENDAR_FIELDS = `id hotelId name timeZone isDefault version openMinutesPerWeek createdAt updatedAt
  weekly { weekday start end } holidays { date name source uid windows { start end } }`;

export interface CalendarView {
  id: string;
  hotelId: string;
  name: string;
  timeZone: string;
  isDefault: boolean;
  version: number;
  openMinutesPerWeek: number;
  weekly: Array<{ weekday: number; start: string; end: string }>;
  holidays: Array<{
    date: string;
    name: string;
    source: string;
    uid: string | null;
    windows: Array<{ start: string; end: string }>;
  }>;
}

export const LIST = `query($hotelId: ID!) { businessCalendars(hotelId: $hotelId) { ${CALENDAR_FIELDS} } }`;
export const ONE = `query($hotelId: ID!, $id: ID!) { businessCalendar(hotelId: $hotelId, id: $id) { ${CALENDAR_FIELDS} } }`;
export const SAVE = `mutation($input: SaveBusinessCalendarInput!) { saveBusinessCalendar(input: $input) { ${CALENDAR_FIELDS} } }`;
export const DELETE = `mutation($hotelId: ID!, $id: ID!) { deleteBusinessCalendar(hotelId: $hotelId, id: $id) }`;
export const IMPORT = `mutation($hotelId: ID!, $calendarId: ID!, $ical: String!) {
  importHolidays(hotelId: $hotelId, calendarId: $calendarId, ical: $ical) {
    added updated unchanged removed skipped calendar { ${CALENDAR_FIELDS} } } }`;
export const PREVIEW = `query($hotelId: ID!, $calendarId: ID, $definition: BusinessCalendarDefinitionInput,
  $start: DateTime!, $minutes: Int!) {
  calendarPreview(hotelId: $hotelId, calendarId: $calendarId, definition: $definition, start: $start,
    minutes: $minutes) {
    calendarId unsaved timeZone start minutes dueAt workingAtStart workingNow nextWorkingAt } }`;

export interface PreviewView {
  calendarId: string | null;
  unsaved: boolean;
  timeZone: string;
  dueAt: string;
  workingAtStart: boolean;
  workingNow: boolean;
  nextWorkingAt: string;
}

/** Mon–Fri 09:00–17:00. */
export const OFFICE_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

export const failure = (r: GqlResult<unknown>) =>
  r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
export const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;
export const detailsOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.details;

export async function sql<T>(api: TestApi, text: string, params: unknown[] = []): Promise<T[]> {
  return withClient(api.db.ownerUrl, async (c) => (await c.query(text, params)).rows as T[]);
}

/** An iCalendar text of all-day events (DTEND exclusive), CRLF line ends as RFC 5545 wants. */
export function ics(
  events: Array<{ uid: string; name: string; start: string; end?: string; extra?: string[] }>,
): string {
  const compact = (d: string) => d.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Baton tests//EN'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART;VALUE=DATE:${compact(e.start)}`);
    if (e.end) {
      lines.push(`DTEND;VALUE=DATE:${compact(e.end)}`);
    }
    lines.push(`SUMMARY:${e.name}`, ...(e.extra ?? []), 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
