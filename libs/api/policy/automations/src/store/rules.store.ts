import { AutomationTrigger } from '@baton/shared/contracts';
import { hotelCacheChanged, isUuid, RequestContext } from '@baton/api/core';
import type { RuleDefinition } from '../model/rule-definition';
import type { DiffEntry } from '../versions/definition-diff';

/** An automation_rule row as the services use it. */
export interface RuleRow {
  hotelId: string;
  id: string;
  name: string;
  enabled: boolean;
  trigger: AutomationTrigger;
  version: number;
  definition: RuleDefinition;
  defaultKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedByName: string | null;
}

export type VersionChange = 'created' | 'saved' | 'enabled' | 'disabled' | 'rolled_back' | 'deleted';

export interface VersionRow {
  ruleId: string;
  version: number;
  name: string;
  enabled: boolean;
  definition: RuleDefinition;
  diff: DiffEntry[];
  change: VersionChange;
  rolledBackTo: number | null;
  createdByName: string | null;
  createdAt: Date;
}

const RULE_COLUMNS = `r.tenant_id AS "hotelId", r.id, r.name, r.enabled, r.trigger, r.version, r.definition,
  r.default_key AS "defaultKey", r.created_at AS "createdAt", r.updated_at AS "updatedAt",
  u.display_name AS "updatedByName"`;
const RULE_FROM = `automation_rule r LEFT JOIN app_user u ON u.id = r.updated_by`;
const VERSION_COLUMNS = `rule_id AS "ruleId", version, name, enabled, definition, diff, change,
  rolled_back_to AS "rolledBackTo", created_by_name AS "createdByName", created_at AS "createdAt"`;

/** The name of the per-process cache of the hotel's live rules (LiveRulesCache). */
export const AUTOMATION_RULES_CACHE = 'automation-rules';

/**
 * Every write of automation_rule calls this (in its transaction): after COMMIT, every process's LiveRulesCache
 * forgets the hotel's rules, so the next event runs the rules as saved.
 */
export function rulesChanged(ctx: RequestContext, hotelId: string): void {
  hotelCacheChanged(ctx, AUTOMATION_RULES_CACHE, hotelId);
}

/** Every rule the evaluator may run, of every trigger: enabled, not deleted, oldest first (what LiveRulesCache keeps). */
export async function allLiveRules(ctx: RequestContext, hotelId: string): Promise<RuleRow[]> {
  return ctx.tx.query(
    `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM}
      WHERE r.tenant_id = $1 AND r.enabled AND r.deleted_at IS NULL
      ORDER BY r.created_at, r.id`,
    [hotelId],
  );
}

/** The rules the evaluator runs for these triggers: enabled, not deleted, oldest first (a stable order). */
export async function liveRules(
  ctx: RequestContext,
  hotelId: string,
  triggers: readonly AutomationTrigger[],
): Promise<RuleRow[]> {
  return ctx.tx.query(
    `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM}
      WHERE r.tenant_id = $1 AND r.trigger = ANY($2::text[]) AND r.enabled AND r.deleted_at IS NULL
      ORDER BY r.created_at, r.id`,
    [hotelId, triggers],
  );
}

export async function listRules(ctx: RequestContext, hotelId: string): Promise<RuleRow[]> {
  return ctx.tx.query(
    `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.tenant_id = $1 AND r.deleted_at IS NULL
      ORDER BY r.created_at, r.id`,
    [hotelId],
  );
}

/** A rule of the hotel that is not deleted, or null (a malformed id too). */
export async function findRule(
  ctx: RequestContext,
  hotelId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<RuleRow | null> {
  if (!ctx.inScope(hotelId) || !isUuid(id)) {
    return null;
  }
  const rows: RuleRow[] = await ctx.tx.query(
    `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.tenant_id = $1 AND r.id = $2 AND r.deleted_at IS NULL
     ${options.lock ? 'FOR UPDATE OF r' : ''}`,
    [hotelId, id],
  );
  return rows[0] ?? null;
}

export async function rulesByIds(ctx: RequestContext, hotelId: string, ids: string[]): Promise<Map<string, RuleRow>> {
  const valid = [...new Set(ids.filter(isUuid))];
  const rows: RuleRow[] = valid.length
    ? await ctx.tx.query(`SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.tenant_id = $1 AND r.id = ANY($2::uuid[])`, [
        hotelId,
        valid,
      ])
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export interface RuleWrite {
  hotelId: string;
  id: string;
  name: string;
  enabled: boolean;
  version: number;
  definition: RuleDefinition;
  defaultKey?: string | null;
}

export async function insertRule(ctx: RequestContext, rule: RuleWrite): Promise<void> {
  rulesChanged(ctx, rule.hotelId);
  await ctx.tx.query(
    `INSERT INTO automation_rule (tenant_id, id, name, enabled, trigger, version, definition, default_key,
                                  created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [
      rule.hotelId,
      rule.id,
      rule.name,
      rule.enabled,
      rule.definition.trigger,
      rule.version,
      JSON.stringify(rule.definition),
      rule.defaultKey ?? null,
      ctx.userId,
    ],
  );
}

export async function updateRule(ctx: RequestContext, rule: RuleWrite, options: { delete?: boolean } = {}) {
  rulesChanged(ctx, rule.hotelId);
  await ctx.tx.query(
    `UPDATE automation_rule SET name = $3, enabled = $4, trigger = $5, version = $6, definition = $7,
            updated_by = $8, updated_at = now(), deleted_at = CASE WHEN $9 THEN now() ELSE deleted_at END
      WHERE tenant_id = $1 AND id = $2`,
    [
      rule.hotelId,
      rule.id,
      rule.name,
      rule.enabled,
      rule.definition.trigger,
      rule.version,
      JSON.stringify(rule.definition),
      ctx.userId,
      options.delete === true,
    ],
  );
}

export interface VersionWrite {
  hotelId: string;
  ruleId: string;
  version: number;
  name: string;
  enabled: boolean;
  definition: RuleDefinition;
  diff: DiffEntry[];
  change: VersionChange;
  rolledBackTo?: number | null;
  createdByName: string | null;
}

export async function insertVersion(ctx: RequestContext, v: VersionWrite): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO automation_rule_version (tenant_id, rule_id, version, name, enabled, definition, diff, change,
                                          rolled_back_to, created_by, created_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      v.hotelId,
      v.ruleId,
      v.version,
      v.name,
      v.enabled,
      JSON.stringify(v.definition),
      JSON.stringify(v.diff),
      v.change,
      v.rolledBackTo ?? null,
      ctx.userId,
      v.createdByName,
    ],
  );
}

/** Every version of a rule, newest first. */
export async function listVersions(ctx: RequestContext, hotelId: string, ruleId: string): Promise<VersionRow[]> {
  return ctx.tx.query(
    `SELECT ${VERSION_COLUMNS} FROM automation_rule_version WHERE tenant_id = $1 AND rule_id = $2
      ORDER BY version DESC`,
    [hotelId, ruleId],
  );
}

export async function findVersion(
  ctx: RequestContext,
  hotelId: string,
  ruleId: string,
  version: number,
): Promise<VersionRow | null> {
  const rows: VersionRow[] = await ctx.tx.query(
    `SELECT ${VERSION_COLUMNS} FROM automation_rule_version WHERE tenant_id = $1 AND rule_id = $2 AND version = $3`,
    [hotelId, ruleId, version],
  );
  return rows[0] ?? null;
}
