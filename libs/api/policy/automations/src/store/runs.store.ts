import { BatonError, isUuid, RequestContext } from '@baton/api/core';

export enum RunOutcome {
  Succeeded = 'succeeded',
  /** Ran, but some actions had nothing to do (no owner to notify, no channel to reach the guest ...). */
  Partial = 'partial',
  /** An action failed: everything the rule did was rolled back (savepoint), the change that triggered it stays. */
  Failed = 'failed',
  LoopBlocked = 'loop_blocked',
}

export enum ActionStatus {
  Done = 'done',
  Skipped = 'skipped',
  Failed = 'failed',
  /** After a failed action: not attempted. */
  NotRun = 'not_run',
}

export interface RunActionResult {
  type: string;
  status: ActionStatus;
  detail: string | null;
}

export interface RunWrite {
  hotelId: string;
  id: string;
  ruleId: string;
  ruleVersion: number;
  eventType: string;
  trigger: string;
  caseId: string | null;
  caseNumber: string | null;
  ticketId: string | null;
  depth: number;
  outcome: RunOutcome;
  actions: RunActionResult[];
  matchedKeywords: string[];
  error: string | null;
}

export interface RunRow extends Omit<RunWrite, 'hotelId'> {
  hotelId: string;
  ruleName: string;
  occurredAt: Date;
  /** occurred_at printed exactly (microseconds): the keyset of the list. */
  key: string;
}

/** occurred_at is the wall clock, not the transaction's start: runs of one transaction keep their order. */
export async function insertRun(ctx: RequestContext, run: RunWrite): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO automation_run (tenant_id, id, rule_id, rule_version, event_type, trigger, case_id, case_number,
                                 ticket_id, depth, outcome, actions, matched_keywords, error, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, clock_timestamp())`,
    [
      run.hotelId,
      run.id,
      run.ruleId,
      run.ruleVersion,
      run.eventType,
      run.trigger,
      run.caseId,
      run.caseNumber,
      run.ticketId,
      run.depth,
      run.outcome,
      JSON.stringify(run.actions),
      run.matchedKeywords,
      run.error?.slice(0, 2000) ?? null,
    ],
  );
}

interface Cursor {
  key: string;
  id: string;
}

export function encodeRunCursor(row: Pick<RunRow, 'key' | 'id'>): string {
  return Buffer.from(`${row.key}|${row.id}`, 'utf8').toString('base64url');
}

function decodeRunCursor(value: string): Cursor {
  const [key, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (!key || !id || !isUuid(id) || Number.isNaN(Date.parse(key))) {
    throw BatonError.badInput('after is not a cursor of this list', { field: 'after' });
  }
  return { key, id };
}

/** Newest first, keyset-paginated; one more row than asked tells whether a next page exists. */
export async function listRuns(
  ctx: RequestContext,
  hotelId: string,
  options: { ruleId?: string | null; first: number; after?: string | null },
): Promise<{ rows: RunRow[]; hasNextPage: boolean }> {
  if (options.ruleId && !isUuid(options.ruleId)) {
    return { rows: [], hasNextPage: false };
  }
  const cursor = options.after ? decodeRunCursor(options.after) : null;
  const params: unknown[] = [hotelId, options.first + 1];
  const where = ['x.tenant_id = $1'];
  if (options.ruleId) {
    params.push(options.ruleId);
    where.push(`x.rule_id = $${params.length}`);
  }
  if (cursor) {
    params.push(cursor.key, cursor.id);
    where.push(`(x.occurred_at, x.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const rows: RunRow[] = await ctx.tx.query(
    `SELECT x.tenant_id AS "hotelId", x.id, x.rule_id AS "ruleId", r.name AS "ruleName",
            x.rule_version AS "ruleVersion", x.event_type AS "eventType", x.trigger, x.case_id AS "caseId",
            x.case_number AS "caseNumber", x.ticket_id AS "ticketId", x.depth, x.outcome, x.actions,
            x.matched_keywords AS "matchedKeywords", x.error, x.occurred_at AS "occurredAt",
            to_char(x.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS key
       FROM automation_run x
       JOIN automation_rule r ON r.tenant_id = x.tenant_id AND r.id = x.rule_id
      WHERE ${where.join(' AND ')}
      ORDER BY x.occurred_at DESC, x.id DESC
      LIMIT $2`,
    params,
  );
  return { rows: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
}
