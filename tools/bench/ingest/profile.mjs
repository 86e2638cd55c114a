// A sampling profile of what Postgres is busy with: every `intervalMs` the active backends of the benchmark database
// (pg_stat_activity, state = active) are counted by statement and by wait event. A statement's share of the samples
// approximates its share of database time; pg_stat_statements would be exact but needs a server restart with
// shared_preload_libraries, which the embedded server is not started with.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Client } = require('pg');

/** Collapses whitespace and literals so one statement shape is one key. */
function shape(query) {
  return query
    .replace(/\s+/g, ' ')
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .trim()
    .slice(0, 160);
}

export async function startQuerySampler(ownerUrl, { intervalMs = 25 } = {}) {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const byQuery = new Map();
  const byWait = new Map();
  let samples = 0;
  let busy = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query(
        `SELECT query, coalesce(wait_event_type || ':' || wait_event, 'CPU') AS wait
           FROM pg_stat_activity
          WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()
            AND backend_type = 'client backend'`,
      );
      samples++;
      busy += rows.length;
      for (const row of rows) {
        const key = shape(row.query);
        byQuery.set(key, (byQuery.get(key) ?? 0) + 1);
        byWait.set(row.wait, (byWait.get(row.wait) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    /** @returns {Promise<{ samples: number, avgActive: number, top: {query: string, share: number}[], waits: {wait: string, share: number}[] }>} */
    async stop(limit = 8) {
      running = false;
      await loop;
      await client.end();
      const top = (map) =>
        [...map.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, limit)
          .map(([key, n]) => [key, busy ? n / busy : 0]);
      return {
        samples,
        avgActive: samples ? busy / samples : 0,
        top: top(byQuery).map(([query, share]) => ({ query, share })),
        waits: top(byWait).map(([wait, share]) => ({ wait, share })),
      };
    },
  };
}
