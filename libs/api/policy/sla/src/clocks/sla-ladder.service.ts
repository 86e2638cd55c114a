import { Injectable, Logger } from '@nestjs/common';
import {
  DictionaryKind,
  HotelRole,
  NotificationChannel,
  RaciRole,
  SlaClockState,
  SlaStep,
} from '@baton/shared/contracts';
import { FiredTimer, RequestContext } from '@baton/api/core';
import { CaseEditingService, Dictionaries } from '@baton/api/domain/cases';
import { Notifications } from '@baton/api/domain/notifications';
import { RaciService } from '@baton/api/domain/raci';
import {
  addClockEvent,
  clockById,
  isLive,
  saveClockState,
  SlaClockEventKind,
  SlaClockRow,
  timingOf,
} from './clock-store';
import { stepTimesOf } from './clock-time';
import { SlaCalendars } from './sla-calendars';
import { publishClockEvent, SLA_STEP_EVENT, SlaStepDomainEvent } from './sla-events';
import { slaNotice } from './sla-notices';
import { SlaTarget } from './sla-targets';
import { SlaTargets } from './sla-targets.loader';

/** The label a breach puts on its case, added to the hotel's dictionary on first use. */
export const SLA_BREACHED_LABEL = { code: 'sla_breached', labelTr: 'SLA aşıldı', labelEn: 'SLA breached' };

/** A timer fires a step when its time has come; a little slack absorbs clock skew between the worker and Postgres. */
const FIRE_SLACK_MS = 1_000;

/**
 * The ladder: T0 (started), reminder, final warning and breach. Each step fires once per clock: the (clock, step)
 * unique row in sla_clock_event is written first, so a retried timer or a second worker finds it and does nothing.
 * Everything a step does (the row, the clock's state, notifications, the case label, the `sla.step` domain event)
 * happens in the caller's transaction.
 */
@Injectable()
export class SlaLadder {
  private readonly logger = new Logger(SlaLadder.name);

  constructor(
    private readonly calendars: SlaCalendars,
    private readonly targets: SlaTargets,
    private readonly notifications: Notifications,
    private readonly raci: RaciService,
    private readonly caseEditing: CaseEditingService,
    private readonly dictionaries: Dictionaries,
  ) {}

  /** The TimerKind.SlaStep handler: the timer's target is the clock, its key the step. */
  async onTimer(ctx: RequestContext, timer: FiredTimer): Promise<void> {
    const step = timer.key as SlaStep;
    const row = await clockById(ctx, timer.hotelId, timer.targetId, true);
    if (!row || !isLive(row) || row.state === SlaClockState.Paused || row.stepsFired.includes(step)) {
      return;
    }
    const calendar = await this.calendars.forClock(ctx, row.hotelId, row.basis, row.calendarId);
    const due = stepTimesOf(timingOf(row), calendar).find((s) => s.step === step)?.at ?? null;
    if (!due || due.getTime() > Date.now() + FIRE_SLACK_MS) {
      // The deadline moved later (a pause, a new policy): the timer scheduled for the new time fires it.
      return;
    }
    await this.fire(ctx, row, step, { depth: 1, idempotencyKey: timer.idempotencyKey });
  }

  /** Fires `step` of the clock unless it already fired; true when it did. `row` is updated in place. */
  async fire(
    ctx: RequestContext,
    row: SlaClockRow,
    step: SlaStep,
    options: { depth: number; idempotencyKey?: string },
  ): Promise<boolean> {
    const now = new Date();
    if (row.stepsFired.includes(step) || !(await addClockEvent(ctx, row, SlaClockEventKind.Step, now, {}, step))) {
      return false;
    }
    row.stepsFired = [...row.stepsFired, step];
    const target = await this.targets.load(ctx, row);
    let recipients: string[];
    if (step === SlaStep.Breach) {
      if (row.state === SlaClockState.Running) {
        row.state = SlaClockState.Breached;
      }
      row.breachedAt ??= row.dueAt;
      recipients = row.escalate ? await this.accountable(ctx, row) : await this.responsible(ctx, row, target);
      if (row.escalate && recipients.length > 0) {
        row.escalatedAt = now;
      }
    } else {
      recipients = await this.responsible(ctx, row, target);
    }
    await saveClockState(ctx, row);
    if (target && recipients.length > 0) {
      await this.notify(ctx, row, step, target, recipients, options.idempotencyKey ?? `${row.id}:${step}`);
    }
    if (step === SlaStep.Breach && target?.type === 'case') {
      await this.markCase(ctx, target, options.depth);
    }
    const event: SlaStepDomainEvent = {
      type: SLA_STEP_EVENT,
      hotelId: row.hotelId,
      at: now.toISOString(),
      depth: options.depth,
      clockId: row.id,
      metric: row.metric,
      step,
      targetType: row.targetType,
      targetId: row.targetId,
      dueAt: row.dueAt.toISOString(),
      policyId: row.policyId,
      raciStep: row.raciStep,
    };
    ctx.emit({ ...event });
    publishClockEvent(ctx, row, SlaClockEventKind.Step, now, step);
    return true;
  }

