import { RequestContext } from '@baton/api/core';

export interface KeywordSetRow {
  name: string;
  keywords: string[];
  updatedAt: Date;
}

export async function listKeywordSets(ctx: RequestContext, hotelId: string): Promise<KeywordSetRow[]> {
  return ctx.tx.query(
    `SELECT name, keywords, updated_at AS "updatedAt" FROM automation_keyword_set WHERE tenant_id = $1 ORDER BY name`,
    [hotelId],
  );
}

/** name → keywords, what the evaluator needs. */
export async function keywordSetMap(ctx: RequestContext, hotelId: string): Promise<Map<string, string[]>> {
  return new Map((await listKeywordSets(ctx, hotelId)).map((row) => [row.name, row.keywords]));
}

export async function upsertKeywordSet(
  ctx: RequestContext,
  hotelId: string,
  name: string,
  keywords: string[],
): Promise<void> {
  await ctx.tx.query(
    `INSERT INTO automation_keyword_set (tenant_id, name, keywords, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, name) DO UPDATE SET keywords = EXCLUDED.keywords, updated_by = EXCLUDED.updated_by,
       updated_at = now()`,
    [hotelId, name, keywords, ctx.userId],
  );
}
