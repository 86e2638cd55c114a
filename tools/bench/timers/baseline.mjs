// The bare baseline: the same number of rows in a plain queue table (no RLS, no handler, no firing record), dequeued
// with the classic batched `DELETE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING` by `clients`
// connections until empty, on the same Postgres. Returns rows per second.
import pg from 'pg';

export async function runBaseline({ ownerUrl, rows, batch, clients }) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`DROP TABLE IF EXISTS bench_bare_queue`);
    await owner.query(
      `CREATE TABLE bench_bare_queue (
         id bigserial PRIMARY KEY, tenant_id uuid NOT NULL, run_at timestamptz NOT NULL, payload jsonb NOT NULL DEFAULT '{}')`,
    );
    await owner.query(`CREATE INDEX ON bench_bare_queue (run_at)`);
    await owner.query(
      `INSERT INTO bench_bare_queue (tenant_id, run_at)
       SELECT gen_random_uuid(), now() - interval '1 second' FROM generate_series(1, $1::int)`,
      [rows],
    );
    await owner.query(`VACUUM ANALYZE bench_bare_queue`);
  } finally {
    await owner.end();
  }
  const pool = new pg.Pool({ connectionString: ownerUrl, max: clients });
  const lane = async () => {
    let n = 0;
    for (;;) {
      const r = await pool.query(
        `DELETE FROM bench_bare_queue WHERE id IN (
           SELECT id FROM bench_bare_queue WHERE run_at <= now() ORDER BY run_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, tenant_id, payload`,
        [batch],
      );
      n += r.rowCount;
      if (r.rowCount === 0) {
        return n;
      }
    }
  };
  const t0 = performance.now();
  const counts = await Promise.all(Array.from({ length: clients }, lane));
  const seconds = (performance.now() - t0) / 1000;
  await pool.end();
  const dequeued = counts.reduce((a, b) => a + b, 0);
  return { clients, batch, rows: dequeued, seconds, rowsPerSecond: dequeued / seconds };
}
