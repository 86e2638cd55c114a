import type { RequestContext } from '@baton/api/core';
import type { RunSubject } from '../engine/run-subject';
import type { RuleAction } from '../model/rule-definition';
import { ActionStatus, RunActionResult } from '../store/runs.store';
import type { TemplateValues } from '../templating/render-template';

/** One action of one run, with what every action implementation needs. */
export interface ActionRun {
  rule: { id: string; name: string; version: number };
  subject: RunSubject;
  runId: string;
  index: number;
  values: TemplateValues;
}

export type ActionHandler = (ctx: RequestContext, action: RuleAction, run: ActionRun) => Promise<RunActionResult>;

export const done = (action: RuleAction, detail: string | null = null): RunActionResult => ({
  type: action.type,
  status: ActionStatus.Done,
  detail,
});

export const skipped = (action: RuleAction, detail: string): RunActionResult => ({
  type: action.type,
  status: ActionStatus.Skipped,
  detail,
});

/**
 * The idempotency key of an external effect (notification, e-mail, webhook). Event runs commit atomically with
 * their change, so the run id is unique enough; timer runs use the timer's key, stable across a crashed retry.
 */
export function effectKey(run: ActionRun): string {
  const base = run.subject.idempotencyBase
    ? `${run.subject.idempotencyBase}:${run.subject.caseRecord?.id ?? run.subject.ticket?.id ?? ''}`
    : run.runId;
  return `automation:${run.rule.id}:${base}:${run.index}`.slice(0, 200);
}

/** Link of a notification: the case and/or ticket the run is about. */
export function linkOf(run: ActionRun): { caseId?: string; ticketId?: string } {
  return {
    ...(run.subject.caseRecord ? { caseId: run.subject.caseRecord.id } : {}),
    ...(run.subject.ticket ? { ticketId: run.subject.ticket.id } : {}),
  };
}
