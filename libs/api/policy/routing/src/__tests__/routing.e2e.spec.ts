import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@baton/shared/contracts';
import { createWorld, GqlResult, loginAll, startTestApi, TestApi, World } from '@baton/api/testing';

const SETTINGS = `hotelId version autoAssign digestTime`;
const MATRIX = `query($h: ID!) { raciMatrix(hotelId: $h) { ${SETTINGS} } }`;
const SAVE = `mutation($input: SaveRaciMatrixInput!) { saveRaciMatrix(input: $input) { ${SETTINGS} } }`;
const PREVIEW = `query($h: ID!) { raciDigestPreview(hotelId: $h) {
  date title overview nextAt sections { step stepName lines recipients } } }`;

const code = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

/** The routing settings on the RACI matrix and the digest preview, through GraphQL. */
describe('RACI routing through GraphQL (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let hotelA: string;

  const gql = <T>(query: string, variables: Record<string, unknown>, who = 'adminA') =>
    api.gql<T>(query, variables, tokens[who]);
  const matrix = (version: number, settings: Record<string, unknown> = {}) => ({
    hotelId: hotelA,
    version,
    parties: [
      { key: 'smm', name: 'SMM ajansı', team: 'smm_agency', userIds: [world.users.agentA.id] },
      { key: 'gm', name: 'Genel müdür', roles: ['admin'] },
      { key: 'owners', name: 'Otel sahibi', userIds: [world.users.viewerA.id] },
    ],
    steps: [{ key: 'dm_intake', name: 'DM karşılama' }],
    cells: [
      { step: 'dm_intake', party: 'smm', role: 'R' },
      { step: 'dm_intake', party: 'gm', role: 'A' },
      { step: 'dm_intake', party: 'owners', role: 'I' },
    ],
    ...settings,
  });

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    hotelA = world.hotelA.id;
    tokens = await loginAll(api, world);
  });
  afterAll(() => api?.close());

  it('reads the defaults before a matrix exists, saves the settings and keeps them when left out', async () => {
    expect((await gql<{ raciMatrix: unknown }>(MATRIX, { h: hotelA })).data?.raciMatrix).toEqual({
      hotelId: hotelA,
      version: 0,
      autoAssign: true,
      digestTime: '08:30',
    });
    const saved = await gql<{ saveRaciMatrix: unknown }>(SAVE, {
      input: matrix(0, { autoAssign: false, digestTime: '07:45' }),
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveRaciMatrix).toEqual({ hotelId: hotelA, version: 1, autoAssign: false, digestTime: '07:45' });
    const again = await gql<{ saveRaciMatrix: unknown }>(SAVE, { input: matrix(1) });
    expect(again.data?.saveRaciMatrix).toEqual({ hotelId: hotelA, version: 2, autoAssign: false, digestTime: '07:45' });
  });

  it('refuses a digest time that is not HH:mm with BAD_USER_INPUT and stores nothing', async () => {
    const r = await gql(SAVE, { input: matrix(2, { digestTime: '25:00' }) });
    expect(code(r)).toBe(ErrorCode.BadUserInput);
    expect(r.errors?.[0]?.message).toContain('digestTime must be HH:mm');
    expect((await gql<{ raciMatrix: { version: number } }>(MATRIX, { h: hotelA })).data?.raciMatrix.version).toBe(2);
  });

  it('previews the digest for managers (sections of steps with Informed parties, next send time)', async () => {
    const r = await gql<{
      raciDigestPreview: { title: string; nextAt: string; sections: Array<{ step: string; recipients: string[] }> };
    }>(PREVIEW, { h: hotelA });
    expect(r.errors).toBeUndefined();
    const preview = r.data!.raciDigestPreview;
    expect(preview.title).toMatch(/^Günlük özet: /);
    expect(preview.sections).toEqual([expect.objectContaining({ step: 'dm_intake', recipients: ['viewer-a'] })]);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Istanbul', timeStyle: 'short' });
    expect(local.format(new Date(preview.nextAt))).toBe('07:45');
    expect(code(await gql(PREVIEW, { h: hotelA }, 'agentA'))).toBe(ErrorCode.Forbidden);
  });

  it('answers another hotel’s preview exactly like a missing hotel’s', async () => {
    const answer = async (hotelId: string) =>
      JSON.stringify((await gql(PREVIEW, { h: hotelId })).errors).replaceAll(hotelId, '<id>');
    const other = await answer(world.hotelB.id);
    expect(other).toContain('NOT_FOUND');
    expect(other).toEqual(await answer(randomUUID()));
  });
});
