import { Injectable, OnModuleInit } from '@nestjs/common';
import { TimerKind } from '@baton/shared/contracts';
import { DomainEvent, DomainEvents, RequestContext, TimerHandlers } from '@baton/api/core';
import { LiveRulesCache } from '../store/live-rules.cache';
import { LISTENED_EVENTS, triggersOf } from '../triggers/event-triggers';
import { InactivityTimers } from '../triggers/inactivity.timers';
import { ScheduleTimers } from '../triggers/schedule.timers';
import { RuleEvaluator } from './rule-evaluator';
import { Subjects } from './subjects';

/**
 * The listener: case.*, ticket.* and sla.step domain events run the hotel's matching rules inside the transaction of
 * the change (DomainEvents drains them just before COMMIT), and the two timer kinds run inactivity and schedule rules
 * in the worker. The hotel's enabled rules come from LiveRulesCache (per process, invalidated over pub/sub when a rule
 * is written, 30 s TTL as a safety net): reading them per event cost a round trip on every case event, ~1 ms with 20
 * rules, ~1.8 ms with 200 (automations.medium.spec.ts). A hotel's playbook defaults are seeded when its automations
 * are first read (the admin page, the API) or by the demo seed, not by the first domain event: a hotel nobody set up
 * runs no rules.
 */
@Injectable()
export class AutomationEngine implements OnModuleInit {
  constructor(
    private readonly domainEvents: DomainEvents,
    private readonly timerHandlers: TimerHandlers,
    private readonly subjects: Subjects,
    private readonly evaluator: RuleEvaluator,
    private readonly inactivity: InactivityTimers,
    private readonly schedule: ScheduleTimers,
    private readonly rules: LiveRulesCache,
  ) {}

  onModuleInit(): void {
    for (const type of LISTENED_EVENTS) {
      this.domainEvents.on(type, (ctx, event) => this.handle(ctx, event));
    }
    this.timerHandlers.register(TimerKind.AutomationInactivity, (ctx, timer) => this.inactivity.fire(ctx, timer));
    this.timerHandlers.register(TimerKind.AutomationSchedule, (ctx, timer) => this.schedule.fire(ctx, timer));
  }

  async handle(ctx: RequestContext, event: DomainEvent): Promise<void> {
    await this.inactivity.onEvent(ctx, event);
    const triggers = triggersOf(event as DomainEvent & { detail?: unknown });
    if (triggers.length === 0) {
      return;
    }
    const rules = await this.rules.rules(ctx, event.hotelId, triggers);
    if (rules.length === 0) {
      return;
    }
    const subject = await this.subjects.fromEvent(ctx, event);
    if (subject) {
      await this.evaluator.evaluateAndRun(ctx, rules, subject, event);
    }
  }
}
