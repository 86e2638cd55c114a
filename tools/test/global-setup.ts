// Jest global setup (runs once, in Jest's parent process, before any test worker starts).
//
// Postgres: TEST_DATABASE_URL (a superuser URL, any database) when set; otherwise an embedded, throwaway Postgres in
//   tmp/test-pg-<pid>/data on a free port (fsync off). The database `baton_template` is (re)created there and migrated
//   as the owner with migrateDatabase(), which also creates the role baton_app (password baton_app_test). The template
//   is then left without connections (IS_TEMPLATE, ALLOW_CONNECTIONS false) so that tests can clone it quickly:
//     CREATE DATABASE "t_xyz" TEMPLATE baton_template    -- as BATON_TEST_PG_ADMIN_URL
// Redis: TEST_REDIS_URL when set; otherwise a redis-server on a free port (no persistence).
// Exported to the test workers through the environment:
//   BATON_TEST_PG_ADMIN_URL  superuser URL (database `postgres`, or TEST_DATABASE_URL as given)
//   BATON_TEST_TEMPLATE_DB   baton_template
//   BATON_TEST_APP_PASSWORD  baton_app_test (role baton_app)
//   BATON_TEST_REDIS_URL     redis://127.0.0.1:<port>
// tools/test/global-teardown.ts stops what was started here and deletes tmp/test-pg-<pid>. Leftovers of a killed run
// (tmp/test-pg-<dead pid>: orphaned postgres/redis, data) are reaped at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { migrateDatabase } from '@baton/api/migrations';
import type { EmbeddedPostgresHandle } from '../lib/embedded-postgres.mjs';
import type { RedisServerHandle } from '../lib/redis-server.mjs';

export const TEMPLATE_DB = 'baton_template';
export const APP_PASSWORD = 'baton_app_test';
const ROOT = path.resolve(__dirname, '..', '..');
const RUN_DIR_PREFIX = 'test-pg-';

export interface BatonTestHandles {
  pg?: EmbeddedPostgresHandle;
  redis?: RedisServerHandle;
  runDir?: string;
}

declare global {
  var __BATON_TEST__: BatonTestHandles | undefined;
}

const log = (msg: string) => process.stderr.write(`[baton] test setup: ${msg}\n`);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes tmp/test-pg-<pid> folders of runs whose Jest process is gone, stopping their servers if still running. */
async function reapLeftovers(): Promise<void> {
  const tmp = path.join(ROOT, 'tmp');
  if (!fs.existsSync(tmp)) {
    return;
  }
  const { stopLeftoverPostmaster } = await import('../lib/embedded-postgres.mjs');
  for (const name of fs.readdirSync(tmp)) {
    const pid = Number(name.startsWith(RUN_DIR_PREFIX) ? name.slice(RUN_DIR_PREFIX.length) : NaN);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) {
      continue;
    }
    const dir = path.join(tmp, name);
    log(`reaping ${path.relative(ROOT, dir)} left by a killed run`);
    try {
      const redisPid = Number(fs.readFileSync(path.join(dir, 'redis.pid'), 'utf8'));
      const cmd = fs.readFileSync(`/proc/${redisPid}/cmdline`, 'utf8');
      if (cmd.includes('redis-server')) {
        process.kill(redisPid, 'SIGKILL');
      }
    } catch {
      /* no pid file or not running */
    }
    await stopLeftoverPostmaster(path.join(dir, 'data'), { force: true }).catch((err) => log(String(err)));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function urlForDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(db)}`;
  return u.toString();
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  const handles: BatonTestHandles = {};
  globalThis.__BATON_TEST__ = handles;
  let redisReady: Promise<string> | undefined;
  try {
    let adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl) {
      log(`using TEST_DATABASE_URL (${new URL(adminUrl).host})`);
    } else {
      await reapLeftovers();
      const { startEmbeddedPostgres } = await import('../lib/embedded-postgres.mjs');
      handles.runDir = path.join(ROOT, 'tmp', `${RUN_DIR_PREFIX}${process.pid}`);
      fs.rmSync(handles.runDir, { recursive: true, force: true });
      fs.mkdirSync(handles.runDir, { recursive: true });
      // Killed by a signal (Ctrl-C, CI cancel), the teardown does not run; embedded-postgres' exit hook stops the server.
      const runDir = handles.runDir;
      process.once('exit', () => fs.rmSync(runDir, { recursive: true, force: true }));
      handles.pg = await startEmbeddedPostgres({
        dataDir: path.join(handles.runDir, 'data'),
        port: 0,
        persistent: false,
        database: 'postgres', // exists already; tests clone baton_template
      });
      adminUrl = handles.pg.adminUrl;
    }

    // Redis can start while the template is being migrated.
    redisReady = process.env.TEST_REDIS_URL
      ? Promise.resolve(process.env.TEST_REDIS_URL)
      : import('../lib/redis-server.mjs')
          .then(({ startRedisServer }) =>
            startRedisServer({ pidFile: handles.runDir && path.join(handles.runDir, 'redis.pid') }),
          )
          .then((redis) => {
            handles.redis = redis;
            return redis.url;
          });
    redisReady.catch(() => undefined); // awaited below; avoid an unhandled rejection meanwhile

    const tm = Date.now();
    const template = TEMPLATE_DB;
    await withClient(adminUrl, async (c) => {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount) {
        await c.query(`ALTER DATABASE ${template} IS_TEMPLATE false`);
        await c.query(`DROP DATABASE ${template} WITH (FORCE)`);
      }
      await c.query(`CREATE DATABASE ${template}`);
    });
    const applied = await migrateDatabase(urlForDb(adminUrl, template), { appPassword: APP_PASSWORD });
    // A template must have no sessions while it is cloned; forbid new ones and wait for the migrator's to go away.
    await withClient(adminUrl, async (c) => {
      await c.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      for (let i = 0; ; i++) {
        const { rows } = await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [
          template,
        ]);
        if (Number(rows[0].n) === 0) {
          break;
        }
        if (i >= 100) {
          throw new Error(`${template} still has ${rows[0].n} session(s) after migrating`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    log(
      `${template} migrated (${applied.length} migration(s): ${applied.join(', ') || 'none'}) in ${((Date.now() - tm) / 1000).toFixed(2)}s`,
    );

    const redisUrl = await redisReady;
    process.env.BATON_TEST_PG_ADMIN_URL = adminUrl;
    process.env.BATON_TEST_TEMPLATE_DB = template;
    process.env.BATON_TEST_APP_PASSWORD = APP_PASSWORD;
    process.env.BATON_TEST_REDIS_URL = redisUrl;
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(2)}s`);
  } catch (err) {
    // Jest does not run the global teardown when the setup fails: stop what was started.
    await redisReady?.catch(() => undefined);
    await handles.redis?.stop().catch(() => undefined);
    await handles.pg?.stop().catch(() => undefined);
    if (handles.runDir) {
      fs.rmSync(handles.runDir, { recursive: true, force: true });
    }
    globalThis.__BATON_TEST__ = undefined;
    throw err;
  }
}
