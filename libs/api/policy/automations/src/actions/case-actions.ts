import { Injectable } from '@nestjs/common';
import { CasePriority, CaseStatus, NotificationChannel } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { CaseEditingService, CaseWorkflowService } from '@baton/api/domain/cases';
import { TicketsService } from '@baton/api/domain/tickets';
import { PartyKind, RuleAction } from '../model/rule-definition';
import { RunActionResult } from '../store/runs.store';
import { renderTemplate } from '../templating/render-template';
import { ActionRun, done, skipped } from './action-run';
import { NotifyActions } from './notify-actions';
import { PartyResolver } from './parties';

const PRIORITIES = [CasePriority.P1, CasePriority.P2, CasePriority.P3, CasePriority.P4];

/**
 * Changes to the case (or, for ticket triggers, the ticket): assign, escalate, priority, label, status, note. Each
 * goes through the owning library's service, so it is validated, audited and published like a person's change.
 */
@Injectable()
export class CaseActions {
  constructor(
    private readonly editing: CaseEditingService,
    private readonly workflow: CaseWorkflowService,
    private readonly tickets: TicketsService,
    private readonly parties: PartyResolver,
    private readonly notify: NotifyActions,
  ) {}

  async assign(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    if (!action.target || action.target.kind === PartyKind.Owner) {
      return skipped(action, 'already with the owner');
    }
    const party = await this.parties.resolve(ctx, action.target, run.subject);
    const change = {
      ...(party.ownerId ? { ownerId: party.ownerId } : {}),
      ...(party.team ? { team: party.team } : {}),
    };
    if (Object.keys(change).length === 0) {
      return skipped(action, `nobody to assign (${party.label})`);
    }
    const { hotelId, ticket, caseRecord } = run.subject;
    if (run.subject.actsOn === 'ticket' && ticket) {
      await this.tickets.assign(ctx, { hotelId, id: ticket.id, ...change });
    } else if (caseRecord) {
      await this.editing.assign(ctx, { hotelId, id: caseRecord.id, ...change });
    } else {
      return skipped(action, 'no case');
    }
    return done(action, party.label);
  }

  /** Priority one step up (never above P1), reassigned to the party, who is notified in-app and by e-mail. */
  async escalate(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const { hotelId, ticket, caseRecord } = run.subject;
    const current = (run.subject.actsOn === 'ticket' ? ticket?.priority : caseRecord?.priority) as CasePriority;
    const raised = PRIORITIES[Math.max(0, PRIORITIES.indexOf(current) - 1)] ?? CasePriority.P1;
    if (run.subject.actsOn === 'ticket' && ticket) {
      await this.tickets.update(ctx, { hotelId, id: ticket.id, priority: raised });
    } else if (caseRecord) {
      await this.editing.update(ctx, { hotelId, id: caseRecord.id, priority: raised });
    } else {
      return skipped(action, 'no case');
    }
    const assigned = await this.assign(ctx, action, run);
    const notified = await this.notify.notifyParty(ctx, action, run, action.target ?? null, [
      NotificationChannel.InApp,
      NotificationChannel.Email,
    ]);
    return done(action, `${current}→${raised}; ${assigned.detail ?? ''}; ${notified.detail ?? ''}`);
  }

  async setPriority(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const { hotelId, ticket, caseRecord } = run.subject;
    const priority = action.value as CasePriority;
    if (run.subject.actsOn === 'ticket' && ticket) {
      await this.tickets.update(ctx, { hotelId, id: ticket.id, priority });
    } else if (caseRecord) {
      await this.editing.update(ctx, { hotelId, id: caseRecord.id, priority });
    } else {
      return skipped(action, 'no case');
    }
    return done(action, priority);
  }

  async addLabel(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const record = run.subject.caseRecord;
    const label = action.value ?? '';
    if (!record) {
      return skipped(action, 'no case');
    }
    if (record.labels.includes(label)) {
      return skipped(action, `already labelled ${label}`);
    }
    await this.editing.update(ctx, { hotelId: record.hotelId, id: record.id, labels: [...record.labels, label] });
    return done(action, label);
  }

  async setStatus(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const record = run.subject.caseRecord;
    const status = action.value as CaseStatus;
    if (!record) {
      return skipped(action, 'no case');
    }
    if (record.status === status) {
      return skipped(action, `already ${status}`);
    }
    await this.workflow.changeStatus(ctx, {
      hotelId: record.hotelId,
      id: record.id,
      status,
      lostReason: status === CaseStatus.Lost ? (action.lostReason ?? null) : null,
      note: `automation: ${run.rule.name}`,
    });
    return done(action, `${record.status}→${status}`);
  }

  async addNote(ctx: RequestContext, action: RuleAction, run: ActionRun): Promise<RunActionResult> {
    const { hotelId, ticket, caseRecord } = run.subject;
    const body = renderTemplate(action.body ?? '', run.values);
    if (run.subject.actsOn === 'ticket' && ticket) {
      await this.tickets.addNote(ctx, hotelId, ticket.id, body);
    } else if (caseRecord) {
      await this.editing.addNote(ctx, hotelId, caseRecord.id, body);
    } else {
      return skipped(action, 'no case');
    }
    return done(action, null);
  }
}
