import {
  createWorld,
  loginAll,
  signBody,
  startTestApi,
  TestApi,
  whatsappTextWebhook,
  withClient,
  World,
} from '@baton/api/testing';

const PHONE_NUMBER_ID = `3${Date.now()}`.slice(0, 15);
const APP_SECRET = 'batch-app-secret';
const SENDERS = Array.from({ length: 12 }, (_, i) => `9053200000${String(i).padStart(2, '0')}`);
const POISONED_SENDER = '905329999999';

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30000): Promise<T> {
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

/**
 * The inbound worker claims a hotel's due events in batches and handles each in a savepoint: a poisoned event fails
 * alone (rolled back, marked failed with backoff, in the batch's transaction), the others commit together, and the
 * domain-event work of each (SLA clocks) exists exactly once.
 */
describe('inbound processing in batches (real processes, real Postgres)', () => {
  let api: TestApi;
  let worker: TestApi | null = null;
  let world: World;
  const owner = <T>(sql: string, params: unknown[] = []) =>
    withClient(api.db.ownerUrl, async (c) => (await c.query(sql, params)).rows as T[]);
  const send = (from: string, id: string, text: string) => {
    const body = whatsappTextWebhook({
      phoneNumberId: PHONE_NUMBER_ID,
      from,
      name: `Misafir ${from.slice(-2)}`,
      id,
      text,
    });
    return fetch(`${api.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, APP_SECRET) },
      body,
    });
  };

  beforeAll(async () => {
    // The API alone first: it stores events but processes none, so the worker finds them all pending in one batch.
    api = await startTestApi({ role: 'api' });
    world = await createWorld(api.db);
    const tokens = await loginAll(api, world);
    const saved = await api.gql(
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
    await worker?.close({ keepDb: true });
    await api?.close();
  });

  it('a poisoned event fails alone; the rest of its batch commits once, with its SLA clocks', async () => {
    for (const [i, from] of SENDERS.slice(0, 6).entries()) {
      expect((await send(from, `wamid.batch-${i}`, `Merhaba, oda ${i} için fiyat?`)).status).toBe(200);
    }
    // Stored like a real event but its message has no body: the case is opened (a case number allocated) before the
    // message insert fails on NOT NULL, so the savepoint has real writes to take back.
    await owner(
      `INSERT INTO inbound_event (tenant_id, provider, external_id, account_id, kind, payload, occurred_at)
       SELECT tenant_id, provider, 'wamid.poisoned', account_id, kind,
              jsonb_build_object('contact', jsonb_build_object('whatsappId', $1::text, 'phone', '+' || $1::text,
                                 'displayName', 'Zehirli'),
                                 'message', jsonb_build_object('contentType', 'image', 'body', null)),
              now()
         FROM inbound_event WHERE tenant_id = $2 LIMIT 1`,
      [POISONED_SENDER, world.hotelA.id],
    );
    for (const [i, from] of SENDERS.slice(6).entries()) {
      expect((await send(from, `wamid.batch-${i + 6}`, `Merhaba, oda ${i + 6} için fiyat?`)).status).toBe(200);
    }
    const pending = await owner<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbound_event WHERE tenant_id = $1 AND processed_at IS NULL`,
      [world.hotelA.id],
    );
    expect(pending).toEqual([{ n: 13 }]);

    worker = await startTestApi({
      db: api.db,
      role: 'worker',
      // No time budget: the whole batch goes in one transaction however slow the machine is.
      env: { INBOUND_BATCH_SIZE: '50', INBOUND_LANES: '1', INBOUND_BATCH_BUDGET_MS: '600000', INTAKE_SWEEP_MS: '200' },
    });
    const events = await eventually(
      () =>
        owner<{ external_id: string; processed_at: Date | null; attempts: number; last_error: string | null }>(
          `SELECT external_id, processed_at, attempts, last_error, next_attempt_at FROM inbound_event
            WHERE tenant_id = $1 ORDER BY external_id`,
          [world.hotelA.id],
        ),
      (rows) => rows.every((r) => r.processed_at !== null || r.attempts > 0),
    );
    const poisoned = events.find((e) => e.external_id === 'wamid.poisoned');
    const handled = events.filter((e) => e.external_id !== 'wamid.poisoned');
    expect(poisoned).toMatchObject({ processed_at: null, attempts: 1 });
    expect(poisoned?.last_error).toMatch(/null value/);
    expect(handled).toHaveLength(12);
    // One lane, one claim of up to 50: the twelve commit in one transaction (now() is the transaction's start).
    expect(new Set(handled.map((e) => e.processed_at?.toISOString()))).toEqual(
      new Set([handled[0].processed_at?.toISOString()]),
    );
    expect(handled.every((e) => e.attempts === 0 && e.last_error === null)).toBe(true);

    const cases = await owner<{ id: string; number: string; messages: number }>(
      `SELECT c.id, c.number, (SELECT count(*)::int FROM case_message m WHERE m.tenant_id = c.tenant_id
                                                                        AND m.case_id = c.id) AS messages
         FROM guest_case c WHERE c.tenant_id = $1 ORDER BY c.number`,
      [world.hotelA.id],
    );
    expect(cases).toHaveLength(12);
    expect(cases.every((c) => c.messages === 1)).toBe(true);
    // The poisoned event's case number went back with its savepoint: numbers run without a gap.
    const year = new Date().getFullYear();
    expect(cases.map((c) => c.number)).toEqual(
      SENDERS.map((_, i) => `${world.hotelA.code}-${year}-${String(i + 1).padStart(6, '0')}`),
    );
    const poisonedGuest = await owner(`SELECT 1 FROM guest_identity WHERE tenant_id = $1 AND value LIKE $2`, [
      world.hotelA.id,
      `%${POISONED_SENDER}%`,
    ]);
    expect(poisonedGuest).toEqual([]);

    // SLA clocks (started by the case.created domain event, drained inside each event's savepoint): exactly one per
    // case and metric, on every case, none for the rolled-back one.
    const clocks = await owner<{ target_id: string; metric: string; n: number }>(
      `SELECT target_id, metric, count(*)::int AS n FROM sla_clock WHERE tenant_id = $1 AND target_type = 'case'
        GROUP BY target_id, metric`,
      [world.hotelA.id],
    );
    expect(clocks.length).toBeGreaterThanOrEqual(12);
    expect(clocks.every((c) => c.n === 1)).toBe(true);
    expect(new Set(clocks.map((c) => c.target_id))).toEqual(new Set(cases.map((c) => c.id)));
  });

  it('redeliveries after the batch are acknowledged and change nothing', async () => {
    for (const [i, from] of SENDERS.entries()) {
      const res = await send(from, `wamid.batch-${i}`, `Merhaba, oda ${i} için fiyat?`);
      expect(res.status).toBe(200);
      // Webhooks skip the pino-http middleware (no request id, no child logger): the cheap path under load.
      expect(res.headers.get('x-request-id')).toBeNull();
    }
    await new Promise((r) => setTimeout(r, 1000));
    const counts = await owner<{ events: number; messages: number; cases: number; clocks: number }>(
      `SELECT (SELECT count(*)::int FROM inbound_event WHERE tenant_id = $1) AS events,
              (SELECT count(*)::int FROM case_message WHERE tenant_id = $1) AS messages,
              (SELECT count(*)::int FROM guest_case WHERE tenant_id = $1) AS cases,
              (SELECT count(DISTINCT target_id)::int FROM sla_clock WHERE tenant_id = $1) AS clocks`,
      [world.hotelA.id],
    );
    expect(counts).toEqual([{ events: 13, messages: 12, cases: 12, clocks: 12 }]);
  });
});
