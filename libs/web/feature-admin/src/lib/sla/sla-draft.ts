/** The SLA policy editor's form model: pure functions from a policy to a draft and back, and the form's own checks. */
import { SlaMetric, SlaTimeBasis } from '@baton/shared/contracts';
import type { SaveSlaPolicyInput, SlaConditions, SlaPolicy } from '@baton/web/data-access';

export const SLA_METRICS: readonly SlaMetric[] = Object.values(SlaMetric);

/** The process step a metric routes by when the editor leaves it alone (the API's defaults). */
export const DEFAULT_RACI_STEPS: Readonly<Record<SlaMetric, string>> = {
  [SlaMetric.FirstResponse]: 'dm_intake',
  [SlaMetric.NextResponse]: 'dm_intake',
  [SlaMetric.HandoffToSales]: 'call_center_follow_up',
  [SlaMetric.Resolution]: 'complaint_resolution',
  [SlaMetric.Approval]: 'content_approval',
};

/** One metric row of the editor; `on: false` = no target for that metric. Numbers are kept as typed text. */
export interface MetricDraft {
  metric: SlaMetric;
  on: boolean;
  minutes: string;
  basis: SlaTimeBasis;
  raciStep: string;
  reminder: string;
  warning: string;
  escalate: boolean;
}

export interface SlaDraft {
  id: string | null;
  version: number | null;
  name: string;
  enabled: boolean;
  calendarId: string | null;
  conditions: SlaConditions;
  pauseStatuses: string[];
  metrics: MetricDraft[];
}

/** A problem the form finds before asking the API: `field` uses the API's paths (`targets.0.minutes`). */
export interface DraftProblem {
  field: string;
  key: 'nameRequired' | 'noTargets' | 'minutesInvalid' | 'ladderInvalid' | 'ladderOrder';
  metric?: SlaMetric;
}

const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

function emptyMetric(metric: SlaMetric): MetricDraft {
  return {
    metric,
    on: false,
    minutes: '',
    basis: SlaTimeBasis.Business,
    raciStep: DEFAULT_RACI_STEPS[metric],
    reminder: '30',
    warning: '10',
    escalate: true,
  };
}

export function newDraft(): SlaDraft {
  return {
    id: null,
    version: null,
    name: '',
    enabled: true,
    calendarId: null,
    conditions: { channels: [], priorities: [], requestTypes: [], labels: [], teams: [] },
    pauseStatuses: [],
    metrics: SLA_METRICS.map((metric) => ({
      ...emptyMetric(metric),
      on: metric === SlaMetric.FirstResponse,
      minutes: metric === SlaMetric.FirstResponse ? '60' : '',
    })),
  };
}

export function draftFrom(policy: SlaPolicy): SlaDraft {
  return {
    id: policy.id,
    version: policy.version,
    name: policy.name,
    enabled: policy.enabled,
    calendarId: policy.calendarId,
    conditions: {
      channels: [...policy.conditions.channels],
      priorities: [...policy.conditions.priorities],
      requestTypes: [...policy.conditions.requestTypes],
      labels: [...policy.conditions.labels],
      teams: [...policy.conditions.teams],
    },
    pauseStatuses: [...policy.pauseStatuses],
    metrics: SLA_METRICS.map((metric) => {
      const target = policy.targets.find((t) => t.metric === metric);
      return target
        ? {
            metric,
            on: true,
            minutes: String(target.minutes),
            basis: target.basis === SlaTimeBasis.Calendar ? SlaTimeBasis.Calendar : SlaTimeBasis.Business,
            raciStep: target.raciStep,
            reminder: text(target.ladder.reminderMinutesBefore),
            warning: text(target.ladder.warningMinutesBefore),
            escalate: target.ladder.escalate,
          }
        : emptyMetric(metric);
    }),
  };
}

const WHOLE = /^\d+$/;
const minutesOf = (value: string): number | null => (WHOLE.test(value.trim()) ? Number(value.trim()) : null);

/** What the form can tell before the API: each problem once, with the API's field path. */
export function draftProblems(draft: SlaDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.name.trim() === '') {
    problems.push({ field: 'name', key: 'nameRequired' });
  }
  const on = draft.metrics.filter((m) => m.on);
  if (on.length === 0) {
    problems.push({ field: 'targets', key: 'noTargets' });
  }
  on.forEach((m, index) => {
    const minutes = minutesOf(m.minutes);
    if (minutes === null || minutes < 1) {
      problems.push({ field: `targets.${index}.minutes`, key: 'minutesInvalid', metric: m.metric });
    }
    const reminder = m.reminder.trim() === '' ? null : minutesOf(m.reminder);
    const warning = m.warning.trim() === '' ? null : minutesOf(m.warning);
    if ((m.reminder.trim() !== '' && !reminder) || (m.warning.trim() !== '' && !warning)) {
      problems.push({ field: `targets.${index}.ladder`, key: 'ladderInvalid', metric: m.metric });
    } else if (reminder !== null && warning !== null && warning >= reminder) {
      problems.push({ field: `targets.${index}.ladder.warningMinutesBefore`, key: 'ladderOrder', metric: m.metric });
    }
  });
  return problems;
}

/** The metric a field path such as `targets.1.minutes` points at (targets are the enabled metrics, in order). */
export function metricOfField(draft: SlaDraft, field: string): SlaMetric | null {
  const match = /^targets\.(\d+)/.exec(field);
  return match ? (draft.metrics.filter((m) => m.on)[Number(match[1])]?.metric ?? null) : null;
}

export function toSaveInput(draft: SlaDraft): Omit<SaveSlaPolicyInput, 'hotelId'> {
  return {
    id: draft.id,
    version: draft.version,
    name: draft.name.trim(),
    enabled: draft.enabled,
    calendarId: draft.calendarId,
    conditions: draft.conditions,
    pauseStatuses: draft.pauseStatuses,
    targets: draft.metrics
      .filter((m) => m.on)
      .map((m) => ({
        metric: m.metric,
        minutes: minutesOf(m.minutes) ?? 0,
        basis: m.basis,
        raciStep: m.raciStep.trim() || null,
        ladder: {
          reminderMinutesBefore: minutesOf(m.reminder),
          warningMinutesBefore: minutesOf(m.warning),
          escalate: m.escalate,
        },
      })),
  };
}

/** `list` with `value` added or removed. */
export function toggled(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** "1 h 30 min" style parts of a target, for the list (`unit` keys: day, hour, minute). */
export function durationParts(minutes: number): Array<{ unit: 'day' | 'hour' | 'minute'; value: number }> {
  const parts: Array<{ unit: 'day' | 'hour' | 'minute'; value: number }> = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) {
    parts.push({ unit: 'day', value: days });
  }
  if (hours) {
    parts.push({ unit: 'hour', value: hours });
  }
  if (rest || parts.length === 0) {
    parts.push({ unit: 'minute', value: rest });
  }
  return parts;
}
