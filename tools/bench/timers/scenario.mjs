// Timer rows for the benchmark, written straight into durable_timer by the owner (as the app would in the
// transaction of a change), and the figures read back from the firing records the workers wrote.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Inserts `count` probe timers named `<prefix><n>` over the hotels (round-robin). Due times: uniformly random in
 * [from, from + spreadSeconds), or all exactly `from` when spreadSeconds is 0 (the same-second burst).
 */
export async function insertTimers(owner, { hotelIds, prefix, count, from, spreadSeconds = 0 }) {
  if (count <= 0) {
    return;
  }
  await owner.query(
    `INSERT INTO durable_timer (tenant_id, kind, target_id, key, due_at, run_at)
     SELECT ($1::uuid[])[1 + g % cardinality($1::uuid[])], 'probe', $2 || g, '', due, due
       FROM (SELECT g, $4::timestamptz + random() * $5::float8 * interval '1 second' AS due
               FROM generate_series(1, $3::int) g) t`,
    [hotelIds, prefix, count, from, spreadSeconds],
  );
}

/** Unfinished timers (a count over the small partial due index, cheap enough to poll during the run). */
export async function pendingCount(owner) {
  const { rows } = await owner.query(`SELECT count(*)::int AS n FROM durable_timer WHERE dead_at IS NULL`);
  return rows[0].n;
}

/** Waits until no timer is pending; resolves with the wait in seconds (timedOut when it gave up). */
export async function waitDrained(owner, { timeoutSeconds, onProgress, every = 10 }) {
  const t0 = Date.now();
  let lastReport = 0;
  for (;;) {
    const pending = await pendingCount(owner);
    const elapsed = (Date.now() - t0) / 1000;
    if (onProgress && elapsed - lastReport >= every) {
      lastReport = elapsed;
      onProgress(pending, elapsed);
    }
    if (pending === 0) {
      return { seconds: elapsed, pending };
    }
    if (elapsed > timeoutSeconds) {
      return { seconds: elapsed, pending, timedOut: true };
    }
    await sleep(500);
  }
}

/** Firing lag (fired_at − due_at, database clock) percentiles in ms, and the span of the firings; `pattern` is a regex on target_id. */
export async function lagStats(owner, pattern) {
  const { rows } = await owner.query(
    `SELECT count(*)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY lag) AS p50,
            percentile_cont(0.95) WITHIN GROUP (ORDER BY lag) AS p95,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY lag) AS p99,
            max(lag) AS max,
            extract(epoch FROM max(fired_at) - min(due_at)) AS span_seconds
       FROM (SELECT fired_at, due_at, extract(epoch FROM fired_at - due_at) * 1000 AS lag
               FROM durable_timer_firing WHERE target_id ~ $1) f`,
    [pattern],
  );
  const r = rows[0];
  return {
    n: r.n,
    p50: Number(r.p50),
    p95: Number(r.p95),
    p99: Number(r.p99),
    max: Number(r.max),
    spanSeconds: Number(r.span_seconds),
  };
}

/**
 * Exactly once, from the database: nothing left pending or dead, one firing record per timer (a fired timer leaves
 * durable_timer for durable_timer_firing), each at version 1 with no failed attempt before it.
 */
export async function exactlyOnce(owner, expectedTimers) {
  const { rows } = await owner.query(
    `SELECT (SELECT count(*)::int FROM durable_timer WHERE dead_at IS NULL) AS pending,
            (SELECT count(*)::int FROM durable_timer WHERE dead_at IS NOT NULL) AS dead,
            (SELECT count(*)::int FROM durable_timer_firing) AS firings,
            (SELECT count(DISTINCT (tenant_id, timer_id))::int FROM durable_timer_firing) AS distinct_timers,
            (SELECT count(DISTINCT (tenant_id, target_id))::int FROM durable_timer_firing) AS distinct_targets,
            (SELECT count(*)::int FROM durable_timer_firing WHERE version <> 1 OR attempts <> 0) AS retried`,
  );
  const r = rows[0];
  const checks = [
    { name: 'timers still pending', actual: r.pending, expected: 0 },
    { name: 'dead timers', actual: r.dead, expected: 0 },
    { name: 'firing records', actual: r.firings, expected: expectedTimers },
    { name: 'distinct timers fired', actual: r.distinct_timers, expected: expectedTimers },
    {
      name: 'distinct targets fired (each timer its own target)',
      actual: r.distinct_targets,
      expected: expectedTimers,
    },
    { name: 'firings after a failed attempt', actual: r.retried, expected: 0 },
  ];
  return checks.map((c) => ({ ...c, ok: c.actual === c.expected }));
}
