import {
  collect,
  connectionOutcome,
  createTestDatabase,
  createWorld,
  startTestApi,
  TestApi,
  TestDatabase,
  World,
  wsClient,
} from '@baton/api/testing';

const SUBSCRIPTION = 'subscription($h: ID!) { hotelActivity(hotelId: $h) { id hotelId action actorName } }';
const rename = (hotelId: string, name: string) =>
  `mutation { updateHotelSettings(hotelId: "${hotelId}", input: { name: "${name}" }) { id } }`;

type Event = { hotelActivity: { hotelId: string; action: string; actorName: string } };

describe('hotelActivity subscription (e2e over graphql-ws)', () => {
  describe('one API process, in-process pub/sub', () => {
    let api: TestApi;
    let world: World;

    beforeAll(async () => {
      api = await startTestApi();
      world = await createWorld(api.db);
    });
    afterAll(() => api.close());

    it('delivers hotel A events to an agent of A and never hotel B events', async () => {
      const agentA = await api.login(world.users.agentA.email);
      const client = wsClient(api.wsUrl, agentA);
      const feed = collect<Event>(client, SUBSCRIPTION, { h: world.hotelA.id });
      await new Promise((r) => setTimeout(r, 300));
      const adminB = await api.login(world.users.adminB.email);
      const adminA = await api.login(world.users.adminA.email);
      expect((await api.gql(rename(world.hotelB.id, 'Beta 2'), {}, adminB)).errors).toBeUndefined();
      expect((await api.gql(rename(world.hotelA.id, 'Alpha 2'), {}, adminA)).errors).toBeUndefined();
      const events = await feed.waitFor(1);
      await new Promise((r) => setTimeout(r, 300));
      expect(events).toHaveLength(1);
      expect(events[0].hotelActivity).toMatchObject({
        hotelId: world.hotelA.id,
        action: 'hotel.settings_updated',
        actorName: 'admin-a',
      });
      feed.stop();
      await client.dispose();
    });

    it('refuses to subscribe to another hotel exactly like to a missing one', async () => {
      const agentA = await api.login(world.users.agentA.email);
      const client = wsClient(api.wsUrl, agentA);
      const foreign = collect<Event>(client, SUBSCRIPTION, { h: world.hotelB.id });
      await foreign.done;
      const missing = collect<Event>(client, SUBSCRIPTION, { h: '00000000-0000-4000-8000-000000000000' });
      await missing.done;
      const codes = (errors: unknown[]) =>
        (errors.flat() as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code);
      expect(codes(foreign.errors)).toEqual(['NOT_FOUND']);
      expect(codes(missing.errors)).toEqual(['NOT_FOUND']);
      await client.dispose();
    });

    it('closes the socket with 4403 for a missing, forged or revoked credential', async () => {
      expect(await connectionOutcome(api.wsUrl, null)).toEqual({ acked: false, code: 4403 });
      expect(await connectionOutcome(api.wsUrl, 'not-a-token')).toEqual({ acked: false, code: 4403 });
      expect(await connectionOutcome(api.wsUrl, 'bak_00000000-0000-4000-8000-000000000000.' + 'x'.repeat(43))).toEqual({
        acked: false,
        code: 4403,
      });
      const agentA = await api.login(world.users.agentA.email);
      expect(await connectionOutcome(api.wsUrl, agentA)).toEqual({ acked: true });
    });

    it('counts WebSocket connections in /metrics', async () => {
      const metrics = await (await fetch(`${api.url}/metrics`)).text();
      expect(metrics).toMatch(/^baton_ws_connections \d+/m);
      expect(metrics).toMatch(/^baton_ws_connections_refused_total [1-9]/m);
      expect(metrics).toMatch(/^baton_pubsub_lag_seconds_count\{adapter="memory"\} [1-9]/m);
    });
  });

  describe('two API processes sharing Redis', () => {
    let db: TestDatabase;
    let one: TestApi;
    let two: TestApi;
    let world: World;

    beforeAll(async () => {
      db = await createTestDatabase();
      world = await createWorld(db);
      const redisUrl = process.env.BATON_TEST_REDIS_URL!;
      [one, two] = await Promise.all([startTestApi({ db, redisUrl }), startTestApi({ db, redisUrl })]);
    });
    afterAll(async () => {
      await Promise.all([one?.close(), two?.close()]);
      await db.drop();
    });

    it('delivers an event published on one instance to a subscriber of the other, tenant-keyed', async () => {
      const agentA = await one.login(world.users.agentA.email);
      const agentB = await one.login(world.users.agentB.email);
      const clientA = wsClient(one.wsUrl, agentA);
      const clientB = wsClient(one.wsUrl, agentB);
      const feedA = collect<Event>(clientA, SUBSCRIPTION, { h: world.hotelA.id });
      const feedB = collect<Event>(clientB, SUBSCRIPTION, { h: world.hotelB.id });
      await new Promise((r) => setTimeout(r, 500));
      const adminA = await two.login(world.users.adminA.email);
      expect((await two.gql(rename(world.hotelA.id, 'Across'), {}, adminA)).errors).toBeUndefined();
      const events = await feedA.waitFor(1);
      expect(events[0].hotelActivity.hotelId).toBe(world.hotelA.id);
      await new Promise((r) => setTimeout(r, 300));
      expect(feedB.events).toEqual([]);
      const ready = (await (await fetch(`${one.url}/health/ready`)).json()) as { checks: Record<string, string> };
      expect(ready.checks).toMatchObject({ database: 'up', redis: 'up' });
      feedA.stop();
      feedB.stop();
      await Promise.all([clientA.dispose(), clientB.dispose()]);
    });
  });
});
