import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SlaClockState, SlaMetric, SlaStep, TimerKind } from '@baton/shared/contracts';
import { DurableTimers, RequestContext } from '@baton/api/core';
import type { BusinessCalendar } from '@baton/api/domain/calendars';
import { SlaPolicyRecord } from '../policy/sla-policy.model';
import { SlaPoliciesService } from '../policy/sla-policies.service';
import {
  addClockEvent,
  insertClock,
  isLive,
  liveClocks,
  saveClockState,
  SlaClockEventKind,
  SlaClockRow,
  timingOf,
} from './clock-store';
import { dueAtOf, remainingMsOf, stepTimesOf } from './clock-time';
import { SlaCalendars } from './sla-calendars';
import { publishClockEvent } from './sla-events';
import { SlaLadder } from './sla-ladder.service';
import { SlaTarget } from './sla-targets';

const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

/**
 * The clock lifecycle: start (T0 inline, ladder timers scheduled), pause (timers cancelled), resume (due recomputed,
 * timers rescheduled: moving a timer bumps its version, so a stale one is discarded), stop (met or met late) and
 * re-evaluation (a different policy now applies: the old clocks are cancelled with their history kept, new ones start
 * from the same start time so the time already spent still counts). Runs inside the transaction of the change.
 */
@Injectable()
export class SlaClocks {
  constructor(
    private readonly calendars: SlaCalendars,
    private readonly timers: DurableTimers,
    private readonly ladder: SlaLadder,
    private readonly policies: SlaPoliciesService,
  ) {}

  /** The policy that applies to the target now (defaults seeded for a hotel without any). */
  policyFor(ctx: RequestContext, target: SlaTarget): Promise<SlaPolicyRecord | null> {
    return this.policies.forFacts(ctx, target.hotelId, target.facts);
  }

  /**
   * Starts a clock of `metric` if the policy has a target for it and the target measures it. `replaces`: the clock of
   * the previous policy (its start, pauses and the steps already reached carry over).
   */
  async start(
    ctx: RequestContext,
    target: SlaTarget,
    policy: SlaPolicyRecord,
    metric: SlaMetric,
    startedAt: Date,
    options: { depth: number; replaces?: SlaClockRow },
  ): Promise<SlaClockRow | null> {
    const goal = policy.metrics[metric];
    if (!goal || !target.metrics.includes(metric)) {
      return null;
    }
    const now = new Date();
    const old = options.replaces;
    const pausedNow = policy.pauseStatuses.includes(target.status);
    const start = old?.startedAt ?? startedAt;
    let pauses = old ? [...old.pauses] : [];
    let pausedSince = old?.pausedSince ?? null;
    if (pausedSince && !pausedNow) {
      pauses = [...pauses, { from: pausedSince.toISOString(), to: later(now, pausedSince).toISOString() }];
      pausedSince = null;
    } else if (!pausedSince && pausedNow) {
      pausedSince = later(old ? now : start, start);
    }
    const row: SlaClockRow = {
      hotelId: target.hotelId,
      id: randomUUID(),
      targetType: target.type,
      targetId: target.id,
      metric,
      policyId: policy.id,
      policyVersion: policy.version,
      policyName: policy.name,
      targetMinutes: goal.minutes,
      basis: goal.basis,
      calendarId: policy.calendarId,
      raciStep: goal.raciStep,
      reminderMinutes: goal.ladder.reminderMinutesBefore,
      warningMinutes: goal.ladder.warningMinutesBefore,
      escalate: goal.ladder.escalate,
      pauseStatuses: [...policy.pauseStatuses],
      state: pausedSince ? SlaClockState.Paused : SlaClockState.Running,
      startedAt: start,
      dueAt: start,
      stoppedAt: null,
      pausedSince,
      pauses,
      stepsFired: [],
      breachedAt: null,
      escalatedAt: null,
      supersededBy: null,
    };
    const calendar = await this.calendar(ctx, row);
    row.dueAt = dueAtOf(timingOf(row), calendar, now);
    if (old) {
      this.carrySteps(row, old, calendar, now);
    }
    await insertClock(ctx, row);
    await addClockEvent(ctx, row, SlaClockEventKind.Started, now, {
      policyId: policy.id,
      policyVersion: policy.version,
      startedAt: start.toISOString(),
      dueAt: row.dueAt.toISOString(),
      ...(old ? { replaces: old.id } : {}),
    });
    publishClockEvent(ctx, row, SlaClockEventKind.Started, now);
    if (!row.stepsFired.includes(SlaStep.Started)) {
      await this.ladder.fire(ctx, row, SlaStep.Started, { depth: options.depth });
    }
    if (row.state !== SlaClockState.Paused) {
      await this.schedule(ctx, row, calendar, now);
    }
    return row;
  }

