import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_PASSWORD } from './world';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = resolve(ROOT, 'dist/api/apps/api/src/main.js');

export interface GqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; details?: Record<string, unknown> } }>;
}

export interface TestApi {
  url: string;
  wsUrl: string;
  db: TestDatabase;
  process: ChildProcess;
  /** Everything the process printed (stdout + stderr), for assertions on logs and for debugging failures. */
  output(): string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  login(email: string, password?: string): Promise<string>;
  /** SIGTERM and wait for exit; drops the database unless `keepDb`. */
  close(options?: { keepDb?: boolean }): Promise<void>;
}

export interface StartTestApiOptions {
  db?: TestDatabase;
  redisUrl?: string | null;
  role?: 'api' | 'worker' | 'all';
  env?: Record<string, string>;
  /** Serve the built dashboard (browser tests). */
  dashboard?: boolean;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let built = false;
/** Incremental swc build (well under a second when nothing changed) so tests always run the current code. */
function ensureBuilt(): void {
  if (!built) {
    execFileSync(process.execPath, [resolve(ROOT, 'tools/build/build.mjs'), 'api'], { cwd: ROOT, stdio: 'ignore' });
    built = true;
  }
  if (!existsSync(MAIN)) {
    throw new Error(`${MAIN} is missing after the build`);
  }
}

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEST_SECRETS_KEY = 'test-secrets-key-test-secrets-key-0123456789';

export function testEnv(db: TestDatabase, port: number, options: StartTestApiOptions = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    DATABASE_APP_PASSWORD: db.appPassword,
    DATABASE_POOL_SIZE: '4',
    JWT_SECRET: TEST_JWT_SECRET,
    BATON_SECRETS_KEY: TEST_SECRETS_KEY,
    LOG_LEVEL: 'warn',
    BATON_ROLE: options.role ?? 'api',
    DASHBOARD_DIR: options.dashboard ? resolve(ROOT, 'dist/dashboard') : resolve(ROOT, 'tmp/no-dashboard'),
    SHUTDOWN_GRACE_MS: '2000',
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
}

/** Runs the built API as a real process (HTTP + WebSocket) on a database of its own. */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  ensureBuilt();
  const db = options.db ?? (await createTestDatabase());
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: testEnv(db, port, options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`API did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('ready on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`API exited with ${code} before it was ready:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const gql = async <T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    db,
    process: child,
    output: () => output,
    gql,
    async login(email, password = TEST_PASSWORD) {
      const result = await gql<{ login: { accessToken: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: email, p: password },
      );
      if (!result.data?.login) {
        throw new Error(`login ${email} failed: ${JSON.stringify(result.errors)}`);
      }
      return result.data.login.accessToken;
    },
    async close({ keepDb = false } = {}) {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepDb && !options.db) {
        await db.drop();
      }
    },
  };
}
