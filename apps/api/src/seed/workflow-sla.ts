import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import {
  AuditAction,
  CasePriority,
  CaseStatus,
  RaciProcessStep,
  SlaMetric,
  SlaTimeBasis,
  TimerKind,
} from '@baton/shared/contracts';
import { alwaysOpenCalendar, BusinessCalendar, businessCalendarFrom } from '@baton/api/domain/calendars';
import {
  CaseHistory,
  clockRowValues,
  DEFAULT_LADDER,
  DEFAULT_RACI_STEP,
  firstMatching,
  replayCaseClocks,
  SlaMetricTarget,
  SlaPolicyRecord,
} from '@baton/api/policy/sla';
import { DEMO_AGENCY_USER } from './demo-data';
import { insertRows } from './traffic-sql';

const DAY = 86_400_000;
const SET_UP_DAYS_AGO = 28;

const target = (metric: SlaMetric, minutes: number, basis = SlaTimeBasis.Business, raciStep?: string) =>
  ({
    minutes,
    basis,
    raciStep: raciStep ?? DEFAULT_RACI_STEP[metric],
    ladder: { ...DEFAULT_LADDER },
  }) satisfies SlaMetricTarget;

/**
 * The demo hotels' policies, in matching order: urgent requests, complaints (resolved by guest relations with the
 * GM accountable), everything else. Quoted cases wait for the guest, so their clocks pause.
 */
const DEMO_POLICIES: Array<Pick<SlaPolicyRecord, 'name' | 'conditions' | 'pauseStatuses' | 'metrics'>> = [
  {
    name: 'Acil talepler (P1/P2)',
    conditions: {
      channels: [],
      priorities: [CasePriority.P1, CasePriority.P2],
      requestTypes: [],
      labels: [],
      teams: [],
    },
    pauseStatuses: [CaseStatus.Quoted],
    metrics: {
      [SlaMetric.FirstResponse]: target(SlaMetric.FirstResponse, 15),
      [SlaMetric.NextResponse]: target(SlaMetric.NextResponse, 30),
      [SlaMetric.HandoffToSales]: target(SlaMetric.HandoffToSales, 60),
      [SlaMetric.Resolution]: target(SlaMetric.Resolution, 8 * 60),
    },
  },
  {
    name: 'Şikayetler',
    conditions: { channels: [], priorities: [], requestTypes: ['complaint'], labels: [], teams: [] },
    pauseStatuses: [CaseStatus.Quoted],
    metrics: {
      [SlaMetric.FirstResponse]: target(SlaMetric.FirstResponse, 30),
      [SlaMetric.NextResponse]: target(SlaMetric.NextResponse, 60),
      [SlaMetric.Resolution]: target(SlaMetric.Resolution, 12 * 60, SlaTimeBasis.Calendar),
    },
  },
  {
    name: 'Genel',
    conditions: { channels: [], priorities: [], requestTypes: [], labels: [], teams: [] },
    pauseStatuses: [CaseStatus.Quoted],
    metrics: {
      [SlaMetric.FirstResponse]: target(SlaMetric.FirstResponse, 60),
      [SlaMetric.NextResponse]: target(SlaMetric.NextResponse, 120),
      [SlaMetric.HandoffToSales]: target(
        SlaMetric.HandoffToSales,
        4 * 60,
        SlaTimeBasis.Business,
        RaciProcessStep.CallCenterFollowUp,
      ),
      [SlaMetric.Resolution]: target(SlaMetric.Resolution, 24 * 60),
      [SlaMetric.Approval]: target(SlaMetric.Approval, 48 * 60, SlaTimeBasis.Calendar),
    },
  },
];

interface CaseRow {
  id: string;
  created_at: Date;
  status: string;
  closed_at: Date | null;
  merged_into_id: string | null;
  channel: string;
  priority: string;
  request_type: string | null;
  labels: string[];
  team: string | null;
}

