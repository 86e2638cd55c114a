import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction, MergeSuggestionStatus } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { GuestEntity } from '../entities/guest.entity';
import { GuestMatchSuggestionEntity } from '../entities/guest-match-suggestion.entity';
import { GuestMergeEntity } from '../entities/guest-merge.entity';
import { GuestsError, guestsError } from '../guests.errors';
import { MatchReason, scoreCandidate } from '../matcher';
import { GuestMergeObject } from '../objects/guest.objects';
import { identitiesOfGuests, lockIdentities } from './guest-store';
import { loadGuest, mergeObjects } from './guest-views';

const ENTITY_TYPE = 'guest_merge';

/**
 * Merging two guests and undoing it. A merge moves the merged guest's identities to the survivor and records exactly
 * which ones, so an unmerge can move those (and only those) back; the merged guest's row, cases and history stay as
 * they were. Both run under the same identity locks as resolveForInbound, then lock both guest rows (in id order).
 */
@Injectable()
export class GuestMergesService {
  constructor(private readonly audit: AuditWriter) {}

  async merge(
    ctx: RequestContext,
    hotelId: string,
    survivorId: string,
    mergedId: string,
    suggestionId: string | null,
  ): Promise<GuestMergeObject> {
    ctx.assertInScope(hotelId);
    const suggestion = suggestionId === null ? null : await this.loadSuggestion(ctx, hotelId, suggestionId);
    await loadGuest(ctx, hotelId, survivorId);
    await loadGuest(ctx, hotelId, mergedId);
    if (survivorId === mergedId) {
      throw guestsError(GuestsError.SelfMerge, { field: 'mergedId' });
    }
    if (suggestion) {
      const pair = [suggestion.guestId, suggestion.candidateId];
      if (!pair.includes(survivorId) || !pair.includes(mergedId)) {
        throw guestsError(GuestsError.SuggestionMismatch, { field: 'suggestionId' });
      }
      if (suggestion.status !== MergeSuggestionStatus.Open) {
        throw guestsError(GuestsError.SuggestionNotOpen);
      }
    }
    await lockIdentities(ctx.tx, hotelId, await identitiesOfGuests(ctx.tx, hotelId, [survivorId, mergedId]));
    const [survivor, merged] = await this.lockGuests(ctx, hotelId, survivorId, mergedId);
    if (survivor.mergedIntoId !== null || merged.mergedIntoId !== null) {
      throw guestsError(GuestsError.AlreadyMerged, {
        guestId: survivor.mergedIntoId !== null ? survivor.id : merged.id,
      });
    }

    const identities = await identitiesOfGuests(ctx.tx, hotelId, [survivor.id, merged.id]);
    const reasons: MatchReason[] =
      suggestion?.reasons ??
      scoreCandidate(
        { displayName: survivor.displayName, identities: identities.filter((i) => i.guestId === survivor.id) },
        { displayName: merged.displayName, identities: identities.filter((i) => i.guestId === merged.id) },
      ).reasons;
    const [moved] = await ctx.tx.query<[{ id: string }[], number]>(
      `UPDATE guest_identity SET guest_id = $2 WHERE tenant_id = $1 AND guest_id = $3 RETURNING id`,
      [hotelId, survivor.id, merged.id],
    );
    const now = new Date();
    await ctx.tx
      .getRepository(GuestEntity)
      .update({ tenantId: hotelId, id: merged.id }, { mergedIntoId: survivor.id, updatedAt: now });
    const id = randomUUID();
    await ctx.tx.getRepository(GuestMergeEntity).insert({
      tenantId: hotelId,
      id,
      survivorId: survivor.id,
      mergedId: merged.id,
      movedIdentityIds: moved.map((r) => r.id).sort(),
      movedCaseIds: [],
      reasons,
      mergedBy: ctx.userId,
      mergedAt: now,
    });
    await this.decidePairSuggestions(ctx, hotelId, survivor.id, merged.id, MergeSuggestionStatus.Merged, [
      MergeSuggestionStatus.Open,
    ]);
    const row = await ctx.tx.getRepository(GuestMergeEntity).findOneByOrFail({ tenantId: hotelId, id });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.GuestMerged,
      entityType: ENTITY_TYPE,
      entityId: id,
      before: null,
      after: auditView(row, suggestion?.id ?? null),
    });
    const [object] = await mergeObjects(ctx, [row]);
    return object;
  }

  /**
   * Undoes a merge: the identities it moved go back to the merged guest, which stands alone again. Refused (CONFLICT)
   * when already undone, or when the survivor has since been merged into another guest (undo that merge first).
   * Identities the survivor gained after the merge stay with it. The pair's suggestion is closed as dismissed.
   */
  async unmerge(ctx: RequestContext, hotelId: string, mergeId: string): Promise<GuestMergeObject> {
    ctx.assertInScope(hotelId);
    const repo = ctx.tx.getRepository(GuestMergeEntity);
    const merge = isUuid(mergeId) ? await repo.findOneBy({ tenantId: hotelId, id: mergeId }) : null;
    if (!merge) {
      throw BatonError.notFound('GuestMerge', mergeId);
    }
    if (merge.undoneAt !== null) {
      throw guestsError(GuestsError.MergeAlreadyUndone);
    }
    const moved = (await identitiesOfGuests(ctx.tx, hotelId, [merge.survivorId])).filter((i) =>
      merge.movedIdentityIds.includes(i.id),
    );
    await lockIdentities(ctx.tx, hotelId, moved);
    const [survivor, merged] = await this.lockGuests(ctx, hotelId, merge.survivorId, merge.mergedId);
    const locked = await repo.findOne({
      where: { tenantId: hotelId, id: merge.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!locked || locked.undoneAt !== null) {
      throw guestsError(GuestsError.MergeAlreadyUndone);
    }
    if (survivor.mergedIntoId !== null || merged.mergedIntoId !== survivor.id) {
      throw guestsError(GuestsError.LaterMergeFirst, { survivorId: survivor.id, mergedIntoId: survivor.mergedIntoId });
    }
    const [, count] = await ctx.tx.query<[unknown[], number]>(
      `UPDATE guest_identity SET guest_id = $3
        WHERE tenant_id = $1 AND guest_id = $2 AND id = ANY($4::uuid[])`,
      [hotelId, survivor.id, merged.id, merge.movedIdentityIds],
    );
    if (count !== merge.movedIdentityIds.length) {
      throw guestsError(GuestsError.IdentitiesMovedOn);
    }
    const now = new Date();
    await ctx.tx
      .getRepository(GuestEntity)
      .update({ tenantId: hotelId, id: merged.id }, { mergedIntoId: null, updatedAt: now });
    await repo.update({ tenantId: hotelId, id: merge.id }, { undoneAt: now, undoneBy: ctx.userId });
    await this.decidePairSuggestions(ctx, hotelId, survivor.id, merged.id, MergeSuggestionStatus.Dismissed, [
      MergeSuggestionStatus.Merged,
    ]);
    const row = await repo.findOneByOrFail({ tenantId: hotelId, id: merge.id });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.GuestUnmerged,
      entityType: ENTITY_TYPE,
      entityId: merge.id,
      before: auditView(merge, null),
      after: auditView(row, null),
    });
    const [object] = await mergeObjects(ctx, [row]);
    return object;
  }

  private async loadSuggestion(ctx: RequestContext, hotelId: string, id: string): Promise<GuestMatchSuggestionEntity> {
    const suggestion = isUuid(id)
      ? await ctx.tx.getRepository(GuestMatchSuggestionEntity).findOneBy({ tenantId: hotelId, id })
      : null;
    if (!suggestion) {
      throw BatonError.notFound('MergeSuggestion', id);
    }
    return suggestion;
  }

  /** Both guests FOR UPDATE, always in id order (two merges of the same pair cannot deadlock). */
  private async lockGuests(
    ctx: RequestContext,
    hotelId: string,
    firstId: string,
    secondId: string,
  ): Promise<[GuestEntity, GuestEntity]> {
    const byId = new Map<string, GuestEntity>();
    for (const id of [firstId, secondId].sort()) {
      byId.set(id, await loadGuest(ctx, hotelId, id, { lock: true }));
    }
    return [byId.get(firstId)!, byId.get(secondId)!];
  }

  /** Closes the pair's suggestions (either direction) that are in one of `from`, as decided by the caller. */
  private async decidePairSuggestions(
    ctx: RequestContext,
    hotelId: string,
    a: string,
    b: string,
    to: MergeSuggestionStatus,
    from: MergeSuggestionStatus[],
  ): Promise<void> {
    await ctx.tx.query(
      `UPDATE guest_match_suggestion SET status = $4, decided_by = $5, decided_at = now()
        WHERE tenant_id = $1 AND ((guest_id = $2 AND candidate_id = $3) OR (guest_id = $3 AND candidate_id = $2))
          AND status = ANY($6::text[])`,
      [hotelId, a, b, to, ctx.userId, from],
    );
  }
}

/** What the audit trail keeps of a merge: ids and reason codes, never contact values. */
function auditView(merge: GuestMergeEntity, suggestionId: string | null): Record<string, unknown> {
  return {
    survivorId: merge.survivorId,
    mergedId: merge.mergedId,
    movedIdentityIds: merge.movedIdentityIds,
    reasons: (merge.reasons ?? []).map((r) => r.code),
    ...(suggestionId ? { suggestionId } : {}),
    undoneAt: merge.undoneAt?.toISOString() ?? null,
  };
}
