import { Injectable } from '@nestjs/common';
import { AuditAction } from '@baton/shared/contracts';
import { actorName, AuditWriter, RequestContext } from '@baton/api/core';
import { automationsError, AutomationsError } from '../automations.errors';
import type { RuleDefinition } from '../model/rule-definition';
import { findRule, insertRule, insertVersion, RuleRow, updateRule, VersionChange } from '../store/rules.store';
import { ScheduleTimers } from '../triggers/schedule.timers';
import { diffSnapshots, RuleSnapshot } from './definition-diff';

/** What the audit trail keeps of a rule version (no template texts or secrets: the version row has the full thing). */
function auditView(s: RuleSnapshot, version: number): Record<string, unknown> {
  return {
    version,
    name: s.name,
    enabled: s.enabled,
    trigger: s.definition.trigger,
    actions: s.definition.actions.map((a) => a.type),
  };
}

/**
 * The one way a rule changes: a new version row (who, when, the full snapshot, the diff to the previous one), the
 * rule row updated to it, an audit entry, and the schedule timer re-synced, all in the caller's transaction.
 */
@Injectable()
export class RuleVersions {
  constructor(
    private readonly audit: AuditWriter,
    private readonly schedule: ScheduleTimers,
  ) {}

  /** Creates a rule at version 1. */
  async create(ctx: RequestContext, hotelId: string, id: string, snapshot: RuleSnapshot): Promise<RuleRow> {
    await insertRule(ctx, { hotelId, id, ...snapshot, version: 1 });
    await insertVersion(ctx, {
      hotelId,
      ruleId: id,
      version: 1,
      ...snapshot,
      diff: diffSnapshots(null, snapshot),
      change: 'created',
      createdByName: who(ctx),
    });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.AutomationRuleSaved,
      entityType: 'automation_rule',
      entityId: id,
      before: null,
      after: auditView(snapshot, 1),
    });
    return this.afterChange(ctx, null, hotelId, id);
  }

  /**
   * Moves a locked rule to `next` as a new version. Refuses with STALE_VERSION when `expectedVersion` is not the
   * current one; returns the rule unchanged when nothing differs (no empty versions).
   */
  async change(
    ctx: RequestContext,
    before: RuleRow,
    next: RuleSnapshot,
    change: VersionChange,
    options: { expectedVersion?: number | null; rolledBackTo?: number } = {},
  ): Promise<RuleRow> {
    assertVersion(before, options.expectedVersion);
    const previous: RuleSnapshot = { name: before.name, enabled: before.enabled, definition: before.definition };
    const diff = diffSnapshots(previous, next);
    if (diff.length === 0 && change !== 'deleted' && change !== 'rolled_back') {
      return before;
    }
    const version = before.version + 1;
    const deleting = change === 'deleted';
    await updateRule(ctx, { hotelId: before.hotelId, id: before.id, ...next, version }, { delete: deleting });
    await insertVersion(ctx, {
      hotelId: before.hotelId,
      ruleId: before.id,
      version,
      ...next,
      diff,
      change,
      rolledBackTo: options.rolledBackTo ?? null,
      createdByName: who(ctx),
    });
    await this.audit.record(ctx, {
      tenantId: before.hotelId,
      action: deleting
        ? AuditAction.AutomationRuleDeleted
        : change === 'rolled_back'
          ? AuditAction.AutomationRuleRolledBack
          : AuditAction.AutomationRuleSaved,
      entityType: 'automation_rule',
      entityId: before.id,
      before: auditView(previous, before.version),
      after: deleting
        ? null
        : { ...auditView(next, version), ...(options.rolledBackTo ? { rolledBackTo: options.rolledBackTo } : {}) },
    });
    if (deleting) {
      await this.schedule.sync(ctx, before, null);
      return { ...before, version };
    }
    return this.afterChange(ctx, before, before.hotelId, before.id);
  }

  private async afterChange(ctx: RequestContext, before: RuleRow | null, hotelId: string, id: string) {
    const row = await findRule(ctx, hotelId, id);
    if (!row) {
      throw new Error(`automation rule ${id} vanished inside its own transaction`);
    }
    await this.schedule.sync(ctx, before, row);
    return row;
  }
}

export function assertVersion(rule: RuleRow, expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined && expected !== rule.version) {
    throw automationsError(AutomationsError.StaleVersion, { currentVersion: rule.version });
  }
}

export function snapshotOf(name: string, enabled: boolean, definition: RuleDefinition): RuleSnapshot {
  return { name, enabled, definition };
}

function who(ctx: RequestContext): string | null {
  return ctx.principal ? actorName(ctx.principal) : null;
}
