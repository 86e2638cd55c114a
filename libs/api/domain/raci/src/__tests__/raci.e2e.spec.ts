import { randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode, HotelRole } from '@baton/shared/contracts';
import {
  createHotel,
  createWorld,
  GqlResult,
  loginAll,
  startTestApi,
  TestApi,
  TestHotel,
  withClient,
  World,
} from '@baton/api/testing';

const MATRIX_FIELDS = `hotelId version updatedAt updatedByName
  parties { key name team roles userIds members { userId displayName } }
  steps { key name } cells { step party role } problems { step rule count }`;
const MATRIX = `query($h: ID!) { raciMatrix(hotelId: $h) { ${MATRIX_FIELDS} } }`;
const SAVE = `mutation($input: SaveRaciMatrixInput!) { saveRaciMatrix(input: $input) { ${MATRIX_FIELDS} } }`;
const VALIDATE = `mutation($input: SaveRaciMatrixInput!) { validateRaciMatrix(input: $input) { step rule count } }`;
const TEMPLATE_FIELDS = `agencyId version parties { key userIds roles } steps { key name } cells { step party role }`;
const TEMPLATE = `query($a: ID!) { raciTemplate(agencyId: $a) { ${TEMPLATE_FIELDS} } }`;
const SAVE_TEMPLATE = `mutation($input: SaveRaciTemplateInput!) { saveRaciTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`;
const APPLY = `mutation($input: ApplyRaciTemplateInput!) { applyRaciTemplate(input: $input) { ${MATRIX_FIELDS} } }`;

interface Matrix {
  hotelId: string;
  version: number;
  updatedByName: string | null;
  parties: Array<{
    key: string;
    name: string;
    team: string | null;
    roles: string[];
    userIds: string[];
    members: Array<{ userId: string; displayName: string }>;
  }>;
  steps: Array<{ key: string; name: string }>;
  cells: Array<{ step: string; party: string; role: string }>;
  problems: Array<{ step: string; rule: string; count: number }>;
}

const err = (r: GqlResult<unknown>) => {
  const e = r.errors?.[0];
  return e ? { code: e.extensions.code, message: e.message, details: e.extensions.details } : undefined;
};

