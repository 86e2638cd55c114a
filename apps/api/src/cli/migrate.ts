import 'reflect-metadata';
import { migrateDatabase } from '@baton/api/migrations';

/**
 * `npm run migrate`: applies pending migrations as the owner role (DATABASE_URL) and ensures the app role
 * (DATABASE_APP_PASSWORD). Needs nothing else of the API's configuration, so it can run as a one-shot job.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_URL ?? '';
  const appPassword = process.env.DATABASE_APP_PASSWORD ?? '';
  if (!/^postgres(ql)?:\/\/.+/.test(ownerUrl)) {
    throw new Error('Configuration error: DATABASE_URL must be a postgres:// URL (the owner role)');
  }
  if (appPassword.length < 8) {
    throw new Error('Configuration error: DATABASE_APP_PASSWORD must be at least 8 characters');
  }
  const applied = await migrateDatabase(ownerUrl, { appPassword });
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
