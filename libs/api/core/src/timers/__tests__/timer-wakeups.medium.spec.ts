import { randomUUID } from 'node:crypto';
import { future, TimerHarness } from './timer-harness';

/** A started runner fires on time without waiting for a poll: nudged by schedule(), or woken for the next due row. */
describe('durable timer wake-ups (medium)', () => {
  const h = new TimerHarness();
  const firedAt = new Map<string, number>();
  beforeAll(async () => {
    await h.start();
    h.handlers.register('test.clock', async (_ctx, timer) => {
      firedAt.set(timer.targetId, Date.now());
    });
  });
  afterAll(() => h.stop());

  it('a timer scheduled in this process fires at its due time, not at the next poll', async () => {
    // A poll interval far longer than the test: only the wake-ups can fire the timers.
    const runner = h.runner({ TIMER_POLL_MS: 60_000 });
    runner.start();
    try {
      const nudged = randomUUID();
      const due = future(400);
      await h.schedule({ hotelId: h.hotelA.id, kind: 'test.clock', targetId: nudged, dueAt: due });
      // Written by another process (no nudge): found by the drain that the first wake-up runs, then woken for.
      const other = randomUUID();
      const otherDue = future(700);
      await h.owner(
        `INSERT INTO durable_timer (tenant_id, kind, target_id, key, due_at, run_at) VALUES ($1, 'test.clock', $2, '', $3, $3)`,
        [h.hotelB.id, other, otherDue],
      );
      await new Promise((r) => setTimeout(r, 1200));
      expect(firedAt.get(nudged)! - due.getTime()).toBeGreaterThanOrEqual(0);
      expect(firedAt.get(nudged)! - due.getTime()).toBeLessThan(300);
      expect(firedAt.get(other)! - otherDue.getTime()).toBeGreaterThanOrEqual(0);
      expect(firedAt.get(other)! - otherDue.getTime()).toBeLessThan(300);
    } finally {
      await runner.stop();
    }
  });
});
