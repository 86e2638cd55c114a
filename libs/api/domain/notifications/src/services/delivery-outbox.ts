import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { DeliveryEntity } from '../entities/delivery.entity';
import { DeliveryRow, deliveryFromRow } from './delivery-views';
import { updateReturning } from './update-returning';

const MAX_ERROR = 1000;

/**
 * The worker's side of the outbox. `claim` takes due rows with FOR UPDATE SKIP LOCKED and leases them in one short
 * transaction: the attempt is counted, `next_attempt_at` moves past the send's time budget (so a crashed worker's row
 * comes back by itself) and a fresh `claim_token` fences the outcome, so a worker whose lease ran out cannot overwrite
 * what a later claim recorded. No transaction stays open while an e-mail or webhook is in flight.
 */
@Injectable()
export class DeliveryOutbox {
  /** Hotels with due rows, in one query over the scope of `ctx` (the sweep's every-tenant scope). */
  async hotelsWithDue(ctx: RequestContext): Promise<string[]> {
    const rows: Array<{ tenant_id: string }> = await ctx.tx.query(
      `SELECT DISTINCT tenant_id FROM delivery
        WHERE tenant_id = ANY ($1::uuid[]) AND state = 'pending' AND next_attempt_at <= now()`,
      [[...ctx.tenantIds]],
    );
    return rows.map((r) => r.tenant_id);
  }

  async claim(ctx: RequestContext, hotelId: string, limit: number, leaseMs: number): Promise<DeliveryEntity[]> {
    ctx.assertInScope(hotelId);
    const rows = await updateReturning<DeliveryRow>(
      ctx,
      `WITH due AS (
         SELECT id FROM delivery
          WHERE tenant_id = $1 AND state = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE delivery d
          SET attempts = d.attempts + 1, claim_token = gen_random_uuid(),
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
         FROM due
        WHERE d.tenant_id = $1 AND d.id = due.id
       RETURNING d.*`,
      [hotelId, limit, leaseMs],
    );
    return rows.map(deliveryFromRow);
  }

  /** False when the lease was lost (another claim, a hand retry): the outcome is then not this worker's to record. */
  async markSent(ctx: RequestContext, claimed: DeliveryEntity, status: number | null): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      ctx,
      `UPDATE delivery SET state = 'sent', sent_at = now(), claim_token = NULL, last_status = $4, last_error = NULL,
              updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND claim_token = $3 AND state = 'pending'
       RETURNING id`,
      [claimed.tenantId, claimed.id, claimed.claimToken, status],
    );
    return rows.length > 0;
  }

  /** `retryAt` null: dead. */
  async markFailed(
    ctx: RequestContext,
    claimed: DeliveryEntity,
    failure: { error: string; status: number | null; retryAt: Date | null },
  ): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      ctx,
      `UPDATE delivery
          SET state = CASE WHEN $6::timestamptz IS NULL THEN 'dead' ELSE 'pending' END,
              dead_at = CASE WHEN $6::timestamptz IS NULL THEN now() END,
              next_attempt_at = coalesce($6::timestamptz, next_attempt_at),
              claim_token = NULL, last_error = $4, last_status = $5, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 AND claim_token = $3 AND state = 'pending'
       RETURNING id`,
      [
        claimed.tenantId,
        claimed.id,
        claimed.claimToken,
        failure.error.slice(0, MAX_ERROR) || 'failed',
        failure.status,
        failure.retryAt,
      ],
    );
    return rows.length > 0;
  }
}
