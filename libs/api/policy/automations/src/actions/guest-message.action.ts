import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { CaseOutbox } from '@baton/api/domain/cases';
import { RuleAction } from '../model/rule-definition';
import { RunActionResult } from '../store/runs.store';
import { renderTemplate } from '../templating/render-template';
import { ActionRun, done, skipped } from './action-run';
import { pickGuestChannel } from './action-rules';

/**
 * A templated message to the guest, queued in the case's outbox (CaseOutbox.reply): it commits with the change,
 * the outbound dispatcher sends it with retries, and a failure shows on the case like any agent reply.
 */
@Injectable()
export class GuestMessageAction {
  constructor(private readonly outbox: CaseOutbox) {}

  async send(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const record = run.subject.caseRecord;
    if (!record) {
      return skipped(action, 'no case');
    }
    const rows: Array<{ kind: string }> = await ctx.tx.query(
      `SELECT DISTINCT kind FROM guest_identity WHERE tenant_id = $1 AND guest_id = $2`,
      [record.hotelId, record.guestId],
    );
    const preferences = action.messageChannels?.length ? action.messageChannels : ['case'];
    const channel = pickGuestChannel(preferences, record.channel, new Set(rows.map((r) => r.kind)));
    if (!channel) {
      return skipped(action, `guest not reachable on ${preferences.join('/')}`);
    }
    const body = renderTemplate(action.body ?? '', run.values);
    if (body === '') {
      return skipped(action, 'empty message');
    }
    await this.outbox.reply(ctx, { hotelId: record.hotelId, caseId: record.id, body, channel });
    return done(action, channel);
  }
}