/** The hotel's default business calendar as stored (seeded by workflow-calendars.ts), else 24/7 in its zone. */
async function hotelCalendar(client: Client, hotel: { id: string; timeZone: string }): Promise<BusinessCalendar> {
  const stored = await client.query<{
    id: string;
    time_zone: string;
    weekly: Array<{ weekday: number; start: string; end: string }>;
  }>(`SELECT id, time_zone, weekly FROM business_calendar WHERE tenant_id = $1 AND is_default LIMIT 1`, [hotel.id]);
  const calendar = stored.rows[0];
  if (!calendar) {
    return alwaysOpenCalendar(hotel.timeZone);
  }
  const holidays = await client.query<{ date: string; name: string; windows: Array<{ start: string; end: string }> }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, name, windows
       FROM calendar_holiday WHERE tenant_id = $1 AND calendar_id = $2`,
    [hotel.id, calendar.id],
  );
  return businessCalendarFrom({ timeZone: calendar.time_zone, weekly: calendar.weekly, holidays: holidays.rows });
}

/** Every case of the hotel with its messages, handoffs and status changes, as the replay reads them. */
async function caseHistories(
  client: Client,
  hotelId: string,
): Promise<Array<{ facts: CaseRow; history: CaseHistory }>> {
  const cases = await client.query<CaseRow>(
    `SELECT id, created_at, status, closed_at, merged_into_id, channel, priority, request_type, labels, team
       FROM guest_case WHERE tenant_id = $1 ORDER BY created_at, id`,
    [hotelId],
  );
  const group = <T extends { case_id: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    rows.forEach((row) => out.set(row.case_id, [...(out.get(row.case_id) ?? []), row]));
    return out;
  };
  const messages = group(
    (
      await client.query<{ case_id: string; direction: 'inbound' | 'outbound'; occurred_at: Date }>(
        `SELECT case_id, direction, occurred_at FROM case_message WHERE tenant_id = $1 ORDER BY occurred_at, id`,
        [hotelId],
      )
    ).rows,
  );
  const handoffs = group(
    (
      await client.query<{ case_id: string; requested_at: Date; accepted_at: Date | null }>(
        `SELECT case_id, requested_at, accepted_at FROM case_handoff WHERE tenant_id = $1 ORDER BY requested_at, id`,
        [hotelId],
      )
    ).rows,
  );
  const transitions = group(
    (
      await client.query<{ case_id: string; to_status: string; occurred_at: Date }>(
        `SELECT case_id, to_status, occurred_at FROM case_transition WHERE tenant_id = $1 ORDER BY occurred_at, id`,
        [hotelId],
      )
    ).rows,
  );
  return cases.rows.map((c) => ({
    facts: c,
    history: {
      hotelId,
      caseId: c.id,
      createdAt: c.created_at,
      status: c.status,
      closedAt: c.closed_at,
      merged: c.merged_into_id !== null,
      messages: (messages.get(c.id) ?? []).map((m) => ({ direction: m.direction, at: m.occurred_at })),
      handoffs: (handoffs.get(c.id) ?? []).map((h) => ({ requestedAt: h.requested_at, acceptedAt: h.accepted_at })),
      transitions: (transitions.get(c.id) ?? []).map((t) => ({ to: t.to_status, at: t.occurred_at })),
    },
  }));
}

/** Writes the policies (set up by the agency admin 28 days ago, audited) and returns them as the engine reads them. */
async function insertPolicies(client: Client, hotelId: string, setUpAt: Date): Promise<SlaPolicyRecord[]> {
  // app_user has no row-level security: the agency admin is found by e-mail whatever the owner's privileges.
  const agency = await client.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM app_user WHERE email = $1`,
    [DEMO_AGENCY_USER.email],
  );
  const actor = agency.rows[0] ?? null;
  const records = DEMO_POLICIES.map((policy, index): SlaPolicyRecord => ({
    ...policy,
    hotelId,
    id: randomUUID(),
    position: (index + 1) * 10,
    enabled: true,
    calendarId: null,
    version: 1,
    updatedAt: setUpAt,
  }));
  await insertRows(
    client,
    'sla_policy',
    [
      'tenant_id',
      'id',
      'name',
      'position',
      'channels',
      'priorities',
      'request_types',
      'labels',
      'teams',
      'pause_statuses',
      'metrics',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    records.map((p) => [
      hotelId,
      p.id,
      p.name,
      p.position,
      p.conditions.channels,
      p.conditions.priorities,
      p.conditions.requestTypes,
      p.conditions.labels,
      p.conditions.teams,
      p.pauseStatuses,
      JSON.stringify(p.metrics),
      actor?.id ?? null,
      setUpAt,
      setUpAt,
    ]),
  );
  await insertRows(
    client,
    'audit_log',
    [
      'tenant_id',
      'occurred_at',
      'actor_kind',
      'actor_id',
      'actor_name',
      'action',
      'entity_type',
      'entity_id',
      'after',
      'request_id',
    ],
    records.map((p) => [
      hotelId,
      setUpAt,
      actor ? 'user' : 'system',
      actor?.id ?? null,
      actor?.display_name ?? null,
      AuditAction.SlaPolicySaved,
      'sla_policy',
      p.id,
      JSON.stringify({ name: p.name, position: p.position, conditions: p.conditions, metrics: p.metrics, version: 1 }),
      'seed',
    ]),
  );
  return records;
}

