import { randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createWorld, loginAll, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
import {
  CalendarView,
  codeOf,
  DELETE,
  detailsOf,
  failure,
  IMPORT,
  ics,
  LIST,
  OFFICE_HOURS,
  ONE,
  PREVIEW,
  SAVE,
  sql,
} from './calendar-fixtures';

describe('business calendars (e2e: GraphQL on real Postgres)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let seq = 0;

  const draft = (hotelId: string, overrides: Record<string, unknown> = {}) => ({
    hotelId,
    name: `Calendar ${++seq}`,
    timeZone: 'Europe/Istanbul',
    weekly: OFFICE_HOURS,
    ...overrides,
  });
  const save = (token: string, input: Record<string, unknown>) =>
    api.gql<{ saveBusinessCalendar: CalendarView }>(SAVE, { input }, token);
  async function create(token: string, input: Record<string, unknown>): Promise<CalendarView> {
    const r = await save(token, input);
    expect(r.errors).toBeUndefined();
    return r.data!.saveBusinessCalendar;
  }
  const list = async (token: string, hotelId: string) =>
    (await api.gql<{ businessCalendars: CalendarView[] }>(LIST, { hotelId }, token)).data!.businessCalendars;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  it("creates the hotel's first calendar as its default, normalized, and audits it", async () => {
    const created = await create(
      tokens.adminA,
      draft(world.hotelA.id, {
        name: '  Reservations ',
        timeZone: 'europe/istanbul',
        weekly: [
          { weekday: 6, start: '13:30', end: '19:00' },
          { weekday: 6, start: '09:00', end: '12:30' },
          { weekday: 7, start: '10:00', end: '24:00' },
        ],
        holidays: [{ date: '2026-10-29', name: 'Cumhuriyet Bayramı' }],
      }),
    );
    expect(created).toMatchObject({
      hotelId: world.hotelA.id,
      name: 'Reservations',
      timeZone: 'Europe/Istanbul',
      isDefault: true,
      version: 1,
      openMinutesPerWeek: 210 + 330 + 840,
      weekly: [
        { weekday: 6, start: '09:00', end: '12:30' },
        { weekday: 6, start: '13:30', end: '19:00' },
        { weekday: 7, start: '10:00', end: '24:00' },
      ],
      holidays: [{ date: '2026-10-29', name: 'Cumhuriyet Bayramı', source: 'manual', uid: null, windows: [] }],
    });
    const audit = await sql<{ actor_id: string; before: unknown; after: { name: string } }>(
      api,
      'SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = $2 AND entity_id = $3',
      [world.hotelA.id, AuditAction.CalendarSaved, created.id],
    );
    expect(audit).toEqual([
      { actor_id: world.users.adminA.id, before: null, after: expect.objectContaining({ name: 'Reservations' }) },
    ]);
    // Readers (CasesRead) see it; editing needs WorkflowsManage (GM, admin, agency), which a supervisor lacks.
    expect((await list(tokens.viewerA, world.hotelA.id)).map((c) => c.id)).toContain(created.id);
    expect(codeOf(await save(tokens.supervisorA, draft(world.hotelA.id)))).toBe(ErrorCode.Forbidden);
    expect(codeOf(await save(tokens.agentA, draft(world.hotelA.id)))).toBe(ErrorCode.Forbidden);
  });

  it('refuses invalid definitions with BAD_USER_INPUT naming the field', async () => {
    const field = async (overrides: Record<string, unknown>) => {
      const r = await save(tokens.adminA, draft(world.hotelA.id, overrides));
      expect(codeOf(r)).toBe(ErrorCode.BadUserInput);
      return (detailsOf(r) as { field: string }).field;
    };
    expect(await field({ timeZone: 'Mars/Olympus' })).toBe('timeZone');
    expect(
      await field({
        weekly: [
          { weekday: 1, start: '09:00', end: '17:00' },
          { weekday: 1, start: '16:30', end: '18:00' },
        ],
      }),
    ).toBe('weekly.1');
    expect(await field({ weekly: [{ weekday: 2, start: '12:00', end: '11:00' }] })).toBe('weekly.0.end');
    expect(await field({ weekly: [{ weekday: 2, start: '9am', end: '11:00' }] })).toBe('weekly.0.start');
    expect(await field({ weekly: [{ weekday: 9, start: '09:00', end: '11:00' }] })).toBe('weekly.0.weekday');
    expect(await field({ weekly: [] })).toBe('weekly');
    expect(await field({ holidays: [{ date: '2026-02-30', name: 'Nope' }] })).toBe('holidays.0.date');
    expect(
      await field({
        holidays: [
          { date: '2026-05-01', name: 'Emek' },
          { date: '2026-05-01', name: 'Again' },
        ],
      }),
    ).toBe('holidays.1.date');
    expect(await field({ name: '' })).toBe('name');
  });

  it('updates with the version it read (STALE_VERSION otherwise), keeps names unique, moves the default', async () => {
    const first = await create(tokens.adminA, draft(world.hotelA.id));
    const updated = await create(tokens.adminA, {
      ...draft(world.hotelA.id, { name: first.name, weekly: [{ weekday: 1, start: '08:00', end: '12:00' }] }),
      id: first.id,
      version: first.version,
    });
    expect(updated).toMatchObject({ id: first.id, version: 2, weekly: [{ weekday: 1, start: '08:00', end: '12:00' }] });
    const stale = await save(tokens.adminA, { ...draft(world.hotelA.id), id: first.id, version: 1 });
    expect(failure(stale)).toEqual([
      { code: ErrorCode.StaleVersion, message: 'the calendar was changed by someone else; reload it' },
    ]);
    expect(detailsOf(stale)).toMatchObject({ currentVersion: 2 });
    const clash = await save(tokens.adminA, draft(world.hotelA.id, { name: first.name }));
    expect(codeOf(clash)).toBe(ErrorCode.Conflict);
    expect(detailsOf(clash)).toMatchObject({ field: 'name' });

    const promoted = await create(tokens.agencyAdmin, draft(world.hotelA.id, { isDefault: true }));
    const defaults = (await list(tokens.adminA, world.hotelA.id)).filter((c) => c.isDefault).map((c) => c.id);
    expect(defaults).toEqual([promoted.id]);
    // Holidays omitted on update: unchanged.
    const withDay = await create(
      tokens.adminA,
      draft(world.hotelA.id, { holidays: [{ date: '2027-01-01', name: 'NY' }] }),
    );
    const kept = await create(tokens.adminA, { ...draft(world.hotelA.id, { name: withDay.name }), id: withDay.id });
    expect(kept.holidays.map((h) => h.date)).toEqual(['2027-01-01']);
  });

  it('deletes a calendar, but not the default while others exist nor one an SLA policy names', async () => {
    const hotel = world.hotelB.id;
    const main = await create(tokens.adminB, draft(hotel));
    const spare = await create(tokens.adminB, draft(hotel));
    expect(main.isDefault).toBe(true);
    expect(spare.isDefault).toBe(false);
    const refused = await api.gql(DELETE, { hotelId: hotel, id: main.id }, tokens.adminB);
    expect(codeOf(refused)).toBe(ErrorCode.Conflict);

    // An SLA policy naming the spare calendar (sla_policy is the SLA library's table; only the columns needed here).
    await withClient(api.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel]);
      await c.query(`INSERT INTO sla_policy (tenant_id, name, position, calendar_id) VALUES ($1, 'VIP', 1, $2)`, [
        hotel,
        spare.id,
      ]);
    });
    const inUse = await api.gql(DELETE, { hotelId: hotel, id: spare.id }, tokens.adminB);
    expect(codeOf(inUse)).toBe(ErrorCode.Conflict);
    expect(detailsOf(inUse)).toMatchObject({ policies: ['VIP'] });
    await sql(api, 'DELETE FROM sla_policy WHERE calendar_id = $1', [spare.id]);

    expect(await api.gql(DELETE, { hotelId: hotel, id: spare.id }, tokens.adminB)).toEqual({
      data: { deleteBusinessCalendar: true },
    });
    expect(await api.gql(DELETE, { hotelId: hotel, id: main.id }, tokens.adminB)).toEqual({
      data: { deleteBusinessCalendar: true },
    });
    const audit = await sql<{ entity_id: string }>(
      api,
      'SELECT entity_id FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY occurred_at',
      [hotel, AuditAction.CalendarDeleted],
    );
    expect(audit.map((a) => a.entity_id)).toEqual([spare.id, main.id]);
    expect(await list(tokens.adminB, hotel)).toEqual([]);
  });

  it("hotel B's calendar ids, seen from hotel A's admin, behave exactly like missing ids", async () => {
    const theirs = await create(tokens.adminB, draft(world.hotelB.id, { name: `B-${randomUUID()}` }));
    const admin = tokens.adminA;
    const same = async (foreign: Promise<unknown>, missing: Promise<unknown>) => {
      const [f, m] = (await Promise.all([foreign, missing])) as Array<Parameters<typeof failure>[0]>;
      expect(f.data ?? null).toBeNull();
      expect(codeOf(f)).toBe(ErrorCode.NotFound);
      expect(failure(f)).toEqual(failure(m));
    };
    const A = world.hotelA.id;
    const B = world.hotelB.id;
    const nowhere = randomUUID();
    const noId = randomUUID();
    const start = '2026-11-27T13:30:00.000Z';
    const feed = ics([{ uid: 'x@test', name: 'X', start: '2026-12-24' }]);
    await same(api.gql(LIST, { hotelId: B }, admin), api.gql(LIST, { hotelId: nowhere }, admin));
    await same(api.gql(ONE, { hotelId: A, id: theirs.id }, admin), api.gql(ONE, { hotelId: A, id: noId }, admin));
    await same(api.gql(ONE, { hotelId: B, id: theirs.id }, admin), api.gql(ONE, { hotelId: nowhere, id: noId }, admin));
    await same(save(admin, { ...draft(A), id: theirs.id }), save(admin, { ...draft(A), id: noId }));
    await same(save(admin, draft(B)), save(admin, draft(nowhere)));
    await same(api.gql(DELETE, { hotelId: A, id: theirs.id }, admin), api.gql(DELETE, { hotelId: A, id: noId }, admin));
    await same(
      api.gql(IMPORT, { hotelId: A, calendarId: theirs.id, ical: feed }, admin),
      api.gql(IMPORT, { hotelId: A, calendarId: noId, ical: feed }, admin),
    );
    await same(
      api.gql(PREVIEW, { hotelId: A, calendarId: theirs.id, start, minutes: 60 }, admin),
      api.gql(PREVIEW, { hotelId: A, calendarId: noId, start, minutes: 60 }, admin),
    );
    await same(
      api.gql(PREVIEW, { hotelId: B, start, minutes: 60 }, admin),
      api.gql(PREVIEW, { hotelId: nowhere, start, minutes: 60 }, admin),
    );
    // An unsaved definition changes nothing about scope: not another hotel, nor another hotel's calendar id.
    const definition = { timeZone: 'Europe/Istanbul', weekly: OFFICE_HOURS };
    await same(
      api.gql(PREVIEW, { hotelId: B, definition, start, minutes: 60 }, admin),
      api.gql(PREVIEW, { hotelId: nowhere, definition, start, minutes: 60 }, admin),
    );
    await same(
      api.gql(PREVIEW, { hotelId: A, calendarId: theirs.id, definition, start, minutes: 60 }, admin),
      api.gql(PREVIEW, { hotelId: A, calendarId: noId, definition, start, minutes: 60 }, admin),
    );
    // Even an invalid definition for another hotel answers NOT_FOUND, not what is wrong with it.
    await same(
      api.gql(PREVIEW, { hotelId: B, definition: { ...definition, weekly: [] }, start, minutes: 60 }, admin),
      api.gql(PREVIEW, { hotelId: nowhere, definition: { ...definition, weekly: [] }, start, minutes: 60 }, admin),
    );
    const [row] = await sql<{ name: string; version: number }>(
      api,
      'SELECT name, version FROM business_calendar WHERE id = $1',
      [theirs.id],
    );
    expect(row).toEqual({ name: theirs.name, version: 1 });
    expect(await sql(api, 'SELECT 1 FROM calendar_holiday WHERE calendar_id = $1', [theirs.id])).toEqual([]);
  });
});
