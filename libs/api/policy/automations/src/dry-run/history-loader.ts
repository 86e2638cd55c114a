import { RequestContext } from '@baton/api/core';
import type { HistoryCase, HistoryEvent, HistoryTicket } from './history';

/** Cases a replay loads at most (the most recently active ones); the report says when there were more. */
export const MAX_REPLAY_CASES = 5000;

interface CaseRow extends Omit<HistoryCase, 'labels'> {
  labels: string[];
}

/**
 * Reads what a dry-run replays, read-only: the cases active in the window (created, or with a message, transition
 * or handoff in it) with their whole message/transition/handoff history, the tickets and SLA ladder steps of the
 * window, and the guests' identity kinds (which channels a templated message could reach).
 */
export async function loadHistory(ctx: RequestContext, hotelId: string, from: Date, to: Date) {
  const caseRows: CaseRow[] = await ctx.tx.query(
    `SELECT c.id, c.number, c.guest_id AS "guestId", c.status, c.priority, c.channel, c.request_type AS "requestType",
            c.labels, c.team, c.owner_id AS "ownerId", u.display_name AS "ownerName", c.guest_name AS "guestName",
            c.contact, c.request_text AS "requestText", c.message_rounds AS "messageRounds",
            c.merged_into_id AS "mergedIntoId", c.created_at AS "createdAt"
       FROM guest_case c LEFT JOIN app_user u ON u.id = c.owner_id
      WHERE c.tenant_id = $1 AND c.created_at <= $3 AND (c.updated_at >= $2 OR c.created_at >= $2)
      ORDER BY c.updated_at DESC
      LIMIT $4`,
    [hotelId, from, to, MAX_REPLAY_CASES + 1],
  );
  const casesTruncated = caseRows.length > MAX_REPLAY_CASES;
  const cases: HistoryCase[] = caseRows.slice(0, MAX_REPLAY_CASES);
  const ids = cases.map((c) => c.id);
  const events: HistoryEvent[] = cases.map((c) => ({ kind: 'case_created', at: c.createdAt, caseId: c.id }));
  const messages: Array<{ caseId: string; direction: 'inbound' | 'outbound'; body: string; at: Date }> =
    await ctx.tx.query(
      `SELECT case_id AS "caseId", direction, body, occurred_at AS at FROM case_message
        WHERE tenant_id = $1 AND case_id = ANY($2::uuid[]) AND occurred_at <= $3`,
      [hotelId, ids, to],
    );
  events.push(...messages.map((m) => ({ kind: 'message' as const, ...m })));
  const transitions: Array<{ caseId: string; from: string | null; to: string; at: Date }> = await ctx.tx.query(
    `SELECT case_id AS "caseId", from_status AS from, to_status AS to, occurred_at AS at FROM case_transition
      WHERE tenant_id = $1 AND case_id = ANY($2::uuid[]) AND occurred_at <= $3`,
    [hotelId, ids, to],
  );
  events.push(...transitions.map((t) => ({ kind: 'status' as const, ...t })));
  const handoffs: Array<{
    caseId: string;
    fromTeam: string | null;
    toTeam: string;
    reason: string;
    requestedAt: Date;
    acceptedAt: Date | null;
    acceptedBy: string | null;
  }> = await ctx.tx.query(
    `SELECT case_id AS "caseId", from_team AS "fromTeam", to_team AS "toTeam", reason, requested_at AS "requestedAt",
            accepted_at AS "acceptedAt", accepted_by AS "acceptedBy"
       FROM case_handoff WHERE tenant_id = $1 AND case_id = ANY($2::uuid[]) AND requested_at <= $3`,
    [hotelId, ids, to],
  );
  for (const h of handoffs) {
    events.push({
      kind: 'handoff',
      at: h.requestedAt,
      caseId: h.caseId,
      fromTeam: h.fromTeam,
      toTeam: h.toTeam,
      reason: h.reason,
    });
    if (h.acceptedAt && h.acceptedAt <= to) {
      events.push({
        kind: 'handoff_accepted',
        at: h.acceptedAt,
        caseId: h.caseId,
        toTeam: h.toTeam,
        acceptedBy: h.acceptedBy,
      });
    }
  }
  const tickets = await loadTickets(ctx, hotelId, from, to, events);
  events.push(...(await loadSlaSteps(ctx, hotelId, from, to)));
  const identityRows: Array<{ guestId: string; kind: string }> = await ctx.tx.query(
    `SELECT DISTINCT guest_id AS "guestId", kind FROM guest_identity
      WHERE tenant_id = $1 AND guest_id = ANY($2::uuid[])`,
    [hotelId, [...new Set(cases.map((c) => c.guestId))]],
  );
  const identities = new Map<string, Set<string>>();
  for (const row of identityRows) {
    identities.set(row.guestId, (identities.get(row.guestId) ?? new Set()).add(row.kind));
  }
  return { cases, tickets, events, identities, casesTruncated };
}

async function loadTickets(
  ctx: RequestContext,
  hotelId: string,
  from: Date,
  to: Date,
  events: HistoryEvent[],
): Promise<HistoryTicket[]> {
  const tickets: Array<HistoryTicket & { createdAt: Date }> = await ctx.tx.query(
    `SELECT t.id, t.number, t.title, t.kind, t.priority, t.team, t.owner_id AS "ownerId", t.case_id AS "caseId",
            t.created_at AS "createdAt"
       FROM ticket t
      WHERE t.tenant_id = $1 AND t.created_at <= $3 AND (t.updated_at >= $2 OR t.created_at >= $2)
      LIMIT $4`,
    [hotelId, from, to, MAX_REPLAY_CASES],
  );
  const transitions: Array<{ ticketId: string; to: string; at: Date }> = await ctx.tx.query(
    `SELECT ticket_id AS "ticketId", to_status AS to, occurred_at AS at FROM ticket_transition
      WHERE tenant_id = $1 AND ticket_id = ANY($2::uuid[]) AND from_status IS NOT NULL AND occurred_at <= $3`,
    [hotelId, tickets.map((t) => t.id), to],
  );
  for (const t of tickets) {
    events.push({ kind: 'ticket_opened', at: t.createdAt, ticketId: t.id });
  }
  events.push(...transitions.map((t) => ({ kind: 'ticket_status' as const, ...t })));
  return tickets.map(({ createdAt: _createdAt, ...t }) => t);
}

async function loadSlaSteps(ctx: RequestContext, hotelId: string, from: Date, to: Date): Promise<HistoryEvent[]> {
  const rows: Array<{
    at: Date;
    step: string;
    metric: string;
    targetType: 'case' | 'ticket';
    targetId: string;
    dueAt: Date;
  }> = await ctx.tx.query(
    `SELECT e.at, e.step, k.metric, k.target_type AS "targetType", k.target_id AS "targetId", k.due_at AS "dueAt"
         FROM sla_clock_event e JOIN sla_clock k ON k.tenant_id = e.tenant_id AND k.id = e.clock_id
        WHERE e.tenant_id = $1 AND e.kind = 'step' AND e.at BETWEEN $2 AND $3`,
    [hotelId, from, to],
  );
  return rows.map((r) => ({ kind: 'sla_step' as const, ...r }));
}
