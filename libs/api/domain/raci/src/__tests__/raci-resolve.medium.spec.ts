import { randomUUID } from 'node:crypto';
import { ErrorCode, HotelRole, RaciProcessStep, RaciRole } from '@baton/shared/contracts';
import { addHotelRole, createUser, TestUser, withClient } from '@baton/api/testing';
import type { SaveRaciMatrixInput } from '../dto/save-raci-matrix.input';
import { errorOf, RaciHarness } from './raci-harness';

const { DmIntake, CallCenterFollowUp, PmsEntry } = RaciProcessStep;

/** resolve() as the policies call it: parties, their users (explicit ∪ role holders, still staff) and the team. */
describe('RaciService.resolve (medium: real Postgres, app role)', () => {
  const t = new RaciHarness();
  let hotelA: string;
  let hotelB: string;
  let gm: TestUser;
  let leaver: TestUser;
  let disabled: TestUser;

  const input = (hotelId: string, overrides: Partial<SaveRaciMatrixInput> = {}): SaveRaciMatrixInput => ({
    hotelId,
    version: 0,
    parties: [
      {
        key: 'smm_agency',
        name: 'SMM ajansı',
        team: 'smm_agency',
        userIds: [t.world.users.agencyAdmin.id],
        roles: [],
      },
      {
        key: 'call_center',
        name: 'Çağrı merkezi',
        team: 'call_center',
        userIds: [t.world.users.agentA.id, leaver.id, disabled.id],
        roles: [HotelRole.Supervisor],
      },
      { key: 'gm', name: 'Genel müdür', team: null, userIds: [], roles: [HotelRole.Gm] },
    ],
    steps: [
      { key: DmIntake, name: 'DM karşılama' },
      { key: CallCenterFollowUp, name: 'Çağrı merkezi takibi' },
      { key: PmsEntry, name: "PMS'e giriş" },
    ],
    cells: [
      { step: DmIntake, party: 'smm_agency', role: 'R' },
      { step: DmIntake, party: 'call_center', role: 'R' },
      { step: DmIntake, party: 'gm', role: 'A' },
      { step: CallCenterFollowUp, party: 'call_center', role: 'R' },
      { step: CallCenterFollowUp, party: 'gm', role: 'A' },
      { step: CallCenterFollowUp, party: 'smm_agency', role: 'I' },
      { step: PmsEntry, party: 'gm', role: 'R' },
      { step: PmsEntry, party: 'call_center', role: 'A' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    await t.start();
    hotelA = t.world.hotelA.id;
    hotelB = t.world.hotelB.id;
    ({ gm, leaver, disabled } = await withClient(t.db.ownerUrl, async (c) => {
      const made = {
        gm: await createUser(c, { email: `gm-${randomUUID().slice(0, 6)}@test.baton`, displayName: 'Aa GM' }),
        leaver: await createUser(c, { email: `leaver-${randomUUID().slice(0, 6)}@test.baton`, displayName: 'L' }),
        disabled: await createUser(c, { email: `off-${randomUUID().slice(0, 6)}@test.baton`, displayName: 'D' }),
      };
      await addHotelRole(c, hotelA, made.gm.id, HotelRole.Gm);
      await addHotelRole(c, hotelA, made.leaver.id, HotelRole.Agent);
      await addHotelRole(c, hotelA, made.disabled.id, HotelRole.Agent);
      return made;
    }));
    await t.system([hotelA], (ctx) => t.raci.save(ctx, input(hotelA)));
    // After the save: one member leaves the hotel, another account is disabled.
    await t.owner(`DELETE FROM hotel_membership WHERE hotel_id = $1 AND user_id = $2`, [hotelA, leaver.id], [hotelA]);
    await t.owner(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [disabled.id], [hotelA]);
  });
  afterAll(() => t.stop());

  it('R of DM intake: both parties, explicit members (agency staff too) and role holders, the first team', async () => {
    const r = await t.system([hotelA], (ctx) => t.raci.resolve(ctx, hotelA, DmIntake, RaciRole.Responsible));
    expect(r.parties).toEqual([
      { key: 'smm_agency', name: 'SMM ajansı' },
      { key: 'call_center', name: 'Çağrı merkezi' },
    ]);
    expect(r.team).toBe('smm_agency');
    // The leaver and the disabled account are dropped; the supervisor comes from the role.
    expect([...r.userIds].sort()).toEqual(
      [t.world.users.agencyAdmin.id, t.world.users.agentA.id, t.world.users.supervisorA.id].sort(),
    );
  });

  it('A of DM intake: the GM party, whose users hold the gm role; no team', async () => {
    const r = await t.system([hotelA], (ctx) => t.raci.resolve(ctx, hotelA, DmIntake, RaciRole.Accountable));
    expect(r).toEqual({ parties: [{ key: 'gm', name: 'Genel müdür' }], userIds: [gm.id], team: null });
  });

  it('I of call-center follow-up and A of PMS entry', async () => {
    const informed = await t.system([hotelA], (ctx) =>
      t.raci.resolve(ctx, hotelA, CallCenterFollowUp, RaciRole.Informed),
    );
    expect(informed).toEqual({
      parties: [{ key: 'smm_agency', name: 'SMM ajansı' }],
      userIds: [t.world.users.agencyAdmin.id],
      team: 'smm_agency',
    });
    const pms = await t.system([hotelA], (ctx) => t.raci.resolve(ctx, hotelA, PmsEntry, RaciRole.Accountable));
    expect(pms.team).toBe('call_center');
  });

  it('is empty for a letter nobody holds, an unknown step, and a hotel without a matrix', async () => {
    const empty = { parties: [], userIds: [], team: null };
    expect(await t.system([hotelA], (ctx) => t.raci.resolve(ctx, hotelA, PmsEntry, RaciRole.Consulted))).toEqual(empty);
    expect(
      await t.system([hotelA], (ctx) => t.raci.resolve(ctx, hotelA, 'no_such_step', RaciRole.Responsible)),
    ).toEqual(empty);
    expect(await t.system([hotelB], (ctx) => t.raci.resolve(ctx, hotelB, DmIntake, RaciRole.Responsible))).toEqual(
      empty,
    );
    const matrix = await t.system([hotelB], (ctx) => t.raci.matrix(ctx, hotelB));
    expect(matrix).toMatchObject({ version: 0, parties: [], cells: [] });
    expect(matrix.steps.map((s) => s.key)).toEqual(Object.values(RaciProcessStep));
  });

  it('cross-tenant: in the scope of hotel B, hotel A is NOT_FOUND like a random id; nothing of A leaks', async () => {
    for (const id of [hotelA, randomUUID(), 'not-a-uuid']) {
      const err = await errorOf(t.system([hotelB], (ctx) => t.raci.resolve(ctx, id, DmIntake, RaciRole.Responsible)));
      expect({ code: err.code, message: err.message }).toEqual({
        code: ErrorCode.NotFound,
        message: 'Hotel not found',
      });
      const read = await errorOf(t.system([hotelB], (ctx) => t.raci.matrix(ctx, id)));
      expect(read.code).toBe(ErrorCode.NotFound);
    }
    // Even the raw rows: hotel B's scope sees none of A's assignments.
    const rows = await t.system([hotelB], (ctx) =>
      ctx.tx.query(`SELECT * FROM raci_assignment WHERE tenant_id = $1`, [hotelA]),
    );
    expect(rows).toEqual([]);
  });

  it('refuses explicit members who left the hotel or were disabled (BAD_USER_INPUT naming the field)', async () => {
    const err = await errorOf(t.system([hotelA], (ctx) => t.raci.save(ctx, input(hotelA, { version: 1 }))));
    expect({ code: err.code, details: err.details }).toEqual({
      code: ErrorCode.BadUserInput,
      details: { reason: 'not_a_member', field: 'parties.1.userIds', userId: leaver.id },
    });
  });

  it('of two concurrent saves from the same version exactly one wins; the other is STALE_VERSION', async () => {
    const { version } = await t.system([hotelA], (ctx) => t.raci.matrix(ctx, hotelA));
    const current = input(hotelA, { version });
    current.parties[1].userIds = [t.world.users.agentA.id];
    const results = await Promise.allSettled([0, 1].map(() => t.system([hotelA], (ctx) => t.raci.save(ctx, current))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code: string }] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((e) => e.code)).toEqual([ErrorCode.StaleVersion]);
    expect((await t.system([hotelA], (ctx) => t.raci.matrix(ctx, hotelA))).version).toBe(version + 1);
  });
});
