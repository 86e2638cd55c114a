import { CaseEventKind, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { CASE_DOMAIN_EVENT } from '../events/case.domain-events';
import { CaseRecord, loadCase } from './case-record';

/**
 * What goes over `tenant:<hotel>:cases`: the change and the case right after it. The contact is carried in full and
 * masked per subscriber on delivery (CaseEventsHub), once per variant, never per subscriber.
 */
export interface CaseEventPayload {
  hotelId: string;
  kind: CaseEventKind;
  caseId: string;
  caseNumber: string;
  messageId: string | null;
  at: string;
  case: CaseRecord;
}

/** The payload of `tenant:<hotel>:queue`: a nudge only; subscribers recompute the counts (throttled). */
export interface QueueNudge {
  hotelId: string;
  at: string;
}

/** Queues a case event (and, when the queue counts may have moved, a queue nudge) for after COMMIT. */
export function publishCaseEvent(
  ctx: RequestContext,
  record: CaseRecord,
  kind: CaseEventKind,
  options: { messageId?: string | null; queue?: boolean; detail?: Record<string, unknown>; depth?: number } = {},
): void {
  const at = new Date().toISOString();
  const payload: CaseEventPayload = {
    hotelId: record.hotelId,
    kind,
    caseId: record.id,
    caseNumber: record.number,
    messageId: options.messageId ?? null,
    at,
    case: record,
  };
  ctx.publishAfterCommit(tenantChannel(record.hotelId, TenantEvent.Cases), payload);
  // Same change, in-transaction: SLA clocks and automation rules react before COMMIT.
  ctx.emit({
    type: CASE_DOMAIN_EVENT[kind],
    hotelId: record.hotelId,
    at,
    depth: options.depth ?? 0,
    caseId: record.id,
    caseNumber: record.number,
    messageId: options.messageId ?? null,
    case: record,
    detail: options.detail ?? {},
  });
  if (options.queue) {
    nudgeQueue(ctx, record.hotelId);
  }
}

export function nudgeQueue(ctx: RequestContext, hotelId: string): void {
  const nudge: QueueNudge = { hotelId, at: new Date().toISOString() };
  ctx.publishAfterCommit(tenantChannel(hotelId, TenantEvent.Queue), nudge);
}

/** Re-reads the case after a change (so the event carries the committed state) and publishes it. */
export async function reloadAndPublish(
  ctx: RequestContext,
  hotelId: string,
  caseId: string,
  kind: CaseEventKind,
  options: { messageId?: string | null; queue?: boolean; detail?: Record<string, unknown>; depth?: number } = {},
): Promise<CaseRecord> {
  const record = await loadCase(ctx, hotelId, caseId);
  publishCaseEvent(ctx, record, kind, options);
  return record;
}
