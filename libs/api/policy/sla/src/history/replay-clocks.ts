import { CaseStatus, SlaClockState, SlaMetric, SlaStep } from '@baton/shared/contracts';
import type { BusinessCalendar } from '@baton/api/domain/calendars';
import { SlaClockEventKind, SlaClockRow } from '../clocks/clock-store';
import { ClockTiming, dueAtOf, remainingMsOf, stepTimesOf } from '../clocks/clock-time';
import { SlaPolicyRecord } from '../policy/sla-policy.model';

/** What happened to a case, as its rows record it: enough to replay its SLA clocks after the fact. */
export interface CaseHistory {
  hotelId: string;
  caseId: string;
  createdAt: Date;
  status: string;
  closedAt: Date | null;
  merged: boolean;
  /** Oldest first. */
  messages: ReadonlyArray<{ direction: 'inbound' | 'outbound'; at: Date }>;
  handoffs: ReadonlyArray<{ requestedAt: Date; acceptedAt: Date | null }>;
  /** Status changes, oldest first (the pause statuses are read from them). */
  transitions: ReadonlyArray<{ to: string; at: Date }>;
}

export interface ReplayedClock {
  row: SlaClockRow;
  events: Array<{ kind: SlaClockEventKind; step: SlaStep | null; at: Date; detail: Record<string, unknown> }>;
  /** Ladder steps still ahead of a live clock: the durable timers the engine would have scheduled. */
  timers: Array<{ step: SlaStep; dueAt: Date }>;
}

const TERMINAL: readonly string[] = [CaseStatus.Won, CaseStatus.Lost, CaseStatus.Closed];

interface Span {
  metric: SlaMetric;
  start: Date;
  /** null: still live at `now`. */
  end: { at: Date; cancel: boolean; reason: string } | null;
}

/** The measured spans of a case: first response, each next-response round, each handoff, resolution. */
function spansOf(history: CaseHistory): Span[] {
  const closed = TERMINAL.includes(history.status) || history.merged;
  const closedAt = history.closedAt ?? history.messages[history.messages.length - 1]?.at ?? history.createdAt;
  const unanswered = (metric: SlaMetric, start: Date, next: Date | null): Span => ({
    metric,
    start,
    end: next
      ? { at: next, cancel: true, reason: 'superseded' }
      : closed
        ? { at: closedAt, cancel: true, reason: 'case_closed' }
        : null,
  });
  const spans: Span[] = [];
  const firstOutbound = history.messages.find((m) => m.direction === 'outbound');
  if (history.messages[0]?.direction !== 'outbound') {
    spans.push(
      firstOutbound
        ? {
            metric: SlaMetric.FirstResponse,
            start: history.createdAt,
            end: { at: firstOutbound.at, cancel: false, reason: 'answered' },
          }
        : unanswered(SlaMetric.FirstResponse, history.createdAt, null),
    );
  }
  let waiting: Date | null = null;
  for (const message of history.messages.filter((m) => firstOutbound && m.at.getTime() > firstOutbound.at.getTime())) {
    if (message.direction === 'inbound' && !waiting) {
      waiting = message.at;
    } else if (message.direction === 'outbound' && waiting) {
      spans.push({
        metric: SlaMetric.NextResponse,
        start: waiting,
        end: { at: message.at, cancel: false, reason: 'answered' },
      });
      waiting = null;
    }
  }
  if (waiting) {
    spans.push(unanswered(SlaMetric.NextResponse, waiting, null));
  }
  history.handoffs.forEach((handoff, index) => {
    const next = history.handoffs[index + 1]?.requestedAt ?? null;
    spans.push(
      handoff.acceptedAt
        ? {
            metric: SlaMetric.HandoffToSales,
            start: handoff.requestedAt,
            end: { at: handoff.acceptedAt, cancel: false, reason: 'handoff_accepted' },
          }
        : unanswered(SlaMetric.HandoffToSales, handoff.requestedAt, next),
    );
  });
  spans.push({
    metric: SlaMetric.Resolution,
    start: history.createdAt,
    end: closed ? { at: closedAt, cancel: history.merged, reason: history.merged ? 'merged' : history.status } : null,
  });
  return spans;
}

