import { SlaClockState, SlaMetric, SlaStep, SlaTimeBasis } from '@baton/shared/contracts';
import { isUuid, RequestContext } from '@baton/api/core';
import { ClockTiming } from './clock-time';

export type SlaTargetType = 'case' | 'ticket';

export const LIVE_STATES: readonly SlaClockState[] = [
  SlaClockState.Running,
  SlaClockState.Paused,
  SlaClockState.Breached,
];

/** Kinds of sla_clock_event rows. */
export enum SlaClockEventKind {
  Started = 'started',
  Paused = 'paused',
  Resumed = 'resumed',
  Step = 'step',
  PolicyChanged = 'policy_changed',
  Stopped = 'stopped',
}

/** An sla_clock row as the engine uses it. */
export interface SlaClockRow {
  hotelId: string;
  id: string;
  targetType: SlaTargetType;
  targetId: string;
  metric: SlaMetric;
  policyId: string | null;
  policyVersion: number;
  policyName: string;
  targetMinutes: number;
  basis: SlaTimeBasis;
  calendarId: string | null;
  raciStep: string;
  reminderMinutes: number | null;
  warningMinutes: number | null;
  escalate: boolean;
  pauseStatuses: string[];
  state: SlaClockState;
  startedAt: Date;
  dueAt: Date;
  stoppedAt: Date | null;
  pausedSince: Date | null;
  pauses: Array<{ from: string; to: string }>;
  stepsFired: SlaStep[];
  breachedAt: Date | null;
  escalatedAt: Date | null;
  supersededBy: string | null;
}

export const CLOCK_COLUMNS = `
  k.tenant_id AS "hotelId", k.id, k.target_type AS "targetType", k.target_id AS "targetId", k.metric,
  k.policy_id AS "policyId", k.policy_version AS "policyVersion", k.policy_name AS "policyName",
  k.target_minutes AS "targetMinutes", k.basis, k.calendar_id AS "calendarId", k.raci_step AS "raciStep",
  k.reminder_minutes AS "reminderMinutes", k.warning_minutes AS "warningMinutes", k.escalate,
  k.pause_statuses AS "pauseStatuses", k.state, k.started_at AS "startedAt", k.due_at AS "dueAt",
  k.stopped_at AS "stoppedAt", k.paused_since AS "pausedSince", k.pauses, k.steps_fired AS "stepsFired",
  k.breached_at AS "breachedAt", k.escalated_at AS "escalatedAt", k.superseded_by AS "supersededBy"`;

export function timingOf(row: SlaClockRow): ClockTiming {
  return {
    basis: row.basis,
    targetMinutes: row.targetMinutes,
    startedAt: row.startedAt,
    pauses: row.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
    pausedSince: row.pausedSince,
    reminderMinutes: row.reminderMinutes,
    warningMinutes: row.warningMinutes,
  };
}

export function isLive(row: Pick<SlaClockRow, 'state'>): boolean {
  return LIVE_STATES.includes(row.state);
}

/** The live clocks of one target (locked for the change about to happen), by metric. */
export async function liveClocks(
  ctx: RequestContext,
  hotelId: string,
  targetType: SlaTargetType,
  targetId: string,
): Promise<SlaClockRow[]> {
  return ctx.tx.query(
    `SELECT ${CLOCK_COLUMNS} FROM sla_clock k
      WHERE k.tenant_id = $1 AND k.target_type = $2 AND k.target_id = $3 AND k.state = ANY($4::text[])
      ORDER BY k.started_at, k.id FOR UPDATE`,
    [hotelId, targetType, targetId, LIVE_STATES],
  );
}

/** Every clock of one target, oldest first (history included). */
export async function clocksOf(
  ctx: RequestContext,
  hotelId: string,
  targetType: SlaTargetType,
  targetIds: string[],
): Promise<SlaClockRow[]> {
  const ids = targetIds.filter(isUuid);
  if (ids.length === 0) {
    return [];
  }
  return ctx.tx.query(
    `SELECT ${CLOCK_COLUMNS} FROM sla_clock k
      WHERE k.tenant_id = $1 AND k.target_type = $2 AND k.target_id = ANY($3::uuid[])
      ORDER BY k.started_at, k.id`,
    [hotelId, targetType, ids],
  );
}

export async function clockById(
  ctx: RequestContext,
  hotelId: string,
  id: string,
  lock = false,
): Promise<SlaClockRow | null> {
  if (!isUuid(id)) {
    return null;
  }
  const rows: SlaClockRow[] = await ctx.tx.query(
    `SELECT ${CLOCK_COLUMNS} FROM sla_clock k WHERE k.tenant_id = $1 AND k.id = $2${lock ? ' FOR UPDATE' : ''}`,
    [hotelId, id],
  );
  return rows[0] ?? null;
}

/** The 25 sla_clock column values in INSERT order (shared with the demo seed's bulk insert). */
export function clockRowValues(row: SlaClockRow): unknown[] {
  return [
    row.hotelId,
    row.id,
    row.targetType,
    row.targetId,
    row.metric,
    row.policyId,
    row.policyVersion,
    row.policyName,
    row.targetMinutes,
    row.basis,
    row.calendarId,
    row.raciStep,
    row.reminderMinutes,
    row.warningMinutes,
    row.escalate,
    row.pauseStatuses,
    row.state,
    row.startedAt,
    row.dueAt,
    row.stoppedAt,
    row.pausedSince,
    JSON.stringify(row.pauses),
    row.stepsFired,
    row.breachedAt,
    row.escalatedAt,
  ];
}

export async function insertClock(ctx: RequestContext, row: SlaClockRow): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO sla_clock (tenant_id, id, target_type, target_id, metric, policy_id, policy_version, policy_name,
       target_minutes, basis, calendar_id, raci_step, reminder_minutes, warning_minutes, escalate, pause_statuses,
       state, started_at, due_at, stopped_at, paused_since, pauses, steps_fired, breached_at, escalated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
       $23, $24, $25)`,
    clockRowValues(row),
  );
}

/** Writes the moving parts of a clock (state, times, pauses, steps). */
export async function saveClockState(ctx: RequestContext, row: SlaClockRow): Promise<void> {
  await ctx.tx.query(
    `UPDATE sla_clock SET state = $3, due_at = $4, stopped_at = $5, paused_since = $6, pauses = $7, steps_fired = $8,
            breached_at = $9, escalated_at = $10, superseded_by = $11, updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [
      row.hotelId,
      row.id,
      row.state,
      row.dueAt,
      row.stoppedAt,
      row.pausedSince,
      JSON.stringify(row.pauses),
      row.stepsFired,
      row.breachedAt,
      row.escalatedAt,
      row.supersededBy,
    ],
  );
}

/**
 * Appends to the clock's history. For a ladder step the (clock, step) unique index decides: false when the step is
 * already recorded (a retried timer, a second worker), so the caller does nothing twice.
 */
export async function addClockEvent(
  ctx: RequestContext,
  row: Pick<SlaClockRow, 'hotelId' | 'id'>,
  kind: SlaClockEventKind,
  at: Date,
  detail: Record<string, unknown> = {},
  step: SlaStep | null = null,
): Promise<boolean> {
  const inserted: unknown[] = await ctx.tx.query(
    `INSERT INTO sla_clock_event (tenant_id, clock_id, kind, step, at, detail) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, clock_id, step) WHERE kind = 'step' DO NOTHING RETURNING id`,
    [row.hotelId, row.id, kind, step, at, JSON.stringify(detail)],
  );
  return inserted.length > 0;
}
