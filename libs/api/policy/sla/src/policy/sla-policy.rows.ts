import { SlaMetric, SlaTimeBasis } from '@baton/shared/contracts';
import { SlaPolicyObject } from '../objects/sla-policy.object';
import {
  DEFAULT_LADDER,
  DEFAULT_RACI_STEP,
  SLA_METRICS,
  SlaMetricTarget,
  SlaMetricTargets,
  SlaPolicyRecord,
} from './sla-policy.model';

/** An sla_policy row as Postgres returns it. */
export interface SlaPolicyRow {
  hotelId: string;
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  calendarId: string | null;
  channels: string[];
  priorities: string[];
  requestTypes: string[];
  labels: string[];
  teams: string[];
  pauseStatuses: string[];
  metrics: Record<string, Partial<SlaMetricTarget>>;
  version: number;
  updatedAt: Date;
}

export const POLICY_COLUMNS = `
  p.tenant_id AS "hotelId", p.id, p.name, p.position, p.enabled, p.calendar_id AS "calendarId", p.channels,
  p.priorities, p.request_types AS "requestTypes", p.labels, p.teams, p.pause_statuses AS "pauseStatuses",
  p.metrics, p.version, p.updated_at AS "updatedAt"`;

/** jsonb is read defensively: a target written by an older version gets today's defaults for what it lacks. */
function readTargets(json: SlaPolicyRow['metrics']): SlaMetricTargets {
  const out: SlaMetricTargets = {};
  for (const metric of SLA_METRICS) {
    const raw = json?.[metric];
    if (!raw || typeof raw.minutes !== 'number' || raw.minutes <= 0) {
      continue;
    }
    out[metric] = {
      minutes: raw.minutes,
      basis: raw.basis === SlaTimeBasis.Calendar ? SlaTimeBasis.Calendar : SlaTimeBasis.Business,
      raciStep: raw.raciStep || DEFAULT_RACI_STEP[metric],
      ladder: { ...DEFAULT_LADDER, ...(raw.ladder ?? {}) },
    };
  }
  return out;
}

export function toPolicyRecord(row: SlaPolicyRow): SlaPolicyRecord {
  return {
    hotelId: row.hotelId,
    id: row.id,
    name: row.name,
    position: row.position,
    enabled: row.enabled,
    calendarId: row.calendarId,
    conditions: {
      channels: row.channels,
      priorities: row.priorities,
      requestTypes: row.requestTypes,
      labels: row.labels,
      teams: row.teams,
    },
    pauseStatuses: row.pauseStatuses,
    metrics: readTargets(row.metrics),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export function toPolicyObject(policy: SlaPolicyRecord): SlaPolicyObject {
  return {
    id: policy.id,
    hotelId: policy.hotelId,
    name: policy.name,
    position: policy.position,
    enabled: policy.enabled,
    calendarId: policy.calendarId,
    conditions: { ...policy.conditions },
    pauseStatuses: [...policy.pauseStatuses],
    targets: SLA_METRICS.flatMap((metric: SlaMetric) => {
      const target = policy.metrics[metric];
      return target ? [{ metric, ...target, ladder: { ...target.ladder } }] : [];
    }),
    version: policy.version,
    updatedAt: policy.updatedAt,
  };
}

/** What the audit trail keeps of a policy (no personal data in a policy). */
export function policyAuditView(policy: SlaPolicyRecord): Record<string, unknown> {
  return {
    name: policy.name,
    enabled: policy.enabled,
    position: policy.position,
    calendarId: policy.calendarId,
    conditions: policy.conditions,
    pauseStatuses: policy.pauseStatuses,
    metrics: policy.metrics,
    version: policy.version,
  };
}
