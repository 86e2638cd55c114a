// Jest global teardown: stops the Postgres and redis-server started by tools/test/global-setup.ts (same process) and
// deletes tmp/test-pg-<pid>. With TEST_DATABASE_URL / TEST_REDIS_URL nothing was started and nothing is stopped.
import fs from 'node:fs';
import type { BatonTestHandles } from './global-setup'; // also brings the `__BATON_TEST__` global declaration

export default async function globalTeardown(): Promise<void> {
  const handles: BatonTestHandles | undefined = globalThis.__BATON_TEST__;
  if (!handles) {
    return;
  }
  globalThis.__BATON_TEST__ = undefined;
  const results = await Promise.allSettled([handles.redis?.stop(), handles.pg?.stop()]);
  if (handles.runDir) {
    fs.rmSync(handles.runDir, { recursive: true, force: true });
  }
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
}
