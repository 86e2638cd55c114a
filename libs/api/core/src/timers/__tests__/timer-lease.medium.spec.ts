import { randomUUID } from 'node:crypto';
import { claimDue } from '../timer-store';
import { past, TimerHarness } from './timer-harness';

/** The claim is a lease: a stalled handler or a vanished worker cannot keep timers from firing. */
describe('durable timer lease (medium)', () => {
  const h = new TimerHarness();
  beforeAll(async () => {
    await h.start();
    h.handlers.register('test.record', async () => undefined);
    h.handlers.register('test.hang', () => new Promise<void>(() => undefined));
  });
  afterAll(() => h.stop());
  beforeEach(() => h.owner('TRUNCATE durable_timer, durable_timer_firing'));

  it('a handler that outlives its share of the lease fails that timer only; the rest of the batch fires', async () => {
    const target = randomUUID();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.hang', targetId: target, key: 'hang', dueAt: past(2000) });
    for (const key of ['a', 'b', 'c']) {
      await h.schedule({ hotelId: h.hotelA.id, kind: 'test.record', targetId: target, key, dueAt: past(1000) });
    }
    const started = Date.now();
    expect(await h.runner({ TIMER_LEASE_MS: 1000, TIMER_BATCH_SIZE: 10 }).drain()).toEqual({ fired: 3, failed: 1 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await h.timer(h.hotelA.id, target, 'hang')).toMatchObject({
      attempts: 1,
      last_error: expect.stringContaining('longer than 500 ms'),
    });
    expect(await h.firings()).toHaveLength(3);
  });

  it('a claiming transaction that goes quiet past the lease is ended by Postgres and its timers fire elsewhere', async () => {
    const target = randomUUID();
    await h.schedule({ hotelId: h.hotelB.id, kind: 'test.record', targetId: target, dueAt: past() });
    let claimed = 0;
    // A worker that claimed the timer and then hangs (frozen process, lost network) with its transaction open.
    const stalled = h.run(h.hotelB.id, async (ctx) => {
      claimed = (await claimDue(ctx.tx, h.hotelB.id, 10, 700)).length;
      await new Promise((r) => setTimeout(r, 1500));
      await ctx.tx.query('SELECT 1');
    });
    const outcome = stalled.then(
      () => 'committed',
      () => 'ended',
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(claimed).toBe(1);
    const runner = h.runner();
    expect(await runner.drain()).toEqual({ fired: 0, failed: 0 }); // still held
    await new Promise((r) => setTimeout(r, 900));
    expect(await runner.drain()).toEqual({ fired: 1, failed: 0 });
    expect(await outcome).toBe('ended');
    expect(await h.firings()).toHaveLength(1);
  });
});
