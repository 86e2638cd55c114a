import { Injectable } from '@nestjs/common';
import { NotificationChannel } from '@baton/shared/contracts';
import { RequestContext, SecretBox } from '@baton/api/core';
import { Deliveries, Notifications } from '@baton/api/domain/notifications';
import { Party, RuleAction } from '../model/rule-definition';
import { RunActionResult } from '../store/runs.store';
import { renderTemplate } from '../templating/render-template';
import { ActionRun, done, effectKey, linkOf, skipped } from './action-run';
import { PartyResolver } from './parties';

/**
 * Notifications and outbound webhooks. Both go through the notifications library in the caller's transaction:
 * in-app rows and e-mail/webhook deliveries commit with the change and are sent (with retries) by its worker.
 */
@Injectable()
export class NotifyActions {
  constructor(
    private readonly notifications: Notifications,
    private readonly deliveries: Deliveries,
    private readonly parties: PartyResolver,
    private readonly secrets: SecretBox,
  ) {}

  async notify(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    return this.notifyParty(ctx, action, run, action.target ?? null, action.channels ?? [NotificationChannel.InApp]);
  }

  async notifyParty(
    ctx: RequestContext,
    action: RuleAction,
    run: ActionRun,
    target: Party | null,
    channels: NotificationChannel[],
  ): Promise<RunActionResult> {
    if (!target) {
      return skipped(action, 'no recipient');
    }
    const party = await this.parties.resolve(ctx, target, run.subject);
    if (party.userIds.length === 0) {
      return skipped(action, `nobody to notify (${party.label})`);
    }
    await this.notifications.notify(ctx, {
      hotelId: run.subject.hotelId,
      userIds: party.userIds,
      kind: `automation.${action.type}`,
      title: renderTemplate(action.title || run.rule.name, run.values),
      body: renderTemplate(action.body ?? '', run.values),
      link: linkOf(run),
      channels,
      idempotencyKey: effectKey(run),
    });
    return done(action, `${party.label}: ${party.userIds.length} × ${channels.join('+')}`);
  }

  async webhook(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const { subject } = run;
    const c = subject.caseRecord;
    const t = subject.ticket;
    const payload = {
      event: subject.eventType,
      trigger: subject.triggers[0] ?? null,
      at: subject.at.toISOString(),
      hotelId: subject.hotelId,
      rule: run.rule,
      case: c
        ? { id: c.id, number: c.number, status: c.status, priority: c.priority, channel: c.channel, team: c.team }
        : null,
      ticket: t ? { id: t.id, number: t.number, kind: t.kind, status: t.status, priority: t.priority } : null,
    };
    const secret = action.secretSealed ? this.secrets.open(action.secretSealed, subject.hotelId) : undefined;
    await this.deliveries.enqueue(ctx, {
      hotelId: subject.hotelId,
      channel: NotificationChannel.Webhook,
      target: action.url ?? '',
      payload,
      ...(secret ? { secret } : {}),
      idempotencyKey: effectKey(run),
      source: { kind: 'automation_rule', id: run.rule.id },
    });
    return done(action, `${new URL(action.url ?? '').host}${secret ? ' (signed)' : ''}`);
  }
}
