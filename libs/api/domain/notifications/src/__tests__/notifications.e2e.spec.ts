import { randomUUID } from 'node:crypto';
import {
  collect,
  createWorld,
  GqlResult,
  loginAll,
  SmtpSink,
  startSmtpSink,
  startTestApi,
  TestApi,
  World,
  wsClient,
} from '@baton/api/testing';
import { NotificationChannel } from '@baton/shared/contracts';
import { webhookSignature } from '../services/delivery-policy';
import { FlakyProxy, startFlakyProxy } from './flaky-proxy';
import { eventually, NotificationsHarness, sleep } from './notifications-harness';
import { startWebhookReceiver, WebhookReceiver } from './webhook-receiver';

const NOTIFICATION_FIELDS = 'id hotelId kind title body caseId ticketId createdAt readAt';
const DELIVERY_FIELDS = `id hotelId channel target subject state attempts maxAttempts nextAttemptAt lastError lastStatus
  signed sourceKind sourceId sentAt deadAt createdAt updatedAt`;
const NOTIFICATIONS = `query($h: ID, $unread: Boolean) { notifications(hotelId: $h, unreadOnly: $unread, first: 50) {
  nodes { ${NOTIFICATION_FIELDS} } endCursor hasNextPage } }`;
const UNREAD = `query($h: ID) { unreadNotificationCount(hotelId: $h) }`;
const MARK_READ = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`;
const EVENTS = `subscription($h: ID!) { notificationEvents(hotelId: $h) { kind hotelId readIds allRead
  notification { ${NOTIFICATION_FIELDS} } } }`;
const DELIVERIES = `query($h: ID!, $state: String) { deliveries(hotelId: $h, state: $state, first: 100) {
  nodes { ${DELIVERY_FIELDS} } endCursor hasNextPage } }`;
const RETRY = `mutation($h: ID!, $id: ID!) { retryDelivery(hotelId: $h, id: $id) { ${DELIVERY_FIELDS} } }`;

interface NotificationView {
  id: string;
  hotelId: string;
  title: string;
  caseId: string | null;
  readAt: string | null;
}
interface EventView {
  notificationEvents: { kind: string; readIds: string[]; notification: NotificationView | null };
}
interface DeliveryView {
  id: string;
  state: string;
  attempts: number;
  target: string;
  lastError: string | null;
  lastStatus: number | null;
  signed: boolean;
  nextAttemptAt: string | null;
}

const codes = (errors: unknown[]) =>
  (errors.flat() as Array<{ extensions?: { code?: string }; message?: string }>).map((e) => [
    e.extensions?.code,
    e.message,
  ]);
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions.code;

/**
 * Through the spawned API (role `all`: it also runs the delivery worker) with Redis pub/sub: `notify` runs in this
 * process on the same database and Redis (no GraphQL mutation creates notifications; SLA steps and rules do), and the
 * API's subscription, queries, worker and retry mutation are exercised over HTTP and WebSocket.
 */
describe('notifications and deliveries (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokens: Record<string, string>;
  let sink: SmtpSink;
  let smtp: FlakyProxy;
  let receiver: WebhookReceiver;
  const h = new NotificationsHarness();

  beforeAll(async () => {
    const redisUrl = process.env.BATON_TEST_REDIS_URL!;
    sink = await startSmtpSink();
    smtp = await startFlakyProxy(sink.port);
    receiver = await startWebhookReceiver();
    api = await startTestApi({
      role: 'all',
      redisUrl,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        DELIVERY_POLL_MS: '100',
        DELIVERY_BACKOFF_BASE_MS: '300',
        DELIVERY_BACKOFF_MAX_MS: '2000',
        DELIVERY_TIMEOUT_MS: '2000',
        DELIVERY_ALLOW_PRIVATE_TARGETS: 'true',
      },
    });
    world = await createWorld(api.db);
    tokens = await loginAll(api, world);
    await h.start({ db: api.db, world, redisUrl });
  });
  afterAll(async () => {
    await h.stop();
    await api?.close();
    await Promise.all([sink?.close(), smtp?.close(), receiver?.close()]);
  });

  const ok = async <T>(query: string, variables: Record<string, unknown>, who: string): Promise<T> => {
    const result = await api.gql<T>(query, variables, tokens[who]);
    if (result.errors || !result.data) {
      throw new Error(`${query.slice(0, 50)}… failed: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  };
  const list = async (who: string, hotelId: string | null = null) =>
    (await ok<{ notifications: { nodes: NotificationView[] } }>(NOTIFICATIONS, { h: hotelId }, who)).notifications
      .nodes;
  const deliveries = async (hotelId = world.hotelA.id, who = 'adminA') =>
    (await ok<{ deliveries: { nodes: DeliveryView[] } }>(DELIVERIES, { h: hotelId }, who)).deliveries.nodes;
  const delivery = (id: string, predicate: (d: DeliveryView) => boolean, timeoutMs = 15_000) =>
    eventually(async () => {
      const found = (await deliveries()).find((d) => d.id === id);
      return found && predicate(found) ? found : undefined;
    }, timeoutMs);

  it('notify: the recipient sees it by query and live, other users do not, and a retry notifies no one twice', async () => {
    const { users } = world;
    const hotelA = world.hotelA.id;
    const admin = wsClient(api.wsUrl, tokens.adminA);
    const agent = wsClient(api.wsUrl, tokens.agentA);
    const outsider = wsClient(api.wsUrl, tokens.adminB);
    const adminFeed = collect<EventView>(admin, EVENTS, { h: hotelA });
    const agentFeed = collect<EventView>(agent, EVENTS, { h: hotelA });
    const foreign = collect<EventView>(outsider, EVENTS, { h: hotelA });
    const missing = collect<EventView>(outsider, EVENTS, { h: randomUUID() });
    await Promise.all([foreign.done, missing.done]);
    expect(codes(foreign.errors)).toEqual([['NOT_FOUND', 'Hotel not found']]);
    expect(codes(missing.errors)).toEqual(codes(foreign.errors));
    await sleep(500); // the subscriptions reach the API's Redis topic

    const caseId = randomUUID();
    const notify = () =>
      h.notify({
        userIds: [users.adminA.id],
        channels: [NotificationChannel.InApp],
        idempotencyKey: 'e2e-sla-1',
        title: 'SLA: 30 dk kaldı',
        link: { caseId },
      });
    await notify();
    const [event] = await adminFeed.waitFor(1);
    expect(event.notificationEvents).toMatchObject({
      kind: 'created',
      notification: { hotelId: hotelA, title: 'SLA: 30 dk kaldı', caseId, readAt: null },
    });
    const mine = await list('adminA', hotelA);
    expect(mine.map((n) => n.id)).toEqual([event.notificationEvents.notification!.id]);
    expect((await list('adminA')).map((n) => n.id)).toEqual(mine.map((n) => n.id));
    expect(await ok(UNREAD, { h: hotelA }, 'adminA')).toEqual({ unreadNotificationCount: 1 });

    await notify();
    await sleep(400);
    expect(adminFeed.events).toHaveLength(1);
    expect(await list('adminA', hotelA)).toHaveLength(1);
    expect(agentFeed.events).toEqual([]);
    expect(await list('agentA', hotelA)).toEqual([]);
    expect(await ok(UNREAD, {}, 'agentA')).toEqual({ unreadNotificationCount: 0 });

    // Someone else's id is ignored; the owner marks it read and hears of it live.
    const id = mine[0].id;
    expect(await ok(MARK_READ, { input: { ids: [id] } }, 'agentA')).toEqual({ markNotificationsRead: 0 });
    expect(await ok(MARK_READ, { input: { ids: [id] } }, 'adminA')).toEqual({ markNotificationsRead: 1 });
    const [, read] = await adminFeed.waitFor(2);
    expect(read.notificationEvents).toMatchObject({ kind: 'read', readIds: [id], notification: null });
    expect(await ok(UNREAD, { h: hotelA }, 'adminA')).toEqual({ unreadNotificationCount: 0 });
    expect(
      (await ok<{ notifications: { nodes: unknown[] } }>(NOTIFICATIONS, { h: hotelA, unread: true }, 'adminA'))
        .notifications.nodes,
    ).toEqual([]);
    expect(codeOf(await api.gql(MARK_READ, { input: {} }, tokens.adminA))).toBe('BAD_USER_INPUT');
    [adminFeed, agentFeed].forEach((f) => f.stop());
    await Promise.all([admin.dispose(), agent.dispose(), outsider.dispose()]);
  });

  it("never shows hotel B's notifications to hotel A's users, and another hotel answers like a missing one", async () => {
    await h.notify({
      hotelId: world.hotelB.id,
      userIds: [world.users.adminB.id],
      channels: [NotificationChannel.InApp],
      idempotencyKey: 'e2e-b-1',
      title: 'Hotel B only',
    });
    expect((await list('adminB')).map((n) => n.title)).toEqual(['Hotel B only']);
    for (const who of ['adminA', 'agencyAdmin', 'agentA']) {
      expect((await list(who)).map((n) => n.hotelId)).not.toContain(world.hotelB.id);
    }
    const foreign = await api.gql(NOTIFICATIONS, { h: world.hotelB.id }, tokens.adminA);
    const unknown = await api.gql(NOTIFICATIONS, { h: randomUUID() }, tokens.adminA);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors?.[0].message).toBe(unknown.errors?.[0].message);
    expect(
      await ok(MARK_READ, { input: { all: true } }, 'adminA').then(async () => (await list('adminB'))[0].readAt),
    ).toBeNull();
  });

  it('e-mails a notification through SMTP, retrying while the server is down', async () => {
    smtp.down = true;
    await h.notify({
      userIds: [world.users.supervisorA.id],
      channels: [NotificationChannel.InApp, NotificationChannel.Email],
      idempotencyKey: 'e2e-mail-1',
      title: 'Şikayet: oda 204',
      body: 'Misafir klimadan şikayetçi.',
    });
    const [queued] = (await deliveries()).filter((d) => d.target === world.users.supervisorA.email);
    const failing = await delivery(queued.id, (d) => d.attempts >= 2);
    expect(failing).toMatchObject({ state: 'pending', lastStatus: null });
    expect(failing.lastError).toBeTruthy();
    expect(failing.nextAttemptAt).not.toBeNull();
    expect(smtp.dropped).toBeGreaterThanOrEqual(2);

    smtp.down = false;
    await sink.waitFor(1, 15_000);
    const [message] = sink.messages;
    expect(message.to).toEqual([world.users.supervisorA.email]);
    expect(message.subject).toBe('Şikayet: oda 204');
    expect(message.text).toContain('Misafir klimadan şikayetçi.');
    const sent = await delivery(queued.id, (d) => d.state === 'sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
    expect(sent.nextAttemptAt).toBeNull();
  });

  it('webhooks: signed, 5xx retried then sent, 4xx dead, and retryDelivery re-queues a dead one until it is sent', async () => {
    const hotelA = world.hotelA.id;
    const enqueue = (key: string) =>
      h.run(hotelA, (ctx) =>
        h.deliveries.enqueue(ctx, {
          hotelId: hotelA,
          channel: 'webhook',
          target: `${receiver.url}/${key}?token=abc`,
          payload: { event: 'ticket.opened', ticket: 'T-1' },
          secret: 'whsec-e2e',
          idempotencyKey: key,
          source: { kind: 'automation_rule', id: 'rule-1' },
        }),
      );
    receiver.script('/flaky', 500, 503);
    receiver.script('/rejected', 422);
    const flaky = await enqueue('flaky');
    const rejected = await enqueue('rejected');

    const sent = await delivery(flaky.id, (d) => d.state === 'sent');
    expect(sent).toMatchObject({ attempts: 3, lastStatus: 200, lastError: null, signed: true });
    expect(sent.target).toBe(`${receiver.url}/flaky?token=***`);
    const hits = receiver.on('/flaky');
    expect(hits).toHaveLength(3);
    expect(hits[2].at - hits[1].at).toBeGreaterThan(hits[1].at - hits[0].at);
    for (const hit of hits) {
      const timestamp = Number(hit.headers['x-baton-timestamp']);
      expect(hit.headers['x-baton-signature']).toBe(webhookSignature('whsec-e2e', timestamp, hit.body));
      expect(JSON.parse(hit.body)).toEqual({ event: 'ticket.opened', ticket: 'T-1' });
    }

    const dead = await delivery(rejected.id, (d) => d.state === 'dead');
    expect(dead).toMatchObject({ attempts: 1, lastStatus: 422, lastError: 'HTTP 422 Unprocessable Entity' });
    const retried = await ok<{ retryDelivery: DeliveryView }>(RETRY, { h: hotelA, id: rejected.id }, 'adminA');
    expect(retried.retryDelivery).toMatchObject({ id: rejected.id, state: 'pending', attempts: 0 });
    expect(await delivery(rejected.id, (d) => d.state === 'sent')).toMatchObject({ attempts: 1, lastStatus: 200 });
    expect(codeOf(await api.gql(RETRY, { h: hotelA, id: rejected.id }, tokens.adminA))).toBe('CONFLICT');
  });

  it('deliveries are for managers, never show secrets, and another hotel’s delivery is NOT_FOUND like a random id', async () => {
    for (const who of ['agentA', 'supervisorA', 'viewerA']) {
      expect(codeOf(await api.gql(DELIVERIES, { h: world.hotelA.id }, tokens[who]))).toBe('FORBIDDEN');
    }
    expect((await deliveries(world.hotelA.id, 'agencyAdmin')).length).toBeGreaterThan(0);
    const fields = await ok<{ __type: { fields: Array<{ name: string }> } }>(
      `{ __type(name: "Delivery") { fields { name } } }`,
      {},
      'adminA',
    );
    expect(fields.__type.fields.map((f) => f.name).filter((n) => /secret|payload|body/i.test(n))).toEqual([]);

    const inB = await h.run(world.hotelB.id, (ctx) =>
      h.deliveries.enqueue(ctx, {
        hotelId: world.hotelB.id,
        channel: 'webhook',
        target: `${receiver.url}/b`,
        idempotencyKey: 'b-dead',
      }),
    );
    await h.owner(`UPDATE delivery SET state = 'dead', next_attempt_at = now() + interval '1 day' WHERE id = $1`, [
      inB.id,
    ]);
    const viaA = await api.gql(RETRY, { h: world.hotelA.id, id: inB.id }, tokens.adminA);
    const random = await api.gql(RETRY, { h: world.hotelA.id, id: randomUUID() }, tokens.adminA);
    const namingB = await api.gql(RETRY, { h: world.hotelB.id, id: inB.id }, tokens.adminA);
    expect(codeOf(viaA)).toBe('NOT_FOUND');
    expect(viaA.errors?.[0].message).toBe(random.errors?.[0].message);
    expect(codeOf(namingB)).toBe('NOT_FOUND');
    expect((await deliveries(world.hotelA.id)).map((d) => d.id)).not.toContain(inB.id);
    expect(codeOf(await api.gql(DELIVERIES, { h: world.hotelB.id }, tokens.adminA))).toBe('NOT_FOUND');
    expect((await deliveries(world.hotelB.id, 'adminB')).map((d) => d.id)).toEqual([inB.id]);
  });
});
