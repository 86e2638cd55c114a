#!/usr/bin/env node
// Build: node tools/build/build.mjs [api|dashboard|all] [--clean]      (default: all)
//
// api        swc-compiles apps/api/src, libs/api/**/src and libs/shared/**/src (without *.spec.ts / *.test.ts /
//            *.e2e-spec.ts, __tests__/ and e2e/) to dist/api/<same path>.js: CommonJS, ES2022, legacy decorators with
//            metadata, class names kept, source maps (.js.map). `@baton/*` aliases of tsconfig.base.json are rewritten
//            to relative paths, so `node dist/api/apps/api/src/main.js` needs no path hooks. Other files in those src/
//            folders (json, graphql, sql...) are copied. Incremental: a file is skipped when its output is newer than
//            its source; outputs whose source is gone are deleted; changing swc/options/this script rebuilds all.
//            --clean deletes dist/api first.
// dashboard  vite build --config apps/dashboard/vite.config.mts (the config writes dist/dashboard).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const { ROOT, swcOptions } = require('../lib/swc-config.cjs');

const OUT = path.join(ROOT, 'dist', 'api');
const STAMP = path.join(OUT, '.build-stamp.json');
const log = (msg) => process.stdout.write(`[baton] build ${msg}\n`);
const secs = (t0) => `${((performance.now() - t0) / 1000).toFixed(2)}s`;

const SKIP_DIRS = new Set(['node_modules', '__tests__', 'e2e', '__snapshots__', '__fixtures__']);
const isSkippedFile = (name) =>
  /\.(spec|test|e2e-spec)\.ts$/.test(name) || name.endsWith('.d.ts') || name === '.DS_Store';

/** Top-level `src` folders: apps/api/src, libs/api/**\/src, libs/shared/**\/src. */
function sourceRoots() {
  const roots = [];
  const apiApp = path.join(ROOT, 'apps/api/src');
  if (fs.existsSync(apiApp)) {
    roots.push(apiApp);
  }
  const findSrc = (dir) => {
    if (!fs.existsSync(dir)) {
      return;
    }
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || SKIP_DIRS.has(e.name) || e.name.startsWith('.')) {
        continue;
      }
      const p = path.join(dir, e.name);
      if (e.name === 'src') {
        roots.push(p);
      } else {
        findSrc(p);
      }
    }
  };
  findSrc(path.join(ROOT, 'libs/api'));
  findSrc(path.join(ROOT, 'libs/shared'));
  return roots;
}

function walk(dir, files = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) {
        walk(p, files);
      }
    } else if (e.isFile() && !isSkippedFile(e.name)) {
      files.push(p);
    }
  }
  return files;
}

const mtime = (p) => {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return -1;
  }
};

async function pool(items, limit, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item);
    }
  });
  await Promise.all(workers);
}

