import 'reflect-metadata';
import { loadConfig } from '@baton/api/core';
import { migrateDatabase } from '@baton/api/migrations';

/** `npm run migrate`: applies pending migrations as the owner role (DATABASE_URL) and ensures the app role. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await migrateDatabase(config.DATABASE_URL, { appPassword: config.DATABASE_APP_PASSWORD });
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
