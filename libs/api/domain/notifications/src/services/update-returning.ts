import type { RequestContext } from '@baton/api/core';

/** UPDATE … RETURNING rows. TypeORM answers an UPDATE with `[rows, affectedCount]` (other statements with rows). */
export async function updateReturning<T>(ctx: RequestContext, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await ctx.tx.query(sql, params)) as [T[], number];
  return rows;
}
