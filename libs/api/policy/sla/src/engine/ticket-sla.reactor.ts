import { Injectable } from '@nestjs/common';
import { SlaMetric, TicketStatus } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import {
  isResolvedTicketStatus,
  isTerminalTicketStatus,
  TICKET_DOMAIN_EVENT,
  TicketDomainEvent,
  TicketRecord,
} from '@baton/api/domain/tickets';
import { liveClocks, SlaClockRow } from '../clocks/clock-store';
import { SlaClocks } from '../clocks/sla-clocks.service';
import { SlaTarget, ticketTarget } from '../clocks/sla-targets';

const ROUTING_FIELDS = ['priority', 'team'];

/** Metrics a ticket should be measuring now by its own facts, with their start. */
export function wantedTicketClocks(record: TicketRecord, target: SlaTarget): Map<SlaMetric, Date> {
  const wanted = new Map<SlaMetric, Date>();
  if (isTerminalTicketStatus(record.status) || isResolvedTicketStatus(record.status)) {
    return wanted;
  }
  for (const metric of target.metrics) {
    if (metric !== SlaMetric.FirstResponse || !record.firstResponseAt) {
      wanted.set(metric, record.createdAt);
    }
  }
  return wanted;
}

/**
 * Ticket events → clocks: opened (first response + resolution, or approval for a content approval) · any event after
 * the first response was recorded stops first response · resolved/awaiting confirmation stops resolution and approval ·
 * closed/cancelled end everything · reopening starts a new resolution clock · pause statuses pause · a priority or
 * team change re-evaluates the policy.
 */
@Injectable()
export class TicketSlaReactor {
  constructor(private readonly clocks: SlaClocks) {}

  async handle(ctx: RequestContext, event: TicketDomainEvent): Promise<void> {
    const record = event.ticket;
    const target = ticketTarget(record);
    const depth = event.depth + 1;
    const at = new Date(event.at);
    if (event.type === TICKET_DOMAIN_EVENT.opened) {
      const policy = await this.clocks.policyFor(ctx, target);
      if (policy) {
        for (const [metric, startedAt] of wantedTicketClocks(record, target)) {
          await this.clocks.start(ctx, target, policy, metric, startedAt, { depth });
        }
      }
      return;
    }
    const live = await this.live(ctx, target);
    const firstResponse = live.get(SlaMetric.FirstResponse);
    if (firstResponse && record.firstResponseAt) {
      await this.clocks.stop(ctx, firstResponse, record.firstResponseAt, { reason: 'answered' });
      live.delete(SlaMetric.FirstResponse);
    }
    if (event.type === TICKET_DOMAIN_EVENT.statusChanged) {
      await this.statusChanged(ctx, event, target, live, depth, at);
    } else if (event.type === TICKET_DOMAIN_EVENT.updated) {
      const changed = Array.isArray(event.detail['changed']) ? (event.detail['changed'] as unknown[]) : [];
      if (changed.some((field) => typeof field === 'string' && ROUTING_FIELDS.includes(field))) {
        await this.clocks.reevaluate(ctx, target, wantedTicketClocks(record, target), depth);
      }
    }
  }

  private async statusChanged(
    ctx: RequestContext,
    event: TicketDomainEvent,
    target: SlaTarget,
    live: Map<SlaMetric, SlaClockRow>,
    depth: number,
    at: Date,
  ): Promise<void> {
    const status = event.ticket.status;
    if (isTerminalTicketStatus(status) || isResolvedTicketStatus(status)) {
      const cancelled = status === TicketStatus.Cancelled;
      for (const row of live.values()) {
        const done = row.metric === SlaMetric.Resolution || row.metric === SlaMetric.Approval;
        if (done || isTerminalTicketStatus(status)) {
          await this.clocks.stop(ctx, row, at, { cancel: cancelled || !done, reason: `ticket_${status}` });
        }
      }
      if (isTerminalTicketStatus(status)) {
        return;
      }
    }
    const from = event.detail['from'];
    if (typeof from === 'string' && isResolvedTicketStatus(from as TicketStatus) && !isResolvedTicketStatus(status)) {
      const policy = await this.clocks.policyFor(ctx, target);
      const metric = target.metrics.includes(SlaMetric.Approval) ? SlaMetric.Approval : SlaMetric.Resolution;
      if (policy && !live.has(metric)) {
        await this.clocks.start(ctx, target, policy, metric, at, { depth });
      }
    }
    await this.clocks.applyStatus(ctx, target, at);
  }

  private async live(ctx: RequestContext, target: SlaTarget): Promise<Map<SlaMetric, SlaClockRow>> {
    const rows = await liveClocks(ctx, target.hotelId, target.type, target.id);
    return new Map(rows.map((row) => [row.metric, row]));
  }
}
