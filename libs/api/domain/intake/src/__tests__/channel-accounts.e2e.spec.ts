import { createHash, createHmac, randomUUID } from 'node:crypto';
import { AuditAction, ErrorCode } from '@baton/shared/contracts';
import { createWorld, GqlResult, loginAll, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
import { waMessage, waPayload } from './fixtures';

interface AccountView {
  id: string;
  hotelId: string;
  provider: string;
  externalId: string;
  displayName: string;
  active: boolean;
  hasAppSecret: boolean;
  hasAccessToken: boolean;
  hasVerifyToken: boolean;
  webhookUrl: string;
  createdAt: string;
  updatedAt: string;
}

const FIELDS =
  'id hotelId provider externalId displayName active hasAppSecret hasAccessToken hasVerifyToken webhookUrl createdAt updatedAt';
const LIST = `query($hotelId: ID!) { channelAccounts(hotelId: $hotelId) { ${FIELDS} } }`;
const SAVE = `mutation($input: SaveChannelAccountInput!) { saveChannelAccount(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($hotelId: ID!, $id: ID!) { deleteChannelAccount(hotelId: $hotelId, id: $id) }`;
const EVENTS = `query($hotelId: ID!, $pendingOnly: Boolean, $first: Int) {
  inboundEvents(hotelId: $hotelId, pendingOnly: $pendingOnly, first: $first) {
    id provider externalId kind occurredAt receivedAt processedAt attempts lastError } }`;

const APP_SECRET = 'crud-app-secret-0001';
const ACCESS_TOKEN = 'EAAG-crud-access-token';
const VERIFY_TOKEN = 'crud-verify-token';

const sha256 = (v: string) => createHash('sha256').update(v).digest('hex');
const failure = (r: GqlResult<unknown>) => r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

describe('channel accounts (GraphQL, e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;

  const save = (token: string, input: Record<string, unknown>) =>
    api.gql<{ saveChannelAccount: AccountView }>(SAVE, { input }, token);
  const waInput = (overrides: Record<string, unknown> = {}) => ({
    hotelId: world.hotelA.id,
    provider: 'whatsapp',
    externalId: '100000000000901',
    displayName: 'Resepsiyon WhatsApp',
    appSecret: APP_SECRET,
    accessToken: ACCESS_TOKEN,
    verifyToken: VERIFY_TOKEN,
    ...overrides,
  });
  const owner = <T>(sql: string, params: unknown[] = []) =>
    withClient(api.db.ownerUrl, async (c) => (await c.query(sql, params)).rows as T[]);

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
  });
  afterAll(() => api.close());

  it('creates an account: secrets sealed, verify token hashed, route written, nothing secret returned or audited', async () => {
    const result = await save(tokens.adminA, waInput());
    expect(result.errors).toBeUndefined();
    const account = result.data!.saveChannelAccount;
    expect(account).toMatchObject({
      hotelId: world.hotelA.id,
      provider: 'whatsapp',
      externalId: '100000000000901',
      displayName: 'Resepsiyon WhatsApp',
      active: true,
      hasAppSecret: true,
      hasAccessToken: true,
      hasVerifyToken: true,
      webhookUrl: '/webhooks/whatsapp',
    });
    const text = JSON.stringify(result);
    for (const secret of [APP_SECRET, ACCESS_TOKEN, VERIFY_TOKEN]) {
      expect(text).not.toContain(secret);
    }
    const [row] = await owner<Record<string, string>>(`SELECT * FROM channel_account WHERE id = $1`, [account.id]);
    expect(row.app_secret_enc).toMatch(/^v1\./);
    expect(row.access_token_enc).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(APP_SECRET);
    expect(JSON.stringify(row)).not.toContain(ACCESS_TOKEN);
    expect(row.verify_token_hash).toBe(sha256(VERIFY_TOKEN));
    const routes = await owner(`SELECT * FROM channel_route WHERE account_id = $1`, [account.id]);
    expect(routes).toEqual([
      {
        provider: 'whatsapp',
        external_id: '100000000000901',
        hotel_id: world.hotelA.id,
        account_id: account.id,
        verify_token_hash: sha256(VERIFY_TOKEN),
      },
    ]);
    const audit = await owner<{ action: string; before: unknown; after: unknown }>(
      `SELECT action, before, after FROM audit_log WHERE tenant_id = $1 AND entity_id = $2`,
      [world.hotelA.id, account.id],
    );
    expect(audit).toEqual([
      {
        action: AuditAction.ChannelAccountSaved,
        before: null,
        after: {
          provider: 'whatsapp',
          externalId: '100000000000901',
          displayName: 'Resepsiyon WhatsApp',
          active: true,
          hasAppSecret: true,
          hasAccessToken: true,
          hasVerifyToken: true,
        },
      },
    ]);
    // The secret works at once: a webhook signed with it is accepted.
    const body = JSON.stringify(waPayload({ messages: [waMessage({ id: 'wamid.crud-1' })] }, '100000000000901'));
    const res = await fetch(`${api.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(res.status).toBe(200);
  });

  it('lists the hotel’s accounts with the webhook path of each provider', async () => {
    const inputs = [
      { provider: 'instagram', externalId: '17841400000000901', appSecret: APP_SECRET },
      { provider: 'messenger', externalId: '100000000000911', appSecret: APP_SECRET },
      { provider: 'webform', externalId: 'crud-web' },
      { provider: 'email', externalId: 'crud-mail', appSecret: APP_SECRET },
      { provider: 'ota', externalId: 'crud-ota', appSecret: APP_SECRET },
      { provider: 'pbx', externalId: 'crud-pbx', appSecret: APP_SECRET },
    ];
    for (const input of inputs) {
      expect(
        (await save(tokens.adminA, { hotelId: world.hotelA.id, displayName: input.provider, ...input })).errors,
      ).toBeUndefined();
    }
    const list = await api.gql<{ channelAccounts: AccountView[] }>(LIST, { hotelId: world.hotelA.id }, tokens.adminA);
    expect(Object.fromEntries(list.data!.channelAccounts.map((a) => [a.provider, a.webhookUrl]))).toEqual({
      email: '/intake/messages/crud-mail',
      instagram: '/webhooks/meta',
      messenger: '/webhooks/meta',
      ota: '/intake/messages/crud-ota',
      pbx: '/intake/calls/crud-pbx',
      webform: '/intake/forms/crud-web',
      whatsapp: '/webhooks/whatsapp',
    });
    const other = await api.gql<{ channelAccounts: AccountView[] }>(LIST, { hotelId: world.hotelB.id }, tokens.adminB);
    expect(other.data!.channelAccounts).toEqual([]);
  });

  it('updates: omitted secrets are kept, null clears, a new externalId moves the route', async () => {
    const created = (await save(tokens.adminA, waInput({ externalId: '100000000000902' }))).data!.saveChannelAccount;
    const [sealedBefore] = await owner<{ app_secret_enc: string }>(
      `SELECT app_secret_enc FROM channel_account WHERE id = $1`,
      [created.id],
    );
    const updated = await save(tokens.adminA, {
      hotelId: world.hotelA.id,
      id: created.id,
      provider: 'whatsapp',
      externalId: '100000000000903',
      displayName: 'Satış WhatsApp',
      accessToken: null,
      active: false,
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.saveChannelAccount).toMatchObject({
      id: created.id,
      externalId: '100000000000903',
      displayName: 'Satış WhatsApp',
      active: false,
      hasAppSecret: true,
      hasAccessToken: false,
      hasVerifyToken: true,
      createdAt: created.createdAt,
    });
    const [row] = await owner<{ app_secret_enc: string }>(`SELECT app_secret_enc FROM channel_account WHERE id = $1`, [
      created.id,
    ]);
    expect(row.app_secret_enc).toBe(sealedBefore.app_secret_enc);
    const routes = await owner<{ external_id: string }>(`SELECT external_id FROM channel_route WHERE account_id = $1`, [
      created.id,
    ]);
    expect(routes.map((r) => r.external_id)).toEqual(['100000000000903']);
    const changed = await save(tokens.adminA, {
      hotelId: world.hotelA.id,
      id: created.id,
      provider: 'messenger',
      externalId: '100000000000903',
      displayName: 'x',
    });
    expect(failure(changed)).toEqual([
      { code: ErrorCode.BadUserInput, message: 'provider of an existing account cannot change; create a new account' },
    ]);
  });

  it('validates the input (BAD_USER_INPUT naming the problem)', async () => {
    expect(codeOf(await save(tokens.adminA, waInput({ provider: 'telegram' })))).toBe(ErrorCode.BadUserInput);
    expect(failure(await save(tokens.adminA, waInput({ externalId: 'my-number' })))).toEqual([
      {
        code: ErrorCode.BadUserInput,
        message:
          'externalId of a WhatsApp, Instagram or Messenger account is the numeric id Meta shows (phone_number_id, IG account id, page id)',
      },
    ]);
    expect(
      failure(await save(tokens.adminA, waInput({ externalId: '100000000000904', appSecret: undefined }))),
    ).toEqual([
      {
        code: ErrorCode.BadUserInput,
        message: 'appSecret is required for this provider: its webhooks are verified with it',
      },
    ]);
    expect(codeOf(await save(tokens.adminA, waInput({ externalId: 'a/b' })))).toBe(ErrorCode.BadUserInput);
    expect(codeOf(await save(tokens.adminA, waInput({ externalId: '100000000000905', appSecret: 'short' })))).toBe(
      ErrorCode.BadUserInput,
    );
  });

  it('CONFLICT when another hotel already owns the provider account, without saying which hotel', async () => {
    const taken = await save(tokens.adminB, waInput({ hotelId: world.hotelB.id }));
    expect(failure(taken)).toEqual([
      {
        code: ErrorCode.Conflict,
        message: 'This provider account is already connected to another hotel; remove it there first',
      },
    ]);
    const text = JSON.stringify(taken);
    expect(text).not.toContain(world.hotelA.id);
    expect(text).not.toContain(world.hotelA.name);
    // Nothing half-written on hotel B's side.
    expect(await owner(`SELECT id FROM channel_account WHERE tenant_id = $1`, [world.hotelB.id])).toEqual([]);
    // The same id twice in one hotel is a CONFLICT too.
    const dup = await save(tokens.adminA, waInput());
    expect(failure(dup)).toEqual([
      {
        code: ErrorCode.Conflict,
        message: 'This hotel already has a channel account with this provider and externalId',
      },
    ]);
  });

  it("hotel B's admin gets NOT_FOUND for hotel A's account exactly like for a random id", async () => {
    const list = await api.gql<{ channelAccounts: AccountView[] }>(LIST, { hotelId: world.hotelA.id }, tokens.adminA);
    const target = list.data!.channelAccounts[0];
    const pairs: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
      [DELETE, { hotelId: world.hotelB.id, id: target.id }, { hotelId: world.hotelB.id, id: randomUUID() }],
      [DELETE, { hotelId: world.hotelA.id, id: target.id }, { hotelId: world.hotelA.id, id: randomUUID() }],
      [
        SAVE,
        { input: { ...waInput({ hotelId: world.hotelB.id, id: target.id, externalId: '100000000000999' }) } },
        { input: { ...waInput({ hotelId: world.hotelB.id, id: randomUUID(), externalId: '100000000000999' }) } },
      ],
      [LIST, { hotelId: world.hotelA.id }, { hotelId: randomUUID() }],
      [EVENTS, { hotelId: world.hotelA.id }, { hotelId: randomUUID() }],
    ];
    for (const [query, foreign, missing] of pairs) {
      const a = await api.gql(query, foreign, tokens.adminB);
      const b = await api.gql(query, missing, tokens.adminB);
      expect(codeOf(a)).toBe(ErrorCode.NotFound);
      expect(a.data ?? null).toBeNull();
      expect(failure(a)).toEqual(failure(b));
    }
    const still = await owner(`SELECT id FROM channel_account WHERE id = $1`, [target.id]);
    expect(still).toHaveLength(1);
  });

  it('agents, viewers and supervisors are refused (admin.settings)', async () => {
    for (const who of ['agentA', 'viewerA', 'supervisorA']) {
      expect(failure(await api.gql(LIST, { hotelId: world.hotelA.id }, tokens[who]))).toEqual([
        { code: ErrorCode.Forbidden, message: 'Missing permission admin.settings' },
      ]);
      expect(codeOf(await save(tokens[who], waInput({ externalId: '100000000000906' })))).toBe(ErrorCode.Forbidden);
      expect(codeOf(await api.gql(DELETE, { hotelId: world.hotelA.id, id: randomUUID() }, tokens[who]))).toBe(
        ErrorCode.Forbidden,
      );
      expect(codeOf(await api.gql(EVENTS, { hotelId: world.hotelA.id }, tokens[who]))).toBe(ErrorCode.Forbidden);
    }
  });

  it('deletes: the route goes with it (webhooks answer 404 at once), audited; inbound events stay listed', async () => {
    const list = await api.gql<{ channelAccounts: AccountView[] }>(LIST, { hotelId: world.hotelA.id }, tokens.adminA);
    const wa = list.data!.channelAccounts.find((a) => a.externalId === '100000000000901')!;
    const events = await api.gql<{ inboundEvents: Array<{ externalId: string; processedAt: string | null }> }>(
      EVENTS,
      { hotelId: world.hotelA.id, pendingOnly: true },
      tokens.adminA,
    );
    expect(events.data!.inboundEvents.map((e) => e.externalId)).toEqual(['wamid.crud-1']);
    expect(codeOf(await api.gql(EVENTS, { hotelId: world.hotelA.id, first: 0 }, tokens.adminA))).toBe(
      ErrorCode.BadUserInput,
    );

    const deleted = await api.gql<{ deleteChannelAccount: boolean }>(
      DELETE,
      { hotelId: world.hotelA.id, id: wa.id },
      tokens.adminA,
    );
    expect(deleted.data?.deleteChannelAccount).toBe(true);
    expect(await owner(`SELECT * FROM channel_route WHERE account_id = $1`, [wa.id])).toEqual([]);
    const body = JSON.stringify(waPayload({ messages: [waMessage({ id: 'wamid.crud-2' })] }, '100000000000901'));
    const res = await fetch(`${api.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(res.status).toBe(404);
    const audit = await owner<{ before: Record<string, unknown>; after: unknown }>(
      `SELECT before, after FROM audit_log WHERE tenant_id = $1 AND action = $2 AND entity_id = $3`,
      [world.hotelA.id, AuditAction.ChannelAccountDeleted, wa.id],
    );
    expect(audit).toEqual([{ before: expect.objectContaining({ externalId: '100000000000901' }), after: null }]);
    const again = await api.gql(DELETE, { hotelId: world.hotelA.id, id: wa.id }, tokens.adminA);
    expect(failure(again)).toEqual([{ code: ErrorCode.NotFound, message: 'ChannelAccount not found' }]);
    // Freed: hotel B may now connect the number.
    expect((await save(tokens.adminB, waInput({ hotelId: world.hotelB.id }))).errors).toBeUndefined();
    const after = await api.gql<{ inboundEvents: unknown[] }>(EVENTS, { hotelId: world.hotelA.id }, tokens.adminA);
    expect(after.data!.inboundEvents).toHaveLength(1);
  });
});
