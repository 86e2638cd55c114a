import { RequestContext } from '@baton/api/core';
import { CaseMessageEntity } from '../entities/case-message.entity';
import { CaseHandoffEntity } from '../entities/case-history.entities';
import {
  CaseHandoffObject,
  CaseMessageObject,
  CaseNoteObject,
  CaseTransitionObject,
} from '../objects/case-parts.objects';

/** The timeline parts of a case: row → object mapping and batched reads (many cases, one query per part). */

export function toMessageObject(row: CaseMessageEntity): CaseMessageObject {
  return {
    id: row.id,
    caseId: row.caseId,
    direction: row.direction,
    channel: row.channel,
    contentType: row.contentType,
    body: row.body,
    attachment: row.attachment ? JSON.stringify(row.attachment) : null,
    providerMessageId: row.providerMessageId,
    authorName: row.authorName,
    occurredAt: row.occurredAt,
    deliveryStatus: row.deliveryStatus,
    deliveryUpdatedAt: row.deliveryUpdatedAt,
    attempts: row.attempts,
    lastError: row.lastError,
  };
}

export function secondsBetween(from: Date, to: Date | null): number | null {
  return to ? Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000)) : null;
}

export function toHandoffObject(
  row: CaseHandoffEntity,
  names: { requestedByName: string | null; acceptedByName: string | null },
): CaseHandoffObject {
  return {
    id: row.id,
    caseId: row.caseId,
    fromTeam: row.fromTeam,
    fromChannel: row.fromChannel,
    toTeam: row.toTeam,
    toChannel: row.toChannel,
    reason: row.reason,
    note: row.note,
    requestedAt: row.requestedAt,
    requestedByName: names.requestedByName,
    acceptedAt: row.acceptedAt,
    acceptedByName: names.acceptedByName,
    secondsToAccept: secondsBetween(row.requestedAt, row.acceptedAt),
  };
}

type Keyed<T> = T & { caseId: string };

function groupByCase<T extends { caseId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    map.set(row.caseId, [...(map.get(row.caseId) ?? []), row]);
  }
  return map;
}

export async function messagesOf(
  ctx: RequestContext,
  hotelId: string,
  caseIds: string[],
): Promise<Map<string, CaseMessageObject[]>> {
  const rows = await ctx.tx
    .getRepository(CaseMessageEntity)
    .createQueryBuilder('m')
    .where('m.tenant_id = :hotelId AND m.case_id = ANY(:caseIds)', { hotelId, caseIds })
    .orderBy('m.occurred_at', 'ASC')
    .addOrderBy('m.created_at', 'ASC')
    .addOrderBy('m.id', 'ASC')
    .getMany();
  return groupByCase(rows.map(toMessageObject));
}

export async function transitionsOf(
  ctx: RequestContext,
  hotelId: string,
  caseIds: string[],
): Promise<Map<string, CaseTransitionObject[]>> {
  const rows: Array<Keyed<CaseTransitionObject>> = await ctx.tx.query(
    `SELECT id, case_id AS "caseId", from_status AS "fromStatus", to_status AS "toStatus", reason,
            actor_name AS "actorName", occurred_at AS "occurredAt"
       FROM case_transition WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])
      ORDER BY occurred_at, id`,
    [hotelId, caseIds],
  );
  return groupByCase(rows);
}

/** Handoff columns as CaseHandoffEntity fields, with the requesting and accepting users' names. */
export const HANDOFF_COLUMNS = `
  h.tenant_id AS "tenantId", h.id, h.case_id AS "caseId", h.from_team AS "fromTeam", h.from_channel AS "fromChannel",
  h.to_team AS "toTeam", h.to_channel AS "toChannel", h.reason, h.note, h.requested_by AS "requestedBy",
  h.requested_at AS "requestedAt", h.accepted_by AS "acceptedBy", h.accepted_at AS "acceptedAt",
  r.display_name AS "requestedByName", a.display_name AS "acceptedByName"`;
export const HANDOFF_FROM = `case_handoff h
  LEFT JOIN app_user r ON r.id = h.requested_by
  LEFT JOIN app_user a ON a.id = h.accepted_by`;
export type HandoffRow = CaseHandoffEntity & { requestedByName: string | null; acceptedByName: string | null };

export async function handoffsOf(
  ctx: RequestContext,
  hotelId: string,
  caseIds: string[],
): Promise<Map<string, CaseHandoffObject[]>> {
  const rows: HandoffRow[] = await ctx.tx.query(
    `SELECT ${HANDOFF_COLUMNS} FROM ${HANDOFF_FROM}
      WHERE h.tenant_id = $1 AND h.case_id = ANY($2::uuid[]) ORDER BY h.requested_at, h.id`,
    [hotelId, caseIds],
  );
  return groupByCase(rows.map((row) => toHandoffObject(row, row)));
}

export async function notesOf(
  ctx: RequestContext,
  hotelId: string,
  caseIds: string[],
): Promise<Map<string, CaseNoteObject[]>> {
  const rows: CaseNoteObject[] = await ctx.tx.query(
    `SELECT id, case_id AS "caseId", author_name AS "authorName", body, created_at AS "createdAt"
       FROM case_note WHERE tenant_id = $1 AND case_id = ANY($2::uuid[])
      ORDER BY created_at, id`,
    [hotelId, caseIds],
  );
  return groupByCase(rows);
}
