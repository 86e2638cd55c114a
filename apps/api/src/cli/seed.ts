import 'reflect-metadata';
import { loadConfig } from '@baton/api/core';
import { seedDemo } from '../seed/demo-seed';

/** Seeds the demo agency, hotels and users when the database has none. */
async function main(): Promise<void> {
  const config = loadConfig();
  const seeded = await seedDemo(config.DATABASE_URL);
  process.stdout.write(seeded ? 'demo seeded\n' : 'demo already present\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
