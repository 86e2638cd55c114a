import { SlaClockState } from '@baton/shared/contracts';
import type { BusinessCalendar } from '@baton/api/domain/calendars';
import { SlaClockRow, timingOf } from '../clocks/clock-store';
import { dueAtOf, remainingMsOf } from '../clocks/clock-time';
import { SlaClockObject } from '../objects/sla-clock.object';

/**
 * A clock as the API shows it at `now`. remainingSeconds counts the clock's own time (working time for a business
 * basis): frozen while paused, and for a stopped clock what was left when it stopped.
 */
export function toClockObject(row: SlaClockRow, calendar: BusinessCalendar | null, now: Date): SlaClockObject {
  const timing = timingOf(row);
  const at = row.stoppedAt ?? now;
  const paused = row.state === SlaClockState.Paused;
  return {
    id: row.id,
    hotelId: row.hotelId,
    targetType: row.targetType,
    targetId: row.targetId,
    metric: row.metric,
    state: row.state,
    startedAt: row.startedAt,
    dueAt: paused ? dueAtOf(timing, calendar, now) : row.dueAt,
    stoppedAt: row.stoppedAt,
    remainingSeconds: Math.trunc(remainingMsOf(timing, calendar, at) / 1000),
    targetMinutes: row.targetMinutes,
    basis: row.basis,
    pausedSince: row.pausedSince,
    stepsFired: [...row.stepsFired],
    breachedAt: row.breachedAt,
    escalatedAt: row.escalatedAt,
    policyId: row.policyId,
    policyName: row.policyName,
  };
}
