import { SlaTimeBasis } from '@baton/shared/contracts';
import { alwaysOpenCalendar, BusinessCalendar, CALENDAR_24_7, workingIntervals } from '@baton/api/domain/calendars';

/**
 * Pure SLA clock math. A clock counts "clock time" from `startedAt`: the working time of its calendar (business-basis
 * targets) or all time (calendar-basis targets, a 24/7 calendar), minus every pause. All durations here — the target,
 * elapsed, remaining and the "before due" offsets of ladder steps — are in that same clock time. So with a
 * business-hours target, "reminder 30 min before due" means 30 *working* minutes before due, and a pause stops it.
 */

/** A stretch in which the clock did not count (e.g. waiting for the guest); `to` = null: still paused. */
export interface PauseInterval {
  from: Date;
  to: Date | null;
}

export interface SlaClockSpec {
  /** The calendar whose working time counts; use countingCalendar(basis, hotelCalendar). */
  calendar: BusinessCalendar;
  startedAt: Date;
  /** The target in clock time (ms). */
  targetMs: number;
  pauses?: readonly PauseInterval[];
}

/** A ladder step to schedule: fires when `beforeDueMs` of clock time is left (0 = at due, negative = after due). */
export interface SlaLadderStep<K extends string = string> {
  key: K;
  beforeDueMs: number;
}

export interface SlaStepTime<K extends string = string> {
  key: K;
  /** null while the clock is paused before reaching the step. */
  fireAt: Date | null;
}

export interface SlaSnapshot {
  /** null while paused before due (the due time is not known until the clock resumes). */
  dueAt: Date | null;
  elapsedMs: number;
  /** Negative once due has passed. */
  remainingMs: number;
  breached: boolean;
  paused: boolean;
}

/** 24/7 calendars by zone: built once each (validating a definition formats dates with Intl, not free). */
const aroundTheClock = new Map<string, BusinessCalendar>();

/** The calendar a target counts in: the hotel's business calendar, or 24/7 (in the same zone) for calendar time. */
export function countingCalendar(basis: SlaTimeBasis, businessCalendar: BusinessCalendar | null): BusinessCalendar {
  switch (basis) {
    case SlaTimeBasis.Business:
      return businessCalendar ?? CALENDAR_24_7;
    case SlaTimeBasis.Calendar: {
      if (!businessCalendar) {
        return CALENDAR_24_7;
      }
      let calendar = aroundTheClock.get(businessCalendar.timeZone);
      if (!calendar) {
        calendar = alwaysOpenCalendar(businessCalendar.timeZone);
        aroundTheClock.set(businessCalendar.timeZone, calendar);
      }
      return calendar;
    }
  }
}

/** Pauses as sorted, merged [from, to) ms ranges starting at or after `start`; an open pause runs to Infinity. */
export function normalizePauses(pauses: readonly PauseInterval[], start: number): Array<[number, number]> {
  const ranges = pauses
    .map((p): [number, number] => [Math.max(p.from.getTime(), start), p.to ? p.to.getTime() : Infinity])
    .filter(([from, to]) => from < to)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of ranges) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) {
      last[1] = Math.max(last[1], to);
    } else {
      merged.push([from, to]);
    }
  }
  return merged;
}

/** The stretches in which the clock counts, in order; ends at an open pause (or never, while it runs). */
export function* countingIntervals(spec: SlaClockSpec): Generator<[number, number]> {
  const start = spec.startedAt.getTime();
  const pauses = normalizePauses(spec.pauses ?? [], start);
  let p = 0;
  for (const [from, to] of workingIntervals(spec.calendar, start)) {
    let a = from;
    while (a < to) {
      while (p < pauses.length && pauses[p][1] <= a) {
        p++;
      }
      const pause = pauses[p];
      if (pause && pause[0] <= a) {
        if (pause[1] === Infinity) {
          return;
        }
        a = Math.min(to, pause[1]);
        continue;
      }
      const end = pause ? Math.min(to, pause[0]) : to;
      yield [a, end];
      a = end;
    }
  }
}

