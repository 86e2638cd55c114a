import { CasePriority, CaseStatus, maskContactText, PII_REVEAL_PERMISSIONS } from '@baton/shared/contracts';
import { BatonError, isUuid, RequestContext } from '@baton/api/core';
import { CaseObject } from '../objects/case.object';
import { missingMandatoryFields, nextStatuses } from './case-rules';

/** A guest_case row as the services use it (no search vector), with the owner's display name. */
export interface CaseRecord {
  hotelId: string;
  id: string;
  number: string;
  guestId: string;
  status: CaseStatus;
  requestType: string | null;
  priority: CasePriority;
  source: string;
  channel: string;
  campaignId: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmContent: string | null;
  labels: string[];
  ownerId: string | null;
  ownerName: string | null;
  team: string | null;
  guestName: string | null;
  contact: string | null;
  requestText: string | null;
  messageRounds: number;
  firstResponseAt: Date | null;
  firstResponseSeconds: number | null;
  lastInboundAt: Date | null;
  lastOutboundAt: Date | null;
  waitingSince: Date | null;
  lostReason: string | null;
  closedAt: Date | null;
  mergedIntoId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** created_at printed exactly (UTC, microseconds): the keyset of the case list. */
  createdKey: string;
}

/** Every column but the search vector, from `guest_case c LEFT JOIN app_user u` (app_user has no tenant data). */
export const CASE_COLUMNS = `
  c.tenant_id AS "hotelId", c.id, c.number, c.guest_id AS "guestId", c.status, c.request_type AS "requestType",
  c.priority, c.source, c.channel, c.campaign_id AS "campaignId", c.utm_source AS "utmSource",
  c.utm_medium AS "utmMedium", c.utm_campaign AS "utmCampaign", c.utm_content AS "utmContent", c.labels,
  c.owner_id AS "ownerId", u.display_name AS "ownerName", c.team, c.guest_name AS "guestName", c.contact,
  c.request_text AS "requestText", c.message_rounds AS "messageRounds", c.first_response_at AS "firstResponseAt",
  c.first_response_seconds AS "firstResponseSeconds", c.last_inbound_at AS "lastInboundAt",
  c.last_outbound_at AS "lastOutboundAt", c.waiting_since AS "waitingSince", c.lost_reason AS "lostReason",
  c.closed_at AS "closedAt", c.merged_into_id AS "mergedIntoId", c.created_at AS "createdAt",
  c.updated_at AS "updatedAt",
  to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdKey"`;

export const CASE_FROM = `guest_case c LEFT JOIN app_user u ON u.id = c.owner_id`;

/** Loads one case of the hotel; a missing id, a malformed id and another hotel's id all answer the same NOT_FOUND. */
export async function loadCase(
  ctx: RequestContext,
  hotelId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseRecord> {
  ctx.assertInScope(hotelId);
  const rows: CaseRecord[] = isUuid(id)
    ? await ctx.tx.query(
        `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.tenant_id = $1 AND c.id = $2${options.lock ? ' FOR UPDATE OF c' : ''}`,
        [hotelId, id],
      )
    : [];
  if (!rows[0]) {
    throw BatonError.notFound('Case', id);
  }
  return rows[0];
}

/** Loads several cases of the hotel, locked in id order (no deadlock between two merges of the same pair). */
export async function lockCases(ctx: RequestContext, hotelId: string, ids: string[]): Promise<Map<string, CaseRecord>> {
  ctx.assertInScope(hotelId);
  const valid = ids.filter(isUuid);
  const rows: CaseRecord[] = valid.length
    ? await ctx.tx.query(
        `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[])
         ORDER BY c.id FOR UPDATE OF c`,
        [hotelId, valid],
      )
    : [];
  return new Map(rows.map((row) => [row.id, row]));
}

/** Full contact values go to callers who may write cases or reveal personal data on the hotel (KVKK). */
export function revealsContact(ctx: RequestContext, hotelId: string): boolean {
  return PII_REVEAL_PERMISSIONS.some((permission) => ctx.can(permission, hotelId));
}

export function toCaseObject(record: CaseRecord, revealContact: boolean): CaseObject {
  const { createdKey: _createdKey, contact, ...fields } = record;
  return {
    ...fields,
    labels: [...record.labels],
    contact: contact && !revealContact ? maskContactText(contact) : contact,
    missingMandatoryFields: missingMandatoryFields(record),
    allowedTransitions: nextStatuses(record.status, record.mergedIntoId),
  };
}

/** Dates become strings on the Redis pub/sub path; an event's case snapshot is revived here. */
export function reviveCaseRecord(json: CaseRecord): CaseRecord {
  const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
  return {
    ...json,
    firstResponseAt: date(json.firstResponseAt),
    lastInboundAt: date(json.lastInboundAt),
    lastOutboundAt: date(json.lastOutboundAt),
    waitingSince: date(json.waitingSince),
    closedAt: date(json.closedAt),
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
  };
}
