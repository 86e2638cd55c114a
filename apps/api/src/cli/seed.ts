import 'reflect-metadata';
import { seedDemo } from '../seed/demo-seed';

/** Seeds the demo agency, hotels and users when the database has no user yet (owner role, DATABASE_URL). */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\/.+/.test(ownerUrl)) {
    throw new Error('Configuration error: DATABASE_URL must be a postgres:// URL (the owner role)');
  }
  // Without the deployment's BATON_SECRETS_KEY the demo channel accounts are stored without their secrets.
  const secretsKey = process.env.BATON_SECRETS_KEY || undefined;
  if (!secretsKey) {
    process.stderr.write('BATON_SECRETS_KEY is not set: demo channel secrets are not stored\n');
  }
  const seeded = await seedDemo(ownerUrl, Date.now(), secretsKey);
  process.stdout.write(seeded ? 'demo seeded\n' : 'demo already present\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
