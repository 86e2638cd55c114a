// The system under test, started the way `npm start` does it: embedded Postgres on this machine, the API built with
// tools/build and run as one process (BATON_ROLE=all: HTTP + the inbound worker), migrated and seeded on start.
// Differences from `npm start`, on purpose: a throwaway cluster in tmp/ (deleted on stop), free ports, LOG_LEVEL=warn,
// no dashboard build. `fast: true` turns fsync/synchronous_commit off (as the test clusters run); the default keeps
// Postgres durable like `npm start`. `separateWorker: true` runs the worker as a second process (BATON_ROLE=api +
// BATON_ROLE=worker, as docker/compose.yml does), each with its own connection pool, on the same machine;
// `deferWorker: true` starts that worker only when asked (startWorker()), so the webhook path can be measured alone.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres.mjs';
import { getFreePort } from '../../lib/free-port.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const say = (line) => process.stderr.write(`[bench] ${line}\n`);

/** Builds the API (incremental swc build, as `npm start` does). */
export function buildApi() {
  execFileSync(process.execPath, [path.join(ROOT, 'tools/build/build.mjs'), 'api'], { cwd: ROOT, stdio: 'inherit' });
}

/** Starts dist/api/apps/api/src/main.js with `env` and resolves once /health/ready answers 200. */
async function startBaton(env, label, nodeArgs = []) {
  const output = [];
  const keep = (chunk) => {
    output.push(...String(chunk).split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 60));
  };
  const child = spawn(process.execPath, [...nodeArgs, 'dist/api/apps/api/src/main.js'], {
    cwd: ROOT,
    env,
    stdio: 'pipe',
  });
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
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
        `the ${label} exited (${exited.signal ?? exited.code}) before it was ready:\n  ${output.join('\n  ')}`,
      );
    }
    if (Date.now() - t0 > 180_000) {
      await proc.stop();
      throw new Error(`the ${label} was not ready within 180 s:\n  ${output.join('\n  ')}`);
    }
    const ready = await fetch(`${proc.url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) {
      say(`${label} ready on ${proc.url} (pid ${child.pid}, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      return proc;
    }
    await sleep(250);
  }
}

/**
 * @param {{ fast?: boolean, separateWorker?: boolean, deferWorker?: boolean, env?: Record<string, string>,
 *           nodeArgs?: string[] }} [options]  nodeArgs: extra node flags for the API process (e.g. --cpu-prof)
 */
export async function startStack({
  fast = false,
  separateWorker = false,
  deferWorker = false,
  env: extraEnv = {},
  nodeArgs = [],
} = {}) {
  buildApi();
  const { deriveAppUrl } = require(path.join(ROOT, 'dist/api/libs/api/migrations/src/index.js'));
  const runDir = path.join(ROOT, 'tmp', `bench-ingest-${process.pid}`); // the postgres user can traverse tmp/
  const pg = await startEmbeddedPostgres({ dataDir: path.join(runDir, 'data'), port: 0, persistent: false, fast });
  const appPassword = `bench_${randomBytes(12).toString('hex')}`;
  const env = {
    ...process.env,
    DATABASE_URL: pg.adminUrl,
    DATABASE_APP_PASSWORD: appPassword,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    BATON_SECRETS_KEY: randomBytes(32).toString('base64url'),
    BATON_MIGRATE_ON_START: 'true',
    BATON_SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    BATON_ROLE: separateWorker ? 'api' : 'all',
    ...extraEnv,
  };
  delete env.REDIS_URL; // npm start without REDIS_URL: in-process pub/sub
  delete env.DATABASE_APP_URL;

  const procs = [];
  const stopBaton = async () => {
    for (const proc of [...procs].reverse()) {
      await proc.stop(); // idempotent
    }
  };
  const stop = async () => {
    await stopBaton();
    await pg.stop();
    fs.rmSync(runDir, { recursive: true, force: true });
  };
  try {
    procs.push(
      await startBaton({ ...env, PORT: String(await getFreePort()) }, `API (BATON_ROLE=${env.BATON_ROLE})`, nodeArgs),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const [api] = procs;
  let worker = null;
  // Migrated and seeded by the API already. Without Redis no nudge crosses processes: the worker finds new events by
  // its sweep (INTAKE_SWEEP_MS) and then drains each hotel while work is left.
  const startWorker = async () => {
    if (!worker?.alive()) {
      const workerEnv = { ...env, BATON_ROLE: 'worker', BATON_MIGRATE_ON_START: 'false', BATON_SEED_DEMO: 'false' };
      worker = await startBaton({ ...workerEnv, PORT: String(await getFreePort()) }, 'worker (BATON_ROLE=worker)');
      procs.push(worker);
    }
  };
  if (separateWorker && !deferWorker) {
    try {
      await startWorker();
    } catch (error) {
      await stop();
      throw error;
    }
  }
  return {
    baseUrl: api.url,
    ownerUrl: pg.adminUrl,
    appUrl: deriveAppUrl(pg.adminUrl, appPassword),
    appPassword,
    pgPort: pg.port,
    pgPid: pg.pid,
    apiPid: api.pid,
    get workerPid() {
      return worker?.pid ?? null;
    },
    /** Starts the separate worker process (with `deferWorker`: after the load, to measure each side alone). */
    startWorker,
    async stopWorker() {
      await worker?.stop();
      procs.splice(procs.indexOf(worker), 1);
      worker = null;
    },
    role: env.BATON_ROLE,
    /** Postgres pool per process (BatonConfig DATABASE_POOL_SIZE, default 10): the DB concurrency behind the load. */
    poolSize: Number(env.DATABASE_POOL_SIZE ?? 10),
    apiOutput: () => procs.flatMap((p) => p.output()),
    apiAlive: () => procs.every((p) => p.alive()),
    /** Stops the Baton process(es), keeps Postgres (the baseline runs without the worker around). */
    stopApi: stopBaton,
    stop,
  };
}
