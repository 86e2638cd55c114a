import { collect, createWorld, startTestApi, TestApi, World, wsClient } from '@baton/api/testing';

/** Process roles, structured logs and graceful shutdown of the real built process. */
describe('process lifecycle (e2e)', () => {
  it('a worker serves health and metrics, runs its scheduler, and has no GraphQL', async () => {
    const worker = await startTestApi({ role: 'worker' });
    try {
      expect((await fetch(`${worker.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${worker.url}/health/ready`)).status).toBe(200);
      const graphql = await fetch(`${worker.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      expect(graphql.status).toBe(404);
      await new Promise((r) => setTimeout(r, 1500));
      const metrics = await (await fetch(`${worker.url}/metrics`)).text();
      expect(Number(/^baton_worker_ticks_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(0);
    } finally {
      await worker.close();
    }
  });

  describe('api', () => {
    let api: TestApi;
    let world: World;
    beforeAll(async () => {
      api = await startTestApi({ env: { LOG_LEVEL: 'info' } });
      world = await createWorld(api.db);
    });
    afterAll(() => api.close());

    it('logs JSON lines with the request id (taken from X-Request-Id) and the tenant scope', async () => {
      const token = await api.login(world.users.agentA.email);
      const res = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': 'req-test-12345678',
        },
        body: JSON.stringify({ query: '{ hotels { id } }' }),
      });
      expect(res.headers.get('x-request-id')).toBe('req-test-12345678');
      await new Promise((r) => setTimeout(r, 200));
      const line = api
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.requestId === 'req-test-12345678');
      expect(line).toMatchObject({ requestId: 'req-test-12345678', tenantIds: [world.hotelA.id], principal: 'user' });
      expect(JSON.stringify(line)).not.toContain(token);
    });

    it('drains on SIGTERM: open sockets are closed and the process exits 0 within the grace period', async () => {
      const token = await api.login(world.users.agentA.email);
      const closes: number[] = [];
      const client = wsClient(api.wsUrl, token, (code) => closes.push(code));
      const feed = collect(client, 'subscription($h: ID!) { hotelActivity(hotelId: $h) { id } }', {
        h: world.hotelA.id,
      });
      await new Promise((r) => setTimeout(r, 300));
      const exited = new Promise<number | null>((done) => api.process.once('exit', (code) => done(code)));
      const started = Date.now();
      api.process.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(5000);
      await feed.done;
      expect(closes.length).toBeGreaterThan(0);
      await client.dispose();
    });
  });
});