  /** Stops a live clock: met when its target had not run out at `at`, met late otherwise (or cancelled). */
  async stop(
    ctx: RequestContext,
    row: SlaClockRow,
    at: Date,
    options: { cancel?: boolean; reason: string },
  ): Promise<void> {
    if (!isLive(row)) {
      return;
    }
    const when = later(at, row.startedAt);
    if (row.pausedSince) {
      row.pauses = [
        ...row.pauses,
        { from: row.pausedSince.toISOString(), to: later(when, row.pausedSince).toISOString() },
      ];
      row.pausedSince = null;
    }
    const remaining = remainingMsOf(timingOf(row), await this.calendar(ctx, row), when);
    const late = remaining < 0 || row.stepsFired.includes(SlaStep.Breach);
    row.state = options.cancel ? SlaClockState.Cancelled : late ? SlaClockState.MetLate : SlaClockState.Met;
    if (late && !options.cancel) {
      row.breachedAt ??= row.dueAt;
    }
    row.stoppedAt = when;
    await saveClockState(ctx, row);
    await this.timers.cancel(ctx, row.hotelId, TimerKind.SlaStep, row.id);
    await addClockEvent(ctx, row, SlaClockEventKind.Stopped, when, { state: row.state, reason: options.reason });
    publishClockEvent(ctx, row, SlaClockEventKind.Stopped, when);
  }

  async pause(ctx: RequestContext, row: SlaClockRow, at: Date, status: string): Promise<void> {
    if (!isLive(row) || row.pausedSince) {
      return;
    }
    row.pausedSince = later(at, row.startedAt);
    row.state = SlaClockState.Paused;
    await saveClockState(ctx, row);
    await this.timers.cancel(ctx, row.hotelId, TimerKind.SlaStep, row.id);
    await addClockEvent(ctx, row, SlaClockEventKind.Paused, row.pausedSince, { status });
    publishClockEvent(ctx, row, SlaClockEventKind.Paused, row.pausedSince);
  }

  async resume(ctx: RequestContext, row: SlaClockRow, at: Date, status: string): Promise<void> {
    if (!isLive(row) || !row.pausedSince) {
      return;
    }
    const when = later(at, row.pausedSince);
    row.pauses = [...row.pauses, { from: row.pausedSince.toISOString(), to: when.toISOString() }];
    row.pausedSince = null;
    row.state = row.stepsFired.includes(SlaStep.Breach) ? SlaClockState.Breached : SlaClockState.Running;
    const calendar = await this.calendar(ctx, row);
    row.dueAt = dueAtOf(timingOf(row), calendar, when);
    await saveClockState(ctx, row);
    await addClockEvent(ctx, row, SlaClockEventKind.Resumed, when, { status, dueAt: row.dueAt.toISOString() });
    publishClockEvent(ctx, row, SlaClockEventKind.Resumed, when);
    await this.schedule(ctx, row, calendar, new Date());
  }

  /** Pauses or resumes every live clock of the target for its new status, by each clock's own pause statuses. */
  async applyStatus(ctx: RequestContext, target: SlaTarget, at: Date): Promise<void> {
    for (const row of await liveClocks(ctx, target.hotelId, target.type, target.id)) {
      if (row.pauseStatuses.includes(target.status)) {
        await this.pause(ctx, row, at, target.status);
      } else {
        await this.resume(ctx, row, at, target.status);
      }
    }
  }