describe('RACI through GraphQL (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let hotelA: string;
  let hotelC: TestHotel;

  const gql = <T>(query: string, variables: Record<string, unknown>, who: string) =>
    api.gql<T>(query, variables, tokens[who]);
  const read = async (hotelId: string, who = 'adminA'): Promise<Matrix> => {
    const r = await gql<{ raciMatrix: Matrix }>(MATRIX, { h: hotelId }, who);
    expect(r.errors).toBeUndefined();
    return r.data!.raciMatrix;
  };

  /** SMM agency → call center → PMS: the agency admin and agent A explicitly, supervisors and the GM by role. */
  const matrix = (version: number, cells?: Array<[string, string, string]>) => ({
    hotelId: hotelA,
    version,
    parties: [
      { key: 'smm_agency', name: 'SMM ajansı', team: 'smm_agency', userIds: [world.users.agencyAdmin.id] },
      {
        key: 'call_center',
        name: 'Çağrı merkezi',
        team: 'call_center',
        userIds: [world.users.agentA.id],
        roles: ['supervisor'],
      },
      { key: 'gm', name: 'Genel müdür', roles: ['gm', 'admin'] },
    ],
    steps: [
      { key: 'dm_intake', name: 'DM karşılama' },
      { key: 'pms_entry', name: "PMS'e giriş" },
    ],
    cells: (
      cells ?? [
        ['dm_intake', 'smm_agency', 'R'],
        ['dm_intake', 'gm', 'A'],
        ['dm_intake', 'call_center', 'I'],
        ['pms_entry', 'call_center', 'R'],
        ['pms_entry', 'gm', 'A'],
      ]
    ).map(([step, party, role]) => ({ step, party, role })),
  });

  const auditActions = (hotelId: string) =>
    withClient(api.db.ownerUrl, async (c) => {
      await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotelId]);
      const { rows } = await c.query<{ action: string; entity_type: string }>(
        `SELECT action, entity_type FROM audit_log WHERE tenant_id = $1 AND action LIKE 'raci.%' ORDER BY occurred_at, id`,
        [hotelId],
      );
      return rows.map((r) => `${r.action}:${r.entity_type}`);
    });

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    hotelA = world.hotelA.id;
    // A second hotel of the agency, so the agency admin manages two hotels.
    hotelC = await withClient(api.db.ownerUrl, (c) =>
      createHotel(c, { agencyId: world.agencyId, name: 'Hotel Gamma' }),
    );
    tokens = await loginAll(api, world);
  });
  afterAll(() => api?.close());

  it('a hotel without a matrix reads as version 0 with the playbook steps (in Turkish) and no cells', async () => {
    const m = await read(hotelA, 'agentA');
    expect(m).toMatchObject({ hotelId: hotelA, version: 0, updatedByName: null, parties: [], cells: [] });
    expect(m.steps).toEqual([
      { key: 'dm_intake', name: 'DM karşılama' },
      { key: 'call_center_follow_up', name: 'Çağrı merkezi takibi' },
      { key: 'pms_entry', name: "PMS'e giriş" },
      { key: 'content_approval', name: 'İçerik onayı' },
      { key: 'complaint_resolution', name: 'Şikayet çözümü' },
    ]);
    expect(m.problems).toHaveLength(10);
  });

  it('saves the whole matrix and reads it back, with member names, version 1 and an audit entry', async () => {
    const r = await gql<{ saveRaciMatrix: Matrix }>(SAVE, { input: matrix(0) }, 'adminA');
    expect(r.errors).toBeUndefined();
    const saved = r.data!.saveRaciMatrix;
    expect(saved).toMatchObject({ version: 1, updatedByName: 'admin-a', problems: [] });
    expect(await read(hotelA, 'viewerA')).toEqual(saved);
    expect(saved.parties).toEqual([
      {
        key: 'smm_agency',
        name: 'SMM ajansı',
        team: 'smm_agency',
        roles: [],
        userIds: [world.users.agencyAdmin.id],
        members: [{ userId: world.users.agencyAdmin.id, displayName: 'agency-admin' }],
      },
      {
        key: 'call_center',
        name: 'Çağrı merkezi',
        team: 'call_center',
        roles: [HotelRole.Supervisor],
        userIds: [world.users.agentA.id],
        members: [{ userId: world.users.agentA.id, displayName: 'agent-a' }],
      },
      { key: 'gm', name: 'Genel müdür', team: null, roles: ['gm', 'admin'], userIds: [], members: [] },
    ]);
    expect(saved.steps.map((s) => s.key)).toEqual(['dm_intake', 'pms_entry']);
    expect(saved.cells).toHaveLength(5);
    expect(await auditActions(hotelA)).toEqual([`${AuditAction.RaciMatrixSaved}:raci_matrix`]);
  });

  it('refuses two A, no A and no R with RACI_INVALID listing every problem, and stores nothing', async () => {
    const before = await read(hotelA);
    const broken = matrix(1, [
      ['dm_intake', 'smm_agency', 'A'],
      ['dm_intake', 'gm', 'A'],
      ['pms_entry', 'call_center', 'C'],
    ]);
    const r = await gql(SAVE, { input: broken }, 'adminA');
    expect(err(r)).toEqual({
      code: ErrorCode.RaciInvalid,
      message:
        'The RACI matrix breaks its rules: dm_intake needs exactly one A (has 2); dm_intake needs at least one R ' +
        '(has none); pms_entry needs exactly one A (has 0); pms_entry needs at least one R (has none)',
      details: {
        problems: [
          { step: 'dm_intake', rule: 'exactly_one_accountable', count: 2 },
          { step: 'dm_intake', rule: 'at_least_one_responsible', count: 0 },
          { step: 'pms_entry', rule: 'exactly_one_accountable', count: 0 },
          { step: 'pms_entry', rule: 'at_least_one_responsible', count: 0 },
        ],
      },
    });
    expect(r.data).toBeNull();
    // validateRaciMatrix answers the same problems as data, for the editor.
    const v = await gql<{ validateRaciMatrix: unknown[] }>(VALIDATE, { input: broken }, 'adminA');
    expect(v.data?.validateRaciMatrix).toEqual((err(r)?.details as { problems: unknown[] }).problems);
    expect(await read(hotelA)).toEqual(before);
    expect(await auditActions(hotelA)).toHaveLength(1);
  });

  it('refuses malformed matrices and outsiders with BAD_USER_INPUT naming the field', async () => {
    const bad = async (input: Record<string, unknown>) => err(await gql(SAVE, { input }, 'adminA'));
    const base = matrix(1);
    expect(
      await bad({ ...base, cells: [...base.cells, { step: 'dm_intake', party: 'ghost', role: 'C' }] }),
    ).toMatchObject({
      code: ErrorCode.BadUserInput,
      details: { field: 'cells', reason: 'unknown_party', key: 'ghost' },
    });
    expect(await bad({ ...base, steps: [...base.steps, base.steps[0]] })).toMatchObject({
      details: { reason: 'duplicate_step', key: 'dm_intake' },
    });
    expect(await bad({ ...base, cells: [{ step: 'dm_intake', party: 'gm', role: 'X' }] })).toMatchObject({
      code: ErrorCode.BadUserInput,
      message: 'role must be one of: R, A, C, I',
    });
    const outsider = {
      ...base,
      parties: [{ ...base.parties[0], userIds: [world.users.adminB.id] }, ...base.parties.slice(1)],
    };
    expect(await bad(outsider)).toEqual({
      code: ErrorCode.BadUserInput,
      message: `parties.0.userIds: user ${world.users.adminB.id} is not a member of this hotel or of its agency`,
      details: { reason: 'not_a_member', field: 'parties.0.userIds', userId: world.users.adminB.id },
    });
    expect((await read(hotelA)).version).toBe(1);
  });

  it('refuses a save from an old version with STALE_VERSION and the current version', async () => {
    expect(err(await gql(SAVE, { input: matrix(0) }, 'adminA'))).toMatchObject({
      code: ErrorCode.StaleVersion,
      details: { currentVersion: 1 },
    });
    const next = await gql<{ saveRaciMatrix: Matrix }>(SAVE, { input: matrix(1) }, 'supervisorA');
    expect(err(next)?.code).toBe(ErrorCode.Forbidden); // supervisors read, GMs/admins/agency edit
    const ok = await gql<{ saveRaciMatrix: Matrix }>(SAVE, { input: matrix(1) }, 'agencyAdmin');
    expect(ok.data?.saveRaciMatrix.version).toBe(2);
    expect(err(await gql(SAVE, { input: matrix(1) }, 'adminA'))?.details).toEqual({ currentVersion: 2 });
  });

  it("cross-tenant: hotel B's matrix through hotel A's users is NOT_FOUND exactly like a random id", async () => {
    await gql(SAVE, { input: { ...matrix(0), hotelId: world.hotelB.id, parties: [], steps: [], cells: [] } }, 'adminB');
    const viaA = err(await gql(MATRIX, { h: world.hotelB.id }, 'adminA'));
    const random = err(await gql(MATRIX, { h: randomUUID() }, 'adminA'));
    expect(viaA?.code).toBe(ErrorCode.NotFound);
    expect({ ...viaA, details: undefined }).toEqual({ ...random, details: undefined });
    expect(err(await gql(SAVE, { input: { ...matrix(1), hotelId: world.hotelB.id } }, 'adminA'))?.code).toBe(
      ErrorCode.NotFound,
    );
    expect((await read(world.hotelB.id, 'adminB')).version).toBe(1);
  });

  describe('agency templates', () => {
    const template = (version: number) => {
      const { hotelId: _ignored, ...parts } = matrix(version);
      return { ...parts, agencyId: world.agencyId };
    };

    it('only the agency staff save the template; hotel admins are FORBIDDEN, outsiders NOT_FOUND', async () => {
      expect(err(await gql(SAVE_TEMPLATE, { input: template(0) }, 'adminA'))?.code).toBe(ErrorCode.Forbidden);
      expect(err(await gql(SAVE_TEMPLATE, { input: template(0) }, 'adminB'))?.code).toBe(ErrorCode.NotFound);
      const saved = await gql<{ saveRaciTemplate: { version: number } }>(
        SAVE_TEMPLATE,
        { input: template(0) },
        'agencyAdmin',
      );
      expect(saved.errors).toBeUndefined();
      expect(saved.data?.saveRaciTemplate.version).toBe(1);
      expect(err(await gql(SAVE_TEMPLATE, { input: template(0) }, 'agencyAdmin'))?.code).toBe(ErrorCode.StaleVersion);
      // A hotel admin of the agency may read it (and apply it to the hotels they manage).
      const r = await gql<{ raciTemplate: { version: number } }>(TEMPLATE, { a: world.agencyId }, 'adminA');
      expect(r.data?.raciTemplate.version).toBe(1);
      expect(err(await gql(TEMPLATE, { a: world.agencyId }, 'adminB'))?.code).toBe(ErrorCode.NotFound);
    });

    it('applies the agency template to the hotels the caller manages, keeping only their own staff', async () => {
      const r = await gql<{ applyRaciTemplate: Matrix[] }>(
        APPLY,
        { input: { agencyId: world.agencyId, hotelIds: [hotelC.id, hotelA] } },
        'agencyAdmin',
      );
      expect(r.errors).toBeUndefined();
      const [c, a] = r.data!.applyRaciTemplate;
      expect(c).toMatchObject({ hotelId: hotelC.id, version: 1, problems: [] });
      expect(a).toMatchObject({ hotelId: hotelA, version: 3 });
      // Agent A works at hotel A only: dropped from hotel C's call-center party; the agency admin stays.
      expect(c.parties.map((p) => p.userIds)).toEqual([[world.users.agencyAdmin.id], [], []]);
      expect(a.parties.map((p) => p.userIds)).toEqual([[world.users.agencyAdmin.id], [world.users.agentA.id], []]);
      expect(c.cells).toEqual(a.cells);
      // The template save is on the trail of every agency hotel, then the copy on the hotel it was copied to.
      expect(await auditActions(hotelC.id)).toEqual([
        `${AuditAction.RaciMatrixSaved}:raci_template`,
        `${AuditAction.RaciTemplateApplied}:raci_matrix`,
      ]);
    });

    it("copies one hotel's matrix onto another; a target the caller does not manage fails the whole call", async () => {
      const refused = await gql(
        APPLY,
        { input: { sourceHotelId: hotelA, hotelIds: [hotelC.id, world.hotelB.id] } },
        'agencyAdmin',
      );
      expect(err(refused)?.code).toBe(ErrorCode.NotFound);
      expect((await read(hotelC.id, 'agencyAdmin')).version).toBe(1);
      expect(err(await gql(APPLY, { input: { sourceHotelId: hotelA, hotelIds: [hotelC.id] } }, 'adminA'))?.code).toBe(
        ErrorCode.NotFound,
      );
      expect(err(await gql(APPLY, { input: { hotelIds: [hotelC.id] } }, 'agencyAdmin'))?.details).toMatchObject({
        reason: 'one_source',
      });
      const r = await gql<{ applyRaciTemplate: Matrix[] }>(
        APPLY,
        { input: { sourceHotelId: hotelA, hotelIds: [hotelC.id] } },
        'agencyAdmin',
      );
      expect(r.data?.applyRaciTemplate[0]).toMatchObject({ hotelId: hotelC.id, version: 2 });
    });
  });
});
