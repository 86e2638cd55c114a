import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { deriveAppUrl } from '@baton/api/migrations';

/** A database of its own for one test file, cloned from the migrated template the global setup prepared. */
export interface TestDatabase {
  name: string;
  /** Superuser URL (plays the owner: runs seeds and factories). */
  ownerUrl: string;
  /** The app role (baton_app): NOSUPERUSER NOBYPASSRLS, owns nothing — what the API connects as. */
  appUrl: string;
  appPassword: string;
  drop(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the tests through jest with tools/test/global-setup.ts (npm test)`);
  }
  return value;
}

function withDatabase(url: string, db: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${db}`;
  return parsed.toString();
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = env('BATON_TEST_PG_ADMIN_URL');
  const template = env('BATON_TEST_TEMPLATE_DB');
  const appPassword = env('BATON_TEST_APP_PASSWORD');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const ownerUrl = withDatabase(adminUrl, name);
  return {
    name,
    ownerUrl,
    appUrl: deriveAppUrl(ownerUrl, appPassword),
    appPassword,
    drop: () =>
      withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
