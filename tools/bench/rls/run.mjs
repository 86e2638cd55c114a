#!/usr/bin/env node
// Benchmark: what forced row-level security and the per-request transaction scope cost on the hottest read we have
// (a hotel's recent activity), against a bare baseline in the same run.
//
//   node tools/bench/rls/run.mjs [--rows 300000] [--iterations 3000] [--clients 4]
//
//   baseline  superuser (RLS bypassed), autocommit, SELECT … WHERE tenant_id = $1 ORDER BY occurred_at DESC LIMIT 50
//   tx only   superuser, the same four statements as baton (BEGIN; set_config; SELECT; COMMIT), RLS bypassed
//   baton     app role baton_app, BEGIN; set_config('app.tenant_ids', $1, true); the same SELECT; COMMIT
// Both run the same number of queries over the same data with the same number of concurrent clients.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const { Client } = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 300_000);
const ITERATIONS = arg('iterations', 3000);
const CLIENTS = arg('clients', 4);
const HOTELS = 3;
const APP_PASSWORD = 'bench_app_password';

execFileSync(process.execPath, [path.join(ROOT, 'tools/build/build.mjs'), 'api'], { stdio: 'ignore' });
const { migrateDatabase, deriveAppUrl } = require(path.join(ROOT, 'dist/api/libs/api/migrations/src/index.js'));

const runDir = path.join(ROOT, 'tmp', `bench-rls-${process.pid}`); // a fresh folder the postgres user can traverse
const pg = await startEmbeddedPostgres({ dataDir: path.join(runDir, 'data'), port: 0, persistent: false });
try {
  await migrateDatabase(pg.adminUrl, { appPassword: APP_PASSWORD });
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  const hotelIds = Array.from({ length: HOTELS }, () => randomUUID());
  for (const [i, id] of hotelIds.entries()) {
    await admin.query(`INSERT INTO hotel (id, name, slug, code) VALUES ($1, $2, $3, $4)`, [
      id,
      `Bench ${i}`,
      `bench-${i}`,
      `BN${'ABC'[i]}`,
    ]);
  }
  await admin.query(
    `INSERT INTO audit_log (tenant_id, occurred_at, actor_kind, action, entity_type, entity_id)
     SELECT ($1::uuid[])[1 + (g % ${HOTELS})], now() - (g || ' seconds')::interval, 'system', 'hotel.settings_updated', 'hotel', g::text
       FROM generate_series(1, ${ROWS}) g`,
    [hotelIds],
  );
  await admin.query('VACUUM ANALYZE audit_log');
  await admin.end();

  const QUERY = `SELECT id, action, occurred_at FROM audit_log WHERE tenant_id = $1 ORDER BY occurred_at DESC, id DESC LIMIT 50`;
  const scenarios = {
    baseline: { url: pg.adminUrl, run: (c, h) => c.query(QUERY, [h]) },
    // Isolates the RLS cost from the round trips: same transaction shape as baton, as superuser without RLS.
    transaction: {
      url: pg.adminUrl,
      run: async (c, h) => {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [h]);
        await c.query(QUERY, [h]);
        await c.query('COMMIT');
      },
    },
    baton: {
      url: deriveAppUrl(pg.adminUrl, APP_PASSWORD),
      run: async (c, h) => {
        await c.query('BEGIN');
        await c.query(`SELECT set_config('app.tenant_ids', $1, true)`, [h]);
        const r = await c.query(QUERY, [h]);
        await c.query('COMMIT');
        if (r.rowCount !== 50) {
          throw new Error(`expected 50 rows, got ${r.rowCount}`);
        }
      },
    },
  };

  const measure = async ({ url, run }) => {
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const c = new Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    for (const c of clients) {
      for (let i = 0; i < 50; i++) {
        await run(c, hotelIds[i % HOTELS]); // warm-up
      }
    }
    const latencies = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (c) => {
        while (next < ITERATIONS) {
          const i = next++;
          const s = performance.now();
          await run(c, hotelIds[i % HOTELS]);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    await Promise.all(clients.map((c) => c.end()));
    latencies.sort((a, b) => a - b);
    const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(2);
    return { throughput: ITERATIONS / seconds, p50: p(0.5), p99: p(0.99) };
  };

  // Alternate the order so neither side always runs on a warmer cache.
  const results = { baseline: [], transaction: [], baton: [] };
  for (const order of [
    ['baseline', 'transaction', 'baton'],
    ['baton', 'transaction', 'baseline'],
  ]) {
    for (const name of order) {
      results[name].push(await measure(scenarios[name]));
    }
  }
  const best = (name) => results[name].reduce((a, b) => (b.throughput > a.throughput ? b : a));
  const base = best('baseline');
  const baton = best('baton');
  const tx = best('transaction');
  console.log(`rows=${ROWS} hotels=${HOTELS} iterations=${ITERATIONS} clients=${CLIENTS} (best of 2 rounds each)`);
  console.log(`baseline  ${base.throughput.toFixed(0)} queries/s  p50 ${base.p50} ms  p99 ${base.p99} ms`);
  console.log(`tx only   ${tx.throughput.toFixed(0)} queries/s  p50 ${tx.p50} ms  p99 ${tx.p99} ms`);
  console.log(`baton     ${baton.throughput.toFixed(0)} queries/s  p50 ${baton.p50} ms  p99 ${baton.p99} ms`);
  console.log(`ratio     baton/baseline throughput = ${(baton.throughput / base.throughput).toFixed(2)}`);
  console.log(
    `ratio     baton/tx-only throughput  = ${(baton.throughput / tx.throughput).toFixed(2)}  (the RLS filter itself)`,
  );
} finally {
  await pg.stop();
  fs.rmSync(runDir, { recursive: true, force: true });
}
