import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import type { RunSubject } from '../engine/run-subject';
import { ActionType, RuleAction } from '../model/rule-definition';
import { RunActionResult } from '../store/runs.store';
import type { TemplateValues } from '../templating/render-template';
import { ActionRun } from './action-run';
import { CaseActions } from './case-actions';
import { GuestMessageAction } from './guest-message.action';
import { NotifyActions } from './notify-actions';
import { TicketActions } from './ticket-actions';

/** Dispatches one action to its implementation (an exhaustive switch: a new ActionType fails to compile here). */
@Injectable()
export class ActionExecutor {
  constructor(
    private readonly notify: NotifyActions,
    private readonly cases: CaseActions,
    private readonly tickets: TicketActions,
    private readonly guestMessage: GuestMessageAction,
  ) {}

  execute(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    switch (action.type) {
      case ActionType.Notify:
        return this.notify.notify(ctx, action, run);
      case ActionType.Webhook:
        return this.notify.webhook(ctx, action, run);
      case ActionType.Assign:
        return this.cases.assign(ctx, action, run);
      case ActionType.Escalate:
        return this.cases.escalate(ctx, action, run);
      case ActionType.SetPriority:
        return this.cases.setPriority(ctx, action, run);
      case ActionType.AddLabel:
        return this.cases.addLabel(ctx, action, run);
      case ActionType.SetStatus:
        return this.cases.setStatus(ctx, action, run);
      case ActionType.AddNote:
        return this.cases.addNote(ctx, action, run);
      case ActionType.CreateTicket:
        return this.tickets.createTicket(ctx, action, run);
      case ActionType.HandOffToPhone:
        return this.tickets.handOffToPhone(ctx, action, run);
      case ActionType.SendGuestMessage:
        return this.guestMessage.send(ctx, action, run);
    }
  }
}

/** The placeholders' values for one run. */
export async function templateValues(
  ctx: RequestContext,
  subject: RunSubject,
  ruleName: string,
): Promise<TemplateValues> {
  const rows: Array<{ name: string }> = await ctx.tx.query(`SELECT name FROM hotel WHERE id = $1`, [subject.hotelId]);
  const c = subject.caseRecord;
  const t = subject.ticket;
  return {
    guestName: c?.guestName ?? null,
    caseNumber: c?.number ?? t?.caseNumber ?? null,
    hotelName: rows[0]?.name ?? null,
    ownerName: (subject.actsOn === 'ticket' ? t?.ownerName : c?.ownerName) ?? null,
    ticketNumber: t?.number ?? null,
    ticketTitle: t?.title ?? null,
    ruleName,
  };
}
