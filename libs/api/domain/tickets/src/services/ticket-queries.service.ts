import { Injectable } from '@nestjs/common';
import { RequestContext } from '@baton/api/core';
import { TicketFilter } from '../dto/ticket-filter.input';
import { TicketConnectionObject } from '../objects/ticket-connection.object';
import { TicketsError, ticketsError } from '../tickets.errors';
import { decodeTicketCursor, encodeTicketCursor } from './ticket-cursor';
import { TICKET_COLUMNS, TICKET_FROM, TicketRecord, toTicketObject } from './ticket-record';

export const MAX_TICKET_PAGE = 100;

/** `WHERE` conditions with numbered parameters; every list query starts from the hotel's tenant_id. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  add(template: (param: string) => string, value: unknown): void {
    this.params.push(value);
    this.sql.push(template(`$${this.params.length}`));
  }

  where(): string {
    return this.sql.join(' AND ');
  }
}

/** LIKE wildcards in the search text are literal characters. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function filterConditions(hotelId: string, filter: TicketFilter | null | undefined): Conditions {
  const where = new Conditions();
  where.add((p) => `t.tenant_id = ${p}`, hotelId);
  if (!filter) {
    return where;
  }
  if (filter.status?.length) {
    where.add((p) => `t.status = ANY(${p}::text[])`, filter.status);
  }
  if (filter.kind?.length) {
    where.add((p) => `t.kind = ANY(${p}::text[])`, filter.kind);
  }
  if (filter.ownerId) {
    where.add((p) => `t.owner_id = ${p}`, filter.ownerId);
  }
  if (filter.caseId) {
    where.add((p) => `t.case_id = ${p}`, filter.caseId);
  }
  const search = filter.search?.trim();
  if (search) {
    // Accent- and case-insensitive ("sikayet" finds "Şikayet"); a hotel's ticket list is small enough to scan.
    where.add(
      (p) => `unaccent(t.number || ' ' || t.title || ' ' || t.description) ILIKE '%' || unaccent(${p}) || '%'`,
      escapeLike(search),
    );
  }
  return where;
}

/** Reading tickets: the Relay connection with filters, newest first. */
@Injectable()
export class TicketQueriesService {
  async list(
    ctx: RequestContext,
    hotelId: string,
    filter: TicketFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<TicketConnectionObject> {
    ctx.assertInScope(hotelId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_TICKET_PAGE) {
      throw ticketsError(TicketsError.InvalidFirst, { field: 'first', max: MAX_TICKET_PAGE });
    }
    const cursor = after ? decodeTicketCursor(after) : null;
    const where = filterConditions(hotelId, filter);
    const counted: Array<{ count: number }> = await ctx.tx.query(
      `SELECT count(*)::int AS count FROM ticket t WHERE ${where.where()}`,
      where.params,
    );
    const page = new Conditions();
    page.sql.push(...where.sql);
    page.params.push(...where.params);
    if (cursor) {
      page.params.push(cursor.createdKey, cursor.id);
      const n = page.params.length;
      page.sql.push(`(t.created_at, t.id) < ($${n - 1}::timestamptz, $${n}::uuid)`);
    }
    page.params.push(first + 1);
    const rows: TicketRecord[] = await ctx.tx.query(
      `SELECT ${TICKET_COLUMNS} FROM ${TICKET_FROM} WHERE ${page.where()}
        ORDER BY t.created_at DESC, t.id DESC LIMIT $${page.params.length}`,
      page.params,
    );
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeTicketCursor({ createdKey: row.createdKey, id: row.id }),
      node: toTicketObject(row),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: counted[0].count,
    };
  }
}
