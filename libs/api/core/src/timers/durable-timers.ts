import { Injectable, Optional } from '@nestjs/common';
import type { RequestContext } from '../context/request-context';
import { BatonError } from '../errors/baton-error';
import { TimerWakeups } from './timer-wakeups';

/**
 * CONTRACT: the API every library codes against (signatures stay).
 *
 * A durable timer is a row in `durable_timer` (tenant_id, id, kind, target_id, key, due_at, version, payload, ...)
 * written in the caller's transaction. (tenant, kind, target, key) is unique: scheduling it again moves the deadline
 * and bumps `version`, so a worker holding the old version discards it.
 */
export interface TimerSpec {
  hotelId: string;
  /** A TimerKind value (contracts/workflows.ts); exactly one handler per kind. */
  kind: string;
  /** The case, ticket, clock or rule the timer is about. */
  targetId: string;
  /** Distinguishes several timers of one target and kind, e.g. `first_response:reminder`. */
  key: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

export interface FiredTimer {
  hotelId: string;
  id: string;
  kind: string;
  targetId: string;
  key: string;
  dueAt: Date;
  version: number;
  payload: Record<string, unknown>;
  /** Stable across retries of this version: use it as the idempotency key of any side effect. */
  idempotencyKey: string;
}

export interface TimerRow {
  id: string;
  kind: string;
  targetId: string;
  key: string;
  dueAt: Date;
  version: number;
  firedAt: Date | null;
}

/**
 * Runs in the worker, inside a tenant transaction of the timer's hotel (system actor), together with marking the
 * timer fired: its database effects and the fired mark commit or roll back together. Throwing retries later.
 */
export type TimerHandler = (ctx: RequestContext, timer: FiredTimer) => Promise<void>;

const KIND = /^[a-z][a-z0-9_.:-]{0,59}$/;

/** The idempotency key of one version of a timer: the same for every retry, new when the deadline moves. */
export function timerIdempotencyKey(timerId: string, version: number): string {
  return `timer:${timerId}:${version}`;
}

function assertSpec(spec: TimerSpec): void {
  if (!KIND.test(spec.kind)) {
    throw BatonError.badInput(`timer kind "${spec.kind}" is not a valid kind`);
  }
  if (spec.targetId.length < 1 || spec.targetId.length > 200 || spec.key.length > 200) {
    throw BatonError.badInput('timer target id (1–200 characters) or key (up to 200) out of range');
  }
  if (!(spec.dueAt instanceof Date) || Number.isNaN(spec.dueAt.getTime())) {
    throw BatonError.badInput('timer due time is not a valid date');
  }
}

interface TimerDbRow {
  id: string;
  kind: string;
  target_id: string;
  key: string;
  due_at: Date;
  version: number;
  fired_at: Date | null;
}

/** The timers still to fire live in durable_timer; a fired version lives on in durable_timer_firing. */
@Injectable()
export class DurableTimers {
  constructor(@Optional() private readonly wakeups: TimerWakeups | null = null) {}

