import { randomUUID } from 'node:crypto';
import { CaseStatus } from '@baton/shared/contracts';
import { actorId, actorName, RequestContext } from '@baton/api/core';
import { CaseTransitionEntity } from '../entities/case-history.entities';

/** Who did it, as stored on history rows: the user, API key or system actor of the context. */
export function actor(ctx: RequestContext): { id: string | null; name: string | null } {
  const principal = ctx.principal;
  return principal ? { id: actorId(principal), name: actorName(principal) } : { id: null, name: null };
}

/** Appends one status change to the case's history (who, when, from, to, why). */
export async function recordTransition(
  ctx: RequestContext,
  hotelId: string,
  caseId: string,
  from: CaseStatus | null,
  to: CaseStatus,
  reason: string | null,
  at: Date = new Date(),
): Promise<void> {
  const who = actor(ctx);
  await ctx.tx.getRepository(CaseTransitionEntity).insert({
    tenantId: hotelId,
    id: randomUUID(),
    caseId,
    fromStatus: from,
    toStatus: to,
    reason,
    actorId: who.id,
    actorName: who.name,
    occurredAt: at,
  });
}
