import 'reflect-metadata';
import { loadConfig } from '@baton/api/core';
import { createBatonApp } from './bootstrap';
import { preflight, prepareDatabase } from './preflight';

/**
 * Entry point. Configuration and connectivity are checked before Nest starts, so a bad DATABASE_URL or a missing
 * secret ends the process with one clear line instead of a stack trace.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await preflight(config);
  await prepareDatabase(config);
  const app = await createBatonApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  process.stdout.write(
    `[baton] ${config.BATON_ROLE} ready on ${url}` +
      (config.runsApi ? ` (GraphQL ${url}/graphql, dashboard ${url}/)` : '') +
      '\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