  /**
   * Creates or moves the timer (same transaction as `ctx`). A new deadline (or a new payload of a pending timer)
   * bumps the version, so a worker holding the old version discards it. Scheduling again the deadline the timer
   * already fired for changes nothing: each deadline fires once, however often callers re-derive it.
   */
  async schedule(ctx: RequestContext, spec: TimerSpec): Promise<void> {
    ctx.assertInScope(spec.hotelId);
    assertSpec(spec);
    const identity = [spec.hotelId, spec.targetId, spec.kind, spec.key];
    const payload = JSON.stringify(spec.payload ?? {});
    // Locks the pending row; if a worker is firing it right now this waits for that commit (the row is then gone).
    const [current] = await ctx.tx.query<{ id: string }[]>(
      `SELECT id FROM durable_timer WHERE tenant_id = $1 AND target_id = $2 AND kind = $3 AND key = $4 FOR UPDATE`,
      identity,
    );
    let changed: boolean;
    if (current) {
      const [, count] = await ctx.tx.query<[unknown[], number]>(
        `UPDATE durable_timer
            SET due_at = $3, run_at = $3, payload = $4, version = version + 1, dead_at = NULL, attempts = 0,
                last_error = NULL, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND (due_at <> $3 OR (dead_at IS NULL AND payload <> $4::jsonb))`,
        [spec.hotelId, current.id, spec.dueAt, payload],
      );
      changed = count > 0;
    } else {
      // A new statement (fresh snapshot) sees a firing that committed while the lock above waited.
      const rows = await ctx.tx.query<{ version: number }[]>(
        `WITH last AS (
           SELECT timer_id, version, due_at FROM durable_timer_firing
            WHERE tenant_id = $1 AND target_id = $2 AND kind = $3 AND key = $4 ORDER BY version DESC LIMIT 1)
         INSERT INTO durable_timer AS t (tenant_id, target_id, kind, key, id, version, due_at, run_at, payload)
         SELECT $1, $2, $3, $4, coalesce(last.timer_id, gen_random_uuid()), coalesce(last.version, 0) + 1, $5, $5, $6
           FROM (SELECT 1) one LEFT JOIN last ON true
          WHERE last.due_at IS DISTINCT FROM $5::timestamptz
         ON CONFLICT (tenant_id, target_id, kind, key) DO UPDATE
            SET due_at = excluded.due_at, run_at = excluded.run_at, payload = excluded.payload,
                version = t.version + 1, dead_at = NULL, attempts = 0, last_error = NULL, updated_at = now()
          WHERE t.due_at <> excluded.due_at OR (t.dead_at IS NULL AND t.payload <> excluded.payload)
         RETURNING t.version`,
        [...identity, spec.dueAt, payload],
      );
      changed = rows.length > 0;
    }
    if (changed && this.wakeups) {
      const wakeups = this.wakeups;
      // Lets a worker in this process fire it on time without waiting for its next poll.
      ctx.afterCommit(() => wakeups.wakeAt(spec.dueAt));
    }
  }

  /**
   * Cancels the target's timers of `kind` (only the one `key` when given). Returns how many were pending (dead ones
   * count too). Fired versions stay in the history, so "this deadline already fired" stays true.
   */
  async cancel(ctx: RequestContext, hotelId: string, kind: string, targetId: string, key?: string): Promise<number> {
    ctx.assertInScope(hotelId);
    const [, count] = await ctx.tx.query<[unknown[], number]>(
      `DELETE FROM durable_timer WHERE tenant_id = $1 AND target_id = $2 AND kind = $3 AND ($4::text IS NULL OR key = $4)`,
      [hotelId, targetId, kind, key ?? null],
    );
    return count;
  }

  /** The target's timers, pending and fired (the latest fired version when none is pending), soonest first. */
  async list(ctx: RequestContext, hotelId: string, targetId: string): Promise<TimerRow[]> {
    ctx.assertInScope(hotelId);
    const rows = await ctx.tx.query<TimerDbRow[]>(
      `SELECT id, kind, target_id, key, due_at, version, NULL::timestamptz AS fired_at
         FROM durable_timer WHERE tenant_id = $1 AND target_id = $2
       UNION ALL
       SELECT timer_id, kind, target_id, key, due_at, version, fired_at FROM (
         SELECT DISTINCT ON (kind, key) timer_id, kind, target_id, key, due_at, version, fired_at
           FROM durable_timer_firing WHERE tenant_id = $1 AND target_id = $2
          ORDER BY kind, key, version DESC) latest
        WHERE NOT EXISTS (SELECT 1 FROM durable_timer t
                           WHERE t.tenant_id = $1 AND t.target_id = $2 AND t.kind = latest.kind AND t.key = latest.key)
       ORDER BY due_at, kind, key`,
      [hotelId, targetId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      targetId: r.target_id,
      key: r.key,
      dueAt: r.due_at,
      version: r.version,
      firedAt: r.fired_at,
    }));
  }
}

/** Handlers register at module init (every role), the runner only polls in the worker role. */
@Injectable()
export class TimerHandlers {
  private readonly handlers = new Map<string, TimerHandler>();

  register(kind: string, handler: TimerHandler): void {
    if (this.handlers.has(kind)) {
      throw new Error(`A timer handler for "${kind}" is already registered`);
    }
    this.handlers.set(kind, handler);
  }

  get(kind: string): TimerHandler | undefined {
    return this.handlers.get(kind);
  }
}
