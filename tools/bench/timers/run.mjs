#!/usr/bin/env node
// Benchmark: durable timers fired by two real worker processes (the built API, BATON_ROLE=worker, built-in `probe`
// handler) on embedded Postgres on this machine, compared with a bare SKIP LOCKED dequeue in the same run.
//
//   npm run bench:timers -- [--spread 100000] [--spread-seconds 600] [--burst 10000] [--burst-at 30] [--backlog N]
//                           [--hotels 20] [--workers 2] [--fast] [--fsync-off] [--env KEY=VALUE …]
//                           [--out tmp/bench-timers.json]
//
//   --fast  a quick run: 10,000 timers over 60 s + 2,000 in the same second (instead of 100,000 over 600 s + 10,000)
//
//   1. start Postgres (durable unless --fsync-off), migrate, create `hotels` hotels, start `workers` worker processes
//   2. warm-up: 2,000 timers due now, drained and left out of every figure
//   3. schedule: `spread` timers due at uniformly random times over `spread-seconds` (from 5 s after scheduling) and
//      `burst` timers due at the very same instant `burst-at` s into it; wait until every one has fired
//   4. firing lag = fired_at − due_at (database clock, firing record) p50/p95/p99/max: all, spread only, burst only;
//      burst drain time and rate (burst timers ÷ time from their due instant to the last one fired)
//   5. backlog: `backlog` (default spread + burst) timers already overdue at once: timers fired per second, from the
//      first firing to the last
//   6. exactly-once checks (database: one firing record per timer, none failed or dead; workers' fired counters)
//   7. baseline: workers stopped; a plain table with as many rows as the backlog dequeued by the batched
//      `DELETE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED LIMIT n) RETURNING` with n = TIMER_BATCH_SIZE, by 2 and
//      by workers × TIMER_LANES connections; ratio = backlog timers/s ÷ the better baseline
// Prints a markdown table, writes the figures as JSON; exits 1 when an exactly-once check fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuSnapshot, cpuUsage } from '../ingest/cpu.mjs';
import { runBaseline } from './baseline.mjs';
import { exactlyOnce, insertTimers, lagStats, waitDrained } from './scenario.mjs';
import { ROOT, startStack, workerCounter } from './stack.mjs';

const { values: opts } = parseArgs({
  options: {
    spread: { type: 'string' },
    'spread-seconds': { type: 'string' },
    burst: { type: 'string' },
    'burst-at': { type: 'string' },
    backlog: { type: 'string' },
    hotels: { type: 'string', default: '20' },
    workers: { type: 'string', default: '2' },
    fast: { type: 'boolean', default: false },
    'fsync-off': { type: 'boolean', default: false },
    env: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: 'tmp/bench-timers.json' },
  },
});
const SPREAD = Number(opts.spread ?? (opts.fast ? 10_000 : 100_000));
const SPREAD_SECONDS = Number(opts['spread-seconds'] ?? (opts.fast ? 60 : 600));
const BURST = Number(opts.burst ?? (opts.fast ? 2_000 : 10_000));
const BURST_AT = Number(opts['burst-at'] ?? Math.min(30, SPREAD_SECONDS / 2));
const BACKLOG = Number(opts.backlog ?? SPREAD + BURST);
const WORKERS = Number(opts.workers);
const WARM_UP = 2_000;
const LEAD_SECONDS = 5;
const say = (line) => process.stderr.write(`[bench] ${line}\n`);
const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
const extraEnv = Object.fromEntries(
  opts.env.map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) {
      throw new Error(`--env expects KEY=VALUE, got ${pair}`);
    }
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);
const BATCH = Number(extraEnv.TIMER_BATCH_SIZE ?? 500);
const LANES = Number(extraEnv.TIMER_LANES ?? 2);

const stack = await startStack({
  workers: WORKERS,
  hotels: Number(opts.hotels),
  fsyncOff: opts['fsync-off'],
  env: extraEnv,
});
const owner = new pg.Client({ connectionString: stack.ownerUrl });
let exitCode = 0;
const dbNow = async () => (await owner.query('SELECT now() AS now')).rows[0].now;
const cpuNow = () =>
  cpuSnapshot({ apiPid: stack.workers[0].pid, workerPid: stack.workers[1]?.pid ?? null, pgPid: stack.pgPid });
