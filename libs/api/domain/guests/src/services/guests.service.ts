import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { assertNever, BatonError, isUuid, RequestContext } from '@baton/api/core';
import { Channel, GuestIdentityKind } from '@baton/shared/contracts';
import { GuestEntity } from '../entities/guest.entity';
import { cleanDisplayName, Identity, identitiesOf, InboundContact } from '../identity';
import { AUTO_LINK_AT, MatchReason, MatchResult, scoreCandidate, SUGGEST_AT } from '../matcher';
import {
  guestIdsByIdentities,
  guestIdsByNameAndPhone,
  identitiesOfGuests,
  IdentityRow,
  insertIdentities,
  lockIdentities,
  membersOf,
  survivorsOf,
} from './guest-store';
import { openSuggestion } from './suggestions';
import { loadGuest } from './guest-views';

/** What the inbound pipeline learns about the sender of a message. */
export interface InboundGuestResolution {
  /** The surviving guest the message belongs to. */
  guestId: string;
  /** guestId plus every guest currently merged into it: their cases are this guest's cases. */
  memberIds: string[];
  /** True when no existing guest matched well enough and a new one was made. */
  created: boolean;
  /** Why the message was linked to an existing guest (empty when created). */
  reasons: MatchReason[];
  /** Open merge suggestions involving this guest that this message raised or confirmed. */
  suggestionIds: string[];
  /**
   * The guest already had at least one case before this message (pastCaseCount ≥ 1 over its members): a case opened
   * for this message is a repeat guest's case. (Guest.isRepeat, read after recordCaseOpened, is pastCaseCount > 1.)
   */
  isRepeat: boolean;
}

interface Candidate {
  guest: GuestEntity;
  identities: IdentityRow[];
  match: MatchResult;
}

/**
 * The guest side of the inbound pipeline: who wrote (resolveForInbound), where to answer them (recipientFor), their
 * case history (recordCaseOpened) and their merged group (memberIds). Other libraries call it with their own context;
 * every method checks the hotel is in the transaction's scope first.
 */
@Injectable()
export class GuestsService {
  /**
   * Finds or creates the guest behind an inbound contact. Candidates are guests holding one of its identities (exact,
   * normalised) or having its name with a similar phone; merged guests are followed to their survivor; each is scored.
   * The best at ≥ AUTO_LINK_AT gets the message (and any identities it did not have yet); otherwise a new guest is
   * made, and every candidate at ≥ SUGGEST_AT becomes a merge suggestion for an agent. When linking, other candidates
   * at ≥ SUGGEST_AT are suggested against the linked guest (two existing guests are never merged automatically).
   *
   * Concurrency: advisory transaction locks on (hotel, identity), taken in sorted order before the lookup, make two
   * messages of the same new person wait for each other, so the second one finds the guest the first one created.
   */
  async resolveForInbound(
    ctx: RequestContext,
    hotelId: string,
    contact: InboundContact,
  ): Promise<InboundGuestResolution> {
    ctx.assertInScope(hotelId);
    const em = ctx.tx;
    const identities = identitiesOf(contact);
    const displayName = cleanDisplayName(contact.displayName);
    await lockIdentities(em, hotelId, identities);

    const found = [
      ...(await guestIdsByIdentities(em, hotelId, identities)),
      ...(await guestIdsByNameAndPhone(em, hotelId, displayName, identities)),
    ];
    const candidates = await this.scoredCandidates(ctx, hotelId, found, { displayName, identities });
    const best = candidates[0];
    const suggestionIds: string[] = [];

    if (best && best.match.score >= AUTO_LINK_AT) {
      const known = new Set(best.identities.map((i) => `${i.kind}:${i.value}`));
      await insertIdentities(
        em,
        hotelId,
        best.guest.id,
        identities.filter((i) => !known.has(`${i.kind}:${i.value}`)),
      );
      if (best.guest.displayName === null && displayName !== null) {
        await em
          .getRepository(GuestEntity)
          .update({ tenantId: hotelId, id: best.guest.id }, { displayName, updatedAt: new Date() });
      }
      for (const other of candidates.slice(1).filter((c) => c.match.score >= SUGGEST_AT)) {
        const id = await openSuggestion(em, hotelId, best.guest.id, other.guest.id, other.match);
        if (id !== null) {
          suggestionIds.push(id);
        }
      }
      return this.resolution(ctx, hotelId, best.guest.id, false, best.match.reasons, suggestionIds);
    }

    const guestId = randomUUID();
    await em.getRepository(GuestEntity).insert({ tenantId: hotelId, id: guestId, displayName });
    await insertIdentities(em, hotelId, guestId, identities);
    for (const candidate of candidates.filter((c) => c.match.score >= SUGGEST_AT)) {
      const id = await openSuggestion(em, hotelId, guestId, candidate.guest.id, candidate.match);
      if (id !== null) {
        suggestionIds.push(id);
      }
    }
    return this.resolution(ctx, hotelId, guestId, true, [], suggestionIds);
  }

