import { hostname } from 'node:os';
import { createHotel, createTestDatabase, startTestApi, TestApi, TestDatabase, withClient } from '@baton/api/testing';

const TIMERS = 3000;
const WORKER_ENV = {
  TIMER_POLL_MS: '100',
  TIMER_BATCH_SIZE: '150',
  TIMER_LANES: '2',
  TIMER_LEASE_MS: '10000',
};

interface Progress {
  pending: number;
  firings: number;
  byWorker: Record<string, number>;
}

/**
 * Two real worker processes share durable timers; one is killed with SIGKILL while its batches are in flight. Every
 * timer must fire exactly once: no timer lost (the killed worker's claims die with its connections and the other
 * worker takes them), none twice (one firing record per timer and version, no failed attempts).
 */
describe('durable timers with two worker processes (e2e)', () => {
  let db: TestDatabase;
  const workers: TestApi[] = [];

  afterAll(async () => {
    for (const worker of workers) {
      // TestApi.close waits for an exit: a process already killed has had its exit.
      if (worker.process.exitCode === null && worker.process.signalCode === null) {
        await worker.close({ keepDb: true });
      }
    }
    await db?.drop();
  });

  const progress = (): Promise<Progress> =>
    withClient(db.ownerUrl, async (c) => {
      const pending = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM durable_timer`);
      const firings = await c.query<{ fired_by: string; n: number }>(
        `SELECT fired_by, count(*)::int AS n FROM durable_timer_firing GROUP BY fired_by`,
      );
      return {
        pending: pending.rows[0].n,
        firings: firings.rows.reduce((sum, r) => sum + r.n, 0),
        byWorker: Object.fromEntries(firings.rows.map((r) => [r.fired_by, r.n])),
      };
    });

  const rollbacks = (): Promise<number> =>
    withClient(db.ownerUrl, async (c) => {
      await c.query('SELECT pg_stat_clear_snapshot()');
      const r = await c.query<{ n: string }>(
        `SELECT xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
      );
      return Number(r.rows[0].n);
    });

  async function until(check: (p: Progress) => boolean, timeoutMs: number): Promise<Progress> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = await progress();
      if (check(p) || Date.now() > deadline) {
        return p;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('SIGKILL one worker mid-batch: every timer fires exactly once', async () => {
    db = await createTestDatabase();
    const hotels = await withClient(db.ownerUrl, async (c) => [
      await createHotel(c),
      await createHotel(c),
      await createHotel(c),
    ]);
    workers.push(
      ...(await Promise.all([
        startTestApi({ db, role: 'worker', env: WORKER_ENV }),
        startTestApi({ db, role: 'worker', env: WORKER_ENV }),
      ])),
    );
    const [doomed, survivor] = workers;
    const doomedId = `${hostname()}:${doomed.process.pid}`;
    const survivorId = `${hostname()}:${survivor.process.pid}`;

    // Due now; each probe takes 2 ms, so a batch of 150 keeps its transaction open for about 300 ms.
    await withClient(db.ownerUrl, (c) =>
      c.query(
        `INSERT INTO durable_timer (tenant_id, kind, target_id, key, due_at, run_at, payload)
         SELECT h, 'probe', 'sigkill-' || g, '', now(), now(), '{"sleepMs": 2}'
           FROM unnest($1::uuid[]) h, generate_series(1, $2::int) g`,
        [hotels.map((h) => h.id), TIMERS / hotels.length],
      ),
    );

    const before = await until((p) => (p.byWorker[doomedId] ?? 0) >= 300 && (p.byWorker[survivorId] ?? 0) > 0, 20_000);
    expect(before.firings).toBeLessThan(TIMERS * 0.7);
    const rollbacksBefore = await rollbacks();
    const exited = new Promise((done) => doomed.process.once('exit', done));
    doomed.process.kill('SIGKILL');
    await exited;

    const after = await until((p) => p.pending === 0, 40_000);
    // Postgres rolled back the killed worker's open firing transactions (its batches in flight).
    expect(await rollbacks()).toBeGreaterThan(rollbacksBefore);
    expect(after.pending).toBe(0);
    expect(after.firings).toBe(TIMERS);
    expect(after.byWorker[doomedId]).toBeGreaterThanOrEqual(before.byWorker[doomedId]);
    expect(after.byWorker[survivorId]).toBeGreaterThan(TIMERS * 0.3);

    const check = await withClient(db.ownerUrl, (c) =>
      c.query<Record<string, number>>(
        `SELECT count(DISTINCT (tenant_id, timer_id))::int AS distinct_timers,
                count(DISTINCT (tenant_id, target_id))::int AS distinct_targets,
                count(*) FILTER (WHERE version <> 1 OR attempts <> 0)::int AS retried
           FROM durable_timer_firing`,
      ),
    );
    expect(check.rows[0]).toEqual({ distinct_timers: TIMERS, distinct_targets: TIMERS, retried: 0 });
    expect(survivor.process.exitCode).toBeNull();
  });
});