  /**
   * Re-evaluates the policy of a target whose routing fields changed. Nothing happens while the same policy (and
   * version) applies. Otherwise every live clock is cancelled (history kept, `superseded_by` set) and restarted under
   * the new policy from its original start; `wanted` names metrics that should run but have no clock yet (with their
   * start), e.g. a resolution target the old policy lacked.
   */
  async reevaluate(
    ctx: RequestContext,
    target: SlaTarget,
    wanted: ReadonlyMap<SlaMetric, Date>,
    depth: number,
  ): Promise<void> {
    const policy = await this.policyFor(ctx, target);
    const live = await liveClocks(ctx, target.hotelId, target.type, target.id);
    const previous: Pick<SlaClockRow, 'policyId' | 'policyVersion'> | null =
      live[0] ?? (await this.lastClock(ctx, target));
    if (previous && policy && previous.policyId === policy.id && previous.policyVersion === policy.version) {
      return;
    }
    if (!previous && !policy) {
      return;
    }
    const now = new Date();
    for (const old of live) {
      await this.stop(ctx, old, now, { cancel: true, reason: 'policy_changed' });
      await addClockEvent(ctx, old, SlaClockEventKind.PolicyChanged, now, {
        from: old.policyId,
        to: policy?.id ?? null,
      });
      publishClockEvent(ctx, old, SlaClockEventKind.PolicyChanged, now);
      const fresh = policy
        ? await this.start(ctx, target, policy, old.metric, old.startedAt, { depth, replaces: old })
        : null;
      if (fresh) {
        old.supersededBy = fresh.id;
        await saveClockState(ctx, old);
      }
    }
    if (!policy) {
      return;
    }
    const running = new Set(live.map((row) => row.metric));
    for (const [metric, startedAt] of wanted) {
      if (!running.has(metric)) {
        await this.start(ctx, target, policy, metric, startedAt, { depth });
      }
    }
  }

  /** Schedules the ladder's timers; of the steps already past, only the latest fires (now), the others are skipped. */
  async schedule(ctx: RequestContext, row: SlaClockRow, calendar: BusinessCalendar | null, now: Date): Promise<void> {
    const times = stepTimesOf(timingOf(row), calendar);
    const past = times.filter((t) => t.at !== null && t.at.getTime() <= now.getTime());
    const latestPast = past[past.length - 1]?.step;
    for (const { step, at } of times) {
      if (!at || row.stepsFired.includes(step) || (at.getTime() <= now.getTime() && step !== latestPast)) {
        continue;
      }
      await this.timers.schedule(ctx, {
        hotelId: row.hotelId,
        kind: TimerKind.SlaStep,
        targetId: row.id,
        key: step,
        dueAt: at,
        payload: { metric: row.metric, targetType: row.targetType, targetId: row.targetId },
      });
    }
  }

  private calendar(ctx: RequestContext, row: SlaClockRow): Promise<BusinessCalendar | null> {
    return this.calendars.forClock(ctx, row.hotelId, row.basis, row.calendarId);
  }

  /** Steps the old clock reached that the new one has reached too (by its own times) are not fired again. */
  private carrySteps(row: SlaClockRow, old: SlaClockRow, calendar: BusinessCalendar | null, now: Date): void {
    const reached = new Set<SlaStep>([SlaStep.Started]);
    for (const { step, at } of stepTimesOf(timingOf(row), calendar)) {
      if (at && at.getTime() <= now.getTime()) {
        reached.add(step);
      }
    }
    row.stepsFired = old.stepsFired.filter((step) => reached.has(step));
    if (row.stepsFired.includes(SlaStep.Breach)) {
      row.breachedAt = old.breachedAt ?? row.dueAt;
      row.escalatedAt = old.escalatedAt;
      if (row.state === SlaClockState.Running) {
        row.state = SlaClockState.Breached;
      }
    }
  }

  private async lastClock(
    ctx: RequestContext,
    target: SlaTarget,
  ): Promise<Pick<SlaClockRow, 'policyId' | 'policyVersion'> | null> {
    const rows: Array<Pick<SlaClockRow, 'policyId' | 'policyVersion'>> = await ctx.tx.query(
      `SELECT policy_id AS "policyId", policy_version AS "policyVersion" FROM sla_clock
        WHERE tenant_id = $1 AND target_type = $2 AND target_id = $3 ORDER BY created_at DESC, id LIMIT 1`,
      [target.hotelId, target.type, target.id],
    );
    return rows[0] ?? null;
  }
}
