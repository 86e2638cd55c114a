import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseStatus, DictionaryKind } from '@baton/shared/contracts';
import { BatonError, RequestContext, SecretBox } from '@baton/api/core';
import { Dictionaries } from '@baton/api/domain/cases';
import { automationsError, AutomationsError } from '../automations.errors';
import { AutomationDefaults } from '../defaults/automation-defaults';
import { SaveAutomationRuleInput } from '../graphql/dto/save-automation-rule.input';
import { SetAutomationRuleEnabledInput } from '../graphql/dto/set-automation-rule-enabled.input';
import { AutomationRuleObject } from '../graphql/objects/automation-rule.object';
import { toRuleObject } from '../graphql/rule-views';
import { definitionFromInput } from '../model/definition-input';
import { ActionType, PartyKind, RuleDefinition } from '../model/rule-definition';
import { DefinitionProblem, definitionProblems } from '../model/rule-validation';
import { findRule, findVersion, listRules, listVersions, RuleRow } from '../store/rules.store';
import { RuleVersions } from '../versions/rule-versions';

/**
 * A hotel's automation rules: list, read with versions, save (a new version each time), enable/disable, delete and
 * roll back. Reading seeds the playbook defaults on first access. Every change is versioned and audited.
 */
@Injectable()
export class AutomationRulesService {
  constructor(
    private readonly defaults: AutomationDefaults,
    private readonly versions: RuleVersions,
    private readonly dictionaries: Dictionaries,
    private readonly secrets: SecretBox,
  ) {}

  async list(ctx: RequestContext, hotelId: string): Promise<AutomationRuleObject[]> {
    ctx.assertInScope(hotelId);
    await this.defaults.ensure(ctx, hotelId);
    return (await listRules(ctx, hotelId)).map((row) => toRuleObject(row));
  }

  async get(ctx: RequestContext, hotelId: string, id: string): Promise<AutomationRuleObject> {
    const rule = await this.find(ctx, hotelId, id);
    return toRuleObject(rule, await listVersions(ctx, hotelId, rule.id));
  }

  async save(ctx: RequestContext, input: SaveAutomationRuleInput): Promise<AutomationRuleObject> {
    const { hotelId } = input;
    ctx.assertInScope(hotelId);
    const before = input.id ? await this.find(ctx, hotelId, input.id, true) : null;
    if (before && (input.expectedVersion === null || input.expectedVersion === undefined)) {
      throw BatonError.badInput('expectedVersion is required when saving an existing rule', {
        field: 'expectedVersion',
      });
    }
    const definition = definitionFromInput(
      input.definition,
      (secret) => this.secrets.seal(secret, hotelId),
      before?.definition ?? null,
    );
    await this.assertValid(ctx, hotelId, definition);
    const snapshot = { name: input.name, enabled: input.enabled ?? before?.enabled ?? true, definition };
    const row = before
      ? await this.versions.change(ctx, before, snapshot, 'saved', { expectedVersion: input.expectedVersion })
      : await this.versions.create(ctx, hotelId, randomUUID(), snapshot);
    return this.get(ctx, hotelId, row.id);
  }

  async setEnabled(ctx: RequestContext, input: SetAutomationRuleEnabledInput): Promise<AutomationRuleObject> {
    const before = await this.find(ctx, input.hotelId, input.id, true);
    const snapshot = { name: before.name, enabled: input.enabled, definition: before.definition };
    await this.versions.change(ctx, before, snapshot, input.enabled ? 'enabled' : 'disabled', {
      expectedVersion: input.expectedVersion,
    });
    return this.get(ctx, input.hotelId, before.id);
  }

  async delete(ctx: RequestContext, hotelId: string, id: string, expectedVersion?: number | null): Promise<boolean> {
    const before = await this.find(ctx, hotelId, id, true);
    const snapshot = { name: before.name, enabled: false, definition: before.definition };
    await this.versions.change(ctx, before, snapshot, 'deleted', { expectedVersion });
    return true;
  }

  /** A new version equal to `version` (name, enabled and definition), so a rollback is itself versioned. */
  async rollback(
    ctx: RequestContext,
    hotelId: string,
    ruleId: string,
    version: number,
    expectedVersion?: number | null,
  ): Promise<AutomationRuleObject> {
    const before = await this.find(ctx, hotelId, ruleId, true);
    const old = await findVersion(ctx, hotelId, before.id, version);
    if (!old || old.change === 'deleted') {
      throw BatonError.notFound('AutomationRuleVersion', String(version));
    }
    const snapshot = { name: old.name, enabled: old.enabled, definition: old.definition };
    await this.versions.change(ctx, before, snapshot, 'rolled_back', { expectedVersion, rolledBackTo: version });
    return this.get(ctx, hotelId, before.id);
  }

  /** A live rule of an in-scope hotel; another hotel's id, a deleted, missing or malformed id: the same NOT_FOUND. */
  async find(ctx: RequestContext, hotelId: string, id: string, lock = false): Promise<RuleRow> {
    const rule = await findRule(ctx, hotelId, id, { lock });
    if (!rule) {
      throw BatonError.notFound('AutomationRule', id);
    }
    return rule;
  }

  /** The definition's own problems plus codes the hotel's dictionaries do not have, all at once. */
  async assertValid(ctx: RequestContext, hotelId: string, definition: RuleDefinition): Promise<void> {
    const problems: DefinitionProblem[] = definitionProblems(definition);
    const labels = await this.dictionaries.activeCodes(ctx, hotelId, DictionaryKind.Label);
    const teams = await this.dictionaries.activeCodes(ctx, hotelId, DictionaryKind.Team);
    const lostReasons = await this.dictionaries.activeCodes(ctx, hotelId, DictionaryKind.LostReason);
    definition.actions.forEach((a, i) => {
      const at = `actions[${i}]`;
      if (a.type === ActionType.AddLabel && a.value && !labels.has(a.value)) {
        problems.push({ path: `${at}.value`, message: `unknown label ${a.value}` });
      }
      if (
        a.type === ActionType.SetStatus &&
        a.value === CaseStatus.Lost &&
        a.lostReason &&
        !lostReasons.has(a.lostReason)
      ) {
        problems.push({ path: `${at}.lostReason`, message: `unknown lost reason ${a.lostReason}` });
      }
      if (a.team && !teams.has(a.team)) {
        problems.push({ path: `${at}.team`, message: `unknown team ${a.team}` });
      }
      if (a.target?.kind === PartyKind.Team && a.target.team && !teams.has(a.target.team)) {
        problems.push({ path: `${at}.target.team`, message: `unknown team ${a.target.team}` });
      }
    });
    if (problems.length > 0) {
      throw automationsError(AutomationsError.InvalidDefinition, { problems });
    }
  }
}
