#!/usr/bin/env node
// Benchmark: signed WhatsApp webhooks against an `npm start`-style Baton (one API process with its inbound worker,
// embedded Postgres on the same machine), with exact redeliveries, compared with the same SQL run bare in the same run.
//
//   npm run bench:ingest -- [--duration 60] [--connections 64] [--redeliveries 0.1] [--senders 1000]
//                           [--baseline-seconds 20] [--drain-timeout 900] [--fast] [--profile] [--cpu-prof]
//                           [--separate-worker | --worker-after-load] [--env KEY=VALUE …]
//                           [--out tmp/bench-ingest.json]
//
//   1. start embedded Postgres (durable like npm start; --fast: fsync off) and the built API (migrate + demo seed)
//   2. warm-up: 3 s of the same load (JIT, channel-route cache, pool), drained and excluded from every figure
//   3. load: `connections` keep-alive connections send single-message webhooks for `duration` s over the three demo
//      hotels' phone_number_ids and `senders` senders per hotel; `redeliveries` of the requests resend earlier bytes
//   4. drain: wait until the worker has turned every event into a case message; processing rate from the rows' own
//      receipt and processing times
//   5. exactly-once checks: one event and one case message per acknowledged message id, one guest and one case per
//      sender, no provider id stored twice, no guest with two open cases
//   6. baseline: the API stopped (its worker would process the baseline's rows), the webhook's SQL per request run by
//      pgbench as the app role at the API's pool size and at the HTTP concurrency; ratio = webhooks/s ÷ the better one
// --profile samples pg_stat_activity during the load and the drain and prints the busiest statements; --cpu-prof
// writes a V8 CPU profile of the API process to tmp/bench-ingest-prof/ (open it in Chrome DevTools).
// Diagnostics (not `npm start`): --separate-worker runs the worker as its own process (BATON_ROLE=api + worker, as in
// docker/compose.yml); --worker-after-load starts that worker only after the load, so the acknowledgement path and the
// processing are each measured alone; --env passes settings to Baton (e.g. --env DATABASE_POOL_SIZE=20).
// Prints a markdown table, writes the figures as JSON; exits 1 when a check fails or a request was not answered 2xx.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNTS, HOTEL_CODES } from '../../traffic/samples.mjs';
import { runBaseline } from './baseline.mjs';
import { assertAccounts, openOwner, processedBetween, snapshot, verify, waitForDrain } from './checks.mjs';
import { cpuSnapshot, cpuUsage, formatCpu } from './cpu.mjs';
import { runLoad } from './load.mjs';
import { startQuerySampler } from './profile.mjs';
import { ROOT, startStack } from './stack.mjs';

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '64' },
    redeliveries: { type: 'string', default: '0.1' },
    senders: { type: 'string', default: '1000' },
    'baseline-seconds': { type: 'string', default: '20' },
    'drain-timeout': { type: 'string', default: '900' },
    fast: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    'separate-worker': { type: 'boolean', default: false },
    'worker-after-load': { type: 'boolean', default: false },
    env: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: 'tmp/bench-ingest.json' },
  },
});
const DURATION = Number(opts.duration);
const CONNECTIONS = Number(opts.connections);
const REDELIVERIES = Number(opts.redeliveries);
const SENDERS = Number(opts.senders);
const BASELINE_SECONDS = Number(opts['baseline-seconds']);
const say = (line) => process.stderr.write(`[bench] ${line}\n`);
const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';

