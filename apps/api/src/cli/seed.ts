import 'reflect-metadata';
import { seedDemo } from '../seed/demo-seed';

/** Seeds the demo agency, hotels and users when the database has no user yet (owner role, DATABASE_URL). */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\/.+/.test(ownerUrl)) {
    throw new Error('Configuration error: DATABASE_URL must be a postgres:// URL (the owner role)');
  }
  const seeded = await seedDemo(ownerUrl);
  process.stdout.write(seeded ? 'demo seeded\n' : 'demo already present\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
