import { createMigrationDataSource } from './data-source';
import { ensureAppRole } from './roles';

export interface MigrateOptions {
  appPassword: string;
}

/** Ensures the app role, then applies pending migrations as the owner. Returns the names applied in this run. */
export async function migrateDatabase(ownerUrl: string, options: MigrateOptions): Promise<string[]> {
  await ensureAppRole(ownerUrl, options.appPassword);
  const ds = createMigrationDataSource(ownerUrl);
  await ds.initialize();
  try {
    // Serialise concurrent migrators (two replicas starting at once) on one advisory lock.
    await ds.query('SELECT pg_advisory_lock(7411001)');
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock(7411001)');
    }
  } finally {
    await ds.destroy();
  }
}
