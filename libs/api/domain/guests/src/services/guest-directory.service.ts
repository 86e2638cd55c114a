import { Injectable } from '@nestjs/common';
import { AuditAction, MergeSuggestionStatus } from '@baton/shared/contracts';
import { AuditWriter, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { GuestEntity } from '../entities/guest.entity';
import { GuestMatchSuggestionEntity } from '../entities/guest-match-suggestion.entity';
import { GuestMergeEntity } from '../entities/guest-merge.entity';
import { GuestsError, guestsError } from '../guests.errors';
import { cleanDisplayName, identityValuesForSearch } from '../identity';
import { GuestMergeObject, GuestObject, MergeSuggestionObject } from '../objects/guest.objects';
import { guestIdsByIdentityValues, softFold, sqlFoldedName, survivorsOf } from './guest-store';
import { guestObject, guestObjects, loadGuest, mergeObjects, suggestionObjects } from './guest-views';

const DEFAULT_FIRST = 25;
const MAX_FIRST = 100;
const STATUSES = Object.values(MergeSuggestionStatus) as string[];

/** Reading guests, their merges and merge suggestions; renaming a guest; dismissing a suggestion. */
@Injectable()
export class GuestDirectoryService {
  constructor(private readonly audit: AuditWriter) {}

  async get(ctx: RequestContext, hotelId: string, id: string): Promise<GuestObject> {
    return guestObject(ctx, hotelId, await loadGuest(ctx, hotelId, id));
  }

  /**
   * Guests that are not merged into another one, newest first. `search` matches a contact value (normalised the way
   * identities are: '0532 123 45 67' finds '+905321234567', e-mail case-insensitively; a merged guest's match shows
   * its survivor) or every word of the name, Turkish-folded ('sahin' finds 'Şahin').
   */
  async list(
    ctx: RequestContext,
    hotelId: string,
    search: string | null,
    first: number | null,
  ): Promise<GuestObject[]> {
    ctx.assertInScope(hotelId);
    const limit = first ?? DEFAULT_FIRST;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_FIRST) {
      throw guestsError(GuestsError.InvalidFirst, { field: 'first' });
    }
    const text = search?.trim() ?? '';
    const qb = ctx.tx
      .getRepository(GuestEntity)
      .createQueryBuilder('g')
      .where('g.tenant_id = :hotelId AND g.merged_into_id IS NULL', { hotelId })
      .orderBy('g.created_at', 'DESC')
      .addOrderBy('g.id', 'ASC')
      .limit(limit);
    if (text.length > 0) {
      const byIdentity = await guestIdsByIdentityValues(ctx.tx, hotelId, identityValuesForSearch(text));
      const ids = [...new Set((await survivorsOf(ctx.tx, hotelId, byIdentity)).values())];
      const words = softFold(text)
        .split(/\s+/)
        .filter((w) => w.length > 0)
        .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const byName = words.map((_, i) => `${sqlFoldedName('g.display_name')} LIKE :w${i}`).join(' AND ');
      const params = Object.fromEntries(words.map((w, i) => [`w${i}`, w]));
      qb.andWhere(`(g.id = ANY(CAST(:ids AS uuid[])) OR (${byName || 'false'}))`, { ids, ...params });
    }
    return guestObjects(ctx, hotelId, await qb.getMany());
  }

  async update(ctx: RequestContext, hotelId: string, id: string, displayName: string): Promise<GuestObject> {
    const guest = await loadGuest(ctx, hotelId, id, { lock: true });
    const name = cleanDisplayName(displayName);
    if (name === null) {
      throw guestsError(GuestsError.InvalidDisplayName, { field: 'displayName' });
    }
    if (name === guest.displayName) {
      return guestObject(ctx, hotelId, guest);
    }
    const updated: GuestEntity = { ...guest, displayName: name, updatedAt: new Date() };
    await ctx.tx
      .getRepository(GuestEntity)
      .update({ tenantId: hotelId, id: guest.id }, { displayName: name, updatedAt: updated.updatedAt });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.GuestUpdated,
      entityType: 'guest',
      entityId: guest.id,
      before: { displayName: guest.displayName },
      after: { displayName: name },
    });
    return guestObject(ctx, hotelId, updated);
  }

  /** Newest first; `guestId` keeps those where it is either side; `status` one of open, merged, dismissed. */
  async suggestions(
    ctx: RequestContext,
    hotelId: string,
    guestId: string | null,
    status: string | null,
  ): Promise<MergeSuggestionObject[]> {
    ctx.assertInScope(hotelId);
    if (status !== null && !STATUSES.includes(status)) {
      throw guestsError(GuestsError.InvalidStatus, { field: 'status' });
    }
    if (guestId !== null) {
      await loadGuest(ctx, hotelId, guestId);
    }
    const qb = ctx.tx
      .getRepository(GuestMatchSuggestionEntity)
      .createQueryBuilder('s')
      .where('s.tenant_id = :hotelId', { hotelId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC')
      .limit(MAX_FIRST);
    if (guestId !== null) {
      qb.andWhere('(s.guest_id = :guestId OR s.candidate_id = :guestId)', { guestId });
    }
    if (status !== null) {
      qb.andWhere('s.status = :status', { status });
    }
    return suggestionObjects(ctx, hotelId, await qb.getMany());
  }

  /** Idempotent for a dismissed suggestion; CONFLICT once it has been merged. */
  async dismiss(ctx: RequestContext, hotelId: string, id: string): Promise<MergeSuggestionObject> {
    ctx.assertInScope(hotelId);
    const repo = ctx.tx.getRepository(GuestMatchSuggestionEntity);
    const suggestion = isUuid(id)
      ? await repo.findOne({ where: { tenantId: hotelId, id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!suggestion) {
      throw BatonError.notFound('MergeSuggestion', id);
    }
    if (suggestion.status === MergeSuggestionStatus.Merged) {
      throw guestsError(GuestsError.SuggestionNotOpen);
    }
    if (suggestion.status === MergeSuggestionStatus.Open) {
      const decidedAt = new Date();
      await repo.update(
        { tenantId: hotelId, id },
        { status: MergeSuggestionStatus.Dismissed, decidedBy: ctx.userId, decidedAt },
      );
      await this.audit.record(ctx, {
        tenantId: hotelId,
        action: AuditAction.MergeSuggestionDismissed,
        entityType: 'guest_match_suggestion',
        entityId: id,
        before: { status: suggestion.status },
        after: {
          status: MergeSuggestionStatus.Dismissed,
          guestId: suggestion.guestId,
          candidateId: suggestion.candidateId,
        },
      });
      suggestion.status = MergeSuggestionStatus.Dismissed;
    }
    const [object] = await suggestionObjects(ctx, hotelId, [suggestion]);
    return object;
  }

  /** Merges where the guest survived or was merged, newest first (undone ones included). */
  async merges(ctx: RequestContext, hotelId: string, guestId: string): Promise<GuestMergeObject[]> {
    const guest = await loadGuest(ctx, hotelId, guestId);
    const rows = await ctx.tx.getRepository(GuestMergeEntity).find({
      where: [
        { tenantId: hotelId, survivorId: guest.id },
        { tenantId: hotelId, mergedId: guest.id },
      ],
      order: { mergedAt: 'DESC', id: 'ASC' },
    });
    return mergeObjects(ctx, rows);
  }
}
