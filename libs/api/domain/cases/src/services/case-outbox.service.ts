import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AuditAction,
  CaseEventKind,
  Channel,
  DeliveryStatus,
  MessageContentType,
  MessageDirection,
  REPLYABLE_CHANNELS,
} from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext, WorkKind, WorkSignals } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { ReplyToCaseInput } from '../dto/reply-to-case.input';
import { CaseMessageEntity } from '../entities/case-message.entity';
import { CaseMessageObject } from '../objects/case-parts.objects';
import { applyHotelResponse } from './case-activity';
import { reloadAndPublish } from './case-events';
import { loadCase } from './case-record';
import { toMessageObject } from './case-parts';
import { actor } from './case-transitions';

/** One outbound message the dispatcher should send now. `attempts` counts the tries already finished. */
export interface OutboundWork {
  messageId: string;
  caseId: string;
  guestId: string;
  guestMemberIds: string[];
  channel: Channel;
  body: string;
  /** `[BLK-2026-000123] Hotel Alpha`: e-mail subject; the case number in brackets lets a reply thread back. */
  subject: string;
  attempts: number;
}

/**
 * Agent replies and their delivery queue. Outbound case_message rows are the outbox: queued → (claimed by the
 * dispatcher with FOR UPDATE SKIP LOCKED, sent while its transaction stays open) → sent | queued again with a later
 * next_attempt_at | failed (visible, retryable by an agent).
 */
@Injectable()
export class CaseOutbox {
  constructor(
    private readonly audit: AuditWriter,
    private readonly workSignals: WorkSignals,
  ) {}

  async reply(ctx: RequestContext, input: ReplyToCaseInput): Promise<CaseMessageObject> {
    const record = await loadCase(ctx, input.hotelId, input.caseId, { lock: true });
    if (record.mergedIntoId) {
      const survivor = await loadCase(ctx, input.hotelId, record.mergedIntoId);
      throw casesError(CasesError.CaseMerged, { mergedIntoId: survivor.id, mergedIntoNumber: survivor.number });
    }
    const channel = (input.channel ?? record.channel) as Channel;
    if (!REPLYABLE_CHANNELS.includes(channel)) {
      throw casesError(CasesError.ChannelNotReplyable, {
        field: 'channel',
        channel,
        replyable: [...REPLYABLE_CHANNELS],
      });
    }
    const who = actor(ctx);
    const now = new Date();
    const message = ctx.tx.getRepository(CaseMessageEntity).create({
      tenantId: input.hotelId,
      id: randomUUID(),
      caseId: record.id,
      direction: MessageDirection.Outbound,
      channel,
      contentType: MessageContentType.Text,
      body: input.body,
      attachment: null,
      providerMessageId: null,
      authorId: ctx.userId,
      authorName: who.name,
      occurredAt: now,
      deliveryStatus: DeliveryStatus.Queued,
      deliveryUpdatedAt: now,
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
    });
    // TypeORM's deep-partial type cannot express jsonb columns holding arbitrary records.
    await ctx.tx.getRepository(CaseMessageEntity).insert(message as QueryDeepPartialEntity<CaseMessageEntity>);
    await applyHotelResponse(ctx, input.hotelId, record.id, now, input.body);
    await this.audit.record(ctx, {
      tenantId: input.hotelId,
      action: AuditAction.CaseReplied,
      entityType: 'case',
      entityId: record.id,
      after: { messageId: message.id, channel },
    });
    await reloadAndPublish(ctx, input.hotelId, record.id, CaseEventKind.MessageAdded, {
      messageId: message.id,
      queue: true,
      detail: { direction: 'outbound', body: input.body, channel },
    });
    this.nudgeDispatcher(ctx, input.hotelId);
    return toMessageObject(message);
  }

