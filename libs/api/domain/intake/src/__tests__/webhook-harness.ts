import { createHmac } from 'node:crypto';
import { createWorld, loginAll, startTestApi, TestApi, withClient, World } from '@baton/api/testing';

/** E2E harness: a real API with hotel A's channel accounts of every provider (and one WhatsApp number of hotel B). */
export const WA_A = '100000000000001';
export const WA_B = '100000000000002';
export const IG_A = '17841400000000001';
export const PAGE_A = '100000000000101';
export const WA_SECRET = 'demo-whatsapp-app-secret';
export const WA_B_SECRET = 'hotel-b-own-app-secret';
export const META_SECRET = 'demo-meta-app-secret';
export const INTAKE_SECRET = 'demo-intake-secret';
export const VERIFY_TOKEN = 'demo-verify-token';
export const IG_VERIFY_TOKEN = 'ig-verify-token';

export const sign = (body: string | Buffer, secret: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

export interface EventRow {
  tenant_id: string;
  provider: string;
  external_id: string;
  account_id: string;
  kind: string;
  payload: Record<string, unknown> & { contact: Record<string, string>; message?: Record<string, unknown> };
  occurred_at: Date;
}

export interface IntakeApi {
  api: TestApi;
  world: World;
  /** Channel account ids by key: waA, waB, igA, pageA, formA, mailA, otaA, pbxA, offA (an inactive form). */
  accountIds: Record<string, string>;
  post(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<Response>;
  postWhatsApp(payload: unknown, secret?: string): Promise<Response>;
  postMeta(payload: unknown, secret?: string): Promise<Response>;
  /** inbound_event rows (owner connection), oldest first. */
  events(where?: string, params?: unknown[]): Promise<EventRow[]>;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startIntakeApi(env: Record<string, string> = {}): Promise<IntakeApi> {
  const api = await startTestApi({ env });
  const world = await createWorld(api.db);
  const tokens = await loginAll(api, world);
  const save = `mutation($input: SaveChannelAccountInput!) { saveChannelAccount(input: $input) { id } }`;
  const accounts: Array<[string, string, Record<string, unknown>]> = [
    [
      'waA',
      'adminA',
      {
        hotelId: world.hotelA.id,
        provider: 'whatsapp',
        externalId: WA_A,
        appSecret: WA_SECRET,
        verifyToken: VERIFY_TOKEN,
      },
    ],
    ['waB', 'adminB', { hotelId: world.hotelB.id, provider: 'whatsapp', externalId: WA_B, appSecret: WA_B_SECRET }],
    [
      'igA',
      'adminA',
      {
        hotelId: world.hotelA.id,
        provider: 'instagram',
        externalId: IG_A,
        appSecret: META_SECRET,
        verifyToken: IG_VERIFY_TOKEN,
      },
    ],
    [
      'pageA',
      'adminA',
      { hotelId: world.hotelA.id, provider: 'messenger', externalId: PAGE_A, appSecret: META_SECRET },
    ],
    ['formA', 'adminA', { hotelId: world.hotelA.id, provider: 'webform', externalId: 'blk-web' }],
    [
      'mailA',
      'adminA',
      { hotelId: world.hotelA.id, provider: 'email', externalId: 'blk-mail', appSecret: INTAKE_SECRET },
    ],
    ['otaA', 'adminA', { hotelId: world.hotelA.id, provider: 'ota', externalId: 'blk-ota', appSecret: INTAKE_SECRET }],
    ['pbxA', 'adminA', { hotelId: world.hotelA.id, provider: 'pbx', externalId: 'blk-pbx', appSecret: INTAKE_SECRET }],
    ['offA', 'adminA', { hotelId: world.hotelA.id, provider: 'webform', externalId: 'old-web', active: false }],
  ];
  const accountIds: Record<string, string> = {};
  for (const [key, who, input] of accounts) {
    const saved = await api.gql<{ saveChannelAccount: { id: string } }>(
      save,
      { input: { displayName: key, ...input } },
      tokens[who],
    );
    expect(saved.errors).toBeUndefined();
    accountIds[key] = saved.data!.saveChannelAccount.id;
  }
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const signedPost = (path: string, payload: unknown, secret: string) => {
    const body = JSON.stringify(payload);
    return post(path, body, { 'x-hub-signature-256': sign(body, secret) });
  };
  const events = (where = 'true', params: unknown[] = []) =>
    withClient(api.db.ownerUrl, async (c) => {
      const { rows } = await c.query(
        `SELECT * FROM inbound_event WHERE ${where} ORDER BY occurred_at, external_id`,
        params,
      );
      return rows as EventRow[];
    });
  return {
    api,
    world,
    accountIds,
    post,
    postWhatsApp: (payload, secret = WA_SECRET) => signedPost('/webhooks/whatsapp', payload, secret),
    postMeta: (payload, secret = META_SECRET) => signedPost('/webhooks/meta', payload, secret),
    events,
    eventCount: async () => (await events()).length,
    close: () => api.close(),
  };
}
