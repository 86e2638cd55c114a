import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  AuditAction,
  CaseEventKind,
  CasePriority,
  CaseStatus,
  Channel,
  DELIVERY_RANK,
  DeliveryStatus,
  DictionaryKind,
  MessageDirection,
  OPEN_CASE_STATUSES,
} from '@baton/shared/contracts';
import { AuditWriter, isUuid, RequestContext } from '@baton/api/core';
import { CaseMessageEntity } from '../entities/case-message.entity';
import { applyGuestMessage, applyHotelResponse, blankToNull, searchText } from './case-activity';
import { reloadAndPublish } from './case-events';
import { CaseNumbers } from './case-numbers';
import { CaseRecord, loadCase } from './case-record';
import { recordTransition } from './case-transitions';
import { Dictionaries } from './dictionaries.service';
import { InboundCaseMessage, RecordInboundResult } from './inbound-case-message';

/** A transaction-scoped advisory lock: serialises the check-then-insert paths below without touching other domains. */
async function lockKey(ctx: RequestContext, key: string): Promise<void> {
  await ctx.tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
}

/**
 * The order of provider delivery reports: DELIVERY_RANK, except that "failed" outranks "sent". WhatsApp reports an
 * undeliverable message as sent, then failed; the failure must stick, and a late "sent" must not undo it. A delivered
 * or read message stays so (the guest has it). A retry after a failure gets a new provider message id, so nothing
 * here ever needs to move a message from failed back to sent (markSent does that for the outbox).
 */
export function reportRank(status: DeliveryStatus): number {
  return status === DeliveryStatus.Failed ? DELIVERY_RANK[DeliveryStatus.Sent] + 0.5 : DELIVERY_RANK[status];
}

