import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { RequestContext } from '@baton/api/core';
import {
  ConditionField,
  DEFAULT_KEYWORD_SETS,
  DEFAULT_RULES,
  DEFAULTS_VERSION,
  diffSnapshots,
  DryRunMatch,
  loadHistory,
  replayRule,
  RuleDefinition,
} from '@baton/api/policy/automations';
import { AuditAction } from '@baton/shared/contracts';
import { DEMO_AGENCY_USER } from './demo-data';
import { insertRows } from './traffic-sql';

const DAY = 86_400_000;
const HISTORY_DAYS = 30;
const SET_UP_DAYS_AGO = 27;
const EDITED_DAYS_AGO = 12;

/** Failures the demo shows, picked deterministically (about one run in 25 of the rules that talk to the outside). */
const FAILURES: Record<string, string> = {
  send_guest_message: 'CONFLICT: WhatsApp 24-hour window closed; the template needs approval',
  hand_off_to_phone: 'INVALID_TRANSITION: the case was closed meanwhile {"from":"closed","to":"handed_off"}',
};

interface Actor {
  id: string | null;
  name: string;
}

/**
 * Automations of one demo hotel: the playbook rules and keyword sets (set up by the agency admin 27 days ago; the
 * keyword rule was widened by the GM 12 days ago, so it has two versions with a diff), and the automation_run history
 * those rules would have written over the seeded cases: the dry-run replay (the same pure code) over the hotel's
 * 30 days of traffic, each version over the days it was live. Runs as the DB owner; adds the hotel to app.tenant_ids
 * first. Does nothing when the hotel already has automations.
 */
