import type { EntityManager } from 'typeorm';

/** A due timer as claimed (row-locked) by a firing transaction. */
export interface ClaimedTimer {
  id: string;
  kind: string;
  targetId: string;
  key: string;
  dueAt: Date;
  version: number;
  payload: Record<string, unknown>;
  attempts: number;
}

export interface TimerDirectory {
  /** Hotels with timers due now, most overdue first. */
  due: string[];
  /** The earliest run time still in the future (any hotel), to wake up for it; null when nothing else is pending. */
  next: Date | null;
  /** The database clock when it answered (due = run_at <= this). */
  now: Date;
}

interface ClaimedRow {
  id: string;
  kind: string;
  target_id: string;
  key: string;
  due_at: Date;
  version: number;
  payload: Record<string, unknown>;
  attempts: number;
}

const COLUMNS = 'id, kind, target_id, key, due_at, version, payload, attempts';

const toClaimed = (r: ClaimedRow): ClaimedTimer => ({
  id: r.id,
  kind: r.kind,
  targetId: r.target_id,
  key: r.key,
  dueAt: r.due_at,
  version: r.version,
  payload: r.payload,
  attempts: r.attempts,
});

/**
 * The one cross-tenant read (sweep scope): per hotel with live timers, its earliest run_at. A loose index scan of
 * the partial due index, one descent per hotel, so its cost follows the number of hotels, not of due timers.
 */
export async function readTimerDirectory(em: EntityManager): Promise<TimerDirectory> {
  const rows = await em.query<{ tenant_id: string | null; first: Date | null; now: Date }[]>(
    `WITH RECURSIVE hotels(tenant_id, first) AS (
       (SELECT tenant_id, run_at FROM durable_timer WHERE dead_at IS NULL ORDER BY tenant_id, run_at LIMIT 1)
       UNION ALL
       SELECT n.tenant_id, n.run_at FROM hotels h CROSS JOIN LATERAL (
         SELECT tenant_id, run_at FROM durable_timer
          WHERE dead_at IS NULL AND tenant_id > h.tenant_id ORDER BY tenant_id, run_at LIMIT 1) n
     )
     SELECT h.tenant_id, h.first, now() AS now FROM (SELECT 1) one LEFT JOIN hotels h ON true ORDER BY h.first`,
  );
  const now = rows[0]?.now ?? new Date();
  const due: string[] = [];
  let next: Date | null = null;
  for (const row of rows) {
    if (!row.tenant_id || !row.first) {
      continue;
    }
    if (row.first.getTime() <= now.getTime()) {
      due.push(row.tenant_id);
    } else if (!next || row.first < next) {
      next = row.first;
    }
  }
  return { due, next, now };
}

/**
 * Claims up to `limit` of the hotel's due timers, oldest first; rows another transaction holds (another worker's
 * claim, a schedule() moving them) are skipped.
 *
 * The claim is a lease: the same statement bounds how long this transaction may keep it. If the worker stalls or
 * vanishes without closing its socket, Postgres ends the session after `leaseMs` idle (or one statement running that
 * long) and the row locks, i.e. the claim, go with it. A worker that dies outright (SIGKILL) closes the socket and
 * releases them at once.
 */
