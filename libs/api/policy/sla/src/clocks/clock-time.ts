import { SlaStep, SlaTimeBasis } from '@baton/shared/contracts';
import type { BusinessCalendar } from '@baton/api/domain/calendars';
import {
  countingCalendar,
  PauseInterval,
  SlaClockSpec,
  SlaLadderStep,
  slaDueAt,
  slaRemainingMs,
  slaStepFireTimes,
} from '../math';

const MINUTE = 60_000;

/** The timing facts of a clock row: everything its due time and ladder derive from. */
export interface ClockTiming {
  basis: SlaTimeBasis;
  targetMinutes: number;
  startedAt: Date;
  /** Closed pauses, oldest first. */
  pauses: ReadonlyArray<{ from: Date; to: Date }>;
  pausedSince: Date | null;
  reminderMinutes: number | null;
  warningMinutes: number | null;
}

/** The pure math's view of a clock, counted on its basis (`hotelCalendar` = its business calendar). */
export function specOf(clock: ClockTiming, hotelCalendar: BusinessCalendar | null): SlaClockSpec {
  const pauses: PauseInterval[] = clock.pauses.map((p) => ({ from: p.from, to: p.to }));
  if (clock.pausedSince) {
    pauses.push({ from: clock.pausedSince, to: null });
  }
  return {
    calendar: countingCalendar(clock.basis, hotelCalendar),
    startedAt: clock.startedAt,
    targetMs: clock.targetMinutes * MINUTE,
    pauses,
  };
}

/** When the target runs out; for a paused clock, when it would if it resumed at `now`. */
export function dueAtOf(clock: ClockTiming, hotelCalendar: BusinessCalendar | null, now: Date): Date {
  const running = clock.pausedSince
    ? { ...clock, pauses: [...clock.pauses, { from: clock.pausedSince, to: now }], pausedSince: null }
    : clock;
  return slaDueAt(specOf(running, hotelCalendar)) ?? now;
}

export function remainingMsOf(clock: ClockTiming, hotelCalendar: BusinessCalendar | null, now: Date): number {
  return slaRemainingMs(specOf(clock, hotelCalendar), now);
}

/**
 * The ladder after T0: reminder and warning only when they fall after the start (a 30-minute reminder on a 15-minute
 * target would only repeat the T0 notice), then the breach at due.
 */
export function ladderSteps(clock: ClockTiming): Array<SlaLadderStep<SlaStep>> {
  const steps: Array<SlaLadderStep<SlaStep>> = [];
  for (const [key, before] of [
    [SlaStep.Reminder, clock.reminderMinutes],
    [SlaStep.Warning, clock.warningMinutes],
  ] as const) {
    if (before !== null && before > 0 && before < clock.targetMinutes) {
      steps.push({ key, beforeDueMs: before * MINUTE });
    }
  }
  steps.push({ key: SlaStep.Breach, beforeDueMs: 0 });
  return steps;
}

/** When each ladder step fires; null while the clock is paused before reaching it. */
export function stepTimesOf(
  clock: ClockTiming,
  hotelCalendar: BusinessCalendar | null,
): Array<{ step: SlaStep; at: Date | null }> {
  return slaStepFireTimes(specOf(clock, hotelCalendar), ladderSteps(clock)).map((t) => ({
    step: t.key,
    at: t.fireAt,
  }));
}
