import { createHash, randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createWorld, GqlResult, startTestApi, TestApi, withClient, World, loginAll } from '@baton/api/testing';

interface WallboardTokenView {
  id: string;
  hotelId: string;
  name: string;
  board: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const FIELDS = 'id hotelId name board createdAt lastUsedAt revokedAt';
const LIST = `query($hotelId: ID!) { wallboardTokens(hotelId: $hotelId) { ${FIELDS} } }`;
const CREATE = `mutation($hotelId: ID!, $name: String!, $board: String!) {
  createWallboardToken(hotelId: $hotelId, name: $name, board: $board) { token wallboardToken { ${FIELDS} } } }`;
const REVOKE = `mutation($hotelId: ID!, $id: ID!) { revokeWallboardToken(hotelId: $hotelId, id: $id) { ${FIELDS} } }`;

const failure = (r: GqlResult<unknown>) => r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('wallboard tokens (medium: API on real Postgres)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Awaited<ReturnType<typeof loginAll>>;

  async function create(token: string, hotelId: string, name = 'Lobby TV', board = 'activity') {
    return api.gql<{ createWallboardToken: { token: string; wallboardToken: WallboardTokenView } }>(
      CREATE,
      { hotelId, name, board },
      token,
    );
  }

  async function auditRows(hotelId: string, action: AuditAction, entityId: string) {
    return withClient(api.db.ownerUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT actor_kind, actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = $2 AND entity_id = $3`,
        [hotelId, action, entityId],
      );
      return rows as Array<{ actor_kind: string; actor_id: string; before: unknown; after: unknown }>;
    });
  }

  async function tokenRow(hotelId: string, id: string) {
    return withClient(api.db.ownerUrl, async (c) => {
      const { rows } = await c.query(`SELECT * FROM wallboard_token WHERE tenant_id = $1 AND id = $2`, [hotelId, id]);
      return rows[0] as { secret_hash: string; created_by: string; last_used_at: Date | null; revoked_at: Date | null };
    });
  }

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  describe('createWallboardToken', () => {
    it('creates a token for one hotel and board (a supervisor may), stores only its hash, and audits it', async () => {
      const r = await create(tokens.supervisorA, world.hotelA.id, ' Lobby TV ', 'queue');
      expect(r.errors).toBeUndefined();
      const { token, wallboardToken } = r.data!.createWallboardToken;
      expect(wallboardToken).toMatchObject({
        hotelId: world.hotelA.id,
        name: 'Lobby TV',
        board: 'queue',
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(token).toMatch(new RegExp(`^bwt_${world.hotelA.id}\\.${wallboardToken.id}\\.[A-Za-z0-9_-]{32,}$`));
      const row = await tokenRow(world.hotelA.id, wallboardToken.id);
      expect(row.secret_hash).toBe(sha256(token.split('.')[2]));
      expect(row.created_by).toBe(world.users.supervisorA.id);
      const audit = await auditRows(world.hotelA.id, AuditAction.WallboardTokenCreated, wallboardToken.id);
      expect(audit).toEqual([
        {
          actor_kind: 'user',
          actor_id: world.users.supervisorA.id,
          before: null,
          after: { name: 'Lobby TV', board: 'queue', revokedAt: null },
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain(token.split('.')[2]);
    });

    it('validates the board and the name (BAD_USER_INPUT)', async () => {
      const board = await create(tokens.adminA, world.hotelA.id, 'Lobby TV', 'everything');
      expect(failure(board)).toEqual([
        { code: ErrorCode.BadUserInput, message: 'board must be one of: activity, queue, kpi' },
      ]);
      expect(codeOf(await create(tokens.adminA, world.hotelA.id, 'x'))).toBe(ErrorCode.BadUserInput);
      expect(codeOf(await create(tokens.adminA, world.hotelA.id, '     '))).toBe(ErrorCode.BadUserInput);
    });

    it('needs wallboards.manage (FORBIDDEN for an agent or a viewer)', async () => {
      for (const who of ['agentA', 'viewerA']) {
        expect(failure(await create(tokens[who], world.hotelA.id))).toEqual([
          { code: ErrorCode.Forbidden, message: 'Missing permission wallboards.manage' },
        ]);
        expect(codeOf(await api.gql(LIST, { hotelId: world.hotelA.id }, tokens[who]))).toBe(ErrorCode.Forbidden);
      }
    });

    it("hotel B's id, seen from hotel A, behaves exactly like a missing id", async () => {
      const foreign = await create(tokens.adminA, world.hotelB.id);
      const missing = await create(tokens.adminA, randomUUID());
      expect(foreign.data ?? null).toBeNull();
      expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      expect(failure(foreign)).toEqual(failure(missing));
    });
  });

  describe('using a wallboard token', () => {
    it('reads its hotel, records its last use, and cannot run any mutation (READ_ONLY_TOKEN)', async () => {
      const { token, wallboardToken } = (await create(tokens.adminA, world.hotelA.id, 'Bar TV', 'kpi')).data!
        .createWallboardToken;
      const hotels = await api.gql<{ hotels: Array<{ id: string }> }>('{ hotels { id } }', {}, token);
      expect(hotels.data?.hotels.map((h) => h.id)).toEqual([world.hotelA.id]);
      const activity = await api.gql<{ recentActivity: unknown[] }>(
        `query($h: ID!) { recentActivity(hotelId: $h) { id } }`,
        { h: world.hotelA.id },
        token,
      );
      expect(activity.errors).toBeUndefined();
      expect((await tokenRow(world.hotelA.id, wallboardToken.id)).last_used_at).toBeInstanceOf(Date);

      const mutations: Array<[string, Record<string, unknown>]> = [
        [CREATE, { hotelId: world.hotelA.id, name: 'Another TV', board: 'activity' }],
        [REVOKE, { hotelId: world.hotelA.id, id: wallboardToken.id }],
        [
          `mutation($h: ID!) { updateHotelSettings(hotelId: $h, input: { name: "Hacked" }) { id } }`,
          { h: world.hotelA.id },
        ],
        [
          `mutation($h: ID!, $e: String!) { addMembership(hotelId: $h, email: $e, role: "admin") { userId } }`,
          { h: world.hotelA.id, e: world.users.agentB.email },
        ],
        [`mutation { createApiKey(input: { name: "From TV", hotelIds: ["${world.hotelA.id}"] }) { secret } }`, {}],
      ];
      for (const [mutation, variables] of mutations) {
        const r = await api.gql(mutation, variables, token);
        expect(codeOf(r)).toBe(ErrorCode.ReadOnlyToken);
      }
      // And it cannot manage its own kind either.
      expect(codeOf(await api.gql(LIST, { hotelId: world.hotelA.id }, token))).toBe(ErrorCode.Forbidden);
    });
  });

  describe('wallboardTokens', () => {
    it('lists the tokens of the hotel, newest first, without secrets', async () => {
      await create(tokens.adminA, world.hotelA.id, 'Newest TV', 'activity');
      await create(tokens.adminB, world.hotelB.id, 'B TV', 'activity');
      const r = await api.gql<{ wallboardTokens: WallboardTokenView[] }>(
        LIST,
        { hotelId: world.hotelA.id },
        tokens.adminA,
      );
      expect(r.errors).toBeUndefined();
      const list = r.data!.wallboardTokens;
      expect(list[0].name).toBe('Newest TV');
      expect(list.every((t) => t.hotelId === world.hotelA.id)).toBe(true);
      const times = list.map((t) => Date.parse(t.createdAt));
      expect([...times].sort((x, y) => y - x)).toEqual(times);
    });

    it("hotel B's id behaves exactly like a missing id", async () => {
      const foreign = await api.gql(LIST, { hotelId: world.hotelB.id }, tokens.adminA);
      const missing = await api.gql(LIST, { hotelId: randomUUID() }, tokens.adminA);
      expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      expect(failure(foreign)).toEqual(failure(missing));
    });
  });

  describe('revokeWallboardToken', () => {
    it('revokes (idempotently), audits once, and the token stops working', async () => {
      const { token, wallboardToken } = (await create(tokens.adminA, world.hotelA.id, 'Old TV')).data!
        .createWallboardToken;
      const first = await api.gql<{ revokeWallboardToken: WallboardTokenView }>(
        REVOKE,
        { hotelId: world.hotelA.id, id: wallboardToken.id },
        tokens.supervisorA,
      );
      expect(first.errors).toBeUndefined();
      expect(first.data?.revokeWallboardToken.revokedAt).toEqual(expect.any(String));
      const second = await api.gql<{ revokeWallboardToken: WallboardTokenView }>(
        REVOKE,
        { hotelId: world.hotelA.id, id: wallboardToken.id },
        tokens.adminA,
      );
      expect(second.data?.revokeWallboardToken).toEqual(first.data?.revokeWallboardToken);
      const audit = await auditRows(world.hotelA.id, AuditAction.WallboardTokenRevoked, wallboardToken.id);
      expect(audit).toEqual([
        {
          actor_kind: 'user',
          actor_id: world.users.supervisorA.id,
          before: { name: 'Old TV', board: 'activity', revokedAt: null },
          after: { name: 'Old TV', board: 'activity', revokedAt: first.data?.revokeWallboardToken.revokedAt },
        },
      ]);
      expect(failure(await api.gql('{ hotels { id } }', {}, token))).toEqual([
        { code: ErrorCode.Unauthenticated, message: 'Wallboard token revoked' },
      ]);
    });

    it("another tenant's token behaves exactly like a missing token", async () => {
      const { wallboardToken } = (await create(tokens.adminA, world.hotelA.id, 'Spa TV')).data!.createWallboardToken;
      const missing = await api.gql(REVOKE, { hotelId: world.hotelB.id, id: randomUUID() }, tokens.adminB);
      const attempts = [
        // B's admin naming hotel A (outside their scope) or their own hotel B with A's token id.
        await api.gql(REVOKE, { hotelId: world.hotelA.id, id: wallboardToken.id }, tokens.adminB),
        await api.gql(REVOKE, { hotelId: world.hotelB.id, id: wallboardToken.id }, tokens.adminB),
        await api.gql(REVOKE, { hotelId: randomUUID(), id: wallboardToken.id }, tokens.adminB),
        await api.gql(REVOKE, { hotelId: world.hotelB.id, id: 'not-a-uuid' }, tokens.adminB),
      ];
      expect(codeOf(missing)).toBe(ErrorCode.NotFound);
      for (const attempt of attempts) {
        expect(attempt.data ?? null).toBeNull();
        expect(failure(attempt)).toEqual(failure(missing));
      }
      expect((await tokenRow(world.hotelA.id, wallboardToken.id)).revoked_at).toBeNull();
    });
  });
});
