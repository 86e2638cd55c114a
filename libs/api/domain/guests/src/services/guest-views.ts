import { In } from 'typeorm';
import { maskContact, PII_REVEAL_PERMISSIONS } from '@baton/shared/contracts';
import { BatonError, isUuid, RequestContext } from '@baton/api/core';
import { GuestEntity } from '../entities/guest.entity';
import { GuestMatchSuggestionEntity } from '../entities/guest-match-suggestion.entity';
import { GuestMergeEntity } from '../entities/guest-merge.entity';
import type { MatchReason } from '../matcher';
import { GuestMergeObject, GuestObject, MatchReasonObject, MergeSuggestionObject } from '../objects/guest.objects';
import { identitiesOfGuests, membersOf } from './guest-store';

/** Contact values in full only for callers who may write cases or reveal PII on this hotel (KVKK). */
export function canSeeContacts(ctx: RequestContext, hotelId: string): boolean {
  return PII_REVEAL_PERMISSIONS.some((permission) => ctx.can(permission, hotelId));
}

/** A guest of the transaction's hotel; missing, of another hotel or not an id: the same NOT_FOUND. */
export async function loadGuest(
  ctx: RequestContext,
  hotelId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<GuestEntity> {
  ctx.assertInScope(hotelId);
  const guest = isUuid(id)
    ? await ctx.tx.getRepository(GuestEntity).findOne({
        where: { tenantId: hotelId, id },
        ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      })
    : null;
  if (!guest) {
    throw BatonError.notFound('Guest', id);
  }
  return guest;
}

export function reasonObjects(reasons: readonly MatchReason[] | null | undefined): MatchReasonObject[] {
  return (reasons ?? []).map((r) => ({ code: r.code, points: r.points, detail: r.detail ?? null }));
}

/** GraphQL guests for entities of one hotel, with identities (masked per caller), members and case counts. */
export async function guestObjects(
  ctx: RequestContext,
  hotelId: string,
  guests: readonly GuestEntity[],
): Promise<GuestObject[]> {
  const ids = guests.map((g) => g.id);
  const identities = await identitiesOfGuests(ctx.tx, hotelId, ids);
  const members = await membersOf(ctx.tx, hotelId, ids);
  const reveal = canSeeContacts(ctx, hotelId);
  return guests.map((guest) => {
    const group = members.get(guest.id) ?? [{ id: guest.id, pastCaseCount: guest.pastCaseCount }];
    const pastCaseCount = group.reduce((sum, m) => sum + m.pastCaseCount, 0);
    return {
      id: guest.id,
      hotelId: guest.tenantId,
      displayName: guest.displayName,
      identities: identities
        .filter((i) => i.guestId === guest.id)
        .map((i) => ({ id: i.id, kind: i.kind, value: reveal ? i.value : maskContact(i.kind, i.value) })),
      mergedIntoId: guest.mergedIntoId,
      memberIds: group.map((m) => m.id),
      pastCaseCount,
      isRepeat: pastCaseCount > 1,
      createdAt: guest.createdAt,
      updatedAt: guest.updatedAt,
    };
  });
}

export async function guestObject(ctx: RequestContext, hotelId: string, guest: GuestEntity): Promise<GuestObject> {
  const [object] = await guestObjects(ctx, hotelId, [guest]);
  return object;
}

/** Display names of the users who merged (null for API keys and system actors, which are not users). */
async function userNames(ctx: RequestContext, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await ctx.tx.query<{ id: string; display_name: string }[]>(
    `SELECT id, display_name FROM app_user WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function mergeObjects(
  ctx: RequestContext,
  merges: readonly GuestMergeEntity[],
): Promise<GuestMergeObject[]> {
  const names = await userNames(
    ctx,
    merges.map((m) => m.mergedBy),
  );
  return merges.map((m) => ({
    id: m.id,
    survivorId: m.survivorId,
    mergedId: m.mergedId,
    reasons: reasonObjects(m.reasons),
    mergedAt: m.mergedAt,
    mergedByName: m.mergedBy ? (names.get(m.mergedBy) ?? null) : null,
    undoneAt: m.undoneAt,
  }));
}

export async function suggestionObjects(
  ctx: RequestContext,
  hotelId: string,
  suggestions: readonly GuestMatchSuggestionEntity[],
): Promise<MergeSuggestionObject[]> {
  const ids = [...new Set(suggestions.flatMap((s) => [s.guestId, s.candidateId]))];
  const guests = ids.length ? await ctx.tx.getRepository(GuestEntity).findBy({ tenantId: hotelId, id: In(ids) }) : [];
  const objects = new Map((await guestObjects(ctx, hotelId, guests)).map((g) => [g.id, g]));
  return suggestions.flatMap((s) => {
    const guest = objects.get(s.guestId);
    const candidate = objects.get(s.candidateId);
    return guest && candidate
      ? [
          {
            id: s.id,
            guest,
            candidate,
            score: s.score,
            reasons: reasonObjects(s.reasons),
            status: s.status,
            createdAt: s.createdAt,
          },
        ]
      : [];
  });
}
