import { Injectable, Logger } from '@nestjs/common';
import { AutomationTrigger, OPEN_CASE_STATUSES, TimerKind } from '@baton/shared/contracts';
import { BatonError, DomainEvent, DurableTimers, FiredTimer, RequestContext } from '@baton/api/core';
import { CaseRecord, isCaseDomainEvent, loadCase } from '@baton/api/domain/cases';
import { RuleEvaluator } from '../engine/rule-evaluator';
import { Subjects } from '../engine/subjects';
import { WaitingOn } from '../model/rule-definition';
import { findRule, liveRules, RuleRow } from '../store/rules.store';

const MINUTE = 60_000;

/** Pure: when the wait the rule watches started (null = nobody is waiting on that side). */
export function waitStartedAt(record: CaseRecord, waitingOn: WaitingOn): Date | null {
  if (!OPEN_CASE_STATUSES.includes(record.status)) {
    return null;
  }
  if (waitingOn === WaitingOn.Guest) {
    const out = record.lastOutboundAt;
    return out && (!record.lastInboundAt || record.lastInboundAt < out) ? out : null;
  }
  return record.waitingSince ? (record.lastInboundAt ?? record.waitingSince) : null;
}

/**
 * "No reply for N minutes". Each message event (re)schedules one durable timer per inactivity rule and case
 * (kind automation.inactivity, target = case, key = rule) at last activity + N, in the transaction of the message;
 * the side that answers cancels it. The handler re-reads the case: the rule runs only if the wait is still on and
 * N minutes old (a rule edited meanwhile is re-read too, and re-armed for its new N).
 */
@Injectable()
export class InactivityTimers {
  private readonly logger = new Logger('Automations');

  constructor(
    private readonly timers: DurableTimers,
    private readonly evaluator: RuleEvaluator,
    private readonly subjects: Subjects,
  ) {}

  async onEvent(ctx: RequestContext, event: DomainEvent): Promise<void> {
    if (!isCaseDomainEvent(event)) {
      return;
    }
    const message = event.type === 'case.created' || event.type === 'case.message_added';
    const closed = event.type === 'case.status_changed' && !OPEN_CASE_STATUSES.includes(event.case.status);
    if (closed) {
      await this.timers.cancel(ctx, event.hotelId, TimerKind.AutomationInactivity, event.caseId);
      return;
    }
    if (!message) {
      return;
    }
    const rules = await liveRules(ctx, event.hotelId, [AutomationTrigger.Inactivity]);
    for (const rule of rules) {
      await this.arm(ctx, rule, event.case);
    }
  }

  /** Schedules (or moves, or cancels) the rule's timer for the case from the case's current state. */
  async arm(ctx: RequestContext, rule: RuleRow, record: CaseRecord): Promise<void> {
    const waitingOn = rule.definition.params.waitingOn ?? WaitingOn.Hotel;
    const minutes = rule.definition.params.inactivityMinutes ?? 0;
    const since = waitStartedAt(record, waitingOn);
    if (!since || minutes <= 0) {
      await this.timers.cancel(ctx, record.hotelId, TimerKind.AutomationInactivity, record.id, rule.id);
      return;
    }
    await this.timers.schedule(ctx, {
      hotelId: record.hotelId,
      kind: TimerKind.AutomationInactivity,
      targetId: record.id,
      key: rule.id,
      dueAt: new Date(since.getTime() + minutes * MINUTE),
      payload: { ruleVersion: rule.version, waitingOn, since: since.toISOString() },
    });
  }

  async fire(ctx: RequestContext, timer: FiredTimer): Promise<void> {
    const rule = await findRule(ctx, timer.hotelId, timer.key);
    if (!rule || !rule.enabled || rule.trigger !== AutomationTrigger.Inactivity) {
      return;
    }
    let record: CaseRecord;
    try {
      record = await loadCase(ctx, timer.hotelId, timer.targetId);
    } catch (error) {
      if (error instanceof BatonError) {
        return;
      }
      throw error;
    }
    const waitingOn = rule.definition.params.waitingOn ?? WaitingOn.Hotel;
    const since = waitStartedAt(record, waitingOn);
    if (!since) {
      return;
    }
    const dueAt = since.getTime() + (rule.definition.params.inactivityMinutes ?? 0) * MINUTE;
    if (dueAt > Date.now() + 1000) {
      // The wait restarted or the rule's N grew since the timer was set: re-arm for the right time.
      await this.arm(ctx, rule, record);
      return;
    }
    this.logger.debug({ ruleId: rule.id, caseId: record.id }, 'inactivity rule due');
    const subject = this.subjects.forCase(
      record,
      AutomationTrigger.Inactivity,
      `timer:${timer.kind}`,
      timer.idempotencyKey,
    );
    await this.evaluator.evaluateAndRun(ctx, [rule], subject);
  }
}
