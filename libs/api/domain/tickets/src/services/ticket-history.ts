import { randomUUID } from 'node:crypto';
import { TicketClosure, TicketStatus } from '@baton/shared/contracts';
import { actorId, actorName, RequestContext } from '@baton/api/core';
import { TicketNoteObject, TicketTransitionObject } from '../objects/ticket.object';

/** Who did it, as stored on history rows: the user, API key or system actor of the context. */
export function actor(ctx: RequestContext): { id: string | null; name: string | null } {
  const principal = ctx.principal;
  return principal ? { id: actorId(principal), name: actorName(principal) } : { id: null, name: null };
}

/**
 * Appends one status change to the ticket's history (who, when, from, to, how it closed, why). The time is the
 * transaction's (now()), so the history orders exactly like the commits that made it.
 */
export async function recordTransition(
  ctx: RequestContext,
  hotelId: string,
  ticketId: string,
  change: { from: TicketStatus | null; to: TicketStatus; closure?: TicketClosure | null; reason?: string | null },
): Promise<void> {
  const who = actor(ctx);
  await ctx.tx.query(
    `INSERT INTO ticket_transition (tenant_id, id, ticket_id, from_status, to_status, closure, reason, actor_id,
       actor_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      hotelId,
      randomUUID(),
      ticketId,
      change.from,
      change.to,
      change.closure ?? null,
      change.reason ?? null,
      who.id,
      who.name,
    ],
  );
}

/** Appends an internal note (author from the context) and returns it as the API shows it. */
export async function insertNote(
  ctx: RequestContext,
  hotelId: string,
  ticketId: string,
  body: string,
): Promise<TicketNoteObject> {
  const who = actor(ctx);
  const rows: TicketNoteObject[] = await ctx.tx.query(
    `INSERT INTO ticket_note (tenant_id, id, ticket_id, author_id, author_name, body) VALUES ($1, $2, $3, $4, $5, $6)
     RETURNING id, ticket_id AS "ticketId", author_name AS "authorName", body, created_at AS "createdAt"`,
    [hotelId, randomUUID(), ticketId, ctx.userId, who.name, body],
  );
  return rows[0];
}

export async function notesOf(
  ctx: RequestContext,
  hotelId: string,
  ticketIds: string[],
): Promise<Map<string, TicketNoteObject[]>> {
  const rows: TicketNoteObject[] = await ctx.tx.query(
    `SELECT id, ticket_id AS "ticketId", author_name AS "authorName", body, created_at AS "createdAt"
       FROM ticket_note WHERE tenant_id = $1 AND ticket_id = ANY($2::uuid[]) ORDER BY created_at, id`,
    [hotelId, ticketIds],
  );
  return groupBy(rows, (row) => row.ticketId);
}

export async function transitionsOf(
  ctx: RequestContext,
  hotelId: string,
  ticketIds: string[],
): Promise<Map<string, TicketTransitionObject[]>> {
  const rows: Array<TicketTransitionObject & { ticketId: string }> = await ctx.tx.query(
    `SELECT id, ticket_id AS "ticketId", from_status AS "fromStatus", to_status AS "toStatus", closure, reason,
            actor_name AS "actorName", occurred_at AS "occurredAt"
       FROM ticket_transition WHERE tenant_id = $1 AND ticket_id = ANY($2::uuid[]) ORDER BY occurred_at, id`,
    [hotelId, ticketIds],
  );
  const grouped = groupBy(rows, (row) => row.ticketId);
  return new Map(
    [...grouped].map(([id, list]) => [id, list.map(({ ticketId: _ticketId, ...transition }) => transition)]),
  );
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  }
  return out;
}
