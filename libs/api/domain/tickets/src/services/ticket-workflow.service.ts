import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditAction, ErrorCode, TicketClosure, TicketKind, TicketStatus, TimerKind } from '@baton/shared/contracts';
import { AuditWriter, BatonError, DurableTimers, FiredTimer, RequestContext, TimerHandlers } from '@baton/api/core';
import { ChangeTicketStatusInput } from '../dto/change-ticket-status.input';
import { TicketsError, ticketsError } from '../tickets.errors';
import { reloadAndPublish, TicketEventKind } from './ticket-events';
import { actor, recordTransition } from './ticket-history';
import { loadTicket, TicketRecord } from './ticket-record';
import {
  canTransitionTicket,
  isResolvedTicketStatus,
  isTerminalTicketStatus,
  nextTicketStatuses,
} from './ticket-rules';

const DAY_MS = 86_400_000;
/** The one closure timer of a ticket (scheduling it again moves it). */
export const CLOSURE_TIMER_KEY = 'closure';

/** Refuses a change the pipeline of the ticket's kind does not allow, naming what is allowed. */
export function assertTicketTransition(record: TicketRecord, to: TicketStatus): void {
  if (!canTransitionTicket(record.kind, record.status, to)) {
    throw ticketsError(TicketsError.InvalidTransition, {
      from: record.status,
      to,
      allowed: nextTicketStatuses(record.kind, record.status),
    });
  }
}

interface Move {
  to: TicketStatus;
  closure?: TicketClosure | null;
  reason?: string | null;
  depth?: number;
  /** The closure timer is firing right now (the runner consumes it): leave it to the runner, do not cancel it. */
  fromTimer?: boolean;
}

/**
 * The status pipeline of tickets, closure confirmation and approvals. Every status change goes through `move`, which
 * keeps the timestamps, the history, the closure timer and the events consistent in the caller's transaction.
 */
@Injectable()
export class TicketWorkflowService implements OnModuleInit {
  constructor(
    private readonly audit: AuditWriter,
    private readonly timers: DurableTimers,
    private readonly timerHandlers: TimerHandlers,
  ) {}

  onModuleInit(): void {
    this.timerHandlers.register(TimerKind.TicketClosure, (ctx, timer) => this.closeUnanswered(ctx, timer));
  }

  async changeStatus(
    ctx: RequestContext,
    input: ChangeTicketStatusInput,
    options: { depth?: number } = {},
  ): Promise<TicketRecord> {
    const before = await loadTicket(ctx, input.hotelId, input.id, { lock: true });
    const to = input.status as TicketStatus;
    if (to === TicketStatus.Resolved && before.kind === TicketKind.Approval) {
      throw ticketsError(TicketsError.UseApproveTicket, { field: 'status' });
    }
    assertTicketTransition(before, to);
    const closure = to === TicketStatus.Closed ? TicketClosure.ClosedByStaff : null;
    const after = await this.move(ctx, before, { to, closure, reason: input.note, depth: options.depth });
    await this.auditStatus(ctx, before, after, AuditAction.TicketStatusChanged);
    return after;
  }

  /**
   * The guest's answer to "is it fixed?": confirmed closes the ticket (guest_confirmed) and drops the no-answer timer;
   * not confirmed sends it back to in_progress.
   */
  async confirmClosure(
    ctx: RequestContext,
    hotelId: string,
    ticketId: string,
    confirmed: boolean,
    note?: string | null,
  ): Promise<TicketRecord> {
    const before = await loadTicket(ctx, hotelId, ticketId, { lock: true });
    const to = confirmed ? TicketStatus.Closed : TicketStatus.InProgress;
    if (before.status !== TicketStatus.AwaitingConfirmation) {
      throw ticketsError(TicketsError.NotAwaitingConfirmation, {
        from: before.status,
        to,
        allowed: nextTicketStatuses(before.kind, before.status),
      });
    }
    const said = note?.trim() || null;
    const after = await this.move(ctx, before, {
      to,
      closure: confirmed ? TicketClosure.GuestConfirmed : null,
      reason: confirmed ? said : ['guest: not fixed', said].filter(Boolean).join(': '),
    });
    await this.auditStatus(ctx, before, after, AuditAction.TicketClosureConfirmed, { confirmed });
    return after;
  }

