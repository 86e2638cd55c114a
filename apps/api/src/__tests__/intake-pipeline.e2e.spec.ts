import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  createWorld,
  GraphStub,
  loginAll,
  signBody,
  startGraphStub,
  startTestApi,
  TestApi,
  whatsappStatusWebhook,
  whatsappTextWebhook,
  withClient,
  World,
} from '@baton/api/testing';

const PHONE_NUMBER_ID = `1${Date.now()}`.slice(0, 15);
const APP_SECRET = 'pipeline-app-secret';
const PBX_KEY = `pbx-${randomUUID().slice(0, 8)}`;
const PBX_SECRET = 'pipeline-pbx-secret';

const whatsappBody = (from: string, name: string, id: string, text: string) =>
  whatsappTextWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, name, id, text });
const statusBody = (wamid: string, status: string, at: number) =>
  whatsappStatusWebhook(PHONE_NUMBER_ID, wamid, status, at);
const sign = signBody;

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
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

const CASES = `query($hotelId: ID!, $filter: CaseFilter) { cases(hotelId: $hotelId, filter: $filter, first: 50) {
  totalCount edges { node { id number status channel guestName contact requestText messageRounds firstResponseSeconds
  messages { direction channel contentType body providerMessageId deliveryStatus lastError attempts } } } } }`;

interface CaseView {
  id: string;
  number: string;
  status: string;
  channel: string;
  guestName: string | null;
  contact: string | null;
  requestText: string | null;
  messageRounds: number;
  firstResponseSeconds: number | null;
  messages: Array<{
    direction: string;
    channel: string;
    contentType: string;
    body: string;
    providerMessageId: string | null;
    deliveryStatus: string | null;
    lastError: string | null;
    attempts: number;
  }>;
}

