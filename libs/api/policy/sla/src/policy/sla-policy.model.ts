import { CasePriority, CaseStatus, RaciProcessStep, SlaMetric, SlaTimeBasis } from '@baton/shared/contracts';

/** The ladder of one metric: minutes before due for the reminder and the final warning (null = none). */
export interface SlaLadder {
  reminderMinutesBefore: number | null;
  warningMinutesBefore: number | null;
  /** Escalate the breach to the RACI Accountable (or the hotel's supervisors). */
  escalate: boolean;
}

export interface SlaMetricTarget {
  minutes: number;
  basis: SlaTimeBasis;
  /** The RACI process step whose Responsible gets T0 and reminders, whose Accountable gets the breach. */
  raciStep: string;
  ladder: SlaLadder;
}

export type SlaMetricTargets = Partial<Record<SlaMetric, SlaMetricTarget>>;

/** Empty list = any value. */
export interface SlaConditions {
  channels: string[];
  priorities: string[];
  requestTypes: string[];
  labels: string[];
  teams: string[];
}

export interface SlaPolicyRecord {
  hotelId: string;
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  calendarId: string | null;
  conditions: SlaConditions;
  pauseStatuses: string[];
  metrics: SlaMetricTargets;
  version: number;
  updatedAt: Date;
}

/** What a policy is matched against: the case's (or ticket's) routing fields. */
export interface SlaFacts {
  channel: string | null;
  priority: string | null;
  requestType: string | null;
  labels: readonly string[];
  team: string | null;
}

export const DEFAULT_RACI_STEP: Readonly<Record<SlaMetric, string>> = {
  [SlaMetric.FirstResponse]: RaciProcessStep.DmIntake,
  [SlaMetric.NextResponse]: RaciProcessStep.DmIntake,
  [SlaMetric.HandoffToSales]: RaciProcessStep.CallCenterFollowUp,
  [SlaMetric.Resolution]: RaciProcessStep.ComplaintResolution,
  [SlaMetric.Approval]: RaciProcessStep.ContentApproval,
};

export const DEFAULT_LADDER: Readonly<SlaLadder> = {
  reminderMinutesBefore: 30,
  warningMinutesBefore: 10,
  escalate: true,
};

export const SLA_METRICS: readonly SlaMetric[] = Object.values(SlaMetric);

/** The routing fields of a case that select its policy: a change to one of them re-evaluates the clocks. */
export const POLICY_FIELDS: readonly string[] = ['channel', 'priority', 'requestType', 'labels', 'team'];

function anyOf(allowed: readonly string[], value: string | null): boolean {
  return allowed.length === 0 || (value !== null && allowed.includes(value));
}

/** Every non-empty condition must hold; labels match when the target carries at least one of them. */
export function policyMatches(policy: Pick<SlaPolicyRecord, 'enabled' | 'conditions'>, facts: SlaFacts): boolean {
  const c = policy.conditions;
  return (
    policy.enabled &&
    anyOf(c.channels, facts.channel) &&
    anyOf(c.priorities, facts.priority) &&
    anyOf(c.requestTypes, facts.requestType) &&
    anyOf(c.teams, facts.team) &&
    (c.labels.length === 0 || c.labels.some((label) => facts.labels.includes(label)))
  );
}

/** The policy that applies: the first matching one in the hotel's order. */
export function firstMatching<P extends Pick<SlaPolicyRecord, 'enabled' | 'conditions' | 'position' | 'id'>>(
  policies: readonly P[],
  facts: SlaFacts,
): P | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  return ordered.find((policy) => policyMatches(policy, facts)) ?? null;
}

function target(minutes: number, basis: SlaTimeBasis, metric: SlaMetric): SlaMetricTarget {
  return { minutes, basis, raciStep: DEFAULT_RACI_STEP[metric], ladder: { ...DEFAULT_LADDER } };
}

const EMPTY_CONDITIONS: SlaConditions = { channels: [], priorities: [], requestTypes: [], labels: [], teams: [] };

export type SlaPolicyDefaults = Pick<SlaPolicyRecord, 'name' | 'conditions' | 'pauseStatuses' | 'metrics'>;

/**
 * What a hotel starts with (seeded on first use when it has no policy): urgent P1/P2 requests, then everything else.
 * A quoted case waits for the guest's decision, so its clocks pause there.
 */
export const DEFAULT_POLICIES: readonly SlaPolicyDefaults[] = [
  {
    name: 'P1/P2',
    conditions: { ...EMPTY_CONDITIONS, priorities: [CasePriority.P1, CasePriority.P2] },
    pauseStatuses: [CaseStatus.Quoted],
    metrics: {
      [SlaMetric.FirstResponse]: target(15, SlaTimeBasis.Business, SlaMetric.FirstResponse),
      [SlaMetric.NextResponse]: target(30, SlaTimeBasis.Business, SlaMetric.NextResponse),
      [SlaMetric.HandoffToSales]: target(60, SlaTimeBasis.Business, SlaMetric.HandoffToSales),
      [SlaMetric.Resolution]: target(8 * 60, SlaTimeBasis.Business, SlaMetric.Resolution),
    },
  },
  {
    name: 'General',
    conditions: { ...EMPTY_CONDITIONS },
    pauseStatuses: [CaseStatus.Quoted],
    metrics: {
      [SlaMetric.FirstResponse]: target(60, SlaTimeBasis.Business, SlaMetric.FirstResponse),
      [SlaMetric.NextResponse]: target(120, SlaTimeBasis.Business, SlaMetric.NextResponse),
      [SlaMetric.HandoffToSales]: target(4 * 60, SlaTimeBasis.Business, SlaMetric.HandoffToSales),
      [SlaMetric.Resolution]: target(24 * 60, SlaTimeBasis.Business, SlaMetric.Resolution),
      [SlaMetric.Approval]: target(48 * 60, SlaTimeBasis.Calendar, SlaMetric.Approval),
    },
  },
];