/**
 * Turns inbound traffic into cases. Called by the inbound pipeline inside its own transaction (ctx.tx): a message from a
 * guest with an open case attaches to that case, whatever the channel; otherwise it opens a new case. See
 * case-activity.ts for what a guest message and a hotel response do to the case's counters.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly numbers: CaseNumbers,
    private readonly dictionaries: Dictionaries,
    private readonly audit: AuditWriter,
  ) {}

  async recordInbound(ctx: RequestContext, hotelId: string, input: InboundCaseMessage): Promise<RecordInboundResult> {
    ctx.assertInScope(hotelId);
    if (input.providerMessageId) {
      await lockKey(ctx, `case_message:${hotelId}:${input.channel}:${input.providerMessageId}`);
      const existing = await this.findByProviderId(ctx, hotelId, input.channel, input.providerMessageId);
      if (existing) {
        return { ...existing, createdCase: false, duplicate: true };
      }
    }
    // Two first messages of one guest arriving together must not open two cases.
    await lockKey(ctx, `guest_case:${hotelId}:${input.guestId}`);
    const members = [...new Set([input.guestId, ...input.guestMemberIds])].filter(isUuid);
    const openIds: Array<{ id: string }> = await ctx.tx.query(
      `SELECT id FROM guest_case
        WHERE tenant_id = $1 AND guest_id = ANY($2::uuid[]) AND status = ANY($3::text[])
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [hotelId, members, OPEN_CASE_STATUSES],
    );
    const open = openIds[0] ? await loadCase(ctx, hotelId, openIds[0].id) : null;
    const record = open ?? (await this.createCase(ctx, hotelId, input));
    const direction = input.direction ?? MessageDirection.Inbound;
    const messageId = randomUUID();
    const message: Partial<CaseMessageEntity> = {
      tenantId: hotelId,
      id: messageId,
      caseId: record.id,
      direction,
      channel: input.channel,
      contentType: input.contentType,
      body: input.body,
      attachment: input.attachment ?? null,
      providerMessageId: input.providerMessageId,
      authorId: null,
      authorName: input.authorName ?? null,
      occurredAt: input.occurredAt,
      attempts: 0,
    };
    // TypeORM's deep-partial type cannot express jsonb columns holding arbitrary records.
    await ctx.tx.getRepository(CaseMessageEntity).insert(message as QueryDeepPartialEntity<CaseMessageEntity>);
    if (direction === MessageDirection.Inbound) {
      // Searchable: the body, and the guest name / request text when this message is what fills them.
      const name = !open || !open.guestName ? blankToNull(input.guestName) : null;
      const request = !open || !open.requestText ? blankToNull(input.requestText) : null;
      await applyGuestMessage(
        ctx,
        hotelId,
        record.id,
        input.occurredAt,
        searchText(name, input.body, request !== blankToNull(input.body) ? request : null),
        { guestName: input.guestName, contact: input.contact, requestText: input.requestText },
      );
    } else {
      const name = open ? null : blankToNull(input.guestName);
      await applyHotelResponse(ctx, hotelId, record.id, input.occurredAt, searchText(name, input.body));
    }
    const kind = open ? CaseEventKind.MessageAdded : CaseEventKind.Created;
    const updated = await reloadAndPublish(ctx, hotelId, record.id, kind, {
      messageId,
      queue: true,
      detail: { direction, body: input.body, occurredAt: input.occurredAt },
    });
    return { caseId: updated.id, caseNumber: updated.number, messageId, createdCase: !open, duplicate: false };
  }

  /**
   * A provider's delivery report for an outbound message. False when no outbound message has that provider id yet
   * (the send has not been recorded: the caller retries later). Statuses only move forward (reportRank), so a late
   * "sent" never overwrites "read"; "failed" records the error.
   */
  async applyDeliveryStatus(
    ctx: RequestContext,
    hotelId: string,
    channel: Channel,
    providerMessageId: string,
    status: DeliveryStatus,
    at: Date,
    error?: string,
  ): Promise<boolean> {
    ctx.assertInScope(hotelId);
    const rows: Array<{ id: string; case_id: string; delivery_status: DeliveryStatus | null }> = await ctx.tx.query(
      `SELECT id, case_id, delivery_status FROM case_message
        WHERE tenant_id = $1 AND channel = $2 AND provider_message_id = $3 AND direction = 'outbound'
        FOR UPDATE`,
      [hotelId, channel, providerMessageId],
    );
    const message = rows[0];
    if (!message) {
      return false;
    }
    const current = message.delivery_status ?? DeliveryStatus.Queued;
    if (reportRank(status) <= reportRank(current)) {
      return true;
    }
    await ctx.tx.query(
      `UPDATE case_message SET delivery_status = $3, delivery_updated_at = $4,
              last_error = CASE WHEN $3 = 'failed' THEN $5 ELSE last_error END
        WHERE tenant_id = $1 AND id = $2`,
      [hotelId, message.id, status, at.toISOString(), error ?? null],
    );
    await reloadAndPublish(ctx, hotelId, message.case_id, CaseEventKind.MessageStatus, { messageId: message.id });
    return true;
  }

  private async findByProviderId(
    ctx: RequestContext,
    hotelId: string,
    channel: Channel,
    providerMessageId: string,
  ): Promise<{ caseId: string; caseNumber: string; messageId: string } | null> {
    const rows: Array<{ caseId: string; caseNumber: string; messageId: string }> = await ctx.tx.query(
      `SELECT m.id AS "messageId", m.case_id AS "caseId", c.number AS "caseNumber"
         FROM case_message m JOIN guest_case c ON c.tenant_id = m.tenant_id AND c.id = m.case_id
        WHERE m.tenant_id = $1 AND m.channel = $2 AND m.provider_message_id = $3`,
      [hotelId, channel, providerMessageId],
    );
    return rows[0] ?? null;
  }

  private async createCase(ctx: RequestContext, hotelId: string, input: InboundCaseMessage): Promise<CaseRecord> {
    const number = await this.numbers.allocate(ctx, hotelId, input.occurredAt);
    // The pipeline's guess of a request type is kept only when the hotel's dictionary knows it: intake never fails on it.
    const requestType =
      input.requestType &&
      (await this.dictionaries.activeCodes(ctx, hotelId, DictionaryKind.RequestType)).has(input.requestType)
        ? input.requestType
        : null;
    const id = randomUUID();
    await ctx.tx.query(
      `INSERT INTO guest_case (tenant_id, id, number, guest_id, status, request_type, priority, source, channel,
         campaign_id, utm_source, utm_medium, utm_campaign, utm_content, guest_name, contact, request_text,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'new', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, now())`,
      [
        hotelId,
        id,
        number,
        input.guestId,
        requestType,
        input.priority ?? CasePriority.P3,
        input.source,
        input.channel,
        input.campaignId && isUuid(input.campaignId) ? input.campaignId : null,
        blankToNull(input.utm?.source),
        blankToNull(input.utm?.medium),
        blankToNull(input.utm?.campaign),
        blankToNull(input.utm?.content),
        blankToNull(input.guestName),
        blankToNull(input.contact),
        blankToNull(input.requestText),
        input.occurredAt.toISOString(),
      ],
    );
    await recordTransition(ctx, hotelId, id, null, CaseStatus.New, `created from ${input.channel}`, input.occurredAt);
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.CaseCreated,
      entityType: 'case',
      entityId: id,
      after: { number, channel: input.channel, source: input.source, guestId: input.guestId },
    });
    return loadCase(ctx, hotelId, id);
  }
}
