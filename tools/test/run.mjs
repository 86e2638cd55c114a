#!/usr/bin/env node
// `npm test` (and CI, via .ci/run): the whole verification pipeline, stage by stage, stopping at the first failure.
//
//   npm test                                    deps → lint → typecheck → build → jest
//   npm test -- --testPathPatterns tenancy      same, extra arguments go to jest
//   BATON_TEST_FAST=1 npm test -- tenancy       deps → jest only (skips lint, typecheck and build; the e2e and
//                                               browser tests then use whatever dist/ already holds)
//
// Stages:
//   1 deps       redis-server and chromium on PATH (apt-get installs them when missing and root; tools/lib/system-deps.mjs)
//   2 lint       eslint . --max-warnings=0; prettier --check .
//   3 typecheck  tsc -p tsconfig.json --noEmit; vue-tsc -p apps/dashboard/tsconfig.json --noEmit
//   4 build      node tools/build/build.mjs all   (e2e tests spawn dist/api; the browser test needs dist/dashboard)
//   5 jest       jest --json --outputFile tmp/jest-results-<pid>.json [--ci when CI is set] <extra args>
// Each stage prints a header and its duration. The very last line is always `N passed, N failed` (tests counted by
// jest; a suite that failed to run counts as one failed test; 0 passed, 0 failed when jest did not run). The exit
// code is that of the first failing stage (non-zero), else 0. No watch mode, no colours needed (CI=true friendly).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCommand } from '../lib/system-deps.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (pkgPath) => path.join(ROOT, 'node_modules', pkgPath);
const fast = process.env.BATON_TEST_FAST === '1' || process.env.BATON_TEST_FAST === 'true';
const jestArgs = process.argv.slice(2);
const resultsFile = path.join(ROOT, 'tmp', `jest-results-${process.pid}.json`);
const secs = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)}s`;
const out = (line) => process.stdout.write(`${line}\n`);

let current = null; // running child, to forward signals to
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) {
      current.kill(signal);
    } else {
      process.exit(130);
    }
  });
}

/** Runs a command from the repo root with inherited stdio; resolves to its exit code. */
function exec(cmd, args, env = {}) {
  const shown = (a) => (a === process.execPath ? 'node' : a.startsWith(`${ROOT}/`) ? path.relative(ROOT, a) : a);
  out(`$ ${[cmd, ...args].map(shown).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    current = child;
    child.once('error', (err) => {
      process.stderr.write(`[baton] cannot run ${cmd}: ${err.message}\n`);
      current = null;
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 + 2 : 1));
    });
  });
}

const node = (script, args) => exec(process.execPath, [script, ...args]);

const stages = [
  {
    name: 'deps',
    title: 'system dependencies (redis-server, chromium)',
    async run() {
      try {
        const redis = await ensureCommand('redis-server', 'redis-server');
        const chromium = await ensureCommand('chromium', 'chromium');
        out(`redis-server: ${redis}\nchromium: ${chromium}`);
        return 0;
      } catch (err) {
        process.stderr.write(`[baton] ${err.message}\n`);
        return 1;
      }
    },
  },
  {
    name: 'lint',
    title: 'lint (eslint . --max-warnings=0; prettier --check .)',
    skip: fast,
    async run() {
      const eslint = await node(bin('eslint/bin/eslint.js'), ['.', '--max-warnings=0']);
      if (eslint !== 0) {
        return eslint;
      }
      return node(bin('prettier/bin/prettier.cjs'), ['--check', '--log-level', 'warn', '.']);
    },
  },
  {
    name: 'typecheck',
    title: 'type-check (tsc, vue-tsc)',
    skip: fast,
    async run() {
      const api = await node(bin('typescript/bin/tsc'), ['-p', 'tsconfig.json', '--noEmit']);
      if (api !== 0) {
        return api;
      }
      return node(bin('vue-tsc/bin/vue-tsc.js'), ['-p', 'apps/dashboard/tsconfig.json', '--noEmit']);
    },
  },
  {
    name: 'build',
    title: 'build (api + dashboard)',
    skip: fast,
    run: () => node(path.join(ROOT, 'tools/build/build.mjs'), ['all']),
  },
  {
    name: 'jest',
    title: `jest${jestArgs.length ? ` ${jestArgs.join(' ')}` : ''}`,
    run() {
      fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
      fs.rmSync(resultsFile, { force: true });
      const ci = process.env.CI && process.env.CI !== 'false' ? ['--ci'] : [];
      return node(bin('jest/bin/jest.js'), ['--json', '--outputFile', resultsFile, ...ci, ...jestArgs]);
    },
  },
];

/** { passed, failed } from jest's --json output; null when jest wrote none. */
function readJestCounts() {
  let r;
  try {
    r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return null;
  } finally {
    fs.rmSync(resultsFile, { force: true });
  }
  // A suite that could not run (syntax error, failing beforeAll import...) has no assertion results: count it once.
  const brokenSuites = (r.testResults ?? []).filter(
    (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  return { passed: r.numPassedTests ?? 0, failed: (r.numFailedTests ?? 0) + brokenSuites };
}

async function main() {
  const t0 = performance.now();
  const active = stages.filter((s) => !s.skip);
  if (fast) {
    out(
      `[baton] BATON_TEST_FAST=1: skipping ${stages
        .filter((s) => s.skip)
        .map((s) => s.name)
        .join(', ')}`,
    );
  }
  let exitCode = 0;
  let counts = null;
  for (const [i, stage] of active.entries()) {
    const ts = performance.now();
    out(`\n==> [${i + 1}/${active.length}] ${stage.title}`);
    const code = await stage.run();
    if (stage.name === 'jest') {
      counts = readJestCounts();
    }
    if (code !== 0) {
      out(`<== ${stage.name} FAILED (exit ${code}) after ${secs(ts)}`);
      out(`\n[baton] npm test failed at stage "${stage.name}" after ${secs(t0)}`);
      exitCode = code;
      break;
    }
    out(`<== ${stage.name} ok (${secs(ts)})`);
  }
  if (exitCode === 0) {
    out(`\n[baton] npm test ok in ${secs(t0)}`);
  }
  out(`${counts?.passed ?? 0} passed, ${counts?.failed ?? 0} failed`);
  process.exitCode = exitCode;
}

main().catch((err) => {
  process.stderr.write(`[baton] tools/test/run.mjs crashed: ${err?.stack ?? err}\n`);
  out('0 passed, 0 failed');
  process.exitCode = 1;
});