  /** Puts a failed outbound message back in the queue (CONFLICT for any other message). */
  async retry(ctx: RequestContext, hotelId: string, messageId: string): Promise<CaseMessageObject> {
    const message = await this.lockMessage(ctx, hotelId, messageId);
    if (message.direction !== MessageDirection.Outbound || message.deliveryStatus !== DeliveryStatus.Failed) {
      throw casesError(CasesError.MessageNotRetryable, { deliveryStatus: message.deliveryStatus });
    }
    const now = new Date();
    await ctx.tx
      .getRepository(CaseMessageEntity)
      .update(
        { tenantId: hotelId, id: message.id },
        { deliveryStatus: DeliveryStatus.Queued, deliveryUpdatedAt: now, nextAttemptAt: now },
      );
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseReplied,
      entityType: 'case_message',
      entityId: message.id,
      before: { deliveryStatus: DeliveryStatus.Failed, attempts: message.attempts },
      after: { deliveryStatus: DeliveryStatus.Queued, retry: true },
    });
    await reloadAndPublish(ctx, hotelId, message.caseId, CaseEventKind.MessageStatus, { messageId: message.id });
    this.nudgeDispatcher(ctx, hotelId);
    return toMessageObject({
      ...message,
      deliveryStatus: DeliveryStatus.Queued,
      deliveryUpdatedAt: now,
      nextAttemptAt: now,
    });
  }

  /**
   * Locks up to `limit` due outbound messages of the hotel (FOR UPDATE SKIP LOCKED: concurrent dispatchers never get
   * the same row). The caller keeps the transaction open while sending and ends each with markSent or markFailed.
   */
  async claim(ctx: RequestContext, hotelId: string, limit: number): Promise<OutboundWork[]> {
    ctx.assertInScope(hotelId);
    const rows: Array<Omit<OutboundWork, 'guestMemberIds'>> = await ctx.tx.query(
      `SELECT m.id AS "messageId", m.case_id AS "caseId", c.guest_id AS "guestId", m.channel, m.body,
              '[' || c.number || '] ' || h.name AS subject, m.attempts
         FROM case_message m
         JOIN guest_case c ON c.tenant_id = m.tenant_id AND c.id = m.case_id
         JOIN hotel h ON h.id = m.tenant_id
        WHERE m.tenant_id = $1 AND m.direction = 'outbound' AND m.delivery_status IN ('queued', 'sending')
          AND m.next_attempt_at <= now()
        ORDER BY m.next_attempt_at, m.id
        LIMIT $2
        FOR UPDATE OF m SKIP LOCKED`,
      [hotelId, Math.max(1, Math.min(limit, 500))],
    );
    return rows.map((row) => ({ ...row, guestMemberIds: [row.guestId] }));
  }

  async markSent(ctx: RequestContext, hotelId: string, messageId: string, providerMessageId: string): Promise<void> {
    const message = await this.lockMessage(ctx, hotelId, messageId);
    await ctx.tx.query(
      `UPDATE case_message SET delivery_status = 'sent', delivery_updated_at = now(), provider_message_id = $3,
              attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL
        WHERE tenant_id = $1 AND id = $2`,
      [hotelId, message.id, providerMessageId],
    );
    await reloadAndPublish(ctx, hotelId, message.caseId, CaseEventKind.MessageStatus, { messageId: message.id });
  }

  /** A failed try: queued again at `retryAt`, or failed for good (visible to agents, retryable) when it is null. */
  async markFailed(
    ctx: RequestContext,
    hotelId: string,
    messageId: string,
    error: string,
    retryAt: Date | null,
  ): Promise<void> {
    const message = await this.lockMessage(ctx, hotelId, messageId);
    await ctx.tx.query(
      `UPDATE case_message SET delivery_status = $3, delivery_updated_at = now(), attempts = attempts + 1,
              next_attempt_at = $4, last_error = $5
        WHERE tenant_id = $1 AND id = $2`,
      [
        hotelId,
        message.id,
        retryAt ? DeliveryStatus.Queued : DeliveryStatus.Failed,
        retryAt ? retryAt.toISOString() : null,
        error.slice(0, 2000),
      ],
    );
    await reloadAndPublish(ctx, hotelId, message.caseId, CaseEventKind.MessageStatus, { messageId: message.id });
  }

  /** Hotels (of the context's scope) with outbound messages due now: the dispatcher's sweep. */
  async hotelsWithDue(ctx: RequestContext): Promise<string[]> {
    const rows: Array<{ tenant_id: string }> = await ctx.tx.query(
      `SELECT DISTINCT tenant_id FROM case_message
        WHERE tenant_id = ANY($1::uuid[]) AND direction = 'outbound' AND delivery_status IN ('queued', 'sending')
          AND next_attempt_at <= now()`,
      [ctx.tenantIds],
    );
    return rows.map((row) => row.tenant_id);
  }

  private async lockMessage(ctx: RequestContext, hotelId: string, messageId: string): Promise<CaseMessageEntity> {
    ctx.assertInScope(hotelId);
    const message = isUuid(messageId)
      ? await ctx.tx.getRepository(CaseMessageEntity).findOne({
          where: { tenantId: hotelId, id: messageId },
          lock: { mode: 'pessimistic_write' },
        })
      : null;
    if (!message) {
      throw BatonError.notFound('Message', messageId);
    }
    return message;
  }

  private nudgeDispatcher(ctx: RequestContext, hotelId: string): void {
    ctx.afterCommit(() => this.workSignals.notify(WorkKind.Outbound, hotelId));
  }
}