const accounts = HOTEL_CODES.map((code) => DEMO_ACCOUNTS[code]);
const extraEnv = Object.fromEntries(
  opts.env.map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) {
      throw new Error(`--env expects KEY=VALUE, got ${pair}`);
    }
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);
const deferWorker = opts['worker-after-load'];
const stack = await startStack({
  fast: opts.fast,
  separateWorker: opts['separate-worker'] || deferWorker,
  deferWorker,
  env: extraEnv,
  nodeArgs: opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'tmp/bench-ingest-prof')}`] : [],
});
let owner = null;
let exitCode = 0;
try {
  owner = await openOwner(stack.ownerUrl);
  await assertAccounts(
    owner,
    accounts.map((a) => a.whatsapp.phoneNumberId),
  );
  const { rows: targetRows } = await owner.query(
    `SELECT tenant_id, id, external_id FROM channel_account WHERE provider = 'whatsapp' AND external_id = ANY($1)`,
    [accounts.map((a) => a.whatsapp.phoneNumberId)],
  );
  const targets = accounts.map((account) => {
    const row = targetRows.find((r) => r.external_id === account.whatsapp.phoneNumberId);
    return { hotelId: row.tenant_id, accountId: row.id, account };
  });
  const load = (phase, seconds, onTick) =>
    runLoad({
      baseUrl: stack.baseUrl,
      accounts,
      connections: CONNECTIONS,
      seconds,
      redeliveryRate: REDELIVERIES,
      sendersPerHotel: SENDERS,
      phase,
      onTick,
    });

  say('warm-up: 3 s of load, then drain');
  if (deferWorker) {
    await stack.startWorker(); // drains the warm-up, then stops until the load is over
  }
  const warm = await load(0, 3);
  await waitForDrain(owner, { since: warm.startedAt, timeoutSeconds: 300 });
  if (deferWorker) {
    await stack.stopWorker();
  }

  const before = await snapshot(owner);
  say(
    `load: ${DURATION} s, ${CONNECTIONS} connections, ${REDELIVERIES * 100} % redeliveries, ${SENDERS} senders/hotel`,
  );
  const sampler = opts.profile ? await startQuerySampler(stack.ownerUrl) : null;
  const cpu0 = cpuSnapshot(stack);
  const result = await load(1, DURATION, (t) =>
    say(`  ${fmt(t.elapsed)} s: ${fmt(t.requests)} requests (${fmt(t.requests / t.elapsed)}/s)`),
  );
  const cpu1 = cpuSnapshot(stack);
  const loadProfile = await sampler?.stop();
  const drainSampler = opts.profile ? await startQuerySampler(stack.ownerUrl) : null;
  const loadEnded = new Date();
  if (deferWorker) {
    await stack.startWorker();
  }
  const processedDuringLoad = await processedBetween(owner, result.startedAt, loadEnded);
  say(`drain: waiting for the worker (${fmt(result.ackedIds - processedDuringLoad)} events pending)`);
  const drain = await waitForDrain(owner, {
    since: result.startedAt,
    timeoutSeconds: Number(opts['drain-timeout']),
    onProgress: (p, s) => {
      if (Math.round(s) % 10 === 0) {
        say(`  ${fmt(s)} s: ${fmt(p.pending)} pending`);
      }
    },
  });
  const cpu2 = cpuSnapshot(stack);
  const drainProfile = await drainSampler?.stop();
  const after = await snapshot(owner);
  const verification = await verify(owner, { before, after, load: result });
  const apiOk = stack.apiAlive();

  say('baseline: API stopped; pgbench runs the webhook SQL on the same Postgres');
  await stack.stopApi();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
  const baselines = [];
  for (const clients of [...new Set([stack.poolSize, CONNECTIONS])]) {
    const c0 = cpuSnapshot(stack);
    const b = await runBaseline({ appUrl: stack.appUrl, targets, clients, seconds: BASELINE_SECONDS, workDir });
    baselines.push({ ...b, cpu: cpuUsage(c0, cpuSnapshot(stack)) });
  }
  fs.rmSync(workDir, { recursive: true, force: true });
  const best = baselines.reduce((a, b) => (b.tps > a.tps ? b : a));
  const ratio = result.ackedThroughput / best.tps;

  // ---- report ------------------------------------------------------------------------------------------------------
  const loadCpu = cpuUsage(cpu0, cpu1);
  const drainCpu = cpuUsage(cpu1, cpu2);
  const non2xx = Object.entries(result.statuses).filter(([s]) => !/^2\d\d$/.test(s));
  const checksPassed = verification.checks.every((c) => c.ok);
  const goals = {
    throughput: result.ackedThroughput >= 1500,
    p99: result.latencyMs.p99 < 50,
    // duplicates only: a check that fails because the worker did not drain in time is reported on its own line
    duplicates:
      verification.duplicateCases === 0 &&
      verification.samples.duplicateMessageIds.length === 0 &&
      verification.samples.openDuplicates.length === 0,
    ratio: ratio >= 0.5,
  };
  const mark = (ok) => (ok ? '✅' : '❌');
  const lines = [
    `### Ingest: ${fmt(DURATION)} s, ${CONNECTIONS} connections, ${REDELIVERIES * 100} % redeliveries ` +
      `(${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}; ` +
      `${deferWorker ? 'API, then a worker process after the load' : stack.workerPid ? 'API + separate worker process' : 'one process, BATON_ROLE=all'}, pool ${stack.poolSize}` +
      `${Object.keys(extraEnv).length ? `, ${opts.env.join(' ')}` : ''}; Postgres ${opts.fast ? 'fsync off' : 'durable'})`,
    '',
    '| measure | measured | goal |',
    '| --- | --- | --- |',
    `| webhooks acknowledged / s | ${fmt(result.ackedThroughput)} (${fmt(result.requests)} requests, ` +
      `${fmt(result.redeliveries)} redeliveries) | ≥ 1,500 ${mark(goals.throughput)} |`,
    `| acknowledgement p50 / p95 / p99 / max | ${fmt(result.latencyMs.p50, 1)} / ${fmt(result.latencyMs.p95, 1)} / ` +
      `${fmt(result.latencyMs.p99, 1)} / ${fmt(result.latencyMs.max, 1)} ms | p99 < 50 ms ${mark(goals.p99)} |`,
    `| HTTP statuses | ${Object.entries(result.statuses)
      .map(([s, n]) => `${s} × ${fmt(n)}`)
      .join(', ')} | all 2xx ${mark(non2xx.length === 0)} |`,
    ...baselines.map((b) => `| baseline: same SQL, ${b.tool}, ${b.clients} clients | ${fmt(b.tps)} transactions/s | |`),
    `| ratio webhooks / best baseline | ${fmt(ratio * 100)} % | ≥ 50 % ${mark(goals.ratio)} |`,
    `| processing (event → case message) | ${fmt(drain.eventsPerSecond)} events/s; ${fmt(processedDuringLoad)} of ` +
      `${fmt(result.ackedIds)} done during the load, drained ${fmt(drain.waitedSeconds)} s after it | |`,
    `| duplicate cases | ${fmt(verification.duplicateCases)} | 0 ${mark(goals.duplicates)} |`,
    `| CPU during load (cores) | ${formatCpu(loadCpu)} | |`,
    `| CPU while draining (cores) | ${formatCpu(drainCpu)} | |`,
    `| CPU during baseline (${best.clients} clients) | Postgres ${best.cpu.postgres.toFixed(2)} cores; box ` +
      `${(best.cpu.boxBusy * 100).toFixed(0)} % busy | |`,
    '',
    '| exactly-once check | actual | expected | |',
    '| --- | --- | --- | --- |',
    ...verification.checks.map((c) => `| ${c.name} | ${fmt(c.actual)} | ${fmt(c.expected)} | ${mark(c.ok)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!drain.drained) {
    process.stdout.write(
      `\nnot drained: ${drain.pending} events pending, ${drain.failing} failing after ${fmt(drain.waitedSeconds)} s\n`,
    );
  }
  for (const [status, text] of Object.entries(result.errorSamples)) {
    process.stdout.write(`answer ${status === '0' ? 'network error' : status}: ${text}\n`);
  }
  for (const f of verification.samples.failed) {
    process.stdout.write(`failed events (${f.n}): ${f.last_error}\n`);
  }
  for (const [phase, prof] of [
    ['load', loadProfile],
    ['drain', drainProfile],
  ]) {
    if (prof) {
      process.stdout.write(
        `\nPostgres during the ${phase}: ${prof.avgActive.toFixed(2)} active backends on average ` +
          `(${prof.samples} samples); waits: ${prof.waits.map((w) => `${w.wait} ${fmt(w.share * 100)} %`).join(', ')}\n`,
      );
      for (const q of prof.top) {
        process.stdout.write(`  ${fmt(q.share * 100).padStart(3)} %  ${q.query}\n`);
      }
    }
  }
  if (!apiOk) {
    process.stdout.write(`the API process died during the run:\n  ${stack.apiOutput().join('\n  ')}\n`);
  }

  const out = path.resolve(ROOT, opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model?.trim(),
          memoryMiB: Math.round(os.totalmem() / 2 ** 20),
          node: process.version,
          platform: `${os.type()} ${os.release()}`,
        },
        options: { ...opts, poolSize: stack.poolSize, role: stack.role, durablePostgres: !opts.fast },
        load: result,
        warmUp: { requests: warm.requests, seconds: warm.seconds },
        drain: { ...drain, processedDuringLoad },
        baselines,
        ratio,
        cpu: { load: loadCpu, drain: drainCpu },
        profile: { load: loadProfile ?? null, drain: drainProfile ?? null },
        verification,
        goals,
      },
      null,
      2,
    )}\n`,
  );
  say(`results written to ${path.relative(ROOT, out)}`);
  exitCode = checksPassed && non2xx.length === 0 && drain.drained && apiOk ? 0 : 1;
} catch (error) {
  process.stderr.write(`[bench] ${error.stack ?? error.message}\n`);
  exitCode = 1;
} finally {
  await owner?.end().catch(() => undefined);
  await stack.stop();
}
process.exit(exitCode);
