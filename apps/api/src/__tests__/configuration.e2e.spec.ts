import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createTestDatabase, freePort, TEST_JWT_SECRET, TEST_SECRETS_KEY, TestDatabase } from '@baton/api/testing';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = resolve(ROOT, 'dist/api/apps/api/src/main.js');

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout };
}

/** Bad configuration ends the process with exit 1 and one clear line — never a stack trace. */
describe('configuration errors (built API process)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const good = () => ({
    DATABASE_URL: db.ownerUrl,
    DATABASE_APP_PASSWORD: db.appPassword,
    JWT_SECRET: TEST_JWT_SECRET,
    BATON_SECRETS_KEY: TEST_SECRETS_KEY,
  });

  it.each([
    ['missing JWT_SECRET', { JWT_SECRET: '' }, /^Configuration error: JWT_SECRET must be at least 32 characters/],
    ['short JWT_SECRET', { JWT_SECRET: 'short' }, /^Configuration error: JWT_SECRET must be at least 32 characters$/],
    [
      'malformed DATABASE_URL',
      { DATABASE_URL: 'mysql://x' },
      /^Configuration error: DATABASE_URL must be a postgres:\/\/ URL/,
    ],
    ['bad BATON_ROLE', { BATON_ROLE: 'boss' }, /^Configuration error: BATON_ROLE must be one of the following values/],
    ['bad REDIS_URL scheme', { REDIS_URL: 'http://x' }, /^Configuration error: REDIS_URL must be a redis:\/\/ URL$/],
  ])('%s', (_name, override, expected) => {
    const env = { ...good(), ...override } as Record<string, string>;
    const { code, stderr } = start(env);
    expect(code).toBe(1);
    expect(stderr).toMatch(expected);
    expect(stderr.split('\n')).toHaveLength(1);
  });

  it('an unreachable database', async () => {
    const port = await freePort();
    const { code, stderr } = start({ ...good(), DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/baton` });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^Configuration error: cannot connect to DATABASE_URL \(postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/baton\): .*ECONNREFUSED/,
    );
    expect(stderr.split('\n')).toHaveLength(1);
  });

  it('an unreachable Redis', async () => {
    const port = await freePort();
    const { code, stderr } = start({ ...good(), REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Configuration error: cannot connect to REDIS_URL/);
    expect(stderr.split('\n')).toHaveLength(1);
  });

  it('a wrong app-role password', () => {
    const { code, stderr } = start({ ...good(), DATABASE_APP_PASSWORD: 'wrong-password' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Configuration error: cannot connect to the app role/);
  });
});
