import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { AuditAction } from '@baton/shared/contracts';
import {
  businessCalendarFrom,
  DayWindow,
  holidaysToIcal,
  parseHolidayIcal,
  WeeklyWindow,
} from '@baton/api/domain/calendars';
import { DEMO_AGENCY_USER } from './demo-data';

const DAY = 86_400_000;
const SET_UP_DAYS_AGO = 28;

/** Reservations desk: a split shift Monday to Saturday (lunch 12:30–13:30), a short Sunday. */
const RESERVATIONS_WEEKLY: WeeklyWindow[] = [
  ...[1, 2, 3, 4, 5, 6].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:30' },
    { weekday, start: '13:30', end: '19:00' },
  ]),
  { weekday: 7, start: '10:00', end: '16:00' },
];

/**
 * Public holidays of Türkiye, 2026–2027, as whole closed days (the half-day eves are below). Religious holidays follow
 * the Diyanet calendar: 2026 as published, 2027 as calculated (Ramazan Bayramı 9–11 March, Kurban Bayramı 16–19 May).
 */
const TR_PUBLIC_HOLIDAYS: Array<{ key: string; name: string; start: string; days?: number }> = [2026, 2027].flatMap(
  (year) => [
    { key: 'yilbasi', name: 'Yılbaşı', start: `${year}-01-01` },
    { key: 'egemenlik', name: 'Ulusal Egemenlik ve Çocuk Bayramı', start: `${year}-04-23` },
    { key: 'emek', name: 'Emek ve Dayanışma Günü', start: `${year}-05-01` },
    { key: 'genclik', name: 'Atatürk’ü Anma, Gençlik ve Spor Bayramı', start: `${year}-05-19` },
    { key: 'demokrasi', name: 'Demokrasi ve Millî Birlik Günü', start: `${year}-07-15` },
    { key: 'zafer', name: 'Zafer Bayramı', start: `${year}-08-30` },
    { key: 'cumhuriyet', name: 'Cumhuriyet Bayramı', start: `${year}-10-29` },
    year === 2026
      ? { key: 'ramazan', name: 'Ramazan Bayramı', start: '2026-03-20', days: 3 }
      : { key: 'ramazan', name: 'Ramazan Bayramı', start: '2027-03-09', days: 3 },
    year === 2026
      ? { key: 'kurban', name: 'Kurban Bayramı', start: '2026-05-27', days: 4 }
      : { key: 'kurban', name: 'Kurban Bayramı', start: '2027-05-16', days: 4 },
  ],
);

/** The morning the desk still works on an eve: public offices close at 13:00 on an arife. */
const EVE_MORNING: DayWindow[] = [{ start: '09:00', end: '13:00' }];

/**
 * The half days the hotel typed in next to the imported feed (which has no eves): the arife of each bayram, the
 * afternoon off before Republic Day, and New Year's Eve, each open 09:00–13:00 — the hotel's own hours, editable.
 */
const TR_HALF_DAYS: Array<{ date: string; name: string; windows: DayWindow[] }> = [
  { date: '2026-03-19', name: 'Ramazan Bayramı Arifesi' },
  { date: '2026-05-26', name: 'Kurban Bayramı Arifesi' },
  { date: '2026-10-28', name: 'Cumhuriyet Bayramı Arifesi' },
  { date: '2026-12-31', name: 'Yılbaşı Gecesi' },
  { date: '2027-03-08', name: 'Ramazan Bayramı Arifesi' },
  { date: '2027-05-15', name: 'Kurban Bayramı Arifesi' },
  { date: '2027-10-28', name: 'Cumhuriyet Bayramı Arifesi' },
  { date: '2027-12-31', name: 'Yılbaşı Gecesi' },
].map((day) => ({ ...day, windows: EVE_MORNING }));

/** The embedded feed: what a hotel would download from a public-holiday calendar and import. */
export const TR_PUBLIC_HOLIDAYS_ICS = holidaysToIcal(
  '-//Baton demo//Resmi tatiller 2026-2027//TR',
  TR_PUBLIC_HOLIDAYS.map((h) => ({ uid: `tr-${h.start.slice(0, 4)}-${h.key}@baton.demo`, ...h })),
);