function assertTarget(ms: number, what: string): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`${what} must be a finite, non-negative number of ms (got ${ms})`);
  }
}

/** The earliest instant by which `amount` of clock time has counted (the start for 0); null if paused before. */
function reachedAt(spec: SlaClockSpec, amount: number): Date | null {
  if (amount <= 0) {
    return new Date(spec.startedAt.getTime());
  }
  let left = amount;
  for (const [a, b] of countingIntervals(spec)) {
    if (b - a >= left) {
      return new Date(a + left);
    }
    left -= b - a;
  }
  return null;
}

/** The instant the clock starts counting beyond `amount`: the resumption after a closed stretch, not its beginning. */
function passedAt(spec: SlaClockSpec, amount: number): Date | null {
  let left = amount;
  for (const [a, b] of countingIntervals(spec)) {
    if (b - a > left) {
      return new Date(a + left);
    }
    left -= b - a;
  }
  return null;
}

/** When the target runs out: the earliest instant with elapsed ≥ target (it may be closing time); null while paused. */
export function slaDueAt(spec: SlaClockSpec): Date | null {
  assertTarget(spec.targetMs, 'targetMs');
  return reachedAt(spec, spec.targetMs);
}

/** Clock time counted in [startedAt, at). */
export function slaElapsedMs(spec: SlaClockSpec, at: Date): number {
  const end = at.getTime();
  let total = 0;
  for (const [a, b] of countingIntervals(spec)) {
    if (a >= end) {
      break;
    }
    total += Math.min(b, end) - a;
  }
  return total;
}

/** Target minus elapsed at `at`: negative once breached. */
export function slaRemainingMs(spec: SlaClockSpec, at: Date): number {
  return spec.targetMs - slaElapsedMs(spec, at);
}

/** Breached at `at` when the whole target has counted by then, i.e. at or after dueAt. */
export function slaIsBreached(spec: SlaClockSpec, at: Date): boolean {
  return slaElapsedMs(spec, at) >= spec.targetMs;
}

/** Inside a pause at `at` (from ≤ at < to). */
export function slaIsPaused(spec: SlaClockSpec, at: Date): boolean {
  const t = at.getTime();
  return (spec.pauses ?? []).some((p) => p.from.getTime() <= t && (p.to === null || t < p.to.getTime()));
}

/**
 * When each ladder step fires, in clock time before due, clamped to the start (a 30-min reminder on a 20-min target
 * fires at the start). A step ahead of due (beforeDueMs > 0) fires when the remaining time drops to beforeDueMs *while
 * the clock runs*: with Mon–Fri 09–17 and due Monday 09:30, "30 min before" fires Monday 09:00, not at Friday's
 * closing (which is also 30 working minutes before due, but nobody is there to act). Due and later steps
 * (beforeDueMs ≤ 0) use the earliest instant, so a breach at closing time fires at closing time.
 */
export function slaStepFireTimes<K extends string>(
  spec: SlaClockSpec,
  steps: ReadonlyArray<SlaLadderStep<K>>,
): Array<SlaStepTime<K>> {
  assertTarget(spec.targetMs, 'targetMs');
  return steps.map((step) => {
    if (!Number.isFinite(step.beforeDueMs)) {
      throw new RangeError(`beforeDueMs of ${step.key} must be finite`);
    }
    const threshold = spec.targetMs - step.beforeDueMs;
    const fireAt =
      threshold <= 0
        ? new Date(spec.startedAt.getTime())
        : step.beforeDueMs > 0
          ? passedAt(spec, threshold)
          : reachedAt(spec, threshold);
    return { key: step.key, fireAt };
  });
}

/** Everything a countdown needs at `at`. */
export function slaSnapshot(spec: SlaClockSpec, at: Date): SlaSnapshot {
  const elapsedMs = slaElapsedMs(spec, at);
  return {
    dueAt: slaDueAt(spec),
    elapsedMs,
    remainingMs: spec.targetMs - elapsedMs,
    breached: elapsedMs >= spec.targetMs,
    paused: slaIsPaused(spec, at),
  };
}