export async function claimDue(
  em: EntityManager,
  hotelId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedTimer[]> {
  const rows = await em.query<ClaimedRow[]>(
    `WITH lease AS MATERIALIZED (
       SELECT set_config('idle_in_transaction_session_timeout', $3, true),
              set_config('statement_timeout', $3, true))
     SELECT ${COLUMNS} FROM durable_timer, lease
      WHERE tenant_id = $1 AND dead_at IS NULL AND run_at <= now()
      ORDER BY run_at LIMIT $2
      FOR UPDATE OF durable_timer SKIP LOCKED`,
    [hotelId, limit, String(leaseMs)],
  );
  return rows.map(toClaimed);
}

/**
 * Fires the claimed versions in the firing transaction: takes them out of durable_timer and writes their firing
 * records (the idempotency record: one per timer and version). A timer whose handler scheduled it anew (a recurring
 * schedule moving itself to its next run) keeps its new version pending; the version that ran is recorded all the
 * same. Returns the firing time per timer.
 */
export async function recordFired(
  em: EntityManager,
  hotelId: string,
  timers: ClaimedTimer[],
  firedBy: string,
): Promise<Map<string, Date>> {
  if (timers.length === 0) {
    return new Map();
  }
  const rows = await em.query<{ timer_id: string; fired_at: Date }[]>(
    `WITH gone AS (
       DELETE FROM durable_timer t USING unnest($2::uuid[], $3::int[]) AS f(id, version)
        WHERE t.tenant_id = $1 AND t.id = f.id AND t.version = f.version
       RETURNING t.tenant_id, t.target_id, t.kind, t.key, t.version, t.id, t.due_at, t.attempts)
     INSERT INTO durable_timer_firing
            (tenant_id, target_id, kind, key, version, timer_id, due_at, fired_at, attempts, fired_by)
     SELECT tenant_id, target_id, kind, key, version, id, due_at, clock_timestamp(), attempts, $4 FROM gone
     RETURNING timer_id, fired_at`,
    [hotelId, timers.map((t) => t.id), timers.map((t) => t.version), firedBy],
  );
  const firedAt = new Map(rows.map((r) => [r.timer_id, r.fired_at]));
  // Rare: a handler moved (or cancelled) its own timer; the version that ran is recorded from what was claimed.
  const moved = timers.filter((t) => !firedAt.has(t.id));
  if (moved.length > 0) {
    const more = await em.query<{ timer_id: string; fired_at: Date }[]>(
      `INSERT INTO durable_timer_firing
              (tenant_id, target_id, kind, key, version, timer_id, due_at, fired_at, attempts, fired_by)
       SELECT $1, f.target_id, f.kind, f.key, f.version, f.id, f.due_at, clock_timestamp(), f.attempts, $9
         FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::int[])
              AS f(id, version, target_id, kind, key, due_at, attempts)
       RETURNING timer_id, fired_at`,
      [
        hotelId,
        moved.map((t) => t.id),
        moved.map((t) => t.version),
        moved.map((t) => t.targetId),
        moved.map((t) => t.kind),
        moved.map((t) => t.key),
        moved.map((t) => t.dueAt),
        moved.map((t) => t.attempts),
        firedBy,
      ],
    );
    more.forEach((r) => firedAt.set(r.timer_id, r.fired_at));
  }
  return firedAt;
}

export interface FailedTimer {
  id: string;
  version: number;
  error: string;
}

/**
 * Records failed attempts: retried after 1 s, 2 s, 4 s … (at most 10 min), or dead after `maxAttempts` with the
 * last error kept. Returns each timer's attempts so far and whether it is now dead.
 */
export async function markFailed(
  em: EntityManager,
  hotelId: string,
  failed: FailedTimer[],
  maxAttempts: number,
): Promise<{ id: string; attempts: number; dead: boolean }[]> {
  if (failed.length === 0) {
    return [];
  }
  // TypeORM answers an UPDATE with [rows, count]
  const [rows] = await em.query<[{ id: string; attempts: number; dead: boolean }[], number]>(
    `UPDATE durable_timer AS t
        SET attempts = t.attempts + 1, last_error = left(f.error, 2000), updated_at = now(),
            dead_at = CASE WHEN t.attempts + 1 >= $3 THEN now() END,
            run_at = CASE WHEN t.attempts + 1 >= $3 THEN t.run_at
                          ELSE now() + least(1000 * power(2, t.attempts), 600000) * interval '1 millisecond' END
       FROM unnest($2::uuid[], $4::int[], $5::text[]) AS f(id, version, error)
      WHERE t.tenant_id = $1 AND t.id = f.id AND t.version = f.version
      RETURNING t.id, t.attempts, t.dead_at IS NOT NULL AS dead`,
    [hotelId, failed.map((f) => f.id), maxAttempts, failed.map((f) => f.version), failed.map((f) => f.error)],
  );
  return rows;
}

/** Postpones timers of kinds no handler in this process knows (a newer process may); no attempt is counted. */
export async function defer(
  em: EntityManager,
  hotelId: string,
  timers: ClaimedTimer[],
  delayMs: number,
): Promise<void> {
  if (timers.length === 0) {
    return;
  }
  await em.query(
    `UPDATE durable_timer
        SET run_at = now() + $3 * interval '1 millisecond', updated_at = now(),
            last_error = 'no handler for timer kind ' || kind || ' in this process'
      WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [hotelId, timers.map((t) => t.id), delayMs],
  );
}
