import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../context/request-context';

/**
 * CONTRACT (scaffold): the API every library codes against. The timers owner implements it; signatures stay.
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

@Injectable()
export class DurableTimers {
  /** Creates or moves the timer (same transaction as `ctx`). */
  async schedule(_ctx: RequestContext, _spec: TimerSpec): Promise<void> {
    throw new Error('DurableTimers.schedule: not implemented yet');
  }

  /** Cancels the target's timers of `kind` (only the one `key` when given). Returns how many were pending. */
  async cancel(
    _ctx: RequestContext,
    _hotelId: string,
    _kind: string,
    _targetId: string,
    _key?: string,
  ): Promise<number> {
    throw new Error('DurableTimers.cancel: not implemented yet');
  }

  /** The target's timers, pending and fired, soonest first. */
  async list(_ctx: RequestContext, _hotelId: string, _targetId: string): Promise<TimerRow[]> {
    throw new Error('DurableTimers.list: not implemented yet');
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