/** The whole path: signed webhook → inbound_event → guest → case → agent reply → provider stub → delivery status. */
describe('intake pipeline (webhook to case to reply, real Postgres)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Awaited<ReturnType<typeof loginAll>>;
  let stub: GraphStub;

  const post = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const sendWhatsApp = (body: string) =>
    post('/webhooks/whatsapp', body, { 'x-hub-signature-256': sign(body, APP_SECRET) });

  async function casesOf(filter: Record<string, unknown> = {}): Promise<CaseView[]> {
    const result = await api.gql<{ cases: { edges: Array<{ node: CaseView }> } }>(
      CASES,
      { hotelId: world.hotelA.id, filter },
      tokens.adminA,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.cases.edges.map((e) => e.node);
  }

  beforeAll(async () => {
    stub = await startGraphStub();
    api = await startTestApi({ role: 'all', env: { META_GRAPH_URL: stub.url, INTAKE_SWEEP_MS: '300' } });
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
    const save = `mutation($input: SaveChannelAccountInput!) { saveChannelAccount(input: $input) { id } }`;
    for (const input of [
      {
        hotelId: world.hotelA.id,
        provider: 'whatsapp',
        externalId: PHONE_NUMBER_ID,
        displayName: 'WhatsApp',
        appSecret: APP_SECRET,
        accessToken: 'wa-access-token',
      },
      { hotelId: world.hotelA.id, provider: 'pbx', externalId: PBX_KEY, displayName: 'Santral', appSecret: PBX_SECRET },
    ]) {
      const saved = await api.gql(save, { input }, tokens.adminA);
      expect(saved.errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await api?.close();
    await stub?.close();
  });

  it('a redelivery storm of one signed message creates exactly one case and one message', async () => {
    const body = whatsappBody(
      '905321112233',
      'Ayşe Yılmaz',
      'wamid.storm-1',
      'Merhaba, 3 gece için fiyat alabilir miyim? Şükran',
    );
    const first = await Promise.all(Array.from({ length: 5 }, () => sendWhatsApp(body)));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const cases = await eventually(casesOf, (c) => c.length === 1 && c[0].messages.length === 1);
    expect((await sendWhatsApp(body)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 800));
    const after = await casesOf();
    expect(after).toHaveLength(1);
    expect(after[0].messages).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      number: `${world.hotelA.code}-${new Date().getFullYear()}-000001`,
      status: 'new',
      channel: 'whatsapp',
      guestName: 'Ayşe Yılmaz',
      contact: '+905321112233',
      requestText: 'Merhaba, 3 gece için fiyat alabilir miyim? Şükran',
    });
  });

  it('the same guest on another channel (a missed call from the same phone) lands on the same case', async () => {
    const body = JSON.stringify({
      callId: 'call-777',
      callerNumber: '0532 111 22 33',
      calledNumber: '+902420000001',
      direction: 'in',
      startedAt: new Date().toISOString(),
      durationSeconds: 0,
      outcome: 'missed',
    });
    const response = await post(`/intake/calls/${PBX_KEY}`, body, { 'x-baton-signature': sign(body, PBX_SECRET) });
    expect(response.status).toBeLessThan(300);
    const cases = await eventually(casesOf, (c) => c[0]?.messages.length === 2);
    expect(cases).toHaveLength(1);
    expect(cases[0].messages.map((m) => [m.channel, m.contentType])).toEqual([
      ['whatsapp', 'text'],
      ['phone', 'call'],
    ]);
  });

  it('an agent reply goes to the provider, and out-of-order statuses never move it backwards', async () => {
    const [kase] = await casesOf();
    const reply = await api.gql<{ replyToCase: { deliveryStatus: string } }>(
      `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { deliveryStatus } }`,
      { input: { hotelId: world.hotelA.id, caseId: kase.id, body: 'Merhaba Ayşe Hanım, tabii ki! 🌊' } },
      tokens.agentA,
    );
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.replyToCase.deliveryStatus).toBe('queued');
    const sent = await eventually(casesOf, (c) => c[0].messages.some((m) => m.deliveryStatus === 'sent'));
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({
      path: `/${PHONE_NUMBER_ID}/messages`,
      authorization: 'Bearer wa-access-token',
      body: { to: '905321112233', text: { body: 'Merhaba Ayşe Hanım, tabii ki! 🌊' } },
    });
    const out = sent[0].messages.find((m) => m.direction === 'outbound' && m.contentType === 'text')!;
    expect(out.providerMessageId).toBe('wamid.out-1');
    expect(sent[0].firstResponseSeconds).not.toBeNull();
    expect(sent[0].messageRounds).toBe(1);

    const now = Math.floor(Date.now() / 1000);
    expect((await sendWhatsApp(statusBody('wamid.out-1', 'read', now + 2))).status).toBe(200);
    expect((await sendWhatsApp(statusBody('wamid.out-1', 'delivered', now + 1))).status).toBe(200);
    await eventually(casesOf, (c) => c[0].messages.some((m) => m.deliveryStatus === 'read'));
    await new Promise((r) => setTimeout(r, 800));
    const final = (await casesOf())[0].messages.find((m) => m.providerMessageId === 'wamid.out-1');
    expect(final?.deliveryStatus).toBe('read');
  });

  it('a provider refusal is visible on the message and can be retried', async () => {
    const [kase] = await casesOf();
    stub.next.push(400);
    await api.gql(
      `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`,
      { input: { hotelId: world.hotelA.id, caseId: kase.id, body: 'İkinci mesaj' } },
      tokens.agentA,
    );
    const failed = await eventually(casesOf, (c) => c[0].messages.some((m) => m.deliveryStatus === 'failed'));
    const message = failed[0].messages.find((m) => m.deliveryStatus === 'failed')!;
    expect(message.lastError).toMatch(/Invalid recipient/);
    const ids = await api.gql<{ case: { messages: Array<{ id: string; deliveryStatus: string }> } }>(
      `query($hotelId: ID!, $id: ID!) { case(hotelId: $hotelId, id: $id) { messages { id deliveryStatus } } }`,
      { hotelId: world.hotelA.id, id: kase.id },
      tokens.agentA,
    );
    const failedId = ids.data!.case.messages.find((m) => m.deliveryStatus === 'failed')!.id;
    const retried = await api.gql<{ retryMessage: { deliveryStatus: string } }>(
      `mutation($hotelId: ID!, $messageId: ID!) { retryMessage(hotelId: $hotelId, messageId: $messageId) { deliveryStatus } }`,
      { hotelId: world.hotelA.id, messageId: failedId },
      tokens.agentA,
    );
    expect(retried.data?.retryMessage.deliveryStatus).toBe('queued');
    const resent = await eventually(casesOf, (c) =>
      c[0].messages.some((m) => m.body === 'İkinci mesaj' && m.deliveryStatus === 'sent'),
    );
    expect(resent[0].messages.find((m) => m.body === 'İkinci mesaj')).toMatchObject({ attempts: 2, lastError: null });
    expect(stub.requests.filter((r) => r.body.text?.body === 'İkinci mesaj')).toHaveLength(2);
  });

  it('a transient provider error is retried with backoff', async () => {
    const [kase] = await casesOf();
    stub.next.push(503);
    await api.gql(
      `mutation($input: ReplyToCaseInput!) { replyToCase(input: $input) { id } }`,
      { input: { hotelId: world.hotelA.id, caseId: kase.id, body: 'Üçüncü mesaj' } },
      tokens.agentA,
    );
    const done = await eventually(
      casesOf,
      (c) => c[0].messages.some((m) => m.body === 'Üçüncü mesaj' && m.deliveryStatus === 'sent'),
      20000,
    );
    expect(done[0].messages.find((m) => m.body === 'Üçüncü mesaj')?.attempts).toBeGreaterThanOrEqual(1);
  });

  it('another hotel sees none of it: the case id answers NOT_FOUND like a random id', async () => {
    const [kase] = await casesOf();
    const q = `query($hotelId: ID!, $id: ID!) { case(hotelId: $hotelId, id: $id) { id } }`;
    const foreign = await api.gql(q, { hotelId: world.hotelA.id, id: kase.id }, tokens.adminB);
    const missing = await api.gql(q, { hotelId: world.hotelA.id, id: randomUUID() }, tokens.adminB);
    expect(foreign.errors?.[0]).toMatchObject({ message: missing.errors?.[0].message });
    expect(foreign.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const list = await api.gql<{ cases: { totalCount: number } }>(
      `query($hotelId: ID!) { cases(hotelId: $hotelId) { totalCount } }`,
      { hotelId: world.hotelB.id },
      tokens.adminB,
    );
    expect(list.data?.cases.totalCount).toBe(0);
  });
});

