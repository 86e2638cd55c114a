import { createHash, randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode, HotelRole } from '@baton/shared/contracts';
import {
  addHotelRole,
  createHotel,
  createUser,
  createWorld,
  GqlResult,
  startTestApi,
  TestApi,
  TestHotel,
  withClient,
  World,
  loginAll,
} from '@baton/api/testing';

interface ApiKeyView {
  id: string;
  name: string;
  agencyId: string | null;
  hotelIds: string[];
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const FIELDS = 'id name agencyId hotelIds scopes createdAt lastUsedAt revokedAt';
const LIST = `{ apiKeys { ${FIELDS} } }`;
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { ${FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { ${FIELDS} } }`;

const failure = (r: GqlResult<unknown>) => r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('API keys (medium: API on real Postgres)', () => {
  let api: TestApi;
  let world: World;
  /** A second hotel of hotel A's agency. */
  let hotelA2: TestHotel;
  let tokens: Awaited<ReturnType<typeof loginAll>>;

  async function create(token: string, input: Record<string, unknown>) {
    return api.gql<{ createApiKey: { secret: string; apiKey: ApiKeyView } }>(CREATE, { input }, token);
  }

  async function auditRows(action: AuditAction, entityId: string) {
    return withClient(api.db.ownerUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT tenant_id, actor_id, before, after FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY tenant_id`,
        [action, entityId],
      );
      return rows as Array<{ tenant_id: string; actor_id: string; before: unknown; after: unknown }>;
    });
  }

  async function keyRow(id: string) {
    return withClient(api.db.ownerUrl, async (c) => {
      const { rows } = await c.query(`SELECT * FROM api_key WHERE id = $1`, [id]);
      return rows[0] as { secret_hash: string; created_by: string; last_used_at: Date | null; revoked_at: Date | null };
    });
  }

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    hotelA2 = await withClient(api.db.ownerUrl, (c) =>
      createHotel(c, { agencyId: world.agencyId, name: 'Hotel Alpha Two' }),
    );
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  describe('createApiKey', () => {
    it('creates a read-only key for one hotel, shows the secret once and stores only its hash', async () => {
      const r = await create(tokens.adminA, { name: ' Channel manager ', hotelIds: [world.hotelA.id] });
      expect(r.errors).toBeUndefined();
      const { secret, apiKey } = r.data!.createApiKey;
      expect(apiKey).toMatchObject({
        name: 'Channel manager',
        agencyId: world.agencyId,
        hotelIds: [world.hotelA.id],
        scopes: ['read'],
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(secret).toMatch(new RegExp(`^bak_${apiKey.id}\\.[A-Za-z0-9_-]{32,}$`));
      const row = await keyRow(apiKey.id);
      expect(row.secret_hash).toBe(sha256(secret.split('.')[1]));
      expect(row.created_by).toBe(world.users.adminA.id);

      const audit = await auditRows(AuditAction.ApiKeyCreated, apiKey.id);
      expect(audit).toEqual([
        {
          tenant_id: world.hotelA.id,
          actor_id: world.users.adminA.id,
          before: null,
          after: { name: 'Channel manager', hotelIds: [world.hotelA.id], scopes: ['read'], revokedAt: null },
        },
      ]);
      const trail = JSON.stringify(audit);
      expect(trail).not.toContain(secret.split('.')[1]);
      expect(trail).not.toContain(row.secret_hash);
    });

    it('the key works, is read-only, and records its last use', async () => {
      const { secret, apiKey } = (await create(tokens.adminA, { name: 'Reporting', hotelIds: [world.hotelA.id] })).data!
        .createApiKey;
      const hotels = await api.gql<{ hotels: Array<{ id: string; permissions: string[] }> }>(
        '{ hotels { id permissions } }',
        {},
        secret,
      );
      expect(hotels.data?.hotels.map((h) => h.id)).toEqual([world.hotelA.id]);
      expect(hotels.data?.hotels[0].permissions).toEqual(['audit.read', 'cases.read', 'hotels.read', 'kpis.read']);
      expect((await keyRow(apiKey.id)).last_used_at).toBeInstanceOf(Date);

      const listed = await api.gql<{ apiKeys: ApiKeyView[] }>(LIST, {}, tokens.adminA);
      expect(listed.data?.apiKeys.find((k) => k.id === apiKey.id)?.lastUsedAt).toEqual(expect.any(String));

      const mutations = [
        `mutation { updateHotelSettings(hotelId: "${world.hotelA.id}", input: { name: "Hacked" }) { id } }`,
        `mutation { createApiKey(input: { name: "Child", hotelIds: ["${world.hotelA.id}"] }) { secret } }`,
        `mutation { revokeApiKey(id: "${apiKey.id}") { id } }`,
        `mutation { addMembership(hotelId: "${world.hotelA.id}", email: "${world.users.agentB.email}", role: "admin") { userId } }`,
      ];
      for (const mutation of mutations) {
        expect(codeOf(await api.gql(mutation, {}, secret))).toBe(ErrorCode.Forbidden);
      }
    });

    it('validates the input (BAD_USER_INPUT)', async () => {
      const cases: Array<Record<string, unknown>> = [
        { name: 'No hotels', hotelIds: [] },
        { name: 'Bad scope', hotelIds: [world.hotelA.id], scopes: ['admin'] },
        { name: 'x', hotelIds: [world.hotelA.id] },
        { name: '   ', hotelIds: [world.hotelA.id] },
        { name: 'Not ids', hotelIds: ['hotel-a'] },
        { name: 'Twice', hotelIds: [world.hotelA.id, world.hotelA.id] },
      ];
      for (const input of cases) {
        expect([input, codeOf(await create(tokens.adminA, input))]).toEqual([input, ErrorCode.BadUserInput]);
      }
    });

    it('binds a key to several hotels of one agency, audited on each hotel', async () => {
      const r = await create(tokens.agencyAdmin, {
        name: 'Agency BI',
        hotelIds: [world.hotelA.id, hotelA2.id],
        scopes: ['write', 'read'],
      });
      expect(r.errors).toBeUndefined();
      const { apiKey, secret } = r.data!.createApiKey;
      expect(apiKey).toMatchObject({
        agencyId: world.agencyId,
        hotelIds: [world.hotelA.id, hotelA2.id],
        scopes: ['read', 'write'],
      });
      const audit = await auditRows(AuditAction.ApiKeyCreated, apiKey.id);
      expect(audit.map((a) => a.tenant_id).sort()).toEqual([world.hotelA.id, hotelA2.id].sort());
      const hotels = await api.gql<{ hotels: Array<{ id: string }> }>('{ hotels { id } }', {}, secret);
      expect(hotels.data?.hotels.map((h) => h.id).sort()).toEqual([world.hotelA.id, hotelA2.id].sort());

      // Hotel A's admin does not manage hotel A2: the key is neither listed nor revocable, like a missing one.
      const listedByA = await api.gql<{ apiKeys: ApiKeyView[] }>(LIST, {}, tokens.adminA);
      expect(listedByA.data?.apiKeys.map((k) => k.id)).not.toContain(apiKey.id);
      const foreign = await api.gql(REVOKE, { id: apiKey.id }, tokens.adminA);
      const missing = await api.gql(REVOKE, { id: randomUUID() }, tokens.adminA);
      expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      expect(failure(foreign)).toEqual(failure(missing));
      const listedByAgency = await api.gql<{ apiKeys: ApiKeyView[] }>(LIST, {}, tokens.agencyAdmin);
      expect(listedByAgency.data?.apiKeys.map((k) => k.id)).toContain(apiKey.id);
    });

    it('refuses hotels of different agencies, or of no agency, in one key (BAD_USER_INPUT)', async () => {
      const both = await withClient(api.db.ownerUrl, async (c) => {
        const user = await createUser(c, { email: `two-hats-${randomUUID().slice(0, 6)}@test.baton` });
        await addHotelRole(c, world.hotelA.id, user.id, HotelRole.Admin);
        await addHotelRole(c, world.hotelB.id, user.id, HotelRole.Admin);
        return user;
      });
      const token = await api.login(both.email);
      const r = await create(token, { name: 'Mixed', hotelIds: [world.hotelA.id, world.hotelB.id] });
      expect(failure(r)).toEqual([
        { code: ErrorCode.BadUserInput, message: 'An API key for several hotels must cover hotels of one agency only' },
      ]);
      const single = await create(token, { name: 'Standalone', hotelIds: [world.hotelB.id] });
      expect(single.data?.createApiKey.apiKey.agencyId).toBeNull();
    });

    it("hotel B's id, seen from hotel A, behaves exactly like a missing id", async () => {
      const foreign = await create(tokens.adminA, { name: 'Sneaky', hotelIds: [world.hotelB.id] });
      const missing = await create(tokens.adminA, { name: 'Sneaky', hotelIds: [randomUUID()] });
      expect(foreign.data ?? null).toBeNull();
      expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      expect(failure(foreign)).toEqual(failure(missing));
      // Mixed with an own hotel, too.
      const mixed = await create(tokens.adminA, { name: 'Sneaky', hotelIds: [world.hotelA.id, world.hotelB.id] });
      expect(failure(mixed)).toEqual(failure(missing));
    });

    it('needs apikeys.manage (FORBIDDEN for a supervisor or an agent)', async () => {
      for (const who of ['supervisorA', 'agentA', 'viewerA']) {
        expect(failure(await create(tokens[who], { name: 'Nope', hotelIds: [world.hotelA.id] }))).toEqual([
          { code: ErrorCode.Forbidden, message: 'Missing permission apikeys.manage' },
        ]);
        expect(codeOf(await api.gql(LIST, {}, tokens[who]))).toBe(ErrorCode.Forbidden);
      }
    });
  });

  describe('apiKeys', () => {
    it("lists only keys within the caller's hotels", async () => {
      const b = await create(tokens.adminB, { name: 'B only', hotelIds: [world.hotelB.id] });
      const bId = b.data!.createApiKey.apiKey.id;
      const listA = await api.gql<{ apiKeys: ApiKeyView[] }>(LIST, {}, tokens.adminA);
      const listB = await api.gql<{ apiKeys: ApiKeyView[] }>(LIST, {}, tokens.adminB);
      expect(listA.data?.apiKeys.length).toBeGreaterThan(0);
      expect(listA.data?.apiKeys.every((k) => k.hotelIds.every((h) => h === world.hotelA.id))).toBe(true);
      expect(listB.data?.apiKeys.map((k) => k.id)).toContain(bId);
      expect(listB.data?.apiKeys.every((k) => k.hotelIds.every((h) => h === world.hotelB.id))).toBe(true);
      // Newest first.
      const times = listA.data!.apiKeys.map((k) => Date.parse(k.createdAt));
      expect([...times].sort((x, y) => y - x)).toEqual(times);
    });
  });

  describe('revokeApiKey', () => {
    it('revokes (idempotently), audits once, and the key stops working', async () => {
      const { secret, apiKey } = (await create(tokens.adminA, { name: 'To revoke', hotelIds: [world.hotelA.id] })).data!
        .createApiKey;
      const first = await api.gql<{ revokeApiKey: ApiKeyView }>(REVOKE, { id: apiKey.id }, tokens.adminA);
      expect(first.errors).toBeUndefined();
      expect(first.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
      const second = await api.gql<{ revokeApiKey: ApiKeyView }>(REVOKE, { id: apiKey.id }, tokens.adminA);
      expect(second.data?.revokeApiKey).toEqual(first.data?.revokeApiKey);

      const audit = await auditRows(AuditAction.ApiKeyRevoked, apiKey.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        tenant_id: world.hotelA.id,
        actor_id: world.users.adminA.id,
        before: { name: 'To revoke', revokedAt: null },
        after: { name: 'To revoke', revokedAt: first.data?.revokeApiKey.revokedAt },
      });

      const use = await api.gql('{ hotels { id } }', {}, secret);
      expect(failure(use)).toEqual([{ code: ErrorCode.Unauthenticated, message: 'API key revoked' }]);
    });

    it("another tenant's key behaves exactly like a missing key", async () => {
      const { apiKey } = (await create(tokens.adminA, { name: 'Mine', hotelIds: [world.hotelA.id] })).data!
        .createApiKey;
      const foreign = await api.gql(REVOKE, { id: apiKey.id }, tokens.adminB);
      const missing = await api.gql(REVOKE, { id: randomUUID() }, tokens.adminB);
      const malformed = await api.gql(REVOKE, { id: 'not-a-uuid' }, tokens.adminB);
      expect(codeOf(foreign)).toBe(ErrorCode.NotFound);
      expect(failure(foreign)).toEqual(failure(missing));
      expect(failure(malformed)).toEqual(failure(missing));
      expect((await keyRow(apiKey.id)).revoked_at).toBeNull();
      expect(await auditRows(AuditAction.ApiKeyRevoked, apiKey.id)).toEqual([]);
    });

    it('a forged secret for a real key id is refused (UNAUTHENTICATED)', async () => {
      const { secret } = (await create(tokens.adminA, { name: 'Forged', hotelIds: [world.hotelA.id] })).data!
        .createApiKey;
      const forged = `${secret.split('.')[0]}.${'A'.repeat(43)}`;
      expect(failure(await api.gql('{ hotels { id } }', {}, forged))).toEqual([
        { code: ErrorCode.Unauthenticated, message: 'Invalid API key' },
      ]);
    });
  });
});
