import { DeliveryState } from '@baton/shared/contracts';
import { DeliveryEntity } from '../entities/delivery.entity';
import { DeliveryObject } from '../objects/delivery.object';
import { displayTarget } from './delivery-targets';

/** A `delivery` row as ctx.tx.query returns it (RETURNING * / SELECT *). */
export interface DeliveryRow {
  tenant_id: string;
  id: string;
  channel: string;
  target: string;
  subject: string | null;
  body: string | null;
  payload: unknown;
  secret_enc: string | null;
  idempotency_key: string;
  source_kind: string | null;
  source_id: string | null;
  state: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: Date;
  claim_token: string | null;
  last_error: string | null;
  last_status: number | null;
  sent_at: Date | null;
  dead_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function deliveryFromRow(row: DeliveryRow): DeliveryEntity {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    channel: row.channel,
    target: row.target,
    subject: row.subject,
    body: row.body,
    payload: row.payload,
    secretEnc: row.secret_enc,
    idempotencyKey: row.idempotency_key,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.next_attempt_at,
    claimToken: row.claim_token,
    lastError: row.last_error,
    lastStatus: row.last_status,
    sentAt: row.sent_at,
    deadAt: row.dead_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The manager's view: no body or payload (they may hold guest data), no secret, the URL without its credentials. */
export function toDeliveryObject(d: DeliveryEntity): DeliveryObject {
  return {
    id: d.id,
    hotelId: d.tenantId,
    channel: d.channel,
    target: displayTarget(d.channel, d.target),
    subject: d.subject,
    state: d.state,
    attempts: d.attempts,
    maxAttempts: d.maxAttempts,
    nextAttemptAt: d.state === (DeliveryState.Pending as string) ? d.nextAttemptAt : null,
    lastError: d.lastError,
    lastStatus: d.lastStatus,
    signed: d.secretEnc !== null,
    sourceKind: d.sourceKind,
    sourceId: d.sourceId,
    sentAt: d.sentAt,
    deadAt: d.deadAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
