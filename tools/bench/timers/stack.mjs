// The system under test for the timers benchmark: embedded Postgres on this machine, migrated, with `hotels` hotels,
// and N processes of the built API with BATON_ROLE=worker (the durable timer runner, the built-in `probe` handler).
// Postgres is durable (fsync on) unless `fsyncOff`; the cluster lives in tmp/ and is deleted on stop.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres.mjs';
import { getFreePort } from '../../lib/free-port.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => process.stderr.write(`[bench] ${line}\n`);

/** Starts dist/api/apps/api/src/main.js as a worker; resolves once /health/ready answers 200. */
async function startWorker(env, label) {
  const output = [];
  const keep = (chunk) => {
    output.push(...String(chunk).split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 60));
  };
  const child = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], { cwd: ROOT, env, stdio: 'pipe' });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const proc = {
    pid: child.pid,
    url: `http://127.0.0.1:${env.PORT}`,
    output: () => output.slice(),
    alive: () => !exited,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        for (let i = 0; i < 150 && !exited; i++) {
          await sleep(100);
        }
        if (!exited) {
          child.kill('SIGKILL');
        }
      }
    },
  };
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      throw new Error(
        `${label} exited (${exited.signal ?? exited.code}) before it was ready:\n  ${output.join('\n  ')}`,
      );
    }
    if (Date.now() - t0 > 120_000) {
      await proc.stop();
      throw new Error(`${label} was not ready within 120 s:\n  ${output.join('\n  ')}`);
    }
    if (
      await fetch(`${proc.url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      say(`${label} ready (pid ${child.pid}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      return proc;
    }
    await sleep(200);
  }
}

/**
 * @param {{ workers?: number, hotels?: number, fsyncOff?: boolean, env?: Record<string, string> }} options
 */
export async function startStack({ workers = 2, hotels = 20, fsyncOff = false, env: extraEnv = {} } = {}) {
  execFileSync(process.execPath, [path.join(ROOT, 'tools/build/build.mjs'), 'api'], { cwd: ROOT, stdio: 'inherit' });
  const { migrateDatabase, deriveAppUrl } = require(path.join(ROOT, 'dist/api/libs/api/migrations/src/index.js'));
  const runDir = path.join(ROOT, 'tmp', `bench-timers-${process.pid}`);
  const pgHandle = await startEmbeddedPostgres({
    dataDir: path.join(runDir, 'data'),
    port: 0,
    persistent: false,
    fast: fsyncOff,
  });
  const procs = [];
  const stopWorkers = async () => {
    for (const proc of procs) {
      await proc.stop();
    }
  };
  const stop = async () => {
    await stopWorkers();
    await pgHandle.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    const appPassword = `bench_${randomBytes(12).toString('hex')}`;
    await migrateDatabase(pgHandle.adminUrl, { appPassword });
    const owner = new pg.Client({ connectionString: pgHandle.adminUrl });
    await owner.connect();
    const hotelIds = (
      await owner.query(
        `INSERT INTO hotel (name, slug, code)
         SELECT 'Bench ' || i, 'bench-' || i, 'BT' || chr(65 + i / 26) || chr(65 + i % 26)
           FROM generate_series(0, $1::int - 1) i
         RETURNING id`,
        [hotels],
      )
    ).rows.map((r) => r.id);
    await owner.end();
    const env = {
      ...process.env,
      DATABASE_URL: pgHandle.adminUrl,
      DATABASE_APP_PASSWORD: appPassword,
      JWT_SECRET: randomBytes(32).toString('base64url'),
      BATON_SECRETS_KEY: randomBytes(32).toString('base64url'),
      BATON_ROLE: 'worker',
      BATON_MIGRATE_ON_START: 'false',
      BATON_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      ...extraEnv,
    };
    delete env.REDIS_URL;
    delete env.DATABASE_APP_URL;
    const started = await Promise.all(
      Array.from({ length: workers }, async (_, i) =>
        startWorker({ ...env, PORT: String(await getFreePort()) }, `worker ${i + 1} (BATON_ROLE=worker)`),
      ),
    );
    procs.push(...started);
    return {
      ownerUrl: pgHandle.adminUrl,
      appUrl: deriveAppUrl(pgHandle.adminUrl, appPassword),
      pgPid: pgHandle.pid,
      hotelIds,
      workers: procs,
      env,
      stopWorkers,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sum of a counter (all label sets matching `labels`) over the workers' /metrics. */
export async function workerCounter(workers, name, labels = {}) {
  let total = 0;
  for (const worker of workers) {
    const text = await fetch(`${worker.url}/metrics`).then(
      (r) => r.text(),
      () => '',
    );
    for (const line of text.split('\n')) {
      if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) {
        continue;
      }
      const matches = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
      if (matches) {
        total += Number(line.slice(line.lastIndexOf(' ') + 1));
      }
    }
  }
  return total;
}
