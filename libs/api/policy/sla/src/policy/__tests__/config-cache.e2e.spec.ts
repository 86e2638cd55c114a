import {
  createTestDatabase,
  createWorld,
  loginAll,
  signBody,
  startTestApi,
  TestApi,
  TestDatabase,
  whatsappTextWebhook,
  withClient,
  World,
} from '@baton/api/testing';

const PHONE_NUMBER_ID = `4${Date.now()}`.slice(0, 15);
const APP_SECRET = 'cache-app-secret';

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > deadline) {
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 150));
    last = await probe();
  }
  return last;
}

interface PolicyView {
  id: string;
  name: string;
  version: number;
  enabled: boolean;
  calendarId: string | null;
  pauseStatuses: string[];
  conditions: Record<string, string[]>;
  targets: Array<{ metric: string; minutes: number; basis: string; raciStep: string | null }>;
}

/**
 * SLA policies and automation rules are cached per process (HotelCache). A change saved through instance A must be
 * what instance B's worker uses for its next event: A's commit publishes an invalidation over Redis.
 */
describe('per-process SLA policy and automation rule caches across instances (Redis)', () => {
  let db: TestDatabase;
  let a: TestApi;
  let b: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let guestNo = 0;
  const owner = <T>(sql: string, params: unknown[] = []) =>
    withClient(db.ownerUrl, async (c) => (await c.query(sql, params)).rows as T[]);
  /** A new guest writes on WhatsApp to instance B (API + worker); resolves once B has processed the event. */
  const guestWritesToB = async (text: string) => {
    const from = `90533${String(++guestNo).padStart(7, '0')}`;
    const id = `wamid.c-${guestNo}`;
    const body = whatsappTextWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, name: 'Deniz', id, text });
    const res = await fetch(`${b.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    await eventually(
      () => owner<{ processed_at: Date | null }>(`SELECT processed_at FROM inbound_event WHERE external_id = $1`, [id]),
      (rows) => rows.length === 1 && rows[0].processed_at !== null,
    );
    const [kase] = await owner<{ id: string; status: string }>(
      `SELECT id, status FROM guest_case WHERE tenant_id = $1 AND contact = $2`,
      [world.hotelA.id, `+${from}`],
    );
    return kase;
  };
  /** The case's first-response clock (one: no rule re-routes these cases). */
  const firstResponseClock = async (caseId: string) => {
    const clocks = await owner<{ target_minutes: number; policy_version: number }>(
      `SELECT target_minutes, policy_version FROM sla_clock WHERE tenant_id = $1 AND target_id = $2
          AND metric = 'first_response'`,
      [world.hotelA.id, caseId],
    );
    expect(clocks).toHaveLength(1);
    return clocks[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await createWorld(db);
    const redisUrl = process.env.BATON_TEST_REDIS_URL!;
    [a, b] = await Promise.all([
      startTestApi({ db, redisUrl, role: 'api' }),
      startTestApi({ db, redisUrl, role: 'all', env: { INTAKE_SWEEP_MS: '300' } }),
    ]);
    tokens = await loginAll(a, world);
    const saved = await a.gql(
      `mutation($input: SaveChannelAccountInput!) { saveChannelAccount(input: $input) { id } }`,
      {
        input: {
          hotelId: world.hotelA.id,
          provider: 'whatsapp',
          externalId: PHONE_NUMBER_ID,
          displayName: 'WhatsApp',
          appSecret: APP_SECRET,
        },
      },
      tokens.adminA,
    );
    expect(saved.errors).toBeUndefined();
  });

  afterAll(async () => {
    await Promise.all([a?.close({ keepDb: true }), b?.close({ keepDb: true })]);
    await db?.drop();
  });

  it('an SLA policy saved on A applies to the next case B opens', async () => {
    const first = await firstResponseClock((await guestWritesToB('Merhaba, fiyat alabilir miyim?')).id);
    expect(first.policy_version).toBe(1); // B has now cached the hotel's policies
    const listed = await a.gql<{ slaPolicies: PolicyView[] }>(
      `query($h: ID!) { slaPolicies(hotelId: $h) { id name version enabled calendarId pauseStatuses
        conditions { channels priorities requestTypes labels teams } targets { metric minutes basis raciStep } } }`,
      { h: world.hotelA.id },
      tokens.adminA,
    );
    const general = listed.data!.slaPolicies.find((p) => p.name === 'General')!;
    const minutes = first.target_minutes + 7;
    const save = await a.gql(
      `mutation($i: SaveSlaPolicyInput!) { saveSlaPolicy(input: $i) { version } }`,
      {
        i: {
          hotelId: world.hotelA.id,
          id: general.id,
          version: general.version,
          name: general.name,
          enabled: general.enabled,
          calendarId: general.calendarId,
          pauseStatuses: general.pauseStatuses,
          conditions: general.conditions,
          targets: general.targets.map((t) =>
            t.metric === 'first_response'
              ? { metric: t.metric, minutes, basis: t.basis }
              : { metric: t.metric, minutes: t.minutes, basis: t.basis },
          ),
        },
      },
      tokens.adminA,
    );
    expect(save.errors).toBeUndefined();
    const second = await firstResponseClock((await guestWritesToB('Merhaba, müsaitlik var mı?')).id);
    expect(second).toMatchObject({ target_minutes: minutes, policy_version: general.version + 1 });
  });

  it('automation rules seeded on A run on the next event B processes', async () => {
    // No rules yet (nobody opened the automations page): B caches an empty rule list on this event.
    const before = await guestWritesToB('Rezervasyonumu iptal etmek istiyorum');
    expect(before.status).toBe('new');
    const rules = await a.gql<{ automationRules: Array<{ defaultKey: string | null }> }>(
      `query($h: ID!) { automationRules(hotelId: $h) { defaultKey } }`,
      { h: world.hotelA.id },
      tokens.adminA,
    );
    expect(rules.data?.automationRules.map((r) => r.defaultKey)).toContain('keyword_phone');
    const after = await guestWritesToB('Rezervasyonumu iptal etmek istiyorum');
    expect(after.status).toBe('handed_off');
  });
});
