import { Injectable, Logger } from '@nestjs/common';
import { AutomationTrigger, OPEN_CASE_STATUSES, TimerKind } from '@baton/shared/contracts';
import { DurableTimers, FiredTimer, RequestContext } from '@baton/api/core';
import { loadCase } from '@baton/api/domain/cases';
import { RuleEvaluator } from '../engine/rule-evaluator';
import { Subjects } from '../engine/subjects';
import { findRule, RuleRow } from '../store/rules.store';
import { nextCronOccurrence } from './cron';

/** Open cases one firing looks at, most recently active first (a schedule is a sweep, not a bulk job). */
export const SCHEDULE_SWEEP_LIMIT = 200;

/**
 * Scheduled rules ("every weekday 09:00 at the hotel"): one durable timer per rule (kind automation.schedule,
 * target = rule) for its next cron occurrence in the hotel's time zone. Saving, enabling, disabling, rolling back or
 * deleting the rule re-syncs it; each firing evaluates the rule against the hotel's open cases and arms the next one.
 * Each occurrence has its own key, so re-arming from inside the firing never touches the timer being fired.
 */
@Injectable()
export class ScheduleTimers {
  private readonly logger = new Logger('Automations');

  constructor(
    private readonly timers: DurableTimers,
    private readonly evaluator: RuleEvaluator,
    private readonly subjects: Subjects,
  ) {}

  /**
   * After any change of a rule (before → after; null = absent/deleted): drop its pending firings and arm the next one
   * when it is a live schedule. Rules that are not schedules, before or after, have no timers to touch.
   */
  async sync(ctx: RequestContext, before: RuleRow | null, after: RuleRow | null): Promise<void> {
    const rule = after ?? before;
    const isSchedule = (r: RuleRow | null) => r?.trigger === AutomationTrigger.Schedule;
    if (!rule || (!isSchedule(before) && !isSchedule(after))) {
      return;
    }
    await this.timers.cancel(ctx, rule.hotelId, TimerKind.AutomationSchedule, rule.id);
    if (after && after.enabled && isSchedule(after) && after.definition.params.cron) {
      await this.arm(ctx, after, new Date());
    }
  }

  private async arm(ctx: RequestContext, rule: RuleRow, after: Date): Promise<void> {
    const timeZone = await hotelTimeZone(ctx, rule.hotelId);
    const dueAt = nextCronOccurrence(rule.definition.params.cron ?? '', timeZone, after);
    await this.timers.schedule(ctx, {
      hotelId: rule.hotelId,
      kind: TimerKind.AutomationSchedule,
      targetId: rule.id,
      key: `at:${dueAt.toISOString()}`,
      dueAt,
      payload: { ruleVersion: rule.version, cron: rule.definition.params.cron, timeZone },
    });
  }

  async fire(ctx: RequestContext, timer: FiredTimer): Promise<void> {
    const rule = await findRule(ctx, timer.hotelId, timer.targetId);
    if (!rule || !rule.enabled || rule.trigger !== AutomationTrigger.Schedule) {
      return;
    }
    const ids: Array<{ id: string }> = await ctx.tx.query(
      `SELECT id FROM guest_case WHERE tenant_id = $1 AND status = ANY($2::text[]) AND merged_into_id IS NULL
        ORDER BY updated_at DESC LIMIT $3`,
      [timer.hotelId, OPEN_CASE_STATUSES, SCHEDULE_SWEEP_LIMIT],
    );
    for (const { id } of ids) {
      const record = await loadCase(ctx, timer.hotelId, id);
      const subject = this.subjects.forCase(
        record,
        AutomationTrigger.Schedule,
        `timer:${timer.kind}`,
        timer.idempotencyKey,
      );
      await this.evaluator.evaluateAndRun(ctx, [rule], subject);
    }
    this.logger.debug({ ruleId: rule.id, cases: ids.length }, 'scheduled rule swept');
    await this.arm(ctx, rule, new Date(Math.max(Date.now(), timer.dueAt.getTime())));
  }
}

export async function hotelTimeZone(ctx: RequestContext, hotelId: string): Promise<string> {
  const rows: Array<{ tz: string }> = await ctx.tx.query(`SELECT time_zone AS tz FROM hotel WHERE id = $1`, [hotelId]);
  return rows[0]?.tz ?? 'UTC';
}
