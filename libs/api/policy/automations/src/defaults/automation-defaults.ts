import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { rulesChanged } from '../store/rules.store';
import { diffSnapshots } from '../versions/definition-diff';
import { DEFAULT_KEYWORD_SETS, DEFAULT_RULES, DEFAULTS_VERSION } from './default-rules';

const SEEDED_BY = 'Baton playbook';

/**
 * Seeds the playbook defaults (rules + keyword sets) for a hotel on its first access: the rule list, the keyword
 * sets, or the first domain event automations see. One `automation_setup` row records the defaults version; the
 * inserts are ON CONFLICT DO NOTHING (two first accesses racing insert once), and a default the hotel deleted stays
 * deleted (its row is kept with deleted_at, so its key is taken).
 */
@Injectable()
export class AutomationDefaults {
  /** Hotels known to be seeded in this process (filled after commit only, so a rollback does not poison it). */
  private readonly seeded = new Set<string>();

  async ensure(ctx: RequestContext, hotelId: string): Promise<void> {
    if (this.seeded.has(hotelId)) {
      return;
    }
    const rows: Array<{ v: number }> = await ctx.tx.query(
      `SELECT defaults_version AS v FROM automation_setup WHERE tenant_id = $1`,
      [hotelId],
    );
    if ((rows[0]?.v ?? 0) < DEFAULTS_VERSION) {
      await seedDefaults(ctx, hotelId);
    }
    ctx.afterCommit(() => this.seeded.add(hotelId));
  }
}

/** The inserts themselves (also used by the demo seed through plain SQL with the same statements). */
export async function seedDefaults(ctx: RequestContext, hotelId: string): Promise<void> {
  rulesChanged(ctx, hotelId);
  for (const [name, keywords] of Object.entries(DEFAULT_KEYWORD_SETS)) {
    await ctx.tx.query(
      `INSERT INTO automation_keyword_set (tenant_id, name, keywords) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, name) DO NOTHING`,
      [hotelId, name, keywords],
    );
  }
  for (const rule of DEFAULT_RULES) {
    const diff = diffSnapshots(null, { name: rule.name, enabled: true, definition: rule.definition });
    await ctx.tx.query(
      `WITH r AS (
         INSERT INTO automation_rule (tenant_id, name, enabled, trigger, version, definition, default_key)
         VALUES ($1, $2, true, $3, 1, $4, $5)
         ON CONFLICT (tenant_id, default_key) DO NOTHING
         RETURNING tenant_id, id, name, enabled, definition)
       INSERT INTO automation_rule_version (tenant_id, rule_id, version, name, enabled, definition, diff, change,
                                            created_by_name)
       SELECT tenant_id, id, 1, name, enabled, definition, $6, 'created', $7 FROM r`,
      [
        hotelId,
        rule.name,
        rule.definition.trigger,
        JSON.stringify(rule.definition),
        rule.key,
        JSON.stringify(diff),
        SEEDED_BY,
      ],
    );
  }
  await ctx.tx.query(
    `INSERT INTO automation_setup (tenant_id, defaults_version) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET defaults_version = EXCLUDED.defaults_version, seeded_at = now()`,
    [hotelId, DEFAULTS_VERSION],
  );
}
