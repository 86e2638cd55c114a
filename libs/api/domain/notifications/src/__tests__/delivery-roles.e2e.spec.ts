import { createTestDatabase, createWorld, startTestApi, TestApi, TestDatabase, World } from '@baton/api/testing';
import { eventually, NotificationsHarness, sleep } from './notifications-harness';
import { startWebhookReceiver, WebhookReceiver } from './webhook-receiver';

/** The DeliveryWorker runs where ScheduleModule runs: worker processes, never api-only ones. */
describe('DeliveryWorker process roles (e2e)', () => {
  let db: TestDatabase;
  let world: World;
  let receiver: WebhookReceiver;
  const h = new NotificationsHarness();
  const started: TestApi[] = [];
  const env = { DELIVERY_POLL_MS: '100', DELIVERY_ALLOW_PRIVATE_TARGETS: 'true' };

  beforeAll(async () => {
    db = await createTestDatabase();
    world = await createWorld(db);
    receiver = await startWebhookReceiver();
    await h.start({ db, world });
  });
  afterAll(async () => {
    await Promise.all(started.map((api) => api.close()));
    await h.stop();
    await receiver.close();
    await db.drop();
  });

  it('an api-only process never sends; a worker process picks the queued delivery up', async () => {
    started.push(await startTestApi({ db, role: 'api', env }));
    const queued = await h.run(world.hotelA.id, (ctx) =>
      h.deliveries.enqueue(ctx, {
        hotelId: world.hotelA.id,
        channel: 'webhook',
        target: `${receiver.url}/roles`,
        payload: { ok: true },
        idempotencyKey: 'roles-1',
      }),
    );
    await sleep(1500);
    expect(await h.delivery(queued.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(receiver.on('/roles')).toEqual([]);

    started.push(await startTestApi({ db, role: 'worker', env }));
    const sent = await eventually(async () => {
      const row = await h.delivery(queued.id);
      return row.state === 'sent' ? row : undefined;
    }, 15_000);
    expect(sent).toMatchObject({ attempts: 1, last_status: 200 });
    expect(receiver.on('/roles')).toHaveLength(1);
  });
});
