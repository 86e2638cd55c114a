import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createHotel, createWorld, loginAll, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
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

interface ImportView {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: number;
  calendar: CalendarView;
}

describe('holiday import and preview (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let calendar: CalendarView;

  const importIcs = (ical: string, token = tokens.adminA, calendarId = calendar.id) =>
    api.gql<{ importHolidays: ImportView }>(IMPORT, { hotelId: world.hotelA.id, calendarId, ical }, token);
  async function imported(ical: string): Promise<ImportView> {
    const r = await importIcs(ical);
    expect(r.errors).toBeUndefined();
    return r.data!.importHolidays;
  }
  const preview = async (variables: Record<string, unknown>) => {
    const r = await api.gql<{ calendarPreview: PreviewView }>(PREVIEW, variables, tokens.viewerA);
    expect(r.errors).toBeUndefined();
    return r.data!.calendarPreview;
  };

  const feed = ics([
    { uid: 'ramazan-2026@tr', name: 'Ramazan Bayramı', start: '2026-03-20', end: '2026-03-23' },
    { uid: 'zafer-2026@tr', name: 'Zafer Bayramı', start: '2026-08-30' },
    { uid: 'cumhuriyet-2026@tr', name: 'Cumhuriyet Bayramı', start: '2026-10-29', end: '2026-10-30' },
    // A timed event: not a closed day, skipped.
    { uid: 'arife@tr', name: 'Arife', start: '2026-03-19', extra: [] },
  ]).replace('DTSTART;VALUE=DATE:20260319', 'DTSTART:20260319T100000Z\r\nDTEND:20260319T150000Z');

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
    const r = await api.gql<{ saveBusinessCalendar: CalendarView }>(
      SAVE,
      {
        input: {
          hotelId: world.hotelA.id,
          name: 'Front office',
          timeZone: 'Europe/Istanbul',
          weekly: OFFICE_HOURS,
          holidays: [{ date: '2026-05-01', name: 'Emek ve Dayanışma Günü' }],
        },
      },
      tokens.adminA,
    );
    calendar = r.data!.saveBusinessCalendar;
  });
  afterAll(() => api.close());

  it('imports all-day and multi-day events by UID, idempotently, and audits changes only', async () => {
    const first = await imported(feed);
    expect(first).toMatchObject({ added: 3, updated: 0, unchanged: 0, removed: 0, skipped: 1 });
    expect(first.calendar.holidays.map((h) => [h.date, h.source, h.uid])).toEqual([
      ['2026-03-20', 'ical', 'ramazan-2026@tr'],
      ['2026-03-21', 'ical', 'ramazan-2026@tr'],
      ['2026-03-22', 'ical', 'ramazan-2026@tr'],
      ['2026-05-01', 'manual', null],
      ['2026-08-30', 'ical', 'zafer-2026@tr'],
      ['2026-10-29', 'ical', 'cumhuriyet-2026@tr'],
    ]);
    expect(first.calendar.version).toBe(2);

    const again = await imported(feed);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(again.calendar.version).toBe(2);
    expect(again.calendar.holidays).toHaveLength(6);

    // The feed moves one event, renames another and cancels the third.
    const changed = ics([
      { uid: 'ramazan-2026@tr', name: 'Ramazan Bayramı', start: '2026-03-20', end: '2026-03-22' },
      { uid: 'zafer-2026@tr', name: 'Zafer Bayramı (30 Ağustos)', start: '2026-08-30' },
      { uid: 'cumhuriyet-2026@tr', name: 'Cumhuriyet Bayramı', start: '2026-10-29', extra: ['STATUS:CANCELLED'] },
    ]);
    const third = await imported(changed);
    expect(third).toMatchObject({ added: 0, updated: 2, unchanged: 0, removed: 1 });
    expect(third.calendar.holidays.map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-03-20 Ramazan Bayramı',
      '2026-03-21 Ramazan Bayramı',
      '2026-05-01 Emek ve Dayanışma Günü',
      '2026-08-30 Zafer Bayramı (30 Ağustos)',
    ]);
    const audit = await sql<{ after: { imported?: unknown } }>(
      api,
      `SELECT after FROM audit_log WHERE tenant_id = $1 AND action = $2 AND entity_id = $3 ORDER BY occurred_at`,
      [world.hotelA.id, AuditAction.CalendarSaved, calendar.id],
    );
    expect(audit.map((a) => a.after.imported ?? null)).toEqual([
      null,
      { added: 3, updated: 0, unchanged: 0, removed: 0 },
      { added: 0, updated: 2, unchanged: 0, removed: 1 },
    ]);
  });

  it('expands yearly recurring events and refuses text that is not iCalendar', async () => {
    const yearly = ics([
      { uid: 'yilbasi@tr', name: 'Yılbaşı', start: '2026-01-01', extra: ['RRULE:FREQ=YEARLY;COUNT=2'] },
    ]);
    const r = await imported(yearly);
    expect(r.added).toBe(1);
    expect(r.calendar.holidays.filter((h) => h.uid === 'yilbasi@tr').map((h) => h.date)).toEqual([
      '2026-01-01',
      '2027-01-01',
    ]);
    for (const bad of ['hello world', 'BEGIN:VEVENT\r\nUID:x\r\nEND:VEVENT\r\n']) {
      const refused = await importIcs(bad);
      expect(codeOf(refused)).toBe(ErrorCode.BadUserInput);
      expect(detailsOf(refused)).toMatchObject({ field: 'ical' });
    }
    expect(codeOf(await importIcs(yearly, tokens.supervisorA))).toBe(ErrorCode.Forbidden);
  });

  it('previews a target: Friday 16:30 + 1 h → Monday 09:30, skipping an imported holiday', async () => {
    const hotelId = world.hotelA.id;
    const friday = await preview({ hotelId, calendarId: calendar.id, start: '2026-11-27T13:30:00.000Z', minutes: 60 });
    expect(friday).toMatchObject({
      calendarId: calendar.id,
      timeZone: 'Europe/Istanbul',
      dueAt: '2026-11-30T06:30:00.000Z',
      workingAtStart: true,
      nextWorkingAt: '2026-11-27T13:30:00.000Z',
    });
    expect(typeof friday.workingNow).toBe('boolean');
    // Thursday 19 March 16:30 + 1 h: Friday 20 (the imported Ramazan Bayramı) is closed → Monday 23 09:30.
    const bayram = await preview({ hotelId, calendarId: calendar.id, start: '2026-03-19T13:30:00.000Z', minutes: 60 });
    expect(bayram.dueAt).toBe('2026-03-23T06:30:00.000Z');
    // Without calendarId: the hotel's default (this one, its first).
    const byDefault = await preview({ hotelId, start: '2026-11-27T13:30:00.000Z', minutes: 60 });
    expect(byDefault.calendarId).toBe(calendar.id);
  });

  it('a hotel without calendars counts 24/7 in its own time zone', async () => {
    const hotel = await withClient(api.db.ownerUrl, (c) => createHotel(c, { timeZone: 'America/New_York' }));
    // The agency admin reaches every hotel of the agency, so adding the hotel to it is enough.
    const token = tokens.agencyAdmin;
    await withClient(api.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel.id]);
      await c.query('UPDATE hotel SET agency_id = $1 WHERE id = $2', [world.agencyId, hotel.id]);
    });
    const r = await api.gql<{ calendarPreview: PreviewView }>(
      PREVIEW,
      { hotelId: hotel.id, start: '2026-11-28T03:00:00.000Z', minutes: 90 },
      token,
    );
    expect(r.data?.calendarPreview).toMatchObject({
      calendarId: null,
      timeZone: 'America/New_York',
      dueAt: '2026-11-28T04:30:00.000Z',
      workingAtStart: true,
      workingNow: true,
    });
  });
});
