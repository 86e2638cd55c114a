/** Pure helper of SlaCountdown: what a clock shows at `now`, from what the API said when it was fetched. */

export interface SlaCountdownInput {
  /** ISO; for a paused clock the API's "due if it resumed now", not used while paused. */
  dueAt: string;
  /** An SlaClockState value. */
  state: string;
  pausedSince: string | null;
  /** Left at fetch time in the clock's own time (working time for business hours); negative when overdue. */
  remainingSeconds: number;
}

/** `left`: counting down to due · `overdue`: past due · `paused`: frozen · `done`: stopped (met, met late…). */
export type SlaCountdownMode = 'left' | 'overdue' | 'paused' | 'done';
/** Colour: `breached` is red. */
export type SlaCountdownTone = 'ok' | 'warn' | 'breached' | 'paused' | 'done';

export interface SlaCountdownView {
  mode: SlaCountdownMode;
  /** Seconds to show (never negative); 0 for `done`. */
  seconds: number;
  tone: SlaCountdownTone;
}

/** Under this many seconds before due the countdown turns amber (the default final warning is 10 min). */
export const SLA_WARN_SECONDS = 600;

/**
 * A running clock counts down to its due instant on the wall clock (so it is exact between fetches, whatever the
 * business hours); a paused one shows the time it had left, frozen; a stopped one shows its outcome.
 */
export function slaCountdown(clock: SlaCountdownInput, now: number): SlaCountdownView {
  switch (clock.state) {
    case 'met':
    case 'cancelled':
      return { mode: 'done', seconds: 0, tone: 'done' };
    case 'met_late':
      return { mode: 'done', seconds: 0, tone: 'breached' };
    case 'paused':
      return clock.remainingSeconds >= 0
        ? { mode: 'paused', seconds: clock.remainingSeconds, tone: 'paused' }
        : { mode: 'overdue', seconds: -clock.remainingSeconds, tone: 'breached' };
    default: {
      const due = Date.parse(clock.dueAt);
      const left = Number.isNaN(due) ? clock.remainingSeconds : Math.floor((due - now) / 1000);
      if (left > 0 && clock.state !== 'breached') {
        return { mode: 'left', seconds: left, tone: left <= SLA_WARN_SECONDS ? 'warn' : 'ok' };
      }
      return { mode: 'overdue', seconds: Math.max(0, -left), tone: 'breached' };
    }
  }
}
