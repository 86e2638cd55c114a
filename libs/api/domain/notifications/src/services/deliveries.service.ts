import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, DeliveryState, NotificationChannel } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext, SecretBox } from '@baton/api/core';
import { DeliveriesArgs } from '../dto/deliveries.args';
import { DELIVERY_OPTIONS, DeliveryOptions } from '../notifications.options';
import { NotificationsError, notificationsError } from '../notifications.errors';
import { DeliveryConnectionObject, DeliveryObject } from '../objects/delivery.object';
import { DeliveryKicks } from './delivery-kicks';
import { isEmailAddress, webhookUrl } from './delivery-targets';
import { DeliveryRow, deliveryFromRow, toDeliveryObject } from './delivery-views';
import { updateReturning } from './update-returning';
import { createdKeySql, decodeCursor, encodeCursor } from './keyset-cursor';

export type DeliveryChannel = 'email' | 'webhook' | NotificationChannel.Email | NotificationChannel.Webhook;

export interface EnqueueDelivery {
  hotelId: string;
  channel: DeliveryChannel;
  /** An e-mail address (email) or an http(s) URL (webhook). */
  target: string;
  /** E-mail subject (required for e-mail). */
  subject?: string;
  /** E-mail text (required for e-mail); for a webhook without `payload`, sent as `{ subject, body }`. */
  body?: string;
  /** The webhook's JSON body, sent as is. */
  payload?: unknown;
  /** Webhook signing secret; stored sealed (SecretBox), write-only. Without it the request is not signed. */
  secret?: string;
  /** Unique per hotel: enqueueing the same key again returns the first delivery and sends nothing more. */
  idempotencyKey: string;
  /** What queued it (shown to managers), e.g. { kind: 'automation_rule', id }. */
  source?: { kind: string; id: string };
}

const ENTITY_TYPE = 'delivery';
const MAX_SUBJECT = 300;
const MAX_BODY = 20_000;

/**
 * The outbox: rows written in the caller's transaction (so a rolled-back change sends nothing) and sent by the
 * DeliveryWorker after commit. Listing and hand retries are for managers (Permission.WorkflowsManage).
 */
@Injectable()
export class Deliveries {
  constructor(
    @Inject(DELIVERY_OPTIONS) private readonly options: DeliveryOptions,
    private readonly secrets: SecretBox,
    private readonly audit: AuditWriter,
    private readonly kicks: DeliveryKicks,
  ) {}

  async enqueue(ctx: RequestContext, input: EnqueueDelivery): Promise<DeliveryObject> {
    ctx.assertInScope(input.hotelId);
    const channel = String(input.channel);
    const key = input.idempotencyKey.trim();
    if (key === '' || key.length > 300) {
      throw BatonError.badInput('idempotencyKey must be 1 to 300 characters');
    }
    this.validate(channel, input);
    const rows: DeliveryRow[] = await ctx.tx.query(
      `INSERT INTO delivery (tenant_id, channel, target, subject, body, payload, secret_enc, idempotency_key,
                             source_kind, source_id, max_attempts)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
       RETURNING *`,
      [
        input.hotelId,
        channel,
        input.target.trim(),
        input.subject?.slice(0, MAX_SUBJECT) ?? null,
        input.body?.slice(0, MAX_BODY) ?? null,
        input.payload === undefined ? null : JSON.stringify(input.payload),
        input.secret ? this.secrets.seal(input.secret, input.hotelId) : null,
        key,
        input.source?.kind.slice(0, 100) ?? null,
        input.source?.id.slice(0, 200) ?? null,
        this.options.maxAttempts,
      ],
    );
    if (rows[0]) {
      ctx.afterCommit(() => this.kicks.kick(input.hotelId));
      return toDeliveryObject(deliveryFromRow(rows[0]));
    }
    const [existing]: DeliveryRow[] = await ctx.tx.query(
      `SELECT * FROM delivery WHERE tenant_id = $1 AND idempotency_key = $2`,
      [input.hotelId, key],
    );
    return toDeliveryObject(deliveryFromRow(existing));
  }

  async list(ctx: RequestContext, args: DeliveriesArgs): Promise<DeliveryConnectionObject> {
    ctx.assertInScope(args.hotelId);
    const first = Math.min(Math.max(args.first, 1), 100);
    const params: unknown[] = [args.hotelId, first + 1];
    const where = ['d.tenant_id = $1'];
    if (args.state) {
      params.push(args.state);
      where.push(`d.state = $${params.length}`);
    }
    if (args.after) {
      const cursor = decodeCursor(args.after);
      params.push(cursor.createdKey, cursor.id);
      where.push(`(d.created_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows: Array<DeliveryRow & { created_key: string }> = await ctx.tx.query(
      `SELECT d.*, ${createdKeySql('d')} AS created_key FROM delivery d
        WHERE ${where.join(' AND ')}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $2`,
      params,
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map((row) => toDeliveryObject(deliveryFromRow(row))),
      endCursor: last ? encodeCursor({ createdKey: last.created_key, id: last.id }) : null,
      hasNextPage: rows.length > first,
    };
  }

  /** Re-queues a dead delivery with a fresh set of attempts, due now. Another hotel's id is NOT_FOUND like a random one. */
  async retry(ctx: RequestContext, hotelId: string, id: string): Promise<DeliveryObject> {
    ctx.assertInScope(hotelId);
    if (!isUuid(id)) {
      throw BatonError.notFound('Delivery', id);
    }
    const [before]: DeliveryRow[] = await ctx.tx.query(
      `SELECT * FROM delivery WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [hotelId, id],
    );
    if (!before) {
      throw BatonError.notFound('Delivery', id);
    }
    if (before.state !== (DeliveryState.Dead as string)) {
      throw notificationsError(NotificationsError.DeliveryNotDead, { state: before.state });
    }
    const [after] = await updateReturning<DeliveryRow>(
      ctx,
      `UPDATE delivery SET state = 'pending', attempts = 0, next_attempt_at = now(), dead_at = NULL,
              claim_token = NULL, updated_at = now()
        WHERE tenant_id = $1 AND id = $2
        RETURNING *`,
      [hotelId, id],
    );
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.DeliveryRetried,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: { state: before.state, attempts: before.attempts, lastError: before.last_error },
      after: { state: after.state, attempts: after.attempts },
    });
    ctx.afterCommit(() => this.kicks.kick(hotelId));
    return toDeliveryObject(deliveryFromRow(after));
  }

  private validate(channel: string, input: EnqueueDelivery): void {
    const target = input.target.trim();
    if (channel === (NotificationChannel.Email as string)) {
      if (!isEmailAddress(target)) {
        throw notificationsError(NotificationsError.InvalidTarget, { channel });
      }
      if (!input.subject?.trim() || input.body === undefined) {
        throw notificationsError(NotificationsError.MissingContent);
      }
      return;
    }
    if (channel === (NotificationChannel.Webhook as string)) {
      if (target.length > 2000 || !webhookUrl(target)) {
        throw notificationsError(NotificationsError.InvalidTarget, { channel });
      }
      return;
    }
    throw notificationsError(NotificationsError.InvalidTarget, { channel });
  }
}