  /**
   * The address to message these guests on a channel (pass a guest's memberIds): on WhatsApp its wa id, else a phone
   * number as digits; on Instagram / Messenger the scoped id; by e-mail the address; for a phone call the E.164 number.
   * Identities of the first guest listed win, then the most recently added. Null when there is none (and for web
   * forms and OTAs, which are not answered through Baton).
   */
  async recipientFor(
    ctx: RequestContext,
    hotelId: string,
    guestIds: string[],
    channel: Channel,
  ): Promise<string | null> {
    ctx.assertInScope(hotelId);
    const ids = guestIds.filter(isUuid);
    const survivors = await survivorsOf(ctx.tx, hotelId, ids);
    const order = [...new Set([...ids, ...ids.map((id) => survivors.get(id) ?? id)])];
    const rank = (row: IdentityRow) => order.indexOf(row.guestId);
    const rows = (await identitiesOfGuests(ctx.tx, hotelId, order)).sort(
      (a, b) => rank(a) - rank(b) || b.createdAt.getTime() - a.createdAt.getTime(),
    );
    const first = (kind: GuestIdentityKind) => rows.find((r) => r.kind === kind)?.value ?? null;
    switch (channel) {
      case Channel.WhatsApp: {
        return first(GuestIdentityKind.WhatsApp) ?? first(GuestIdentityKind.Phone)?.replace(/^\+/, '') ?? null;
      }
      case Channel.Instagram:
        return first(GuestIdentityKind.Instagram);
      case Channel.Messenger:
        return first(GuestIdentityKind.Messenger);
      case Channel.Email:
        return first(GuestIdentityKind.Email);
      case Channel.Phone:
        return first(GuestIdentityKind.Phone);
      case Channel.WebForm:
      case Channel.Ota:
        return null;
      default:
        return assertNever(channel, 'channel');
    }
  }

  /** Counts a newly opened case on the guest's survivor (the basis of Guest.pastCaseCount and isRepeat). */
  async recordCaseOpened(ctx: RequestContext, hotelId: string, guestId: string): Promise<void> {
    const guest = await loadGuest(ctx, hotelId, guestId);
    const survivorId = (await survivorsOf(ctx.tx, hotelId, [guest.id])).get(guest.id) ?? guest.id;
    await ctx.tx.query(
      `UPDATE guest SET past_case_count = past_case_count + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [hotelId, survivorId],
    );
  }

  /** The guest and every guest currently merged into it, recursively (the guest first). NOT_FOUND when missing. */
  async memberIds(ctx: RequestContext, hotelId: string, guestId: string): Promise<string[]> {
    const guest = await loadGuest(ctx, hotelId, guestId);
    const members = await membersOf(ctx.tx, hotelId, [guest.id]);
    return (members.get(guest.id) ?? [{ id: guest.id }]).map((m) => m.id);
  }

  /** Candidates (followed to their survivors, de-duplicated), best first; ties go to the oldest guest. */
  private async scoredCandidates(
    ctx: RequestContext,
    hotelId: string,
    guestIds: string[],
    incoming: { displayName: string | null; identities: Identity[] },
  ): Promise<Candidate[]> {
    if (guestIds.length === 0) {
      return [];
    }
    const survivors = [...new Set((await survivorsOf(ctx.tx, hotelId, guestIds)).values())];
    const guests = await ctx.tx.getRepository(GuestEntity).findBy({ tenantId: hotelId, id: In(survivors) });
    const identities = await identitiesOfGuests(ctx.tx, hotelId, survivors);
    return guests
      .map((guest) => {
        const own = identities.filter((i) => i.guestId === guest.id);
        return {
          guest,
          identities: own,
          match: scoreCandidate(incoming, { displayName: guest.displayName, identities: own }),
        };
      })
      .sort(
        (a, b) =>
          b.match.score - a.match.score ||
          a.guest.createdAt.getTime() - b.guest.createdAt.getTime() ||
          (a.guest.id < b.guest.id ? -1 : 1),
      );
  }

  private async resolution(
    ctx: RequestContext,
    hotelId: string,
    guestId: string,
    created: boolean,
    reasons: MatchReason[],
    suggestionIds: string[],
  ): Promise<InboundGuestResolution> {
    const members = (await membersOf(ctx.tx, hotelId, [guestId])).get(guestId);
    if (!members) {
      throw BatonError.notFound('Guest', guestId);
    }
    return {
      guestId,
      memberIds: members.map((m) => m.id),
      created,
      reasons,
      suggestionIds,
      isRepeat: members.reduce((sum, m) => sum + m.pastCaseCount, 0) >= 1,
    };
  }
}
