import { randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode, HotelRole } from '@baton/shared/contracts';
import {
  addHotelRole,
  createHotel,
  createUser,
  createWorld,
  loginAll,
  startTestApi,
  TestApi,
  withClient,
  World,
} from '@baton/api/testing';
import {
  addDays,
  CAMPAIGN_FIELDS,
  CampaignView,
  codeOf,
  failure,
  SAVE_CAMPAIGN,
  seedCases,
  sql,
  todayIn,
} from './fixtures';

const LIST = `query($hotelId: ID!, $activeOnly: Boolean) {
  campaigns(hotelId: $hotelId, activeOnly: $activeOnly) { ${CAMPAIGN_FIELDS} } }`;
const ONE = `query($hotelId: ID!, $id: ID!) { campaign(hotelId: $hotelId, id: $id) { ${CAMPAIGN_FIELDS} } }`;
const DELETE = `mutation($hotelId: ID!, $id: ID!) { deleteCampaign(hotelId: $hotelId, id: $id) }`;
const SUMMARIES = `query($hotelId: ID!) { dailySummaries(hotelId: $hotelId) { date } }`;
const GENERATE = `mutation($hotelId: ID!) { generateDailySummary(hotelId: $hotelId) { date } }`;

const ISTANBUL = 'Europe/Istanbul';

