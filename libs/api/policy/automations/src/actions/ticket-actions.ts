import { Injectable } from '@nestjs/common';
import { Channel, HandoffReason, TicketKind } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { CaseWorkflowService } from '@baton/api/domain/cases';
import { TicketsService } from '@baton/api/domain/tickets';
import { RuleAction } from '../model/rule-definition';
import { RunActionResult } from '../store/runs.store';
import { renderTemplate } from '../templating/render-template';
import { ActionRun, done, skipped } from './action-run';
import { CALL_CENTER_TEAM, handoffBlocker } from './action-rules';

/** Tickets and tasks created by rules, and the hand-off to phone (a callback ticket + the case handed off). */
@Injectable()
export class TicketActions {
  constructor(
    private readonly tickets: TicketsService,
    private readonly workflow: CaseWorkflowService,
  ) {}

  async createTicket(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const { hotelId, caseRecord, depth } = run.subject;
    const ticket = await this.tickets.create(ctx, {
      hotelId,
      kind: action.value ?? TicketKind.Ticket,
      priority: caseRecord?.priority ?? null,
      title: renderTemplate(action.title ?? run.rule.name, run.values),
      description: renderTemplate(action.body ?? '', run.values),
      team: action.team ?? null,
      caseId: caseRecord?.id ?? null,
      source: 'rule',
      ruleId: run.rule.id,
      depth: depth + 1,
    });
    return done(action, ticket.number);
  }

  /**
   * A callback ticket in the call center's queue, linked to the case, then the case handed off to the call center on
   * the phone channel when the pipeline allows it (a case already handed off, won or missing its mandatory fields
   * keeps its status; the callback ticket is what the call center works from either way).
   */
  async handOffToPhone(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const { hotelId, caseRecord, depth } = run.subject;
    if (!caseRecord) {
      return skipped(action, 'no case');
    }
    const team = action.team || CALL_CENTER_TEAM;
    const reason = (action.reason as HandoffReason | null) ?? HandoffReason.Manual;
    const ticket = await this.tickets.create(ctx, {
      hotelId,
      kind: TicketKind.Callback,
      priority: caseRecord.priority,
      title: renderTemplate(action.title || 'Callback: {{guestName}} ({{caseNumber}})', run.values),
      description: renderTemplate(action.body ?? '', run.values),
      team,
      caseId: caseRecord.id,
      source: 'rule',
      ruleId: run.rule.id,
      depth: depth + 1,
    });
    const why = handoffBlocker(caseRecord, team);
    if (why) {
      return done(action, `${ticket.number}; no handoff: ${why}`);
    }
    await this.workflow.handOff(ctx, {
      hotelId,
      id: caseRecord.id,
      toTeam: team,
      toChannel: Channel.Phone,
      reason,
      note: `${ticket.number}: ${renderTemplate(action.body ?? '', run.values)}`.slice(0, 1000),
    });
    return done(action, `${ticket.number}; handed off to ${team} (phone)`);
  }
}
