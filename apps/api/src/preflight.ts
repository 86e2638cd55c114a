import { Client } from 'pg';
import Redis from 'ioredis';
import { appDatabaseUrl, BatonConfig, ConfigError } from '@baton/api/core';
import { migrateDatabase } from '@baton/api/migrations';
import { seedDemo } from './seed/demo-seed';

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) {
    parsed.password = '***';
  }
  return parsed.toString();
}

async function checkPostgres(name: string, url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new ConfigError(
      `Configuration error: cannot connect to ${name} (${redact(url)}): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  // Without a listener ioredis prints "Unhandled error event" for every failed attempt; the error is reported below.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new ConfigError(
      `Configuration error: cannot connect to REDIS_URL (${redact(url)}): ${(error as Error).message}`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Fails fast, in one line, when a server named in the configuration does not answer. */
export async function preflight(config: BatonConfig): Promise<void> {
  await checkPostgres('DATABASE_URL', config.DATABASE_URL);
  if (config.REDIS_URL) {
    await checkRedis(config.REDIS_URL);
  }
}

/** Optional start-up steps for single-command setups (npm start): migrate, then seed the demo into an empty database. */
export async function prepareDatabase(config: BatonConfig): Promise<void> {
  if (config.BATON_MIGRATE_ON_START) {
    const applied = await migrateDatabase(config.DATABASE_URL, { appPassword: config.DATABASE_APP_PASSWORD });
    process.stdout.write(`[baton] migrations: ${applied.length ? applied.join(', ') : 'up to date'}\n`);
  }
  await checkPostgres('the app role (DATABASE_APP_URL)', appDatabaseUrl(config));
  if (config.BATON_SEED_DEMO) {
    const seeded = await seedDemo(config.DATABASE_URL, Date.now(), config.BATON_SECRETS_KEY);
    process.stdout.write(`[baton] demo data: ${seeded ? 'seeded' : 'already present'}\n`);
  }
}
