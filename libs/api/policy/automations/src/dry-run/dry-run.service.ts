import { Injectable } from '@nestjs/common';
import { AutomationTrigger } from '@baton/shared/contracts';
import { BatonError, RequestContext } from '@baton/api/core';
import { automationsError, AutomationsError } from '../automations.errors';
import { usesField } from '../conditions/evaluate-conditions';
import { DEFAULT_KEYWORD_SETS } from '../defaults/default-rules';
import { BusinessHours } from '../engine/business-hours';
import { DryRunAutomationRuleArgs } from '../graphql/dto/dry-run-automation-rule.args';
import { AutomationDryRunObject } from '../graphql/objects/automation-run.object';
import { definitionFromInput } from '../model/definition-input';
import { ConditionField, RuleDefinition } from '../model/rule-definition';
import { definitionProblems } from '../model/rule-validation';
import { keywordSetMap } from '../store/keyword-sets.store';
import { findRule, findVersion } from '../store/rules.store';
import { hotelTimeZone } from '../triggers/schedule.timers';
import { loadHistory } from './history-loader';
import { replayRule } from './replay';

const DAY = 86_400_000;

/** What the replay cannot know, said in every report (as codes the dashboard words) so nobody mistakes it for a recording. */
export enum DryRunNote {
  /** Priority, labels and request type come from each case as it is now; actions are not applied (no chains). */
  CurrentFields = 'current_fields',
  /** Only handoff acceptances are replayed as case updates; field edits have no history. */
  CaseUpdatesPartial = 'case_updates_partial',
  /** More cases were active than the replay loads. */
  CasesTruncated = 'cases_truncated',
}

/**
 * The dry-run: replays a rule (a saved version, or an unsaved definition from the editor) over the last N days of
 * the hotel's history and reports what it would have done. The transaction is switched to READ ONLY first, so the
 * replay cannot write anything even by mistake.
 */
@Injectable()
export class DryRunService {
  constructor(private readonly businessHours: BusinessHours) {}

  async dryRun(ctx: RequestContext, args: DryRunAutomationRuleArgs): Promise<AutomationDryRunObject> {
    const { hotelId, days } = args;
    ctx.assertInScope(hotelId);
    await ctx.tx.query('SET TRANSACTION READ ONLY');
    const { definition, name, ruleId, version } = await this.resolveDefinition(ctx, args);
    const to = new Date();
    const from = new Date(to.getTime() - days * DAY);
    const loaded = await loadHistory(ctx, hotelId, from, to);
    const stored = await keywordSetMap(ctx, hotelId);
    const keywordSets =
      stored.size > 0 ? stored : new Map(Object.entries(DEFAULT_KEYWORD_SETS).map(([k, v]) => [k, [...v]]));
    const hotel: Array<{ name: string }> = await ctx.tx.query(`SELECT name FROM hotel WHERE id = $1`, [hotelId]);
    const report = replayRule(
      definition,
      name,
      {
        from,
        to,
        hotelName: hotel[0]?.name ?? '',
        timeZone: await hotelTimeZone(ctx, hotelId),
        cases: loaded.cases,
        tickets: loaded.tickets,
        events: loaded.events,
        keywordSets,
        businessHours: usesField(definition.conditions, ConditionField.BusinessHours)
          ? await this.businessHours.forHotel(ctx, hotelId)
          : null,
        casesTruncated: loaded.casesTruncated,
      },
      loaded.identities,
    );
    const notes: string[] = [DryRunNote.CurrentFields, ...report.notes];
    if (definition.trigger === AutomationTrigger.CaseUpdated) {
      notes.push(DryRunNote.CaseUpdatesPartial);
    }
    if (loaded.casesTruncated) {
      notes.push(DryRunNote.CasesTruncated);
    }
    return { ruleId, version, days, from, to, ...report, notes };
  }

  private async resolveDefinition(
    ctx: RequestContext,
    args: DryRunAutomationRuleArgs,
  ): Promise<{ definition: RuleDefinition; name: string; ruleId: string | null; version: number | null }> {
    if (args.definition) {
      const definition = definitionFromInput(args.definition, () => 'dry-run');
      const problems = definitionProblems(definition);
      if (problems.length > 0) {
        throw automationsError(AutomationsError.InvalidDefinition, { problems });
      }
      return { definition, name: 'dry-run', ruleId: args.ruleId ?? null, version: null };
    }
    if (!args.ruleId) {
      throw automationsError(AutomationsError.DryRunNeedsRule);
    }
    const rule = await findRule(ctx, args.hotelId, args.ruleId);
    if (!rule) {
      throw BatonError.notFound('AutomationRule', args.ruleId);
    }
    if (args.version && args.version !== rule.version) {
      const old = await findVersion(ctx, args.hotelId, rule.id, args.version);
      if (!old) {
        throw BatonError.notFound('AutomationRuleVersion', String(args.version));
      }
      return { definition: old.definition, name: old.name, ruleId: rule.id, version: old.version };
    }
    return { definition: rule.definition, name: rule.name, ruleId: rule.id, version: rule.version };
  }
}
