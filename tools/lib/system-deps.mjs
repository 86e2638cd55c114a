// System (apt) dependencies needed by tests and local runs: redis-server, chromium.
// ensureCommand() finds a command on PATH; when it is missing and we are root (CI containers, dev boxes), it installs
// the apt package; otherwise it throws one clear line saying how to install it.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

const log = (msg) => process.stderr.write(`[baton] ${msg}\n`);

/** Absolute path of an executable `name` on PATH (or `name` itself when it is a path), or null. */
export function findCommand(name) {
  const candidates = name.includes('/')
    ? [name]
    : (process.env.PATH || '/usr/local/bin:/usr/bin:/bin')
        .split(path.delimiter)
        .filter(Boolean)
        .concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin'])
        .map((dir) => path.join(dir, name));
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      if (statSync(file).isFile()) {
        return path.resolve(file);
      }
    } catch {
      /* not here */
    }
  }
  return null;
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      // apt chatter goes to stderr so that stdout stays readable (test stage headers, JSON output...).
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

// Wait for a concurrent apt/dpkg (another engineer, unattended-upgrades) instead of failing on its lock.
const APT_LOCK = ['-o', 'DPkg::Lock::Timeout=300'];
let aptUpdated = null; // one `apt-get update` per process
let aptQueue = Promise.resolve(); // apt cannot run twice at once: serialise installs of this process

/**
 * Makes sure `name` is runnable; installs `aptPackage` with apt-get when missing and running as root.
 * @returns {Promise<string>} the absolute path of the command
 */
export async function ensureCommand(name, aptPackage = name) {
  const found = findCommand(name);
  if (found) {
    return found;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !findCommand('apt-get')) {
    throw new Error(
      `${name} is not installed; install it first, e.g. \`sudo apt-get install -y --no-install-recommends ${aptPackage}\`` +
        ` (Debian/Ubuntu) or your OS package manager's equivalent, then rerun.`,
    );
  }
  const job = aptQueue.then(async () => {
    const again = findCommand(name);
    if (again) {
      return again;
    }
    const t0 = Date.now();
    log(`${name} not found; installing apt package ${aptPackage} (root)...`);
    aptUpdated ??= run('apt-get', [...APT_LOCK, '-q', 'update']).catch((err) => {
      aptUpdated = null;
      throw err;
    });
    await aptUpdated;
    await run('apt-get', [...APT_LOCK, '-q', 'install', '-y', '--no-install-recommends', aptPackage]);
    const installed = findCommand(name);
    if (!installed) {
      throw new Error(`apt package ${aptPackage} was installed but \`${name}\` is still not on PATH`);
    }
    log(`installed ${aptPackage} in ${((Date.now() - t0) / 1000).toFixed(1)}s (${installed})`);
    return installed;
  });
  aptQueue = job.catch(() => undefined);
  return job;
}