  /** The decision on an approval ticket: recorded on the ticket, which becomes resolved either way. */
  async approve(
    ctx: RequestContext,
    hotelId: string,
    ticketId: string,
    approved: boolean,
    note?: string | null,
  ): Promise<TicketRecord> {
    const before = await loadTicket(ctx, hotelId, ticketId, { lock: true });
    if (before.kind !== TicketKind.Approval) {
      throw ticketsError(TicketsError.NotAnApproval, { field: 'ticketId' });
    }
    assertTicketTransition(before, TicketStatus.Resolved);
    const decision = approved ? 'approved' : 'rejected';
    const said = note?.trim() || null;
    await ctx.tx.query(
      `UPDATE ticket SET approval_decision = $3, approval_note = $4, decided_by_id = $5, decided_by_name = $6,
              decided_at = now()
        WHERE tenant_id = $1 AND id = $2`,
      [hotelId, before.id, decision, said, ctx.userId, actor(ctx).name],
    );
    const after = await this.move(ctx, before, {
      to: TicketStatus.Resolved,
      reason: [decision, said].filter(Boolean).join(': '),
    });
    await this.auditStatus(ctx, before, after, AuditAction.TicketStatusChanged, { approvalDecision: decision });
    return after;
  }

  /**
   * Timer handler (TimerKind.TicketClosure): closes a ticket the guest never answered, as `no_answer`. A ticket that
   * left awaiting_confirmation, or re-entered it later (a newer deadline than this timer's), is left alone; the
   * runner marks the timer fired in this same transaction, so the close happens exactly once.
   */
  async closeUnanswered(ctx: RequestContext, timer: FiredTimer): Promise<void> {
    let before: TicketRecord;
    try {
      before = await loadTicket(ctx, timer.hotelId, timer.targetId, { lock: true });
    } catch (error) {
      if (error instanceof BatonError && error.code === ErrorCode.NotFound) {
        return;
      }
      throw error;
    }
    const due = before.confirmationDueAt;
    if (before.status !== TicketStatus.AwaitingConfirmation || !due || due.getTime() > timer.dueAt.getTime()) {
      return;
    }
    const after = await this.move(ctx, before, {
      to: TicketStatus.Closed,
      closure: TicketClosure.NoAnswer,
      reason: `no answer in ${before.confirmationDays} days`,
      fromTimer: true,
    });
    await this.auditStatus(ctx, before, after, AuditAction.TicketStatusChanged);
  }

  /** The one place a status changes: row, history, closure timer, live and domain events. */
  private async move(ctx: RequestContext, before: TicketRecord, move: Move): Promise<TicketRecord> {
    const { hotelId, id } = before;
    const awaiting = move.to === TicketStatus.AwaitingConfirmation;
    // Computed here, not by now() in SQL, so the timer's due time and the ticket's deadline are the same instant.
    const confirmationDueAt = awaiting ? new Date(Date.now() + before.confirmationDays * DAY_MS) : null;
    await ctx.tx.query(
      `UPDATE ticket SET status = $3, closure = $4, confirmation_due_at = $5,
              first_response_at = CASE WHEN $6 THEN coalesce(first_response_at, now()) ELSE first_response_at END,
              resolved_at = CASE WHEN $7 THEN now() WHEN $3 = 'in_progress' THEN NULL ELSE resolved_at END,
              closed_at = CASE WHEN $8 THEN now() ELSE NULL END,
              updated_at = now(), version = version + 1
        WHERE tenant_id = $1 AND id = $2`,
      [
        hotelId,
        id,
        move.to,
        move.closure ?? null,
        confirmationDueAt,
        before.status === TicketStatus.Open,
        isResolvedTicketStatus(move.to),
        isTerminalTicketStatus(move.to),
      ],
    );
    if (confirmationDueAt) {
      await this.timers.schedule(ctx, {
        hotelId,
        kind: TimerKind.TicketClosure,
        targetId: id,
        key: CLOSURE_TIMER_KEY,
        dueAt: confirmationDueAt,
      });
    } else if (before.status === TicketStatus.AwaitingConfirmation && !move.fromTimer) {
      await this.timers.cancel(ctx, hotelId, TimerKind.TicketClosure, id, CLOSURE_TIMER_KEY);
    }
    const reason = move.reason?.trim() || null;
    await recordTransition(ctx, hotelId, id, { from: before.status, to: move.to, closure: move.closure, reason });
    return reloadAndPublish(ctx, hotelId, id, TicketEventKind.StatusChanged, {
      depth: move.depth,
      detail: { from: before.status, to: move.to, closure: move.closure ?? null, reason },
    });
  }

  private async auditStatus(
    ctx: RequestContext,
    before: TicketRecord,
    after: TicketRecord,
    action: AuditAction,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(ctx, {
      tenantId: before.hotelId,
      action,
      entityType: 'ticket',
      entityId: before.id,
      before: { status: before.status },
      after: { status: after.status, closure: after.closure, ...extra },
    });
  }
}