async function buildApi({ clean }) {
  const t0 = performance.now();
  const options = swcOptions({ root: ROOT, sourceMaps: true });
  const stamp = JSON.stringify({
    swc: swc.version,
    options: createHash('sha1').update(JSON.stringify(options)).digest('hex'),
    script: createHash('sha1')
      .update(fs.readFileSync(fileURLToPath(import.meta.url)))
      .update(fs.readFileSync(require.resolve('../lib/swc-config.cjs')))
      .digest('hex'),
  });
  let previous = null;
  try {
    previous = fs.readFileSync(STAMP, 'utf8');
  } catch {
    /* first build */
  }
  if (clean || (previous !== null && previous !== stamp)) {
    if (!clean) {
      log('api: compiler, options or build script changed; rebuilding everything');
    }
    fs.rmSync(OUT, { recursive: true, force: true });
  }
  fs.mkdirSync(OUT, { recursive: true });
  // Keep CommonJS semantics even if the root package.json ever switches to "type": "module".
  fs.writeFileSync(path.join(OUT, 'package.json'), '{ "type": "commonjs" }\n');

  const roots = sourceRoots();
  const sources = roots.flatMap((r) => walk(r));
  const expected = new Set([path.join(OUT, 'package.json'), STAMP]);
  const jobs = [];
  for (const src of sources) {
    const rel = path.relative(ROOT, src);
    if (src.endsWith('.ts')) {
      const out = path.join(OUT, rel.replace(/\.ts$/, '.js'));
      expected.add(out).add(`${out}.map`);
      if (mtime(out) >= mtime(src) && mtime(`${out}.map`) >= 0) {
        continue;
      }
      jobs.push({ kind: 'ts', src, out });
    } else {
      const out = path.join(OUT, rel);
      expected.add(out);
      if (mtime(out) >= mtime(src)) {
        continue;
      }
      jobs.push({ kind: 'copy', src, out });
    }
  }

  const errors = [];
  let compiled = 0;
  let copied = 0;
  await pool(jobs, 16, async ({ kind, src, out }) => {
    await fs.promises.mkdir(path.dirname(out), { recursive: true });
    if (kind === 'copy') {
      await fs.promises.copyFile(src, out);
      copied++;
      return;
    }
    try {
      const result = await swc.transformFile(src, {
        ...options,
        filename: src,
        sourceFileName: path.relative(path.dirname(out), src).split(path.sep).join('/'),
      });
      const mapName = `${path.basename(out)}.map`;
      await Promise.all([
        fs.promises.writeFile(out, `${result.code}\n//# sourceMappingURL=${mapName}\n`),
        fs.promises.writeFile(`${out}.map`, result.map ?? '{}'),
      ]);
      compiled++;
    } catch (err) {
      const message = String(err?.message ?? err).split(/\n\s*(?:Caused by:|Stack backtrace:)/)[0];
      errors.push(`${path.relative(ROOT, src)}: ${message.trim()}`);
    }
  });

  // Remove outputs whose source is gone (renamed/deleted files, newly skipped specs).
  let removed = 0;
  const prune = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        prune(p);
        if (fs.readdirSync(p).length === 0) {
          fs.rmdirSync(p);
        }
      } else if (!expected.has(p)) {
        fs.rmSync(p, { force: true });
        removed++;
      }
    }
  };
  prune(OUT);

  if (errors.length) {
    for (const e of errors) {
      process.stderr.write(`${e}\n\n`);
    }
    throw new Error(`api: ${errors.length} file(s) failed to compile`);
  }
  fs.writeFileSync(STAMP, stamp);
  const upToDate = sources.length - jobs.length;
  log(
    `api: ${compiled} compiled, ${copied} copied, ${upToDate} up to date, ${removed} removed ` +
      `(${roots.length} source roots) -> ${path.relative(ROOT, OUT)} in ${secs(t0)}`,
  );
}

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `${args.map((a) => (a.startsWith(ROOT) ? path.relative(ROOT, a) : a)).join(' ')} failed (${signal ?? `exit ${code}`})`,
            ),
          ),
    );
  });
}

async function buildDashboard() {
  const t0 = performance.now();
  const config = 'apps/dashboard/vite.config.mts';
  if (!fs.existsSync(path.join(ROOT, config))) {
    throw new Error(`dashboard: ${config} does not exist`);
  }
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js');
  await run(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn']);
  log(`dashboard: vite build -> dist/dashboard in ${secs(t0)}`);
}

async function main() {
  const args = process.argv.slice(2);
  const clean = args.includes('--clean');
  const targets = args.filter((a) => !a.startsWith('--'));
  const unknownFlags = args.filter((a) => a.startsWith('--') && a !== '--clean');
  const target = targets[0] ?? 'all';
  if (targets.length > 1 || unknownFlags.length || !['api', 'dashboard', 'all'].includes(target)) {
    throw new Error('usage: node tools/build/build.mjs [api|dashboard|all] [--clean]');
  }
  const t0 = performance.now();
  if (target === 'api' || target === 'all') {
    await buildApi({ clean });
  }
  if (target === 'dashboard' || target === 'all') {
    await buildDashboard();
  }
  if (target === 'all') {
    log(`all: done in ${secs(t0)}`);
  }
}

main().catch((err) => {
  process.stderr.write(`[baton] build failed: ${err?.message ?? err}\n`);
  process.exit(1);
});
