import { SlaStep, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { RequestContext } from '@baton/api/core';
import { SlaClockEventKind, SlaClockRow, SlaTargetType } from './clock-store';

/** The domain event type a ladder step emits (automations listen to it). */
export const SLA_STEP_EVENT = 'sla.step';

/** Payload of the `sla.step` domain event. */
export interface SlaStepDomainEvent {
  type: typeof SLA_STEP_EVENT;
  hotelId: string;
  at: string;
  depth: number;
  clockId: string;
  metric: string;
  step: SlaStep;
  targetType: SlaTargetType;
  targetId: string;
  dueAt: string;
  policyId: string | null;
  /** The RACI process step the clock's policy answers to (who is R, A, C). */
  raciStep: string;
}

/** What goes over `tenant:<hotel>:sla` for `slaEvents`: a clock changed (no personal data). */
export interface SlaEventPayload {
  hotelId: string;
  clockId: string;
  kind: SlaClockEventKind;
  step: SlaStep | null;
  metric: string;
  state: string;
  targetType: SlaTargetType;
  targetId: string;
  dueAt: string;
  policyId: string | null;
  at: string;
}

/** Queues the live event of a clock change for after COMMIT. */
export function publishClockEvent(
  ctx: RequestContext,
  row: SlaClockRow,
  kind: SlaClockEventKind,
  at: Date,
  step: SlaStep | null = null,
): void {
  const payload: SlaEventPayload = {
    hotelId: row.hotelId,
    clockId: row.id,
    kind,
    step,
    metric: row.metric,
    state: row.state,
    targetType: row.targetType,
    targetId: row.targetId,
    dueAt: row.dueAt.toISOString(),
    policyId: row.policyId,
    at: at.toISOString(),
  };
  ctx.publishAfterCommit(tenantChannel(row.hotelId, TenantEvent.Sla), payload);
}
