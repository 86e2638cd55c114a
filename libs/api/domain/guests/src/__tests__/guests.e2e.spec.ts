import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createWorld, loginAll, startTestApi, TestApi, World } from '@baton/api/testing';
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
  seedGuest,
  seedSuggestion,
  SUGGESTIONS,
  SuggestionView,
  UPDATE,
} from './guest-fixtures';

describe('guests through GraphQL (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;

  const guest = async (token: string, id: string, hotelId = world.hotelA.id) =>
    api.gql<{ guest: GuestView }>(GUEST, { hotelId, id }, token);
  const search = async (token: string, text: string | null, first?: number) =>
    api.gql<{ guests: GuestView[] }>(GUESTS, { hotelId: world.hotelA.id, search: text, first }, token);

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  describe('guest', () => {
    it('shows contact values in full to agents and supervisors, masked to viewers (KVKK)', async () => {
      const n = line();
      const id = await seedGuest(api, world.hotelA.id, {
        displayName: 'Ayşe Kaya',
        identities: [
          ['phone', `+90532${n}`],
          ['whatsapp', `90532${n}`],
          ['email', `ayse.${n}@example.com`],
          ['instagram', `1784140${n}`],
        ],
        pastCaseCount: 2,
      });
      const agent = await guest(tokens.agentA, id);
      expect(agent.errors).toBeUndefined();
      expect(agent.data!.guest).toMatchObject({
        id,
        hotelId: world.hotelA.id,
        displayName: 'Ayşe Kaya',
        mergedIntoId: null,
        memberIds: [id],
        pastCaseCount: 2,
        isRepeat: true,
      });
      expect(agent.data!.guest.identities.map((i) => [i.kind, i.value])).toEqual([
        ['email', `ayse.${n}@example.com`],
        ['instagram', `1784140${n}`],
        ['phone', `+90532${n}`],
        ['whatsapp', `90532${n}`],
      ]);
      expect((await guest(tokens.supervisorA, id)).data!.guest.identities).toEqual(agent.data!.guest.identities);

      const viewer = await guest(tokens.viewerA, id);
      expect(viewer.data!.guest.identities.map((i) => [i.kind, i.value])).toEqual([
        ['email', 'a***@example.com'],
        ['instagram', '178***'],
        ['phone', `+90 532 *** ** ${n.slice(-2)}`],
        ['whatsapp', '905***'],
      ]);
      expect(JSON.stringify(viewer.data)).not.toContain(n);
    });

    it('NOT_FOUND for a missing id or a non-id', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
        expect(failure(await guest(tokens.agentA, id))).toEqual([
          { code: ErrorCode.NotFound, message: 'Guest not found' },
        ]);
      }
    });
  });

  describe('guests (search)', () => {
    it('finds by Turkish-folded name words, by phone however written, by e-mail in any case; skips merged guests', async () => {
      const n = line();
      const sahin = await seedGuest(api, world.hotelA.id, {
        displayName: `İsmail Şahin ${n}`,
        identities: [
          ['phone', `+90532${n}`],
          ['email', `ismail.${n}@example.com`],
        ],
      });
      const merged = await seedGuest(api, world.hotelA.id, { displayName: `İsmail Şahin ${n} (old)` });
      const kept = await seedGuest(api, world.hotelA.id, {
        displayName: 'Someone Else',
        identities: [['whatsapp', `90533${n}`]],
      });
      const merge = await api.gql(
        MERGE,
        { hotelId: world.hotelA.id, survivorId: sahin, mergedId: merged },
        tokens.agentA,
      );
      expect(merge.errors).toBeUndefined();

      const ids = async (text: string) => (await search(tokens.viewerA, text)).data!.guests.map((g) => g.id);
      expect(await ids(`sahin ismail ${n}`)).toEqual([sahin]);
      expect(await ids(`ŞAHİN ${n}`)).toEqual([sahin]);
      expect(await ids(`0532 ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`)).toEqual([sahin]);
      expect(await ids(`+90 (532) ${n}`)).toEqual([sahin]);
      expect(await ids(`ISMAIL.${n}@EXAMPLE.COM`)).toEqual([sahin]);
      expect(await ids(`0533${n}`)).toEqual([kept]);
      expect(await ids(`nobody ${n}`)).toEqual([]);
      expect(await ids(`old ${n}`)).toEqual([]); // the merged guest is reached through its survivor only
    });

    it('lists newest first, bounded by first (1..100)', async () => {
      const a = await seedGuest(api, world.hotelA.id, { displayName: 'Newest A' });
      const b = await seedGuest(api, world.hotelA.id, { displayName: 'Newest B' });
      const page = await search(tokens.agentA, null, 2);
      expect(page.data!.guests.map((g) => g.id).sort()).toEqual([a, b].sort());
      for (const first of [0, 101]) {
        expect(codeOf(await search(tokens.agentA, null, first))).toBe(ErrorCode.BadUserInput);
      }
    });
  });

  describe('updateGuest', () => {
    it('renames (trimmed) and audits; viewers are FORBIDDEN; a blank name is BAD_USER_INPUT', async () => {
      const id = await seedGuest(api, world.hotelA.id, { displayName: 'Old Name' });
      const r = await api.gql<{ updateGuest: GuestView }>(
        UPDATE,
        { hotelId: world.hotelA.id, id, displayName: '  New   Name ' },
        tokens.agentA,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.updateGuest.displayName).toBe('New Name');
      expect(await auditActions(api, world.hotelA.id, id)).toEqual([AuditAction.GuestUpdated]);
      const vars = { hotelId: world.hotelA.id, id, displayName: 'Viewer Name' };
      expect(failure(await api.gql(UPDATE, vars, tokens.viewerA))).toEqual([
        { code: ErrorCode.Forbidden, message: 'Missing permission cases.write' },
      ]);
      expect(codeOf(await api.gql(UPDATE, { ...vars, displayName: '   ' }, tokens.agentA))).toBe(
        ErrorCode.BadUserInput,
      );
    });
  });

  describe('merge suggestions', () => {
    it('lists by guest and status, dismisses (idempotent, audited), refuses to dismiss a merged one', async () => {
      const g1 = await seedGuest(api, world.hotelA.id, { displayName: 'Pair One' });
      const g2 = await seedGuest(api, world.hotelA.id, { displayName: 'Pair One' });
      const g3 = await seedGuest(api, world.hotelA.id, { displayName: 'Pair One' });
      const s12 = await seedSuggestion(api, world.hotelA.id, g2, g1);
      const s13 = await seedSuggestion(api, world.hotelA.id, g3, g1, 55);

      const list = async (vars: Record<string, unknown>) =>
        (
          await api.gql<{ mergeSuggestions: SuggestionView[] }>(
            SUGGESTIONS,
            { hotelId: world.hotelA.id, ...vars },
            tokens.viewerA,
          )
        ).data!.mergeSuggestions;
      const forG1 = await list({ guestId: g1, status: 'open' });
      expect(forG1.map((s) => s.id)).toEqual([s13, s12]);
      expect(forG1[1]).toMatchObject({
        guest: { id: g2, displayName: 'Pair One' },
        candidate: { id: g1 },
        score: 70,
        reasons: [{ code: 'same_name_similar_phone', points: 70, detail: null }],
        status: 'open',
      });
      expect((await list({ guestId: g3 })).map((s) => s.id)).toEqual([s13]);
      expect(codeOf(await api.gql(SUGGESTIONS, { hotelId: world.hotelA.id, status: 'maybe' }, tokens.viewerA))).toBe(
        ErrorCode.BadUserInput,
      );

      const dismiss = (id: string, token = tokens.agentA) =>
        api.gql<{ dismissMergeSuggestion: SuggestionView }>(DISMISS, { hotelId: world.hotelA.id, id }, token);
      expect((await dismiss(s13)).data!.dismissMergeSuggestion.status).toBe('dismissed');
      expect((await dismiss(s13)).data!.dismissMergeSuggestion.status).toBe('dismissed');
      expect(await auditActions(api, world.hotelA.id, s13)).toEqual([AuditAction.MergeSuggestionDismissed]);
      expect(await list({ guestId: g1, status: 'open' })).toHaveLength(1);
      expect(codeOf(await dismiss(s12, tokens.viewerA))).toBe(ErrorCode.Forbidden);

      const merged = await api.gql(
        MERGE,
        { hotelId: world.hotelA.id, survivorId: g1, mergedId: g2, suggestionId: s12 },
        tokens.agentA,
      );
      expect(merged.errors).toBeUndefined();
      expect((await list({ guestId: g1, status: 'merged' })).map((s) => s.id)).toEqual([s12]);
      expect(failure(await dismiss(s12))).toEqual([
        { code: ErrorCode.Conflict, message: 'This merge suggestion is no longer open' },
      ]);
      const [row] = await asOwner<{ decided_by: string }>(
        api,
        world.hotelA.id,
        `SELECT decided_by FROM guest_match_suggestion WHERE id = $1`,
        [s12],
      );
      expect(row.decided_by).toBe(world.users.agentA.id);
    });
  });
});