const cpuText = (u) =>
  `workers ${(u.api + (u.worker ?? 0)).toFixed(2)} · Postgres ${u.postgres.toFixed(2)} · ` +
  `box ${(u.boxBusy * 100).toFixed(0)} % busy of ${u.cores} cores`;
try {
  await owner.connect();
  const hotelIds = stack.hotelIds;

  say(`warm-up: ${fmt(WARM_UP)} timers due now`);
  await insertTimers(owner, { hotelIds, prefix: 'w-', count: WARM_UP, from: await dbNow() });
  const warm = await waitDrained(owner, { timeoutSeconds: 120 });
  if (warm.timedOut) {
    throw new Error(`warm-up did not drain: ${warm.pending} pending`);
  }

  const t0 = new Date((await dbNow()).getTime() + LEAD_SECONDS * 1000);
  const burstDue = new Date(t0.getTime() + BURST_AT * 1000);
  say(
    `schedule: ${fmt(SPREAD)} timers over ${fmt(SPREAD_SECONDS)} s + ${fmt(BURST)} due at the same instant ` +
      `(+${fmt(BURST_AT)} s), ${hotelIds.length} hotels, ${WORKERS} workers`,
  );
  await insertTimers(owner, { hotelIds, prefix: 's-', count: SPREAD, from: t0, spreadSeconds: SPREAD_SECONDS });
  await insertTimers(owner, { hotelIds, prefix: 'b-', count: BURST, from: burstDue });
  await owner.query('ANALYZE durable_timer');
  const cpu0 = cpuNow();
  const scheduled = await waitDrained(owner, {
    timeoutSeconds: LEAD_SECONDS + SPREAD_SECONDS + 180,
    onProgress: (pending, s) => say(`  ${fmt(s)} s: ${fmt(pending)} pending`),
  });
  const scheduledCpu = cpuUsage(cpu0, cpuNow());
  const lag = {
    all: await lagStats(owner, '^[sb]-'),
    spread: await lagStats(owner, '^s-'),
    burst: await lagStats(owner, '^b-'),
  };
  const burstDrainSeconds = lag.burst.spanSeconds;

  say(`backlog: ${fmt(BACKLOG)} timers already due`);
  const backlogFrom = await dbNow();
  const cpu1 = cpuNow();
  await insertTimers(owner, { hotelIds, prefix: 'q-', count: BACKLOG, from: new Date(backlogFrom.getTime() - 1000) });
  const insertedAt = await dbNow();
  const backlog = await waitDrained(owner, {
    timeoutSeconds: 600,
    every: 5,
    onProgress: (p) => say(`  ${fmt(p)} pending`),
  });
  const backlogCpu = cpuUsage(cpu1, cpuNow());
  const { rows: backlogRows } = await owner.query(
    `SELECT extract(epoch FROM max(fired_at) - min(fired_at)) AS busy, extract(epoch FROM max(fired_at) - $1::timestamptz) AS seconds
       FROM durable_timer_firing WHERE target_id ~ '^q-'`,
    [insertedAt],
  );
  // From the first firing to the last: the poll that found the backlog (≤ TIMER_POLL_MS) is not throughput.
  const backlogBusy = Number(backlogRows[0].busy);
  const backlogSeconds = Number(backlogRows[0].seconds);
  const backlogRate = BACKLOG / backlogBusy;

  const total = WARM_UP + SPREAD + BURST + BACKLOG;
  const checks = await exactlyOnce(owner, total);
  const counted = await workerCounter(stack.workers, 'baton_timers_fired_total', { kind: 'probe' });
  checks.push({ name: "workers' fired counters (sum)", actual: counted, expected: total, ok: counted === total });
  const workersAlive = stack.workers.every((w) => w.alive());

  say('baseline: workers stopped; bare batched SKIP LOCKED dequeue on the same Postgres');
  await stack.stopWorkers();
  const baselines = [];
  for (const clients of [...new Set([2, WORKERS * LANES])]) {
    const c0 = cpuNow();
    const b = await runBaseline({ ownerUrl: stack.ownerUrl, rows: BACKLOG, batch: BATCH, clients });
    baselines.push({ ...b, cpu: cpuUsage(c0, cpuNow()) });
  }
  const best = baselines.reduce((a, b) => (b.rowsPerSecond > a.rowsPerSecond ? b : a));
  const ratio = backlogRate / best.rowsPerSecond;

  const checksPassed = checks.every((c) => c.ok) && !scheduled.timedOut && !backlog.timedOut;
  const goals = { p99: lag.all.p99 < 1000, exactlyOnce: checksPassed, ratio: ratio >= 0.5 };
  const mark = (ok) => (ok ? '✅' : '❌');
  const ms = (s) => `${fmt(s.p50)} / ${fmt(s.p95)} / ${fmt(s.p99)} / ${fmt(s.max)} ms`;
  const lines = [
    `### Timers: ${fmt(SPREAD)} over ${fmt(SPREAD_SECONDS)} s + ${fmt(BURST)} in the same second ` +
      `(${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model?.trim()}; ` +
      `${WORKERS} worker processes, batch ${BATCH}, ${LANES} lanes each, ${hotelIds.length} hotels` +
      `${opts.env.length ? `, ${opts.env.join(' ')}` : ''}; Postgres ${opts['fsync-off'] ? 'fsync off' : 'durable'})`,
    '',
    '| measure | measured | goal |',
    '| --- | --- | --- |',
    `| firing lag p50 / p95 / p99 / max, all ${fmt(lag.all.n)} | ${ms(lag.all)} | p99 < 1 s ${mark(goals.p99)} |`,
    `| … spread timers (${fmt(lag.spread.n)}) | ${ms(lag.spread)} | |`,
    `| … same-second burst (${fmt(lag.burst.n)}) | ${ms(lag.burst)}; all fired ${fmt(burstDrainSeconds, 2)} s ` +
      `after their due instant (${fmt(lag.burst.n / burstDrainSeconds)} timers/s) | |`,
    `| backlog throughput (${fmt(BACKLOG)} overdue at once) | ${fmt(backlogRate)} timers/s (first to last firing ` +
      `${fmt(backlogBusy, 2)} s; ${fmt(backlogSeconds, 2)} s from insert) | |`,
    ...baselines.map(
      (b) =>
        `| baseline: bare DELETE … SKIP LOCKED LIMIT ${b.batch}, ${b.clients} connections | ` +
        `${fmt(b.rowsPerSecond)} rows/s (${fmt(b.seconds, 2)} s) | |`,
    ),
    `| ratio backlog / best baseline | ${fmt(ratio * 100)} % | ≥ 50 % ${mark(goals.ratio)} |`,
    `| CPU while scheduled timers fired (cores) | ${cpuText(scheduledCpu)} | |`,
    `| CPU during the backlog (cores) | ${cpuText(backlogCpu)} | |`,
    `| CPU during the best baseline (cores) | Postgres ${best.cpu.postgres.toFixed(2)}; box ${(best.cpu.boxBusy * 100).toFixed(0)} % busy | |`,
    '',
    '| exactly-once check | actual | expected | |',
    '| --- | --- | --- | --- |',
    ...checks.map((c) => `| ${c.name} | ${fmt(c.actual)} | ${fmt(c.expected)} | ${mark(c.ok)} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!workersAlive) {
    process.stdout.write(`a worker died during the run:\n  ${stack.workers.flatMap((w) => w.output()).join('\n  ')}\n`);
  }
  const out = path.resolve(ROOT, opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model?.trim(), node: process.version },
        options: { ...opts, SPREAD, SPREAD_SECONDS, BURST, BURST_AT, BACKLOG, WORKERS, BATCH, LANES },
        lag,
        burstDrainSeconds,
        scheduled,
        backlog: { ...backlog, busySeconds: backlogBusy, seconds: backlogSeconds, rate: backlogRate },
        baselines,
        ratio,
        cpu: { scheduled: scheduledCpu, backlog: backlogCpu },
        checks,
        goals,
      },
      null,
      2,
    )}\n`,
  );
  say(`results written to ${path.relative(ROOT, out)}`);
  exitCode = checksPassed && workersAlive ? 0 : 1;
} catch (error) {
  process.stderr.write(`[bench] ${error.stack ?? error.message}\n`);
  exitCode = 1;
} finally {
  await owner.end().catch(() => undefined);
  await stack.stop();
}
process.exit(exitCode);