  /** The owner, else the RACI Responsible of the clock's process step. */
  private async responsible(ctx: RequestContext, row: SlaClockRow, target: SlaTarget | null): Promise<string[]> {
    if (target?.ownerId) {
      return [target.ownerId];
    }
    return (await this.raci.resolve(ctx, row.hotelId, row.raciStep, RaciRole.Responsible)).userIds;
  }

  /** The RACI Accountable of the clock's process step, else the hotel's supervisors (else its GMs). */
  private async accountable(ctx: RequestContext, row: SlaClockRow): Promise<string[]> {
    const raci = await this.raci.resolve(ctx, row.hotelId, row.raciStep, RaciRole.Accountable);
    if (raci.userIds.length > 0) {
      return raci.userIds;
    }
    for (const role of [HotelRole.Supervisor, HotelRole.Gm]) {
      const rows: Array<{ userId: string }> = await ctx.tx.query(
        `SELECT m.user_id AS "userId" FROM hotel_membership m JOIN app_user u ON u.id = m.user_id
          WHERE m.hotel_id = $1 AND m.role = $2 AND u.disabled_at IS NULL ORDER BY m.created_at`,
        [row.hotelId, role],
      );
      if (rows.length > 0) {
        return rows.map((r) => r.userId);
      }
    }
    return [];
  }

  private async notify(
    ctx: RequestContext,
    row: SlaClockRow,
    step: SlaStep,
    target: SlaTarget,
    userIds: string[],
    idempotencyKey: string,
  ): Promise<void> {
    const [hotel]: Array<{ locale: string; timeZone: string }> = await ctx.tx.query(
      `SELECT locale, time_zone AS "timeZone" FROM hotel WHERE id = $1`,
      [row.hotelId],
    );
    const notice = slaNotice(step, {
      metric: row.metric,
      number: target.number,
      dueAt: row.dueAt,
      locale: hotel?.locale ?? 'tr',
      timeZone: hotel?.timeZone ?? 'Europe/Istanbul',
    });
    await this.notifications.notify(ctx, {
      hotelId: row.hotelId,
      userIds,
      kind: `sla.${step}`,
      title: notice.title,
      body: notice.body,
      link: target.type === 'case' ? { caseId: target.id } : { ticketId: target.id },
      // A breach also goes out by e-mail: the Accountable may not be looking at the dashboard.
      channels:
        step === SlaStep.Breach ? [NotificationChannel.InApp, NotificationChannel.Email] : [NotificationChannel.InApp],
      idempotencyKey,
    });
  }

  /** Labels the case `sla_breached` through the cases service (audited, published, re-read by listeners). */
  private async markCase(ctx: RequestContext, target: SlaTarget, depth: number): Promise<void> {
    if (target.labels.includes(SLA_BREACHED_LABEL.code)) {
      return;
    }
    const entries = await this.dictionaries.list(ctx, target.hotelId, DictionaryKind.Label);
    const entry = entries.find((e) => e.code === SLA_BREACHED_LABEL.code);
    if (entry && !entry.active) {
      // The hotel switched the label off: respect that, the clock itself still shows the breach.
      this.logger.log({ hotelId: target.hotelId, caseId: target.id }, 'sla_breached label is inactive; not labelled');
      return;
    }
    if (!entry) {
      await this.dictionaries.save(ctx, {
        hotelId: target.hotelId,
        kind: DictionaryKind.Label,
        ...SLA_BREACHED_LABEL,
        sort: 1000,
        active: true,
      });
    }
    // Same depth as the `sla.step` it comes with: rules reacting to the label are as deep as rules reacting to the step.
    await this.caseEditing.update(
      ctx,
      { hotelId: target.hotelId, id: target.id, labels: [...target.labels, SLA_BREACHED_LABEL.code] },
      { depth },
    );
  }
}
