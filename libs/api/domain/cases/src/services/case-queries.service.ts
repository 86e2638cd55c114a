import { Injectable } from '@nestjs/common';
import { OPEN_CASE_STATUSES } from '@baton/shared/contracts';
import { BatonError, RequestContext } from '@baton/api/core';
import { CasesError, casesError } from '../cases.errors';
import { CaseFilter } from '../dto/case-filter.input';
import { CaseConnectionObject } from '../objects/case-connection.object';
import { CaseObject } from '../objects/case.object';
import { decodeCursor, encodeCursor } from './case-cursor';
import { CASE_COLUMNS, CASE_FROM, CaseRecord, loadCase, revealsContact, toCaseObject } from './case-record';

export const MAX_PAGE = 100;

/** Builds `WHERE` conditions with numbered parameters; every list query starts from the hotel's tenant_id. */
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

/**
 * The search box in web-search syntax ("quoted phrase", or, -not), parsed by websearch_to_tsquery with the hotel
 * search configuration (baton_tr: unaccent + Turkish stems), then every stem of four letters or more becomes a prefix
 * match. The Snowball Turkish stemmer cuts related forms differently ("gürültü" → gurul, "gürültülü" → gurultul), so an
 * exact stem match would miss them; shorter stems ("oda" → o) stay exact or they would match nearly everything.
 * The rewrite works on the tsquery's text form, where every lexeme is quoted and follows the start, a space, "(" or "!".
 */
function prefixQuery(param: string): string {
  return `regexp_replace(websearch_to_tsquery('baton_tr', ${param})::text,
    '(^|[\\s(!])''((?:[^'']|''''){4,})''', '\\1''\\2'':*', 'g')::tsquery`;
}

function filterConditions(hotelId: string, filter: CaseFilter | null | undefined): Conditions {
  const where = new Conditions();
  where.add((p) => `c.tenant_id = ${p}`, hotelId);
  if (!filter) {
    return where;
  }
  if (filter.status?.length) {
    where.add((p) => `c.status = ANY(${p}::text[])`, filter.status);
  }
  if (filter.openOnly) {
    where.add((p) => `c.status = ANY(${p}::text[])`, OPEN_CASE_STATUSES);
  }
  if (filter.channel?.length) {
    where.add((p) => `c.channel = ANY(${p}::text[])`, filter.channel);
  }
  if (filter.priority?.length) {
    where.add((p) => `c.priority = ANY(${p}::text[])`, filter.priority);
  }
  if (filter.ownerId) {
    where.add((p) => `c.owner_id = ${p}`, filter.ownerId);
  }
  if (filter.unassigned) {
    where.sql.push('c.owner_id IS NULL');
  }
  if (filter.label) {
    where.add((p) => `c.labels @> ARRAY[${p}::text]`, filter.label);
  }
  if (filter.guestIds?.length) {
    where.add((p) => `c.guest_id = ANY(${p}::uuid[])`, filter.guestIds);
  }
  if (filter.utmCampaign) {
    where.add((p) => `c.utm_campaign = ${p}`, filter.utmCampaign);
  }
  if (filter.search?.trim()) {
    where.add((p) => `c.search @@ ${prefixQuery(p)}`, filter.search.trim());
  }
  return where;
}

/** Reading cases: the Relay connection with filters and full-text search, one case by id or by number. */
@Injectable()
export class CaseQueriesService {
  async list(
    ctx: RequestContext,
    hotelId: string,
    filter: CaseFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<CaseConnectionObject> {
    ctx.assertInScope(hotelId);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw casesError(CasesError.InvalidFirst, { field: 'first', max: MAX_PAGE });
    }
    const cursor = after ? decodeCursor(after) : null;
    const where = filterConditions(hotelId, filter);
    const counted: Array<{ count: number }> = await ctx.tx.query(
      `SELECT count(*)::int AS count FROM guest_case c WHERE ${where.where()}`,
      where.params,
    );
    const page = new Conditions();
    page.sql.push(...where.sql);
    page.params.push(...where.params);
    if (cursor) {
      page.params.push(cursor.createdKey, cursor.id);
      const n = page.params.length;
      page.sql.push(`(c.created_at, c.id) < ($${n - 1}::timestamptz, $${n}::uuid)`);
    }
    page.params.push(first + 1);
    const rows: CaseRecord[] = await ctx.tx.query(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE ${page.where()}
        ORDER BY c.created_at DESC, c.id DESC LIMIT $${page.params.length}`,
      page.params,
    );
    const reveal = revealsContact(ctx, hotelId);
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor({ createdKey: row.createdKey, id: row.id }),
      node: toCaseObject(row, reveal),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: counted[0].count,
    };
  }

  async get(ctx: RequestContext, hotelId: string, id: string): Promise<CaseObject> {
    const record = await loadCase(ctx, hotelId, id);
    return toCaseObject(record, revealsContact(ctx, hotelId));
  }

  async byNumber(ctx: RequestContext, hotelId: string, number: string): Promise<CaseObject> {
    ctx.assertInScope(hotelId);
    const rows: CaseRecord[] = await ctx.tx.query(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.tenant_id = $1 AND c.number = $2`,
      [hotelId, number.trim().toUpperCase()],
    );
    if (!rows[0]) {
      throw BatonError.notFound('Case', number);
    }
    return toCaseObject(rows[0], revealsContact(ctx, hotelId));
  }
}
