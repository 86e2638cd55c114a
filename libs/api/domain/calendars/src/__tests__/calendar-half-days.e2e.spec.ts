import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createWorld, loginAll, startTestApi, TestApi, World } from '@baton/api/testing';
import {
  CalendarView,
  codeOf,
  detailsOf,
  IMPORT,
  ics,
  OFFICE_HOURS,
  PREVIEW,
  PreviewView,
  SAVE,
  sql,
} from './calendar-fixtures';

const MORNING = [{ start: '09:00', end: '13:00' }];
/**
 * Kurban Bayramı 2026: the eve (arife) Tuesday 26 May open in two windows (sent out of order), the bayram Wednesday 27
 * to Saturday 30 closed.
 */
const KURBAN = [
  {
    date: '2026-05-26',
    name: 'Kurban Bayramı Arifesi',
    windows: [
      { start: '11:00', end: '13:00' },
      { start: '09:00', end: '10:30' },
    ],
  },
  ...['27', '28', '29', '30'].map((d) => ({ date: `2026-05-${d}`, name: 'Kurban Bayramı' })),
];

/** Half days (a holiday with its own working windows) and the preview of an unsaved definition, over GraphQL. */
describe('half days and unsaved previews (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let calendar: CalendarView;

  const save = (input: Record<string, unknown>, token = tokens.adminA) =>
    api.gql<{ saveBusinessCalendar: CalendarView }>(SAVE, { input: { hotelId: world.hotelA.id, ...input } }, token);
  async function saved(input: Record<string, unknown>): Promise<CalendarView> {
    const r = await save(input);
    expect(r.errors).toBeUndefined();
    return r.data!.saveBusinessCalendar;
  }
  const previewOf = (variables: Record<string, unknown>, token = tokens.adminA) =>
    api.gql<{ calendarPreview: PreviewView }>(PREVIEW, { hotelId: world.hotelA.id, ...variables }, token);
  async function preview(variables: Record<string, unknown>, token?: string): Promise<PreviewView> {
    const r = await previewOf(variables, token);
    expect(r.errors).toBeUndefined();
    return r.data!.calendarPreview;
  }
  const dueAt = async (variables: Record<string, unknown>) => (await preview(variables)).dueAt;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  it('stores a half day with its own windows (sorted), audits them, and the preview counts only those', async () => {
    calendar = await saved({ name: 'Ön büro', timeZone: 'Europe/Istanbul', weekly: OFFICE_HOURS, holidays: KURBAN });
    expect(calendar.holidays.slice(0, 2)).toEqual([
      {
        date: '2026-05-26',
        name: 'Kurban Bayramı Arifesi',
        source: 'manual',
        uid: null,
        windows: [
          { start: '09:00', end: '10:30' },
          { start: '11:00', end: '13:00' },
        ],
      },
      { date: '2026-05-27', name: 'Kurban Bayramı', source: 'manual', uid: null, windows: [] },
    ]);
    const [audit] = await sql<{ after: { holidays: Array<{ date: string; windows?: unknown }> } }>(
      api,
      'SELECT after FROM audit_log WHERE tenant_id = $1 AND action = $2 AND entity_id = $3',
      [world.hotelA.id, AuditAction.CalendarSaved, calendar.id],
    );
    expect(audit.after.holidays[0].windows).toEqual(calendar.holidays[0].windows);
    expect(audit.after.holidays[1]).not.toHaveProperty('windows');

    // Tuesday 26 May 12:30 + 1 h: 30 min on the eve (open until 13:00), closed to Saturday, Monday 1 June 09:30.
    const eve = await preview({ calendarId: calendar.id, start: '2026-05-26T09:30:00.000Z', minutes: 60 });
    expect(eve).toMatchObject({ calendarId: calendar.id, unsaved: false, dueAt: '2026-06-01T06:30:00.000Z' });
    // 10:45 falls between the eve's two windows: closed, open again at 11:00.
    expect(await preview({ calendarId: calendar.id, start: '2026-05-26T07:45:00.000Z', minutes: 0 })).toMatchObject({
      workingAtStart: false,
      nextWorkingAt: '2026-05-26T08:00:00.000Z',
    });

    // Holidays omitted on update: kept, windows too.
    const renamed = await saved({
      id: calendar.id,
      name: 'Ön büro',
      timeZone: 'Europe/Istanbul',
      weekly: OFFICE_HOURS,
    });
    expect(renamed.holidays).toEqual(calendar.holidays);
    expect(renamed.version).toBe(2);
    calendar = renamed;
  });

  it('refuses bad half-day windows with BAD_USER_INPUT naming holidays.N.windows.M', async () => {
    const field = async (windows: unknown) => {
      const r = await save({
        name: 'Bad',
        timeZone: 'Europe/Istanbul',
        weekly: OFFICE_HOURS,
        holidays: [{ date: '2026-05-26', name: 'Arife', windows }],
      });
      expect(codeOf(r)).toBe(ErrorCode.BadUserInput);
      return (detailsOf(r) as { field: string }).field;
    };
    expect(await field([MORNING[0], { start: '12:00', end: '14:00' }])).toBe('holidays.0.windows.1');
    expect(await field([{ start: '13:00', end: '09:00' }])).toBe('holidays.0.windows.0.end');
    expect(await field([{ start: '9', end: '13:00' }])).toBe('holidays.0.windows.0.start');
    const nine = Array.from({ length: 9 }, (_, i) => ({ start: `0${i}:00`, end: `0${i}:30` }));
    expect(await field(nine)).toBe('holidays.0.windows');
    expect((await sql(api, 'SELECT 1 FROM business_calendar WHERE name = $1', ['Bad'])).length).toBe(0);
  });

  it('import: all-day events close whole days; a half day set on an imported day survives re-imports', async () => {
    const feed = (name: string, extra: string[] = []) =>
      ics([
        { uid: 'arife-2026@tr', name, start: '2026-03-19', extra },
        { uid: 'ramazan-2026@tr', name: 'Ramazan Bayramı', start: '2026-03-20', end: '2026-03-23' },
      ]);
    const runImport = async (ical: string) => {
      const r = await api.gql<{ importHolidays: { added: number; updated: number; calendar: CalendarView } }>(
        IMPORT,
        { hotelId: world.hotelA.id, calendarId: calendar.id, ical },
        tokens.adminA,
      );
      expect(r.errors).toBeUndefined();
      return r.data!.importHolidays;
    };
    const eveOf = (c: CalendarView) => c.holidays.find((h) => h.date === '2026-03-19');
    const first = await runImport(feed('Arife'));
    expect(eveOf(first.calendar)).toMatchObject({ source: 'ical', uid: 'arife-2026@tr', windows: [] });

    // The hotel makes the imported eve a half day (keeping its uid), then the feed is imported again, then renamed.
    const edited = await saved({
      id: calendar.id,
      name: 'Ön büro',
      timeZone: 'Europe/Istanbul',
      weekly: OFFICE_HOURS,
      holidays: first.calendar.holidays.map((h) => ({
        date: h.date,
        name: h.name,
        uid: h.uid,
        windows: h.uid === 'arife-2026@tr' ? MORNING : h.windows,
      })),
    });
    expect(eveOf(edited)?.windows).toEqual(MORNING);
    expect(eveOf((await runImport(feed('Arife'))).calendar)?.windows).toEqual(MORNING);
    const renamed = await runImport(feed('Ramazan Bayramı Arifesi'));
    expect(renamed.updated).toBe(1);
    expect(eveOf(renamed.calendar)).toMatchObject({ name: 'Ramazan Bayramı Arifesi', windows: MORNING });
    // Thursday 19 March 12:30 + 1 h: 30 min on the eve, Friday to Sunday closed, Monday 23 09:30.
    expect(await dueAt({ start: '2026-03-19T09:30:00.000Z', minutes: 60 })).toBe('2026-03-23T06:30:00.000Z');
    calendar = renamed.calendar;
  });

  it('previews the unsaved definition on screen: validated like a save, nothing stored', async () => {
    const stored = { calendarId: calendar.id, start: '2026-11-27T13:30:00.000Z', minutes: 60 };
    const onScreen = {
      timeZone: 'Europe/Istanbul',
      weekly: [...OFFICE_HOURS, { weekday: 6, start: '09:00', end: '12:00' }],
      holidays: [{ date: '2026-11-28', name: 'Half Saturday', windows: [{ start: '10:00', end: '11:00' }] }],
    };
    // Stored (Mon–Fri): Friday 16:30 + 1 h → Monday 09:30. On screen: Saturday opens, 10:00–11:00 that day only.
    expect(await dueAt(stored)).toBe('2026-11-30T06:30:00.000Z');
    expect(await preview({ ...stored, definition: onScreen })).toMatchObject({
      calendarId: calendar.id,
      unsaved: true,
      timeZone: 'Europe/Istanbul',
      dueAt: '2026-11-28T07:30:00.000Z',
    });
    // A viewer may preview too (it computes, stores nothing); a calendar never saved has no id to echo.
    expect(await preview({ ...stored, calendarId: null, definition: onScreen }, tokens.viewerA)).toMatchObject({
      calendarId: null,
      unsaved: true,
      dueAt: '2026-11-28T07:30:00.000Z',
    });

    const refused = async (definition: Record<string, unknown>) => {
      const r = await previewOf({ ...stored, definition: { ...onScreen, ...definition } });
      expect(codeOf(r)).toBe(ErrorCode.BadUserInput);
      return (detailsOf(r) as { field: string }).field;
    };
    expect(await refused({ timeZone: 'Mars/Olympus' })).toBe('definition.timeZone');
    expect(await refused({ weekly: [] })).toBe('definition.weekly');
    expect(
      await refused({ holidays: [{ date: '2026-11-28', name: 'X', windows: [{ start: '12:00', end: '11:00' }] }] }),
    ).toBe('definition.holidays.0.windows.0.end');
    expect(
      await refused({
        holidays: [
          { date: '2026-11-28', name: 'X' },
          { date: '2026-11-28', name: 'Y' },
        ],
      }),
    ).toBe('definition.holidays.1.date');
    expect(await refused({ holidays: [{ date: '2026-02-30', name: 'X' }] })).toBe('definition.holidays.0.date');

    const [row] = await sql<{ version: number; weekly: unknown[] }>(
      api,
      'SELECT version, weekly FROM business_calendar WHERE id = $1',
      [calendar.id],
    );
    expect(row).toEqual({ version: calendar.version, weekly: OFFICE_HOURS });
    const holidays = await sql<{ n: number }>(
      api,
      'SELECT count(*)::int AS n FROM calendar_holiday WHERE calendar_id = $1',
      [calendar.id],
    );
    expect(holidays[0].n).toBe(calendar.holidays.length);
  });
});