describe('a webhook stored while no worker runs is processed once after a restart', () => {
  it('API-only process stores, a later worker process turns it into exactly one case', async () => {
    const db = await createTestDatabase();
    const world = await createWorld(db);
    const apiOnly = await startTestApi({ db, role: 'api' });
    try {
      const tokens = await loginAll(apiOnly, world);
      const saved = await apiOnly.gql(
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
      const body = whatsappBody('905550001122', 'Mehmet Öztürk', 'wamid.restart-1', 'Grup rezervasyonu, 20 oda');
      const deliver = () =>
        fetch(`${apiOnly.url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, APP_SECRET) },
          body,
        });
      expect((await deliver()).status).toBe(200);
      const pending = await withClient(db.ownerUrl, (c) =>
        c.query(`SELECT processed_at FROM inbound_event WHERE external_id = 'wamid.restart-1'`),
      );
      expect(pending.rows).toEqual([{ processed_at: null }]);
    } finally {
      await apiOnly.close({ keepDb: true });
    }

    const worker = await startTestApi({ db, role: 'all', env: { INTAKE_SWEEP_MS: '300' } });
    try {
      const count = () =>
        withClient(db.ownerUrl, async (c) => {
          const cases = await c.query(`SELECT count(*)::int AS n FROM guest_case WHERE tenant_id = $1`, [
            world.hotelA.id,
          ]);
          const messages = await c.query(`SELECT count(*)::int AS n FROM case_message WHERE tenant_id = $1`, [
            world.hotelA.id,
          ]);
          return { cases: cases.rows[0].n as number, messages: messages.rows[0].n as number };
        });
      await eventually(count, (n) => n.cases === 1);
      const body = whatsappBody('905550001122', 'Mehmet Öztürk', 'wamid.restart-1', 'Grup rezervasyonu, 20 oda');
      const again = await fetch(`${worker.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body, APP_SECRET) },
        body,
      });
      expect(again.status).toBe(200);
      await new Promise((r) => setTimeout(r, 800));
      expect(await count()).toEqual({ cases: 1, messages: 1 });
    } finally {
      await worker.close({ keepDb: true });
      await db.drop();
    }
  });
});