export async function seedAutomations(client: Client, hotel: { id: string; code: string }, now: number): Promise<void> {
  const scope = await client.query<{ ids: string | null }>(`SELECT current_setting('app.tenant_ids', true) AS ids`);
  const ids = new Set((scope.rows[0]?.ids ?? '').split(',').filter((id) => id !== ''));
  ids.add(hotel.id);
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [[...ids].join(',')]);
  if ((await client.query(`SELECT 1 FROM automation_setup WHERE tenant_id = $1`, [hotel.id])).rowCount) {
    return;
  }
  const agency = await actorByEmail(client, DEMO_AGENCY_USER.email);
  const gm = await hotelGm(client, hotel.id);
  const setUpAt = new Date(now - SET_UP_DAYS_AGO * DAY);
  const editedAt = new Date(now - EDITED_DAYS_AGO * DAY);

  for (const [name, keywords] of Object.entries(DEFAULT_KEYWORD_SETS)) {
    await client.query(
      `INSERT INTO automation_keyword_set (tenant_id, name, keywords, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)`,
      [hotel.id, name, keywords, agency.id, setUpAt],
    );
  }
  const live: Array<{
    id: string;
    name: string;
    windows: Array<{ from: Date; version: number; def: RuleDefinition }>;
  }> = [];
  for (const rule of DEFAULT_RULES) {
    const id = randomUUID();
    const edited = rule.key === 'keyword_phone';
    const first = edited ? cancellationOnly(rule.definition) : rule.definition;
    const versions = [{ version: 1, def: first, at: setUpAt, by: agency, change: 'created' }];
    if (edited) {
      versions.push({ version: 2, def: rule.definition, at: editedAt, by: gm, change: 'saved' });
    }
    const current = versions[versions.length - 1];
    await client.query(
      `INSERT INTO automation_rule (tenant_id, id, name, enabled, trigger, version, definition, default_key, created_by,
                                    created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        hotel.id,
        id,
        rule.name,
        rule.definition.trigger,
        current.version,
        JSON.stringify(current.def),
        rule.key,
        agency.id,
        setUpAt,
        current.by.id,
        current.at,
      ],
    );
    let previous: RuleDefinition | null = null;
    for (const v of versions) {
      const before = previous ? { name: rule.name, enabled: true, definition: previous } : null;
      const diff = diffSnapshots(before, { name: rule.name, enabled: true, definition: v.def });
      await client.query(
        `INSERT INTO automation_rule_version (tenant_id, rule_id, version, name, enabled, definition, diff, change,
                                              created_by, created_by_name, created_at)
         VALUES ($1, $2, $3, $4, true, $5, $6, $7, $8, $9, $10)`,
        [
          hotel.id,
          id,
          v.version,
          rule.name,
          JSON.stringify(v.def),
          JSON.stringify(diff),
          v.change,
          v.by.id,
          v.by.name,
          v.at,
        ],
      );
      await client.query(
        `INSERT INTO audit_log (tenant_id, occurred_at, actor_kind, actor_id, actor_name, action, entity_type, entity_id,
           after, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, 'automation_rule', $7, $8, 'seed')`,
        [
          hotel.id,
          v.at,
          v.by.id ? 'user' : 'system',
          v.by.id,
          v.by.name,
          AuditAction.AutomationRuleSaved,
          id,
          JSON.stringify({ version: v.version, name: rule.name, trigger: v.def.trigger }),
        ],
      );
      previous = v.def;
    }
    live.push({ id, name: rule.name, windows: versions.map((v) => ({ from: v.at, version: v.version, def: v.def })) });
  }
  await client.query(`INSERT INTO automation_setup (tenant_id, defaults_version, seeded_at) VALUES ($1, $2, $3)`, [
    hotel.id,
    DEFAULTS_VERSION,
    setUpAt,
  ]);
  await seedRuns(client, hotel.id, now, live);
}

/** Replays each rule version over the days it was live and writes what it would have done as its run log. */
async function seedRuns(
  client: Client,
  hotelId: string,
  now: number,
  rules: Array<{ id: string; name: string; windows: Array<{ from: Date; version: number; def: RuleDefinition }> }>,
): Promise<void> {
  // loadHistory reads through ctx.tx.query; the owner connection (inside the caller's transaction) stands in for it.
  const reader = { tx: { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows } };
  const to = new Date(now);
  const from = new Date(now - HISTORY_DAYS * DAY);
  const loaded = await loadHistory(reader as unknown as RequestContext, hotelId, from, to);
  const hotel = await client.query<{ name: string; tz: string }>(
    `SELECT name, time_zone AS tz FROM hotel WHERE id = $1`,
    [hotelId],
  );
  const rows: unknown[][] = [];
  let n = 0;
  for (const rule of rules) {
    rule.windows.forEach((window, i) => {
      const until = rule.windows[i + 1]?.from ?? to;
      const report = replayRule(
        window.def,
        rule.name,
        {
          from: window.from,
          to: until,
          hotelName: hotel.rows[0]?.name ?? '',
          timeZone: hotel.rows[0]?.tz ?? 'Europe/Istanbul',
          cases: loaded.cases,
          tickets: loaded.tickets,
          events: loaded.events,
          keywordSets: new Map(Object.entries(DEFAULT_KEYWORD_SETS)),
          // Demo calendars are office hours; the default rules do not look at business hours.
          businessHours: null,
          casesTruncated: loaded.casesTruncated,
        },
        loaded.identities,
      );
      for (const match of report.matches) {
        n += 1;
        rows.push(runRow(hotelId, rule.id, window.version, match, n));
      }
    });
  }
  await insertRows(
    client,
    'automation_run',
    [
      'tenant_id',
      'id',
      'rule_id',
      'rule_version',
      'event_type',
      'trigger',
      'case_id',
      'case_number',
      'ticket_id',
      'depth',
      'outcome',
      'actions',
      'matched_keywords',
      'error',
      'occurred_at',
    ],
    rows,
  );
}

function runRow(hotelId: string, ruleId: string, version: number, match: DryRunMatch, n: number): unknown[] {
  const failing = n % 25 === 7 ? match.actions.find((a) => FAILURES[a.type]) : undefined;
  const actions = match.actions.map((a) => {
    if (failing) {
      return {
        type: a.type,
        status: a === failing ? 'failed' : 'not_run',
        detail: a === failing ? FAILURES[a.type] : null,
      };
    }
    const skipped = /skipped|no handoff|already set/.test(a.summary);
    return { type: a.type, status: skipped ? 'skipped' : 'done', detail: a.summary };
  });
  const outcome = failing ? 'failed' : actions.some((a) => a.status === 'skipped') ? 'partial' : 'succeeded';
  return [
    hotelId,
    randomUUID(),
    ruleId,
    version,
    match.eventType,
    match.trigger,
    match.caseId,
    match.caseNumber,
    match.ticketId,
    0,
    outcome,
    JSON.stringify(actions),
    match.matchedKeywords,
    failing ? FAILURES[failing.type] : null,
    new Date(match.at.getTime() + 400 + (n % 7) * 150),
  ];
}

/** Version 1 of the keyword rule looked at cancellations only; the GM added the crisis words later. */
function cancellationOnly(def: RuleDefinition): RuleDefinition {
  return {
    ...def,
    conditions: {
      ...def.conditions,
      conditions: def.conditions.conditions.map((c) =>
        c.field === ConditionField.Keywords ? { ...c, values: ['cancellation'] } : c,
      ),
    },
  };
}

async function actorByEmail(client: Client, email: string): Promise<Actor> {
  const rows = await client.query<{ id: string; name: string }>(
    `SELECT id, display_name AS name FROM app_user WHERE email = $1`,
    [email],
  );
  return rows.rows[0] ?? { id: null, name: 'Baton playbook' };
}

async function hotelGm(client: Client, hotelId: string): Promise<Actor> {
  const rows = await client.query<{ id: string; name: string }>(
    `SELECT u.id, u.display_name AS name FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.hotel_id = $1 AND m.role = 'gm' ORDER BY u.email LIMIT 1`,
    [hotelId],
  );
  return rows.rows[0] ?? { id: null, name: 'GM' };
}
