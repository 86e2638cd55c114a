import { Injectable } from '@nestjs/common';
import { AutomationTrigger } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { evaluateConditions, usesField } from '../conditions/evaluate-conditions';
import { ConditionField } from '../model/rule-definition';
import { keywordSetMap } from '../store/keyword-sets.store';
import type { RuleRow } from '../store/rules.store';
import { slaParamsMatch } from '../triggers/event-triggers';
import { BusinessHours } from './business-hours';
import { loopDecision, RootLedger } from './loop-guard';
import { RuleRunner } from './rule-runner';
import type { RunSubject } from './run-subject';

/**
 * Evaluates a hotel's rules against one subject and runs those that match, in order, under loop protection. Shared
 * by the domain-event listener and the inactivity / schedule timer handlers.
 */
@Injectable()
export class RuleEvaluator {
  private readonly ledger = new RootLedger();

  constructor(
    private readonly runner: RuleRunner,
    private readonly businessHours: BusinessHours,
  ) {}

  async evaluateAndRun(
    ctx: RequestContext,
    rules: readonly RuleRow[],
    subject: RunSubject,
    event?: Record<string, unknown>,
  ) {
    const candidates = rules.filter(
      (rule) =>
        subject.triggers.includes(rule.trigger) &&
        (rule.trigger !== AutomationTrigger.SlaStep ||
          slaParamsMatch(rule.definition.params, event?.step, event?.metric)),
    );
    if (candidates.length === 0) {
      return;
    }
    const keywordSets = candidates.some((r) => usesField(r.definition.conditions, ConditionField.Keywords))
      ? await keywordSetMap(ctx, subject.hotelId)
      : new Map<string, string[]>();
    let facts = subject.facts;
    if (candidates.some((r) => usesField(r.definition.conditions, ConditionField.BusinessHours))) {
      const open = await this.businessHours.forHotel(ctx, subject.hotelId);
      facts = { ...facts, businessHours: open(subject.at) };
    }
    const ran = this.ledger.ran(ctx.tx, subject.rootId);
    for (const rule of candidates) {
      const evaluation = evaluateConditions(rule.definition.conditions, facts, { keywordSets });
      if (!evaluation.matched) {
        continue;
      }
      const decision = loopDecision(subject.depth, rule.id, ran);
      if (!decision.run) {
        await this.runner.recordLoopBlocked(ctx, rule, subject, decision.reason);
        continue;
      }
      ran.add(rule.id);
      await this.runner.run(ctx, rule, subject, evaluation);
    }
  }
}
