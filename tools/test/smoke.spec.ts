// Smoke test of the test infrastructure (tools/test/global-setup.ts): the template database clones, the app role can
// log into the clone, and redis answers.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run through jest with tools/test/global-setup.ts`);
  }
  return value;
};

function withDb(url: string, db: string, user?: { name: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  if (user) {
    u.username = user.name;
    u.password = user.password;
  }
  return u.toString();
}

describe('test infrastructure', () => {
  const adminUrl = env('BATON_TEST_PG_ADMIN_URL');
  const template = env('BATON_TEST_TEMPLATE_DB');
  const db = `smoke_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db} TEMPLATE ${template}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  });

  it('clones the migrated template; superuser sees the schema', async () => {
    const c = new Client({ connectionString: withDb(adminUrl, db) });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT current_user AS u, to_regclass('public.hotel') IS NOT NULL AS hotel`);
      expect(rows[0]).toEqual({ u: new URL(adminUrl).username, hotel: true });
    } finally {
      await c.end();
    }
  });

  it('lets baton_app log into the clone with the test password', async () => {
    const url = withDb(adminUrl, db, { name: 'baton_app', password: env('BATON_TEST_APP_PASSWORD') });
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query(`SELECT current_user AS u, to_regclass('public.hotel') IS NOT NULL AS hotel`);
      expect(rows[0]).toEqual({ u: 'baton_app', hotel: true });
    } finally {
      await c.end();
    }
  });

  it('answers PING on BATON_TEST_REDIS_URL', async () => {
    const redis = new Redis(env('BATON_TEST_REDIS_URL'), { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    try {
      await expect(redis.ping()).resolves.toBe('PONG');
    } finally {
      redis.disconnect();
    }
  });
});
