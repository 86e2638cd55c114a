import { Injectable } from '@nestjs/common';
import { CaseStatus, SlaMetric } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { CASE_DOMAIN_EVENT, CaseDomainEvent, CaseRecord, isTerminal } from '@baton/api/domain/cases';
import { liveClocks, SlaClockRow } from '../clocks/clock-store';
import { SlaClocks } from '../clocks/sla-clocks.service';
import { caseTarget, SlaTarget } from '../clocks/sla-targets';

/** Case fields that select the policy (channel never changes after creation). */
const ROUTING_FIELDS = ['priority', 'requestType', 'labels', 'team'];

function dateOf(value: unknown): Date | null {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'string') {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  return null;
}

/** When the change happened: the message's own time for messages, else the event's. */
function timeOf(event: CaseDomainEvent): Date {
  return dateOf(event.detail['occurredAt']) ?? new Date(event.at);
}

/** Metrics a case should be measuring now by its own facts, with their start (used when a new policy applies). */
export function wantedCaseClocks(record: CaseRecord): Map<SlaMetric, Date> {
  const wanted = new Map<SlaMetric, Date>();
  if (isTerminal(record.status) || record.mergedIntoId) {
    return wanted;
  }
  wanted.set(SlaMetric.Resolution, record.createdAt);
  if (!record.firstResponseAt && record.lastInboundAt) {
    wanted.set(SlaMetric.FirstResponse, record.createdAt);
  }
  if (record.firstResponseAt && record.waitingSince) {
    wanted.set(SlaMetric.NextResponse, record.waitingSince);
  }
  return wanted;
}

/**
 * Case events → clocks, in the transaction of the change:
 * created (resolution; first response for a guest's message) · message_added (a guest message starts first response
 * if the case never had one, else next response from the oldest unanswered message; a hotel message stops both) ·
 * status_changed (pause/resume by the policy's pause statuses; won/lost/closed stop resolution and end the rest;
 * reopening starts a new resolution clock) · handed_off (handoff to sales) · updated (an accepted handoff stops it;
 * a routing field re-evaluates the policy) · merged (re-evaluate the survivor).
 */
@Injectable()
export class CaseSlaReactor {
  constructor(private readonly clocks: SlaClocks) {}

  async handle(ctx: RequestContext, event: CaseDomainEvent): Promise<void> {
    const target = caseTarget(event.case);
    const depth = event.depth + 1;
    switch (event.type) {
      case CASE_DOMAIN_EVENT.created:
        return this.created(ctx, event, target, depth);
      case CASE_DOMAIN_EVENT.message_added:
        return this.messageAdded(ctx, event, target, depth);
      case CASE_DOMAIN_EVENT.status_changed:
        return this.statusChanged(ctx, event, target, depth);
      case CASE_DOMAIN_EVENT.handed_off:
        return this.handedOff(ctx, event, target, depth);
      case CASE_DOMAIN_EVENT.updated:
        return this.updated(ctx, event, target, depth);
      case CASE_DOMAIN_EVENT.merged:
        return this.clocks.reevaluate(ctx, target, wantedCaseClocks(event.case), depth);
      case CASE_DOMAIN_EVENT.message_status:
      case CASE_DOMAIN_EVENT.note_added:
        return;
    }
  }

  private async created(ctx: RequestContext, event: CaseDomainEvent, target: SlaTarget, depth: number) {
    const policy = await this.clocks.policyFor(ctx, target);
    if (!policy) {
      return;
    }
    if (event.detail['direction'] !== 'outbound') {
      await this.clocks.start(ctx, target, policy, SlaMetric.FirstResponse, event.case.createdAt, { depth });
    }
    if (!isTerminal(event.case.status)) {
      await this.clocks.start(ctx, target, policy, SlaMetric.Resolution, event.case.createdAt, { depth });
    }
  }