/**
 * The demo SLA setup of one hotel: its policies, and the clocks its 30 days of cases would have had under them,
 * replayed from their real timestamps (first messages and answers, handoffs and their acceptance, quoted pauses,
 * closing) with the same pure math as the engine: met, reminded, breached and escalated outcomes true to the data,
 * with each clock's history and the ladder timers of clocks still running. Runs as the DB owner; adds the hotel to
 * app.tenant_ids (keeping what the caller had there). Does nothing when the hotel already has SLA policies.
 */
export async function seedSla(
  client: Client,
  hotel: { id: string; code: string; timeZone: string },
  now: number,
): Promise<void> {
  const scope = await client.query<{ ids: string | null }>(`SELECT current_setting('app.tenant_ids', true) AS ids`);
  const ids = new Set((scope.rows[0]?.ids ?? '').split(',').filter((id) => id !== ''));
  ids.add(hotel.id);
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [[...ids].join(',')]);
  if ((await client.query(`SELECT 1 FROM sla_policy WHERE tenant_id = $1`, [hotel.id])).rowCount) {
    return;
  }
  const policies = await insertPolicies(client, hotel.id, new Date(now - SET_UP_DAYS_AGO * DAY));
  const calendar = await hotelCalendar(client, hotel);
  const clocks: unknown[][] = [];
  const events: unknown[][] = [];
  const timers: unknown[][] = [];
  for (const { facts, history } of await caseHistories(client, hotel.id)) {
    const policy = firstMatching(policies, {
      channel: facts.channel,
      priority: facts.priority,
      requestType: facts.request_type,
      labels: facts.labels,
      team: facts.team,
    });
    if (!policy) {
      continue;
    }
    for (const { row, events: trail, timers: ahead } of replayCaseClocks(
      history,
      policy,
      calendar,
      new Date(now),
      randomUUID,
    )) {
      clocks.push([...clockRowValues(row), row.startedAt, row.stoppedAt ?? new Date(now)]);
      trail.forEach((e) => events.push([row.hotelId, row.id, e.kind, e.step, e.at, JSON.stringify(e.detail)]));
      ahead.forEach((t) =>
        timers.push([
          row.hotelId,
          TimerKind.SlaStep,
          row.id,
          t.step,
          t.dueAt,
          t.dueAt,
          JSON.stringify({ metric: row.metric, targetType: 'case', targetId: row.targetId }),
        ]),
      );
    }
  }
  await insertRows(
    client,
    'sla_clock',
    [
      'tenant_id',
      'id',
      'target_type',
      'target_id',
      'metric',
      'policy_id',
      'policy_version',
      'policy_name',
      'target_minutes',
      'basis',
      'calendar_id',
      'raci_step',
      'reminder_minutes',
      'warning_minutes',
      'escalate',
      'pause_statuses',
      'state',
      'started_at',
      'due_at',
      'stopped_at',
      'paused_since',
      'pauses',
      'steps_fired',
      'breached_at',
      'escalated_at',
      'created_at',
      'updated_at',
    ],
    clocks,
  );
  await insertRows(client, 'sla_clock_event', ['tenant_id', 'clock_id', 'kind', 'step', 'at', 'detail'], events);
  await insertRows(
    client,
    'durable_timer',
    ['tenant_id', 'kind', 'target_id', 'key', 'due_at', 'run_at', 'payload'],
    timers,
  );
}
