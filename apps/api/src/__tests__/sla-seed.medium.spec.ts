import { createTestDatabase, TestDatabase, withClient } from '@baton/api/testing';
import { seedDemo } from '../seed/demo-seed';
import { seedCalendars } from '../seed/workflow-calendars';
import { seedSla } from '../seed/workflow-sla';

interface Outcome {
  metric: string;
  state: string;
  clocks: number;
  reminded: number;
  breached: number;
  escalated: number;
}

/** The SLA part of the demo seed: policies and clocks replayed from the 30 days of traffic, true to the data. */
describe('SLA demo seed (real Postgres)', () => {
  let db: TestDatabase;
  let hotel: { id: string; code: string; timeZone: string };
  const now = Date.now();

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedDemo(db.ownerUrl, now);
    hotel = await withClient(db.ownerUrl, async (c) => {
      const rows = await c.query<{ id: string; code: string; timeZone: string }>(
        `SELECT id, code, time_zone AS "timeZone" FROM hotel WHERE code = 'BLK'`,
      );
      return rows.rows[0];
    });
    await withClient(db.ownerUrl, async (c) => {
      await seedCalendars(c, hotel, now);
      await seedSla(c, hotel, now);
      await seedSla(c, hotel, now); // idempotent
    });
  }, 120_000);
  afterAll(() => db?.drop());

  const rows = <R>(sql: string, params: unknown[] = []): Promise<R[]> =>
    withClient(db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel.id]);
      return (await c.query(sql, [hotel.id, ...params])).rows as R[];
    });

  it('writes the policies once, audited', async () => {
    const policies = await rows<{ name: string }>(`SELECT name FROM sla_policy WHERE tenant_id = $1 ORDER BY position`);
    expect(policies.map((p) => p.name)).toEqual(['Acil talepler (P1/P2)', 'Şikayetler', 'Genel']);
    const audit = await rows(`SELECT 1 FROM audit_log WHERE tenant_id = $1 AND action = 'sla_policy.saved'`);
    expect(audit).toHaveLength(3);
  });

  it('replays clocks with every outcome, consistent with the cases', async () => {
    const outcomes = await rows<Outcome>(
      `SELECT metric, state, count(*)::int AS clocks,
              count(*) FILTER (WHERE 'reminder' = ANY (steps_fired))::int AS reminded,
              count(*) FILTER (WHERE breached_at IS NOT NULL)::int AS breached,
              count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS escalated
         FROM sla_clock WHERE tenant_id = $1 GROUP BY metric, state ORDER BY metric, state`,
    );
    const total = (key: keyof Outcome, where: (o: Outcome) => boolean = () => true) =>
      outcomes.filter(where).reduce((sum, o) => sum + Number(o[key]), 0);
    expect(total('clocks', (o) => o.state === 'met')).toBeGreaterThan(50);
    expect(total('clocks', (o) => o.state === 'met_late')).toBeGreaterThan(0);
    expect(total('reminded')).toBeGreaterThan(0);
    expect(total('breached')).toBeGreaterThan(0);
    expect(total('escalated')).toBeGreaterThan(0);
    expect(total('clocks', (o) => o.metric === 'resolution')).toBeGreaterThan(100);

    // Every answered case's first-response clock stopped at its real first answer, met exactly when in time.
    const mismatched = await rows(
      `SELECT k.id FROM sla_clock k JOIN guest_case c ON c.tenant_id = k.tenant_id AND c.id = k.target_id
        WHERE k.tenant_id = $1 AND k.metric = 'first_response' AND c.first_response_at IS NOT NULL
          AND (k.stopped_at <> c.first_response_at
               OR (k.state = 'met') <> (k.stopped_at <= k.due_at)
               OR k.state NOT IN ('met', 'met_late'))`,
    );
    expect(mismatched).toEqual([]);
    // Closed cases have no live clock; live clocks of running cases have their ladder timers.
    const liveOnClosed = await rows(
      `SELECT k.id FROM sla_clock k JOIN guest_case c ON c.tenant_id = k.tenant_id AND c.id = k.target_id
        WHERE k.tenant_id = $1 AND k.state IN ('running', 'paused', 'breached') AND c.status IN ('won', 'lost', 'closed')`,
    );
    expect(liveOnClosed).toEqual([]);
    const untimed = await rows(
      `SELECT k.id FROM sla_clock k
        WHERE k.tenant_id = $1 AND k.state = 'running' AND k.due_at > now()
          AND NOT EXISTS (SELECT 1 FROM durable_timer t WHERE t.tenant_id = k.tenant_id AND t.target_id = k.id::text
                            AND t.kind = 'sla.step' AND t.key = 'breach')`,
    );
    expect(untimed).toEqual([]);
    // History: each clock starts with started + T0, ladder steps recorded once.
    const events = await rows<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM sla_clock_event WHERE tenant_id = $1 GROUP BY kind ORDER BY kind`,
    );
    expect(events.find((e) => e.kind === 'started')?.n).toBe(total('clocks'));
    expect(events.find((e) => e.kind === 'stopped')?.n).toBeGreaterThan(0);
  });
});
