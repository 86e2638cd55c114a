import { CasePriority, TicketClosure, TicketKind, TicketStatus } from '@baton/shared/contracts';
import { BatonError, isUuid, RequestContext } from '@baton/api/core';
import { TicketObject } from '../objects/ticket.object';
import { nextTicketStatuses } from './ticket-rules';

/** A ticket row as the services, events and other libraries see it, with the owner's name and the case number. */
export interface TicketRecord {
  hotelId: string;
  id: string;
  number: string;
  kind: TicketKind;
  category: string;
  priority: CasePriority;
  title: string;
  description: string;
  status: TicketStatus;
  ownerId: string | null;
  ownerName: string | null;
  team: string | null;
  caseId: string | null;
  caseNumber: string | null;
  source: 'manual' | 'rule';
  ruleId: string | null;
  createdById: string | null;
  createdByName: string | null;
  dueAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  closure: TicketClosure | null;
  confirmationDays: number;
  confirmationDueAt: Date | null;
  approvalDecision: 'approved' | 'rejected' | null;
  approvalNote: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** created_at printed exactly (UTC, microseconds): the keyset of the ticket list. */
  createdKey: string;
}

/**
 * From `ticket t LEFT JOIN app_user u LEFT JOIN guest_case c`: the case join reads a row of the same hotel only (the
 * join condition carries tenant_id, and RLS scopes guest_case as well).
 */
export const TICKET_COLUMNS = `
  t.tenant_id AS "hotelId", t.id, t.number, t.kind, t.category, t.priority, t.title, t.description, t.status,
  t.owner_id AS "ownerId", u.display_name AS "ownerName", t.team, t.case_id AS "caseId", c.number AS "caseNumber",
  t.source, t.rule_id AS "ruleId", t.created_by_id AS "createdById", t.created_by_name AS "createdByName",
  t.due_at AS "dueAt", t.first_response_at AS "firstResponseAt", t.resolved_at AS "resolvedAt",
  t.closed_at AS "closedAt", t.closure, t.confirmation_days AS "confirmationDays",
  t.confirmation_due_at AS "confirmationDueAt", t.approval_decision AS "approvalDecision",
  t.approval_note AS "approvalNote", t.decided_by_name AS "decidedByName", t.decided_at AS "decidedAt", t.version,
  t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdKey"`;

export const TICKET_FROM = `ticket t
  LEFT JOIN app_user u ON u.id = t.owner_id
  LEFT JOIN guest_case c ON c.tenant_id = t.tenant_id AND c.id = t.case_id`;

/** One ticket of the hotel; a missing id, a malformed id and another hotel's id all answer the same NOT_FOUND. */
export async function loadTicket(
  ctx: RequestContext,
  hotelId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<TicketRecord> {
  ctx.assertInScope(hotelId);
  const rows: TicketRecord[] = isUuid(id)
    ? await ctx.tx.query(
        `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE t.tenant_id = $1 AND t.id = $2${options.lock ? ' FOR UPDATE OF t' : ''}`,
        [hotelId, id],
      )
    : [];
  if (!rows[0]) {
    throw BatonError.notFound('Ticket', id);
  }
  return rows[0];
}

export function toTicketObject(record: TicketRecord): TicketObject {
  const { createdKey: _createdKey, ...fields } = record;
  return { ...fields, allowedTransitions: nextTicketStatuses(record.kind, record.status) };
}

/** Dates become strings on the Redis pub/sub path; an event's ticket snapshot is revived here. */
export function reviveTicketRecord(json: TicketRecord): TicketRecord {
  const date = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));
  return {
    ...json,
    dueAt: date(json.dueAt),
    firstResponseAt: date(json.firstResponseAt),
    resolvedAt: date(json.resolvedAt),
    closedAt: date(json.closedAt),
    confirmationDueAt: date(json.confirmationDueAt),
    decidedAt: date(json.decidedAt),
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
  };
}