  private async messageAdded(ctx: RequestContext, event: CaseDomainEvent, target: SlaTarget, depth: number) {
    const at = timeOf(event);
    const live = await this.live(ctx, target);
    if (event.detail['direction'] === 'outbound') {
      for (const metric of [SlaMetric.FirstResponse, SlaMetric.NextResponse]) {
        const row = live.get(metric);
        if (row) {
          await this.clocks.stop(ctx, row, at, { reason: 'answered' });
        }
      }
      return;
    }
    if (live.has(SlaMetric.FirstResponse) || live.has(SlaMetric.NextResponse) || event.case.mergedIntoId) {
      return;
    }
    const policy = await this.clocks.policyFor(ctx, target);
    if (!policy) {
      return;
    }
    if (!event.case.firstResponseAt) {
      if (!(await this.everHad(ctx, target, SlaMetric.FirstResponse))) {
        await this.clocks.start(ctx, target, policy, SlaMetric.FirstResponse, at, { depth });
      }
      return;
    }
    const oldestUnanswered = event.case.waitingSince ?? at;
    await this.clocks.start(ctx, target, policy, SlaMetric.NextResponse, oldestUnanswered, { depth });
  }

  private async statusChanged(ctx: RequestContext, event: CaseDomainEvent, target: SlaTarget, depth: number) {
    const at = new Date(event.at);
    const status = event.case.status;
    if (isTerminal(status)) {
      // A merged case is not resolved: its history moved to the survivor, so its clocks just end.
      const merged = event.case.mergedIntoId !== null;
      for (const row of (await this.live(ctx, target)).values()) {
        const resolved = row.metric === SlaMetric.Resolution && !merged;
        await this.clocks.stop(ctx, row, at, {
          cancel: !resolved,
          reason: merged ? 'merged' : resolved ? status : `case_${status}`,
        });
      }
      return;
    }
    const from = event.detail['from'];
    if (typeof from === 'string' && isTerminal(from as CaseStatus)) {
      const policy = await this.clocks.policyFor(ctx, target);
      if (policy && !(await this.live(ctx, target)).has(SlaMetric.Resolution)) {
        await this.clocks.start(ctx, target, policy, SlaMetric.Resolution, at, { depth });
      }
    }
    await this.clocks.applyStatus(ctx, target, at);
  }

  private async handedOff(ctx: RequestContext, event: CaseDomainEvent, target: SlaTarget, depth: number) {
    const at = new Date(event.at);
    const policy = await this.clocks.policyFor(ctx, target);
    if (policy && !(await this.live(ctx, target)).has(SlaMetric.HandoffToSales)) {
      await this.clocks.start(ctx, target, policy, SlaMetric.HandoffToSales, at, { depth });
    }
    await this.clocks.applyStatus(ctx, target, at);
  }

  private async updated(ctx: RequestContext, event: CaseDomainEvent, target: SlaTarget, depth: number) {
    if (event.detail['handoffAccepted']) {
      const row = (await this.live(ctx, target)).get(SlaMetric.HandoffToSales);
      if (row) {
        await this.clocks.stop(ctx, row, new Date(event.at), { reason: 'handoff_accepted' });
      }
    }
    const changed = Array.isArray(event.detail['changed']) ? (event.detail['changed'] as unknown[]) : [];
    if (changed.some((field) => typeof field === 'string' && ROUTING_FIELDS.includes(field))) {
      await this.clocks.reevaluate(ctx, target, wantedCaseClocks(event.case), depth);
    }
  }

  private async live(ctx: RequestContext, target: SlaTarget): Promise<Map<SlaMetric, SlaClockRow>> {
    const rows = await liveClocks(ctx, target.hotelId, target.type, target.id);
    return new Map(rows.map((row) => [row.metric, row]));
  }

  private async everHad(ctx: RequestContext, target: SlaTarget, metric: SlaMetric): Promise<boolean> {
    const rows: unknown[] = await ctx.tx.query(
      `SELECT 1 FROM sla_clock WHERE tenant_id = $1 AND target_type = $2 AND target_id = $3 AND metric = $4 LIMIT 1`,
      [target.hotelId, target.type, target.id, metric],
    );
    return rows.length > 0;
  }
}
