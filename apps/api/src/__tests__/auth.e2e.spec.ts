import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { createWorld, startTestApi, TEST_JWT_SECRET, TestApi, withClient, World } from '@baton/api/testing';

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

describe('authentication and credentials (e2e over HTTP)', () => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
  });
  afterAll(() => api.close());

  const HOTELS = '{ hotels { id code } }';

  it('logs in, shows memberships in me, and refuses a wrong password with UNAUTHENTICATED', async () => {
    const ok = await api.gql<{
      login: {
        accessToken: string;
        refreshToken: string;
        me: { memberships: Array<{ role: string; hotelId: string }> };
      };
    }>(
      `mutation($e: String!) { login(email: $e, password: "baton-demo") { accessToken refreshToken me { memberships { hotelId role } } } }`,
      { e: world.users.agentA.email.toUpperCase() },
    );
    expect(ok.data?.login.me.memberships).toEqual([{ hotelId: world.hotelA.id, role: 'agent' }]);
    const bad = await api.gql(
      `mutation { login(email: "${world.users.agentA.email}", password: "nope") { accessToken } }`,
    );
    expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(bad.errors?.[0].message).toBe('Wrong e-mail or password');
    const unknown = await api.gql(`mutation { login(email: "nobody@test.baton", password: "nope") { accessToken } }`);
    expect(unknown.errors?.[0].message).toBe(bad.errors?.[0].message);
  });

  it('agency roles reach every hotel of the agency and no other', async () => {
    const token = await api.login(world.users.agencyAdmin.email);
    const res = await api.gql<{ hotels: Array<{ id: string }> }>(HOTELS, {}, token);
    expect(res.data?.hotels.map((h) => h.id)).toEqual([world.hotelA.id]);
  });

  it('refuses forged, expired and missing access tokens with precise messages', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.users.adminB.id)
      .setIssuer('baton')
      .setAudience('baton-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(48)));
    expect((await api.gql(HOTELS, {}, forged)).errors?.[0]).toMatchObject({
      message: 'Invalid access token',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const expired = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.users.adminB.id)
      .setIssuer('baton')
      .setAudience('baton-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect((await api.gql(HOTELS, {}, expired)).errors?.[0]).toMatchObject({
      message: 'Access token expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await api.gql(HOTELS)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens and treats reuse of a rotated one as theft (all sessions end)', async () => {
    const login = await api.gql<{ login: { refreshToken: string } }>(
      `mutation { login(email: "${world.users.adminA.email}", password: "baton-demo") { refreshToken } }`,
    );
    const first = login.data!.login.refreshToken;
    const refreshed = await api.gql<{ refreshSession: { refreshToken: string; accessToken: string } }>(
      `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`,
      { t: first },
    );
    const second = refreshed.data!.refreshSession.refreshToken;
    expect(second).not.toBe(first);
    const reuse = await api.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, {
      t: first,
    });
    expect(reuse.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const afterTheft = await api.gql(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, {
      t: second,
    });
    expect(afterTheft.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const garbage = await api.gql(`mutation { refreshSession(refreshToken: "brt_nonsense") { accessToken } }`);
    expect(garbage.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  describe('machine credentials', () => {
    const keyId = randomUUID();
    const keySecret = secret();
    const revokedId = randomUUID();
    const revokedSecret = secret();
    const boardId = randomUUID();
    const boardSecret = secret();

    beforeAll(async () => {
      await withClient(api.db.ownerUrl, async (c) => {
        await c.query(`SELECT set_config('app.tenant_ids', $1, false)`, [world.hotelA.id]);
        await c.query(
          `INSERT INTO api_key (id, hotel_ids, name, secret_hash, scopes) VALUES ($1, $2, 'reporting', $3, '{read}')`,
          [keyId, [world.hotelA.id], sha256(keySecret)],
        );
        await c.query(
          `INSERT INTO api_key (id, hotel_ids, name, secret_hash, scopes, revoked_at) VALUES ($1, $2, 'old', $3, '{read}', now())`,
          [revokedId, [world.hotelA.id], sha256(revokedSecret)],
        );
        await c.query(
          `INSERT INTO wallboard_token (tenant_id, id, name, board, secret_hash) VALUES ($1, $2, 'TV', 'activity', $3)`,
          [world.hotelA.id, boardId, sha256(boardSecret)],
        );
      });
    });

    it('an API key reads only its hotels and records its last use', async () => {
      const res = await api.gql<{ hotels: Array<{ id: string }> }>(HOTELS, {}, `bak_${keyId}.${keySecret}`);
      expect(res.data?.hotels.map((h) => h.id)).toEqual([world.hotelA.id]);
      const used = await withClient(api.db.ownerUrl, (c) =>
        c.query('SELECT last_used_at FROM api_key WHERE id = $1', [keyId]),
      );
      expect(used.rows[0].last_used_at).toBeInstanceOf(Date);
    });

    it('a revoked API key and a wrong secret are refused, differently', async () => {
      expect((await api.gql(HOTELS, {}, `bak_${revokedId}.${revokedSecret}`)).errors?.[0]).toMatchObject({
        message: 'API key revoked',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      expect((await api.gql(HOTELS, {}, `bak_${keyId}.${secret()}`)).errors?.[0]).toMatchObject({
        message: 'Invalid API key',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });

    it('a read-only API key cannot run a mutation', async () => {
      const res = await api.gql(
        `mutation { updateHotelSettings(hotelId: "${world.hotelA.id}", input: { name: "x" }) { id } }`,
        {},
        `bak_${keyId}.${keySecret}`,
      );
      expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('a wallboard token reads its board but any mutation gets READ_ONLY_TOKEN', async () => {
      const token = `bwt_${world.hotelA.id}.${boardId}.${boardSecret}`;
      const read = await api.gql<{ recentActivity: unknown[] }>(
        `{ recentActivity(hotelId: "${world.hotelA.id}", first: 5) { id } }`,
        {},
        token,
      );
      expect(read.errors).toBeUndefined();
      const write = await api.gql(
        `mutation { updateHotelSettings(hotelId: "${world.hotelA.id}", input: { name: "x" }) { id } }`,
        {},
        token,
      );
      expect(write.errors?.[0].extensions.code).toBe('READ_ONLY_TOKEN');
      const forgedHotel = `bwt_${world.hotelB.id}.${boardId}.${boardSecret}`;
      expect((await api.gql(HOTELS, {}, forgedHotel)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  it('rejects bad input with BAD_USER_INPUT and never returns a stack trace', async () => {
    const token = await api.login(world.users.adminA.email);
    const bad = await api.gql(
      `mutation { updateHotelSettings(hotelId: "${world.hotelA.id}", input: { currency: "euro" }) { id } }`,
      {},
      token,
    );
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    const unknownField = await api.gql(`{ hotels { nope } }`, {}, token);
    expect(unknownField.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const before = await api.gql<{ hotel: { name: string } }>(
      `{ hotel(id: "${world.hotelA.id}") { name } }`,
      {},
      token,
    );
    expect(before.data?.hotel.name).toBe('Hotel Alpha');
  });
});
