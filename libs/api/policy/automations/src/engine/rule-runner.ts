import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BatonError, RequestContext } from '@baton/api/core';
import { loadCase } from '@baton/api/domain/cases';
import { loadTicket } from '@baton/api/domain/tickets';
import { ActionExecutor, templateValues } from '../actions/action-executor';
import { Evaluation } from '../conditions/evaluate-conditions';
import { ActionStatus, insertRun, RunActionResult, RunOutcome } from '../store/runs.store';
import type { RuleRow } from '../store/rules.store';
import { chainedContext } from './chained-context';
import { loopBlockMessage, LoopBlockReason } from './loop-guard';
import type { RunSubject } from './run-subject';

let savepoints = 0;

/**
 * Runs one matched rule: its actions in order inside a savepoint, so a failing action undoes what the rule did
 * (and drops the events it queued) without touching the change that triggered it; then one automation_run row.
 */
@Injectable()
export class RuleRunner {
  private readonly logger = new Logger('Automations');

  constructor(private readonly executor: ActionExecutor) {}

  async run(ctx: RequestContext, rule: RuleRow, subject: RunSubject, evaluation: Evaluation): Promise<RunOutcome> {
    const runId = randomUUID();
    const savepoint = `automation_rule_${(savepoints = (savepoints + 1) % 1_000_000)}`;
    await ctx.tx.query(`SAVEPOINT ${savepoint}`);
    const chain = chainedContext(
      ctx,
      { depth: subject.depth, rootId: subject.rootId, ruleId: rule.id },
      `Automation: ${rule.name}`,
      subject.hotelId,
    );
    const results: RunActionResult[] = [];
    let error: string | null = null;
    // Conditions read the event's snapshot; actions work on the case as it is now (an earlier rule may have changed it).
    let current = await refreshed(ctx, subject);
    const ruleRef = { id: rule.id, name: rule.name, version: rule.version };
    for (const [index, action] of rule.definition.actions.entries()) {
      if (error !== null) {
        results.push({ type: action.type, status: ActionStatus.NotRun, detail: null });
        continue;
      }
      try {
        const values = await templateValues(chain.ctx, current, rule.name);
        results.push(
          await this.executor.execute(chain.ctx, action, { rule: ruleRef, subject: current, runId, index, values }),
        );
        // The next action sees what this one did (a label added, the status after a handoff).
        current = await refreshed(chain.ctx, current);
      } catch (cause) {
        error = messageOf(cause);
        results.push({ type: action.type, status: ActionStatus.Failed, detail: error });
        if (!(cause instanceof BatonError)) {
          this.logger.error({ err: cause, ruleId: rule.id, action: action.type }, 'automation action crashed');
        }
      }
    }
    if (error !== null) {
      await ctx.tx.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
      this.logger.warn({ ruleId: rule.id, hotelId: subject.hotelId, error }, 'automation rule failed, rolled back');
    } else {
      await ctx.tx.query(`RELEASE SAVEPOINT ${savepoint}`);
      chain.flush();
    }
    const outcome =
      error !== null
        ? RunOutcome.Failed
        : results.some((r) => r.status === ActionStatus.Skipped)
          ? RunOutcome.Partial
          : RunOutcome.Succeeded;
    await insertRun(ctx, {
      ...runBase(rule, subject),
      id: runId,
      outcome,
      actions: results,
      matchedKeywords: evaluation.keywords,
      error,
    });
    return outcome;
  }

  /** The clear entry loop protection leaves: which rule, at what depth, why, and a warning in the log. */
  async recordLoopBlocked(ctx: RequestContext, rule: RuleRow, subject: RunSubject, reason: LoopBlockReason) {
    const message = loopBlockMessage(reason, subject.depth);
    this.logger.warn(
      { ruleId: rule.id, hotelId: subject.hotelId, depth: subject.depth, event: subject.eventType, reason },
      `automation loop blocked: ${rule.name}`,
    );
    await insertRun(ctx, {
      ...runBase(rule, subject),
      id: randomUUID(),
      outcome: RunOutcome.LoopBlocked,
      actions: [],
      matchedKeywords: [],
      error: message,
    });
  }
}

function runBase(rule: RuleRow, subject: RunSubject) {
  return {
    hotelId: subject.hotelId,
    ruleId: rule.id,
    ruleVersion: rule.version,
    eventType: subject.eventType,
    trigger: rule.trigger,
    caseId: subject.caseRecord?.id ?? null,
    caseNumber: subject.caseRecord?.number ?? null,
    ticketId: subject.ticket?.id ?? null,
    depth: subject.depth,
  };
}

async function refreshed(ctx: RequestContext, subject: RunSubject): Promise<RunSubject> {
  const caseRecord = subject.caseRecord ? await loadCase(ctx, subject.hotelId, subject.caseRecord.id) : null;
  const ticket = subject.ticket ? await loadTicket(ctx, subject.hotelId, subject.ticket.id) : null;
  return { ...subject, caseRecord, ticket };
}

function messageOf(error: unknown): string {
  if (error instanceof BatonError) {
    return `${error.code}: ${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
