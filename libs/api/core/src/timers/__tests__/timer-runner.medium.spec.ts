import { randomUUID } from 'node:crypto';
import { ActorKind } from '@baton/shared/contracts';
import type { RequestContext } from '../../context/request-context';
import type { FiredTimer } from '../durable-timers';
import { future, past, TimerHarness } from './timer-harness';

/** The firing side on real Postgres: exactly once, version re-check, failures, savepoints, unknown kinds. */
describe('TimerRunner (medium)', () => {
  const h = new TimerHarness();
  const seen: { ctx: RequestContext; timer: FiredTimer }[] = [];
  const published: string[] = [];
  let flakyFailures = 0;
  let release: (() => void) | null = null;

  beforeAll(async () => {
    await h.start();
    h.handlers.register('test.record', async (ctx, timer) => {
      seen.push({ ctx, timer });
    });
    h.handlers.register('test.flaky', async () => {
      if (flakyFailures > 0) {
        flakyFailures -= 1;
        throw new Error('provider down');
      }
    });
    h.handlers.register('test.broken', async () => {
      throw new Error('always broken');
    });
    // Writes a side effect (another timer) in the firing transaction, then fails when its payload says so.
    h.handlers.register('test.effect', async (ctx, timer) => {
      await h.timers.schedule(ctx, {
        hotelId: timer.hotelId,
        kind: 'test.side',
        targetId: timer.targetId,
        key: timer.key,
        dueAt: future(),
      });
      ctx.emit({ type: 'test.effect_fired', hotelId: timer.hotelId, targetId: timer.targetId, key: timer.key });
      ctx.afterCommit(() => published.push(timer.key));
      if (timer.payload.fail) {
        throw new Error(`effect ${timer.key} failed`);
      }
    });
    h.domainEvents.on('test.effect_fired', async (ctx, event) => {
      await h.timers.schedule(ctx, {
        hotelId: event.hotelId,
        kind: 'test.side',
        targetId: String(event.targetId),
        key: `${String(event.key)}:policy`,
        dueAt: future(),
      });
    });
    h.handlers.register('test.recurring', async (ctx, timer) => {
      const next = new Date(String(timer.payload.next));
      await h.timers.schedule(ctx, { ...timer, dueAt: next, payload: timer.payload });
    });
    h.handlers.register('test.blocking', async () => {
      await new Promise<void>((resolve) => (release = resolve));
    });
  });
  afterAll(() => h.stop());
  beforeEach(() => h.owner('TRUNCATE durable_timer, durable_timer_firing'));

  it('fires due timers of every hotel once, in a transaction of the hotel as timer:<kind>, and leaves future ones', async () => {
    seen.length = 0;
    const targets = { a: randomUUID(), b: randomUUID(), later: randomUUID() };
    await h.schedule({
      hotelId: h.hotelA.id,
      kind: 'test.record',
      targetId: targets.a,
      dueAt: past(),
      payload: { n: 1 },
    });
    await h.schedule({ hotelId: h.hotelB.id, kind: 'test.record', targetId: targets.b, dueAt: past() });
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.record', targetId: targets.later, dueAt: future() });
    const runner = h.runner();
    expect(await runner.drain()).toEqual({ fired: 2, failed: 0 });
    expect(await runner.drain()).toEqual({ fired: 0, failed: 0 });
    const a = seen.find((s) => s.timer.targetId === targets.a);
    expect(a?.timer).toMatchObject({ hotelId: h.hotelA.id, version: 1, payload: { n: 1 } });
    expect(a?.timer.idempotencyKey).toBe(`timer:${a?.timer.id}:1`);
    expect(a?.ctx.principal).toEqual({ kind: ActorKind.System, name: 'timer:test.record' });
    expect(a?.ctx.tenantIds).toEqual([h.hotelA.id]);
    expect(seen.find((s) => s.timer.targetId === targets.b)?.ctx.tenantIds).toEqual([h.hotelB.id]);
    const firings = await h.firings();
    expect(firings.map((f) => [f.tenant_id, f.timer_id, f.version, f.attempts, f.fired_by])).toEqual(
      expect.arrayContaining([
        [h.hotelA.id, a?.timer.id, 1, 0, runner.workerId],
        [h.hotelB.id, expect.any(String), 1, 0, runner.workerId],
      ]),
    );
    expect(firings).toHaveLength(2);
    expect(await h.timer(h.hotelA.id, targets.a)).toBeUndefined();
    expect(await h.timer(h.hotelA.id, targets.later)).toMatchObject({ version: 1, attempts: 0 });
    expect(await h.counter('timersFired', { kind: 'test.record' })).toBeGreaterThanOrEqual(2);
  });

  it('a deadline moved before the claim does not fire; one moved during the firing fires again at the new time', async () => {
    const moved = randomUUID();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.record', targetId: moved, dueAt: past() });
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.record', targetId: moved, dueAt: future() });
    expect(await h.runner().drain()).toEqual({ fired: 0, failed: 0 });

    const racing = randomUUID();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.blocking', targetId: racing, dueAt: past() });
    const firing = h.runner().drain();
    while (!release) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // The move waits for the firing transaction's row lock, then arms version 2.
    const newDue = future(5000);
    const move = h.schedule({ hotelId: h.hotelA.id, kind: 'test.blocking', targetId: racing, dueAt: newDue });
    await new Promise((r) => setTimeout(r, 100));
    release?.();
    release = null;
    expect(await firing).toEqual({ fired: 1, failed: 0 });
    await move;
    expect(await h.timer(h.hotelA.id, racing)).toMatchObject({ version: 2, due_at: newDue });
    expect((await h.firings(racing)).map((f) => f.version)).toEqual([1]);
  });

  it('a failing handler is retried with backoff and its firing record counts the failed attempts', async () => {
    flakyFailures = 2;
    const target = randomUUID();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.flaky', targetId: target, dueAt: past() });
    const runner = h.runner();
    expect(await runner.drain()).toEqual({ fired: 0, failed: 1 });
    const failed = await h.timer(h.hotelA.id, target);
    expect(failed).toMatchObject({ attempts: 1, last_error: 'provider down', dead_at: null });
    // first retry after about a second
    expect(failed!.run_at.getTime() - Date.now()).toBeGreaterThan(500);
    expect(await runner.drain()).toEqual({ fired: 0, failed: 0 });
    await h.makeDue();
    expect(await runner.drain()).toEqual({ fired: 0, failed: 1 });
    await h.makeDue();
    expect(await runner.drain()).toEqual({ fired: 1, failed: 0 });
    expect(await h.timer(h.hotelA.id, target)).toBeUndefined();
    expect((await h.firings(target)).map((f) => f.attempts)).toEqual([2]);
  });

  it('after the last attempt a timer is dead with its last error, counted and never retried', async () => {
    const target = randomUUID();
    await h.schedule({ hotelId: h.hotelB.id, kind: 'test.broken', targetId: target, dueAt: past() });
    const runner = h.runner({ TIMER_MAX_ATTEMPTS: 3 });
    const before = await h.counter('timerFailures', { kind: 'test.broken', outcome: 'dead' });
    for (let attempt = 0; attempt < 3; attempt++) {
      await h.makeDue();
      expect(await runner.drain()).toEqual({ fired: 0, failed: 1 });
    }
    expect(await h.timer(h.hotelB.id, target)).toMatchObject({
      attempts: 3,
      dead_at: expect.any(Date),
      last_error: 'always broken',
    });
    await h.makeDue();
    expect(await runner.drain()).toEqual({ fired: 0, failed: 0 });
    expect(await h.counter('timerFailures', { kind: 'test.broken', outcome: 'dead' })).toBe(before + 1);
    expect(await h.firings()).toEqual([]);
  });

  it('one failing handler rolls back only its own writes (savepoint); the rest of the batch commits', async () => {
    const target = randomUUID();
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
      await h.schedule({
        hotelId: h.hotelA.id,
        kind: 'test.effect',
        targetId: target,
        key,
        dueAt: past(),
        payload: key === 'k3' ? { fail: true } : {},
      });
    }
    published.length = 0;
    expect(await h.runner({ TIMER_BATCH_SIZE: 10 }).drain()).toEqual({ fired: 4, failed: 1 });
    const rows = await h.owner<{ kind: string; key: string; attempts: number }>(
      `SELECT kind, key, attempts FROM durable_timer WHERE target_id = $1 ORDER BY kind, key`,
      [target],
    );
    const effects = rows.filter((r) => r.kind === 'test.side').map((r) => r.key);
    expect(effects).toEqual(['k1', 'k1:policy', 'k2', 'k2:policy', 'k4', 'k4:policy', 'k5', 'k5:policy']);
    // k3 still pending with its failed attempt; the others fired (out of durable_timer, in the history)
    expect(rows.filter((r) => r.kind === 'test.effect')).toEqual([{ kind: 'test.effect', key: 'k3', attempts: 1 }]);
    expect((await h.firings(target)).map((f) => f.key).sort()).toEqual(['k1', 'k2', 'k4', 'k5']);
    // after-commit work only for the timers whose writes were kept, once each
    expect(published).toEqual(['k1', 'k2', 'k4', 'k5']);
    expect(await h.firings()).toHaveLength(4);
  });

  it('a kind no handler here knows is postponed without counting an attempt', async () => {
    const target = randomUUID();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.unknown', targetId: target, dueAt: past() });
    expect(await h.runner().drain()).toEqual({ fired: 0, failed: 0 });
    const row = await h.timer(h.hotelA.id, target);
    expect(row).toMatchObject({ attempts: 0, last_error: expect.stringContaining('test.unknown') });
    expect(row!.run_at.getTime() - Date.now()).toBeGreaterThan(30_000);
    expect(await h.counter('timerFailures', { kind: 'test.unknown', outcome: 'unknown_kind' })).toBe(1);
  });

  it('a handler that schedules its own timer anew (a recurring schedule) keeps the new version pending', async () => {
    const target = randomUUID();
    const next = future(60_000);
    await h.schedule({
      hotelId: h.hotelA.id,
      kind: 'test.recurring',
      targetId: target,
      dueAt: past(),
      payload: { next },
    });
    expect(await h.drain()).toEqual({ fired: 1, failed: 0 });
    expect(await h.timer(h.hotelA.id, target)).toMatchObject({ version: 2, due_at: next });
    expect((await h.firings(target)).map((f) => f.version)).toEqual([1]);
  });

  it('two runners draining 1,500 timers of two hotels at once fire each exactly once', async () => {
    await h.owner(
      `INSERT INTO durable_timer (tenant_id, kind, target_id, key, due_at, run_at)
       SELECT h, 'test.record', 'bulk-' || g, '', now() - interval '1 s', now() - interval '1 s'
         FROM unnest($1::uuid[]) h, generate_series(1, 750) g`,
      [[h.hotelA.id, h.hotelB.id]],
    );
    const [one, two] = [h.runner({ TIMER_BATCH_SIZE: 50 }), h.runner({ TIMER_BATCH_SIZE: 50 })];
    const results = await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    expect(results.reduce((sum, r) => sum + r.fired, 0)).toBe(1500);
    const [check] = await h.owner<{ pending: number; firings: number; distinct: number }>(
      `SELECT (SELECT count(*)::int FROM durable_timer) AS pending,
              (SELECT count(*)::int FROM durable_timer_firing) AS firings,
              (SELECT count(DISTINCT timer_id)::int FROM durable_timer_firing) AS distinct`,
    );
    expect(check).toEqual({ pending: 0, firings: 1500, distinct: 1500 });
  });
});