describe('campaigns (e2e: GraphQL on real Postgres)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let seq = 0;

  function brief(hotelId: string, overrides: Record<string, unknown> = {}) {
    seq += 1;
    const today = todayIn(ISTANBUL);
    return {
      hotelId,
      name: `Campaign ${seq}`,
      utmCampaign: `code-${seq}-${randomUUID().slice(0, 6)}`,
      startsOn: addDays(today, -1),
      endsOn: addDays(today, 30),
      offerText: 'Two nights, one free',
      channels: ['whatsapp', 'instagram'],
      ...overrides,
    };
  }

  async function save(token: string, input: Record<string, unknown>) {
    return api.gql<{ saveCampaign: CampaignView }>(SAVE_CAMPAIGN, { input }, token);
  }

  async function create(token: string, input: Record<string, unknown>): Promise<CampaignView> {
    const r = await save(token, input);
    expect(r.errors).toBeUndefined();
    return r.data!.saveCampaign;
  }

  async function list(token: string, hotelId: string, activeOnly?: boolean) {
    const r = await api.gql<{ campaigns: CampaignView[] }>(LIST, { hotelId, activeOnly }, token);
    expect(r.errors).toBeUndefined();
    return r.data!.campaigns;
  }

  async function auditRows(hotelId: string, action: AuditAction, entityId: string) {
    return sql<{ actor_id: string; before: unknown; after: unknown }>(
      api,
      `SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = $2 AND entity_id = $3
        ORDER BY occurred_at`,
      [hotelId, action, entityId],
    );
  }

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  describe('saveCampaign', () => {
    it('creates a brief (a supervisor may), stores the code lower-case, and audits it', async () => {
      const input = brief(world.hotelA.id, { utmCampaign: '  Summer-2026_TR ', name: '  Summer early booking ' });
      const campaign = await create(tokens.supervisorA, input);
      expect(campaign).toMatchObject({
        hotelId: world.hotelA.id,
        name: 'Summer early booking',
        utmCampaign: 'summer-2026_tr',
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        offerText: 'Two nights, one free',
        channels: ['whatsapp', 'instagram'],
        active: true,
        leadCount: 0,
        wonCount: 0,
      });
      const [row] = await sql<{ created_by: string }>(api, 'SELECT created_by FROM campaign WHERE id = $1', [
        campaign.id,
      ]);
      expect(row.created_by).toBe(world.users.supervisorA.id);
      expect(await auditRows(world.hotelA.id, AuditAction.CampaignSaved, campaign.id)).toEqual([
        {
          actor_id: world.users.supervisorA.id,
          before: null,
          after: {
            name: 'Summer early booking',
            utmCampaign: 'summer-2026_tr',
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            offerText: 'Two nights, one free',
            channels: ['whatsapp', 'instagram'],
          },
        },
      ]);
    });

    it('updates a brief by id (omitted offer text and channels stay) and audits before and after', async () => {
      const original = await create(tokens.adminA, brief(world.hotelA.id));
      const { offerText: _o, channels: _c, ...rest } = brief(world.hotelA.id, { name: 'Renamed' });
      const updated = await create(tokens.adminA, { ...rest, id: original.id, utmCampaign: original.utmCampaign });
      expect(updated).toMatchObject({
        id: original.id,
        name: 'Renamed',
        offerText: original.offerText,
        channels: original.channels,
        createdAt: original.createdAt,
      });
      expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(new Date(original.updatedAt).getTime());
      const audit = await auditRows(world.hotelA.id, AuditAction.CampaignSaved, original.id);
      expect(audit).toHaveLength(2);
      expect(audit[1]).toMatchObject({ before: { name: original.name }, after: { name: 'Renamed' } });
    });

    it('validates every field (BAD_USER_INPUT naming the field)', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ name: 'x' }, 'name must be 2 to 120 characters'],
        [{ name: 'n'.repeat(121) }, 'name must be 2 to 120 characters'],
        [{ utmCampaign: 'summer 2026!' }, 'utmCampaign must be 2 to 61 characters'],
        [{ utmCampaign: '-summer' }, 'utmCampaign must be 2 to 61 characters'],
        [{ utmCampaign: 's'.repeat(62) }, 'utmCampaign must be 2 to 61 characters'],
        [{ startsOn: '2026-02-30' }, 'startsOn must be a date written YYYY-MM-DD'],
        [{ endsOn: '24.11.2026' }, 'endsOn must be a date written YYYY-MM-DD'],
        [{ startsOn: '2026-11-24', endsOn: '2026-11-23' }, 'endsOn must be on or after startsOn'],
        [{ channels: ['whatsapp', 'fax'] }, 'channels must contain only: whatsapp, instagram'],
        [{ channels: ['email', 'email'] }, 'channels must not repeat a channel'],
        [{ offerText: 'o'.repeat(2001) }, 'offerText must be at most 2000 characters'],
      ];
      for (const [overrides, message] of cases) {
        const r = await save(tokens.adminA, brief(world.hotelA.id, overrides));
        expect(codeOf(r)).toBe(ErrorCode.BadUserInput);
        expect(r.errors![0].message).toContain(message);
      }
      const sameDay = await save(
        tokens.adminA,
        brief(world.hotelA.id, { startsOn: '2026-11-24', endsOn: '2026-11-24' }),
      );
      expect(sameDay.errors).toBeUndefined();
    });

    it('refuses a code another campaign of the hotel uses, in any case (CONFLICT); other hotels may use it', async () => {
      const first = await create(tokens.adminA, brief(world.hotelA.id, { utmCampaign: 'black-friday' }));
      const again = await save(tokens.adminA, brief(world.hotelA.id, { utmCampaign: 'BLACK-Friday' }));
      expect(failure(again)).toEqual([
        { code: ErrorCode.Conflict, message: 'utmCampaign is already used by another campaign of this hotel' },
      ]);
      expect(again.errors![0].extensions.details).toMatchObject({ field: 'utmCampaign' });
      const other = await create(tokens.adminA, brief(world.hotelA.id));
      const moved = await save(tokens.adminA, { ...brief(world.hotelA.id), id: other.id, utmCampaign: 'black-friday' });
      expect(codeOf(moved)).toBe(ErrorCode.Conflict);
      // Saving a campaign with its own code is not a conflict.
      expect(
        (await save(tokens.adminA, { ...brief(world.hotelA.id), id: first.id, utmCampaign: 'black-friday' })).errors,
      ).toBeUndefined();
      await create(tokens.adminB, brief(world.hotelB.id, { utmCampaign: 'black-friday' }));
    });

    it('needs campaigns.manage: agents and viewers may read campaigns but not save, delete or run a summary', async () => {
      const campaign = await create(tokens.adminA, brief(world.hotelA.id));
      for (const who of ['agentA', 'viewerA']) {
        expect(failure(await save(tokens[who], brief(world.hotelA.id)))).toEqual([
          { code: ErrorCode.Forbidden, message: 'Missing permission campaigns.manage' },
        ]);
        expect(codeOf(await api.gql(DELETE, { hotelId: world.hotelA.id, id: campaign.id }, tokens[who]))).toBe(
          ErrorCode.Forbidden,
        );
        expect(codeOf(await api.gql(GENERATE, { hotelId: world.hotelA.id }, tokens[who]))).toBe(ErrorCode.Forbidden);
        expect((await list(tokens[who], world.hotelA.id)).map((c) => c.id)).toContain(campaign.id);
      }
    });
  });

  describe('campaigns / campaign', () => {
    it("marks a campaign active by today's date in the hotel's time zone", async () => {
      // +14 h and -11 h: at any moment the two hotels' calendars are at least one day apart.
      const { ahead, behind, token } = await withClient(api.db.ownerUrl, async (c) => {
        const aheadHotel = await createHotel(c, { timeZone: 'Pacific/Kiritimati' });
        const behindHotel = await createHotel(c, { timeZone: 'Pacific/Pago_Pago' });
        const user = await createUser(c);
        await addHotelRole(c, aheadHotel.id, user.id, HotelRole.Admin);
        await addHotelRole(c, behindHotel.id, user.id, HotelRole.Admin);
        return { ahead: aheadHotel, behind: behindHotel, token: user.email };
      });
      const admin = await api.login(token);
      const aheadToday = todayIn('Pacific/Kiritimati');
      const day = { startsOn: aheadToday, endsOn: aheadToday };
      const inAhead = await create(admin, brief(ahead.id, day));
      const inBehind = await create(admin, brief(behind.id, day));
      expect(inAhead.active).toBe(true);
      expect(inBehind.active).toBe(false);

      const yesterday = addDays(aheadToday, -1);
      const ended = await create(admin, brief(ahead.id, { startsOn: addDays(aheadToday, -10), endsOn: yesterday }));
      const upcoming = await create(
        admin,
        brief(ahead.id, { startsOn: addDays(aheadToday, 1), endsOn: addDays(aheadToday, 5) }),
      );
      const running = await create(admin, brief(ahead.id, { startsOn: yesterday, endsOn: addDays(aheadToday, 1) }));
      const all = await list(admin, ahead.id);
      const activeById = Object.fromEntries(all.map((c) => [c.id, c.active]));
      expect(activeById).toEqual({
        [inAhead.id]: true,
        [ended.id]: false,
        [upcoming.id]: false,
        [running.id]: true,
      });
      expect((await list(admin, ahead.id, true)).map((c) => c.id).sort()).toEqual([inAhead.id, running.id].sort());
      expect(await list(admin, behind.id, true)).toEqual([]);
    });

    it('counts leads and won leads by utm_campaign (any letter case), for a whole list in one go', async () => {
      const spring = await create(tokens.adminA, brief(world.hotelA.id, { utmCampaign: 'spring-leads' }));
      const autumn = await create(tokens.adminA, brief(world.hotelA.id, { utmCampaign: 'autumn-leads' }));
      await seedCases(api, world.hotelA.id, [
        { utmCampaign: 'spring-leads' },
        { utmCampaign: 'Spring-Leads', status: 'won' },
        { utmCampaign: 'spring-leads', status: 'lost' },
        { utmCampaign: 'autumn-leads', status: 'won' },
        { utmCampaign: null },
        { utmCampaign: 'unknown-code' },
      ]);
      await seedCases(api, world.hotelB.id, [{ utmCampaign: 'spring-leads' }]);
      const byId = Object.fromEntries((await list(tokens.agentA, world.hotelA.id)).map((c) => [c.id, c]));
      expect(byId[spring.id]).toMatchObject({ leadCount: 3, wonCount: 1 });
      expect(byId[autumn.id]).toMatchObject({ leadCount: 1, wonCount: 1 });
      const one = await api.gql<{ campaign: CampaignView }>(
        ONE,
        { hotelId: world.hotelA.id, id: spring.id },
        tokens.viewerA,
      );
      expect(one.data?.campaign).toMatchObject({ id: spring.id, leadCount: 3, wonCount: 1 });
    });
  });

  describe('deleteCampaign', () => {
    it('deletes and audits; the id is then NOT_FOUND', async () => {
      const campaign = await create(tokens.adminA, brief(world.hotelA.id));
      const r = await api.gql<{ deleteCampaign: boolean }>(
        DELETE,
        { hotelId: world.hotelA.id, id: campaign.id },
        tokens.supervisorA,
      );
      expect(r).toEqual({ data: { deleteCampaign: true } });
      const audit = await auditRows(world.hotelA.id, AuditAction.CampaignDeleted, campaign.id);
      expect(audit).toEqual([
        { actor_id: world.users.supervisorA.id, before: expect.objectContaining({ name: campaign.name }), after: null },
      ]);
      const gone = await api.gql(ONE, { hotelId: world.hotelA.id, id: campaign.id }, tokens.adminA);
      expect(failure(gone)).toEqual([{ code: ErrorCode.NotFound, message: 'Campaign not found' }]);
    });
  });

  describe('cross-tenant', () => {
    it("hotel B's ids, seen from hotel A's admin, behave exactly like missing ids in every query and mutation", async () => {
      const theirs = await create(tokens.adminB, brief(world.hotelB.id));
      const admin = tokens.adminA;
      const same = async (foreign: Promise<unknown>, missing: Promise<unknown>) => {
        const [f, m] = (await Promise.all([foreign, missing])) as Array<Parameters<typeof failure>[0]>;
        expect(f.data ?? null).toBeNull();
        expect(codeOf(f)).toBe(ErrorCode.NotFound);
        expect(failure(f)).toEqual(failure(m));
      };
      const B = world.hotelB.id;
      const A = world.hotelA.id;
      const nowhere = randomUUID();
      const noId = randomUUID();
      await same(api.gql(LIST, { hotelId: B }, admin), api.gql(LIST, { hotelId: nowhere }, admin));
      await same(
        api.gql(ONE, { hotelId: B, id: theirs.id }, admin),
        api.gql(ONE, { hotelId: nowhere, id: noId }, admin),
      );
      await same(api.gql(ONE, { hotelId: A, id: theirs.id }, admin), api.gql(ONE, { hotelId: A, id: noId }, admin));
      await same(save(admin, brief(B)), save(admin, brief(nowhere)));
      await same(save(admin, { ...brief(B), id: theirs.id }), save(admin, { ...brief(nowhere), id: noId }));
      await same(save(admin, { ...brief(A), id: theirs.id }), save(admin, { ...brief(A), id: noId }));
      await same(
        api.gql(DELETE, { hotelId: B, id: theirs.id }, admin),
        api.gql(DELETE, { hotelId: nowhere, id: noId }, admin),
      );
      await same(
        api.gql(DELETE, { hotelId: A, id: theirs.id }, admin),
        api.gql(DELETE, { hotelId: A, id: noId }, admin),
      );
      await same(api.gql(SUMMARIES, { hotelId: B }, admin), api.gql(SUMMARIES, { hotelId: nowhere }, admin));
      await same(api.gql(GENERATE, { hotelId: B }, admin), api.gql(GENERATE, { hotelId: nowhere }, admin));
      // Nothing of hotel B was touched.
      const [row] = await sql<{ name: string }>(api, 'SELECT name FROM campaign WHERE id = $1', [theirs.id]);
      expect(row.name).toBe(theirs.name);
      expect(await sql(api, 'SELECT 1 FROM daily_summary WHERE tenant_id = $1', [B])).toEqual([]);
    });
  });
});
