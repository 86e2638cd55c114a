import { randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createWorld, GqlResult, loginAll, startTestApi, TestApi, World } from '@baton/api/testing';
import {
  asOwner,
  auditActions,
  codeOf,
  DISMISS,
  failure,
  GUEST,
  GuestView,
  GUESTS,
  line,
  MERGE,
  MERGES,
  MergeView,
  seedGuest,
  seedSuggestion,
  SUGGESTIONS,
  UNMERGE,
  UPDATE,
} from './guest-fixtures';

interface IdentityRow {
  id: string;
  kind: string;
  value: string;
  guest_id: string;
  origin_guest_id: string;
}

describe('guest merge and unmerge through GraphQL (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;

  const merge = (survivorId: string, mergedId: string, suggestionId?: string, token = tokens.agentA) =>
    api.gql<{ mergeGuests: MergeView }>(MERGE, { hotelId: world.hotelA.id, survivorId, mergedId, suggestionId }, token);
  const unmerge = (mergeId: string, token = tokens.agentA) =>
    api.gql<{ unmergeGuests: MergeView }>(UNMERGE, { hotelId: world.hotelA.id, mergeId }, token);
  const guest = async (id: string) =>
    (await api.gql<{ guest: GuestView }>(GUEST, { hotelId: world.hotelA.id, id }, tokens.agentA)).data!.guest;
  const identityRows = (guestIds: string[]) =>
    asOwner<IdentityRow>(
      api,
      world.hotelA.id,
      `SELECT id, kind, value, guest_id, origin_guest_id FROM guest_identity
        WHERE tenant_id = $1 AND (guest_id = ANY($2::uuid[]) OR origin_guest_id = ANY($2::uuid[])) ORDER BY id`,
      [world.hotelA.id, guestIds],
    );

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  it('merge then unmerge restores both guests’ identities exactly; later identities stay on the survivor', async () => {
    const n = line();
    const survivor = await seedGuest(api, world.hotelA.id, {
      displayName: 'Ismail Sahin',
      identities: [
        ['email', `ismail.${n}@example.com`],
        ['phone', `+90533${n}`],
      ],
      pastCaseCount: 1,
    });
    const merged = await seedGuest(api, world.hotelA.id, {
      displayName: 'İSMAİL ŞAHİN',
      identities: [
        ['whatsapp', `90532${n}`],
        ['phone', `+90532${n}`],
      ],
      pastCaseCount: 1,
    });
    const before = await identityRows([survivor, merged]);

    const r = await merge(survivor, merged);
    expect(r.errors).toBeUndefined();
    const done = r.data!.mergeGuests;
    expect(done).toMatchObject({
      survivorId: survivor,
      mergedId: merged,
      reasons: [{ code: 'same_name_similar_phone', points: 70, detail: 'last 7 digits of a phone match' }],
      mergedByName: 'agent-a',
      undoneAt: null,
    });
    const joined = await guest(survivor);
    expect(joined).toMatchObject({ memberIds: [survivor, merged], pastCaseCount: 2, isRepeat: true });
    expect(joined.identities).toHaveLength(4);
    expect(await guest(merged)).toMatchObject({ mergedIntoId: survivor, identities: [], memberIds: [merged] });
    const [row] = await asOwner<{ moved_identity_ids: string[]; moved_case_ids: string[] }>(
      api,
      world.hotelA.id,
      `SELECT moved_identity_ids, moved_case_ids FROM guest_merge WHERE id = $1`,
      [done.id],
    );
    expect(row.moved_identity_ids.sort()).toEqual(
      before
        .filter((i) => i.guest_id === merged)
        .map((i) => i.id)
        .sort(),
    );
    expect(row.moved_case_ids).toEqual([]);

    // An identity the survivor gains while merged (e.g. a new Instagram DM) stays with it after the unmerge.
    const [later] = await asOwner<{ id: string }>(
      api,
      world.hotelA.id,
      `INSERT INTO guest_identity (tenant_id, guest_id, kind, value, origin_guest_id)
       VALUES ($1, $2, 'instagram', $3, $2) RETURNING id`,
      [world.hotelA.id, survivor, `ig${n}`],
    );

    const undone = await unmerge(done.id);
    expect(undone.errors).toBeUndefined();
    expect(undone.data!.unmergeGuests).toMatchObject({ id: done.id, undoneAt: expect.any(String) });
    const after = await identityRows([survivor, merged]);
    expect(after.filter((i) => i.id !== later.id)).toEqual(before);
    expect(after.find((i) => i.id === later.id)).toMatchObject({ guest_id: survivor });
    expect(await guest(merged)).toMatchObject({ mergedIntoId: null, memberIds: [merged], pastCaseCount: 1 });
    expect(await guest(survivor)).toMatchObject({ memberIds: [survivor], pastCaseCount: 1, isRepeat: false });

    expect(failure(await unmerge(done.id))).toEqual([
      { code: ErrorCode.Conflict, message: 'This merge has already been undone' },
    ]);
    expect(await auditActions(api, world.hotelA.id, done.id)).toEqual([
      AuditAction.GuestMerged,
      AuditAction.GuestUnmerged,
    ]);
    const history = await api.gql<{ guestMerges: MergeView[] }>(
      MERGES,
      { hotelId: world.hotelA.id, guestId: merged },
      tokens.viewerA,
    );
    expect(history.data!.guestMerges).toEqual([undone.data!.unmergeGuests]);
  });

  it('refuses bad merges: itself (BAD_USER_INPUT), an already merged guest (CONFLICT), viewers (FORBIDDEN)', async () => {
    const a = await seedGuest(api, world.hotelA.id, { displayName: 'A' });
    const b = await seedGuest(api, world.hotelA.id, { displayName: 'B' });
    const c = await seedGuest(api, world.hotelA.id, { displayName: 'C' });
    expect(codeOf(await merge(a, a))).toBe(ErrorCode.BadUserInput);
    expect(codeOf(await merge(a, b, undefined, tokens.viewerA))).toBe(ErrorCode.Forbidden);
    expect((await merge(a, b)).errors).toBeUndefined();
    for (const [survivorId, mergedId] of [
      [c, b],
      [b, c],
      [a, b],
    ]) {
      expect(failure(await merge(survivorId, mergedId))).toEqual([
        { code: ErrorCode.Conflict, message: 'Guest is already merged into another guest' },
      ]);
    }
    const s = await seedSuggestion(api, world.hotelA.id, a, c);
    expect(codeOf(await merge(a, b, s))).toBe(ErrorCode.BadUserInput);
  });

  it('undoes chained merges last-first: the earlier one waits for the later one (CONFLICT)', async () => {
    const a = await seedGuest(api, world.hotelA.id, { identities: [['email', `a${line()}@example.com`]] });
    const b = await seedGuest(api, world.hotelA.id, { identities: [['email', `b${line()}@example.com`]] });
    const c = await seedGuest(api, world.hotelA.id, { identities: [['email', `c${line()}@example.com`]] });
    const before = await identityRows([a, b, c]);
    const ab = (await merge(b, a)).data!.mergeGuests;
    const bc = (await merge(c, b)).data!.mergeGuests;
    expect((await guest(c)).memberIds).toEqual([c, b, a]);
    expect(failure(await unmerge(ab.id))).toEqual([
      {
        code: ErrorCode.Conflict,
        message: 'The surviving guest was merged again since; undo that later merge first',
      },
    ]);
    expect((await unmerge(bc.id)).errors).toBeUndefined();
    expect((await guest(b)).memberIds).toEqual([b, a]);
    expect((await unmerge(ab.id)).errors).toBeUndefined();
    expect(await identityRows([a, b, c])).toEqual(before);
  });

  describe('cross-tenant: hotel B users see hotel A ids exactly like ids that do not exist', () => {
    let ids: { guest: string; other: string; merge: string; suggestion: string };

    beforeAll(async () => {
      const n = line();
      const guestA = await seedGuest(api, world.hotelA.id, {
        displayName: `Private ${n}`,
        identities: [['phone', `+90532${n}`]],
      });
      const other = await seedGuest(api, world.hotelA.id, { displayName: `Private ${n}` });
      const mergedAway = await seedGuest(api, world.hotelA.id, { displayName: 'Merged away' });
      const m = (await merge(guestA, mergedAway)).data!.mergeGuests;
      ids = {
        guest: guestA,
        other,
        merge: m.id,
        suggestion: await seedSuggestion(api, world.hotelA.id, other, guestA),
      };
    });

    type Op = [string, string, (hotelId: string, id: (key: keyof typeof ids) => string) => Record<string, unknown>];
    const operations: Op[] = [
      ['guest', GUEST, (hotelId, id) => ({ hotelId, id: id('guest') })],
      ['guests', GUESTS, (hotelId) => ({ hotelId })],
      ['mergeSuggestions', SUGGESTIONS, (hotelId, id) => ({ hotelId, guestId: id('guest') })],
      ['guestMerges', MERGES, (hotelId, id) => ({ hotelId, guestId: id('guest') })],
      ['updateGuest', UPDATE, (hotelId, id) => ({ hotelId, id: id('guest'), displayName: 'Taken over' })],
      ['mergeGuests', MERGE, (hotelId, id) => ({ hotelId, survivorId: id('guest'), mergedId: id('other') })],
      [
        'mergeGuests (suggestion)',
        MERGE,
        (hotelId, id) => ({ hotelId, survivorId: id('guest'), mergedId: id('other'), suggestionId: id('suggestion') }),
      ],
      ['unmergeGuests', UNMERGE, (hotelId, id) => ({ hotelId, mergeId: id('merge') })],
      ['dismissMergeSuggestion', DISMISS, (hotelId, id) => ({ hotelId, id: id('suggestion') })],
    ];
    const strip = (r: GqlResult<unknown>) => failure(r);

    it.each(operations)('%s with hotel A’s id: NOT_FOUND like a random hotel id', async (_name, query, vars) => {
      const real = (key: keyof typeof ids) => ids[key];
      for (const token of [tokens.adminB, tokens.agentB]) {
        const foreign = await api.gql(query, vars(world.hotelA.id, real), token);
        const missing = await api.gql(query, vars(randomUUID(), real), token);
        expect(foreign.data ?? null).toBeNull();
        expect(strip(foreign)).toEqual(strip(missing));
        expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      }
    });

    it.each(operations.filter(([name]) => name !== 'guests'))(
      '%s in hotel B with hotel A’s entity ids: NOT_FOUND like random ids',
      async (_name, query, vars) => {
        const real = (key: keyof typeof ids) => ids[key];
        const random = () => randomUUID();
        const foreign = await api.gql(query, vars(world.hotelB.id, real), tokens.agentB);
        const missing = await api.gql(query, vars(world.hotelB.id, random), tokens.agentB);
        expect(foreign.data ?? null).toBeNull();
        expect(strip(foreign)).toEqual(strip(missing));
        expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      },
    );

    it('hotel B’s search never returns hotel A guests, and hotel A is untouched', async () => {
      const [identity] = await identityRows([ids.guest]);
      for (const search of [identity.value, 'Private']) {
        const r = await api.gql<{ guests: GuestView[] }>(GUESTS, { hotelId: world.hotelB.id, search }, tokens.agentB);
        expect(r.data!.guests).toEqual([]);
      }
      expect(await guest(ids.guest)).toMatchObject({
        displayName: expect.stringMatching(/^Private/),
        mergedIntoId: null,
      });
      expect(await guest(ids.other)).toMatchObject({ mergedIntoId: null });
      const [row] = await asOwner<{ undone_at: Date | null }>(
        api,
        world.hotelA.id,
        `SELECT undone_at FROM guest_merge WHERE id = $1`,
        [ids.merge],
      );
      expect(row.undone_at).toBeNull();
    });
  });
});
