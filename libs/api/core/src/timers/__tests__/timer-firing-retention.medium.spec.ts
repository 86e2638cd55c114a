import { randomUUID } from 'node:crypto';
import { deleteExpiredFirings, TimerFiringRetention } from '../timer-firing-retention';
import { past, TimerHarness } from './timer-harness';

/**
 * Retention of firing records on real Postgres as the app role (forced RLS): records are made by firing real timers,
 * then aged through the owner connection.
 */
describe('TimerFiringRetention (medium)', () => {
  const h = new TimerHarness();

  beforeAll(async () => {
    await h.start();
    h.handlers.register('test.retention', async () => undefined);
  });
  afterAll(() => h.stop());
  beforeEach(() => h.owner('TRUNCATE durable_timer, durable_timer_firing'));

  const retention = (days = 30) =>
    new TimerFiringRetention(h.config({ TIMER_FIRING_RETENTION_DAYS: days }), h.transactions);

  /** Fires `count` timers of the hotel and backdates their firing records by `ageDays`; returns their targets. */
  async function firedRecords(hotelId: string, count: number, ageDays: number): Promise<string[]> {
    const targets = Array.from({ length: count }, () => randomUUID());
    for (const targetId of targets) {
      await h.schedule({ hotelId, kind: 'test.retention', targetId, dueAt: past() });
    }
    await h.drain();
    await h.owner(
      `UPDATE durable_timer_firing SET fired_at = now() - make_interval(days => $2)
        WHERE tenant_id = $1 AND target_id = ANY($3::text[])`,
      [hotelId, ageDays, targets],
    );
    return targets;
  }

  const remaining = async (hotelId: string): Promise<string[]> =>
    (
      await h.owner<{ target_id: string }>(
        `SELECT target_id FROM durable_timer_firing WHERE tenant_id = $1 ORDER BY target_id`,
        [hotelId],
      )
    ).map((r) => r.target_id);

  it('deletes the records older than the retention, keeps recent ones, and leaves a hotel with none due alone', async () => {
    const oldA = await firedRecords(h.hotelA.id, 3, 31);
    const recentA = await firedRecords(h.hotelA.id, 2, 29);
    const recentB = await firedRecords(h.hotelB.id, 2, 1);

    expect(await retention(30).prune()).toEqual({ deleted: oldA.length, hotels: 1, failed: 0 });

    expect(await remaining(h.hotelA.id)).toEqual([...recentA].sort());
    expect(await remaining(h.hotelB.id)).toEqual([...recentB].sort());
    // Nothing more is due: a second run deletes nothing.
    expect(await retention(30).prune()).toEqual({ deleted: 0, hotels: 0, failed: 0 });
  });

  it("prunes every hotel's expired records, each hotel in batches of its own", async () => {
    await firedRecords(h.hotelA.id, 5, 40);
    await firedRecords(h.hotelB.id, 3, 40);
    const recentB = await firedRecords(h.hotelB.id, 1, 2);

    // Batches of 2: hotel A takes three transactions (2 + 2 + 1), hotel B two (2 + 1).
    expect(await retention(30).prune({ batchSize: 2 })).toEqual({ deleted: 8, hotels: 2, failed: 0 });

    expect(await remaining(h.hotelA.id)).toEqual([]);
    expect(await remaining(h.hotelB.id)).toEqual(recentB);
  });

  it('stops a hotel at the per-run bound and deletes the rest on the next run, oldest first', async () => {
    await firedRecords(h.hotelA.id, 4, 90);
    const old = await firedRecords(h.hotelA.id, 2, 60);

    expect(await retention(30).prune({ batchSize: 2, maxBatchesPerHotel: 2 })).toMatchObject({ deleted: 4 });
    expect(await remaining(h.hotelA.id)).toEqual([...old].sort());

    expect(await retention(30).prune({ batchSize: 2, maxBatchesPerHotel: 2 })).toMatchObject({ deleted: 2 });
    expect(await remaining(h.hotelA.id)).toEqual([]);
  });

  it('follows TIMER_FIRING_RETENTION_DAYS', async () => {
    await firedRecords(h.hotelA.id, 1, 10);
    const threeDaysOld = await firedRecords(h.hotelA.id, 1, 3);

    expect(await retention(30).prune()).toMatchObject({ deleted: 0 });
    expect(await retention(7).prune()).toMatchObject({ deleted: 1 });
    expect(await remaining(h.hotelA.id)).toEqual(threeDaysOld);
  });

  it("cannot delete another hotel's records: RLS scopes the delete to the transaction's hotel", async () => {
    const oldB = await firedRecords(h.hotelB.id, 2, 40);

    const deleted = await h.run(h.hotelA.id, (ctx) => deleteExpiredFirings(ctx.tx, h.hotelB.id, 30, 100));

    expect(deleted).toBe(0);
    expect(await remaining(h.hotelB.id)).toEqual([...oldB].sort());
  });
});