/** Intervals in a pause status, clipped to [from, to]; the last one open (to = null) when the case is still in it. */
function pausesOf(history: CaseHistory, statuses: readonly string[], from: Date, to: Date | null) {
  const out: Array<{ from: Date; to: Date | null }> = [];
  let since: Date | null = null;
  for (const t of history.transitions) {
    if (statuses.includes(t.to) && !since) {
      since = t.at;
    } else if (!statuses.includes(t.to) && since) {
      out.push({ from: since, to: t.at });
      since = null;
    }
  }
  if (since) {
    out.push({ from: since, to: null });
  }
  return out
    .map((p) => ({
      from: p.from < from ? from : p.from,
      to: p.to === null ? (to ?? null) : to && p.to > to ? to : p.to,
    }))
    .filter((p) => p.to === null || p.to.getTime() > p.from.getTime());
}

/**
 * Replays the SLA clocks a case would have had under `policy`, from its real timestamps: due times, ladder steps with
 * the times they fired, breaches and escalations, pauses, outcomes, and the timers still ahead of live clocks. Pure;
 * the demo seed writes what it returns. `calendar`: the policy's business calendar (null: around the clock).
 */
export function replayCaseClocks(
  history: CaseHistory,
  policy: SlaPolicyRecord,
  calendar: BusinessCalendar | null,
  now: Date,
  newId: () => string,
): ReplayedClock[] {
  const out: ReplayedClock[] = [];
  for (const span of spansOf(history)) {
    if (span.end && span.end.at.getTime() < span.start.getTime()) {
      span.end = { ...span.end, at: span.start };
    }
    const goal = policy.metrics[span.metric];
    if (!goal || span.start.getTime() > now.getTime()) {
      continue;
    }
    const horizon = span.end?.at ?? now;
    const pauses = pausesOf(history, policy.pauseStatuses, span.start, span.end?.at ?? null);
    const open = pauses.find((p) => p.to === null);
    const timing: ClockTiming = {
      basis: goal.basis,
      targetMinutes: goal.minutes,
      startedAt: span.start,
      pauses: pauses.filter((p): p is { from: Date; to: Date } => p.to !== null),
      pausedSince: open?.from ?? null,
      reminderMinutes: goal.ladder.reminderMinutesBefore,
      warningMinutes: goal.ladder.warningMinutesBefore,
    };
    const dueAt = dueAtOf(timing, calendar, horizon);
    const steps = stepTimesOf(timing, calendar);
    const fired = steps.filter(
      (s): s is { step: SlaStep; at: Date } => s.at !== null && s.at.getTime() <= horizon.getTime(),
    );
    const breach = fired.find((s) => s.step === SlaStep.Breach) ?? null;
    const late = span.end && !span.end.cancel ? remainingMsOf(timing, calendar, span.end.at) < 0 : false;
    const state = !span.end
      ? open
        ? SlaClockState.Paused
        : breach
          ? SlaClockState.Breached
          : SlaClockState.Running
      : span.end.cancel
        ? SlaClockState.Cancelled
        : late || breach
          ? SlaClockState.MetLate
          : SlaClockState.Met;
    const breachedAt = breach || late ? dueAt : null;
    const row: SlaClockRow = {
      hotelId: history.hotelId,
      id: newId(),
      targetType: 'case',
      targetId: history.caseId,
      metric: span.metric,
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
      state,
      startedAt: span.start,
      dueAt,
      stoppedAt: span.end?.at ?? null,
      pausedSince: timing.pausedSince,
      pauses: timing.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to.toISOString() })),
      stepsFired: [SlaStep.Started, ...fired.map((s) => s.step)],
      breachedAt,
      escalatedAt: breach && goal.ladder.escalate ? breach.at : null,
      supersededBy: null,
    };
    const events: ReplayedClock['events'] = [
      { kind: SlaClockEventKind.Started, step: null, at: span.start, detail: { policyId: policy.id, dueAt } },
      { kind: SlaClockEventKind.Step, step: SlaStep.Started, at: span.start, detail: {} },
      ...pauses.flatMap((p) => [
        { kind: SlaClockEventKind.Paused, step: null, at: p.from, detail: {} },
        ...(p.to && p.to.getTime() < horizon.getTime()
          ? [{ kind: SlaClockEventKind.Resumed, step: null, at: p.to, detail: {} }]
          : []),
      ]),
      ...fired.map((s) => ({ kind: SlaClockEventKind.Step, step: s.step, at: s.at, detail: {} })),
      ...(span.end
        ? [{ kind: SlaClockEventKind.Stopped, step: null, at: span.end.at, detail: { state, reason: span.end.reason } }]
        : []),
    ];
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    const timers =
      state === SlaClockState.Running || state === SlaClockState.Breached
        ? steps
            .filter((s): s is { step: SlaStep; at: Date } => s.at !== null && s.at.getTime() > now.getTime())
            .map((s) => ({ step: s.step, dueAt: s.at }))
        : [];
    out.push({ row, events, timers });
  }
  return out;
}