/**
 * The demo business-hours calendar of one hotel: its default "Rezervasyon" calendar (split shift Mon–Sat 09:00–12:30 +
 * 13:30–19:00, Sunday 10:00–16:00, in the hotel's zone) with Türkiye's public holidays of 2026–2027 imported from the
 * embedded iCal text through the same parser as the importHolidays mutation, and the eves typed in as half days; set
 * up by the agency admin 28 days ago (with its audit entry). Runs as the DB owner; adds the hotel to app.tenant_ids (keeping what the caller had there)
 * so the rows pass the forced row-level security. Does nothing when the hotel already has a calendar.
 */
export async function seedCalendars(
  client: Client,
  hotel: { id: string; code: string; timeZone: string },
  now: number,
): Promise<void> {
  const scope = await client.query<{ ids: string | null }>(`SELECT current_setting('app.tenant_ids', true) AS ids`);
  const ids = new Set((scope.rows[0]?.ids ?? '').split(',').filter((id) => id !== ''));
  ids.add(hotel.id);
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [[...ids].join(',')]);
  if ((await client.query(`SELECT 1 FROM business_calendar WHERE tenant_id = $1`, [hotel.id])).rowCount) {
    return;
  }
  const feed = parseHolidayIcal(TR_PUBLIC_HOLIDAYS_ICS, { until: '2028-01-01' });
  const imported = feed.events.flatMap((event) =>
    event.dates.map((date) => ({ date, name: event.name, source: 'ical', uid: event.uid, windows: [] as DayWindow[] })),
  );
  const halfDays = TR_HALF_DAYS.map((day) => ({ ...day, source: 'manual', uid: null }));
  // Same checks as saveBusinessCalendar: a bad zone, window or half day fails the seed loudly instead of storing it.
  const calendar = businessCalendarFrom({
    timeZone: hotel.timeZone,
    weekly: RESERVATIONS_WEEKLY,
    holidays: [...imported, ...halfDays],
  });
  // app_user has no row-level security: the agency admin is found by e-mail whatever the owner's privileges.
  const agency = await client.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM app_user WHERE email = $1`,
    [DEMO_AGENCY_USER.email],
  );
  const actor = agency.rows[0] ?? null;
  const setUpAt = new Date(now - SET_UP_DAYS_AGO * DAY);
  const id = randomUUID();

  await client.query(
    `INSERT INTO business_calendar (tenant_id, id, name, time_zone, weekly, is_default, version, created_by, created_at,
       updated_at)
     VALUES ($1, $2, 'Rezervasyon', $3, $4::jsonb, true, 2, $5, $6, $6)`,
    [hotel.id, id, calendar.timeZone, JSON.stringify(calendar.def.weekly), actor?.id ?? null, setUpAt],
  );
  await client.query(
    `INSERT INTO calendar_holiday (tenant_id, calendar_id, date, name, source, uid, windows, created_at)
     SELECT $1, $2, r.date::date, r.name, r.source, r.uid, r.windows, $3
       FROM jsonb_to_recordset($4::jsonb) AS r(date text, name text, source text, uid text, windows jsonb)`,
    [hotel.id, id, setUpAt, JSON.stringify([...imported, ...halfDays])],
  );
  await client.query(
    `INSERT INTO audit_log (tenant_id, occurred_at, actor_kind, actor_id, actor_name, action, entity_type, entity_id,
       after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'business_calendar', $7, $8, 'seed')`,
    [
      hotel.id,
      setUpAt,
      actor ? 'user' : 'system',
      actor?.id ?? null,
      actor?.display_name ?? null,
      AuditAction.CalendarSaved,
      id,
      JSON.stringify({
        name: 'Rezervasyon',
        timeZone: calendar.timeZone,
        weekly: calendar.def.weekly,
        isDefault: true,
        version: 2,
        halfDays: halfDays.map((day) => ({ date: day.date, name: day.name, windows: day.windows })),
        imported: { added: feed.events.length, updated: 0, unchanged: 0, removed: 0 },
      }),
    ],
  );
}
