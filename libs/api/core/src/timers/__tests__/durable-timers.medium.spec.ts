import { randomUUID } from 'node:crypto';
import { withClient } from '@baton/api/testing';
import { ErrorCode } from '@baton/shared/contracts';
import { BatonError } from '../../errors/baton-error';
import { future, past, TimerHarness } from './timer-harness';

/** DurableTimers on real Postgres as the app role: schedule, move, cancel, list, and the tenant wall around them. */
describe('DurableTimers (medium)', () => {
  const h = new TimerHarness();
  beforeAll(async () => {
    await h.start();
    h.handlers.register('test.kind', async () => undefined);
  });
  afterAll(() => h.stop());

  it('writes the timer in the caller transaction: a rollback drops it', async () => {
    const target = randomUUID();
    await expect(
      h.run(h.hotelA.id, async (ctx) => {
        await h.timers.schedule(ctx, {
          hotelId: h.hotelA.id,
          kind: 'test.kind',
          targetId: target,
          key: 'k',
          dueAt: future(),
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await h.timer(h.hotelA.id, target, 'k')).toBeUndefined();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.kind', targetId: target, key: 'k', dueAt: future() });
    expect(await h.timer(h.hotelA.id, target, 'k')).toMatchObject({ version: 1, attempts: 0, dead_at: null });
  });

  it('moving the deadline bumps the version; the same deadline again changes nothing', async () => {
    const target = randomUUID();
    const first = future(60_000);
    const spec = { hotelId: h.hotelA.id, kind: 'test.kind', targetId: target, key: 'reminder', dueAt: first };
    await h.schedule(spec);
    await h.schedule(spec);
    expect(await h.timer(h.hotelA.id, target, 'reminder')).toMatchObject({ version: 1, due_at: first });
    const moved = future(120_000);
    await h.schedule({ ...spec, dueAt: moved });
    expect(await h.timer(h.hotelA.id, target, 'reminder')).toMatchObject({ version: 2, due_at: moved, run_at: moved });
    await h.schedule({ ...spec, dueAt: moved, payload: { step: 'final' } });
    expect(await h.timer(h.hotelA.id, target, 'reminder')).toMatchObject({ version: 3 });
  });

  it('a fired deadline stays fired; a new deadline arms the same timer again as its next version', async () => {
    const target = randomUUID();
    const due = past();
    const spec = { hotelId: h.hotelA.id, kind: 'test.kind', targetId: target, key: '', dueAt: due };
    await h.schedule(spec);
    const [first] = await h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, h.hotelA.id, target));
    await h.drain();
    expect(await h.timer(h.hotelA.id, target)).toBeUndefined();
    await h.schedule(spec);
    expect(await h.timer(h.hotelA.id, target)).toBeUndefined();
    expect(await h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, h.hotelA.id, target))).toEqual([
      { ...first, firedAt: expect.any(Date) },
    ]);
    const later = future();
    await h.schedule({ ...spec, dueAt: later });
    expect(await h.timer(h.hotelA.id, target)).toMatchObject({ id: first.id, version: 2, due_at: later });
    expect(await h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, h.hotelA.id, target))).toEqual([
      { ...first, version: 2, dueAt: later, firedAt: null },
    ]);
  });

  it('cancels the pending timers of a kind (or one key), keeps fired ones, and reports how many', async () => {
    const target = randomUUID();
    for (const key of ['a', 'b', 'c']) {
      await h.schedule({ hotelId: h.hotelA.id, kind: 'test.kind', targetId: target, key, dueAt: future() });
    }
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.other', targetId: target, key: 'a', dueAt: future() });
    await h.owner(`UPDATE durable_timer SET run_at = now() - interval '1 s' WHERE target_id = $1 AND key = 'c'`, [
      target,
    ]);
    await h.drain();
    expect(await h.run(h.hotelA.id, (ctx) => h.timers.cancel(ctx, h.hotelA.id, 'test.kind', target, 'a'))).toBe(1);
    expect(await h.run(h.hotelA.id, (ctx) => h.timers.cancel(ctx, h.hotelA.id, 'test.kind', target))).toBe(1);
    const left = await h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, h.hotelA.id, target));
    expect(left.map((t) => `${t.kind}/${t.key}/${t.firedAt ? 'fired' : 'pending'}`).sort()).toEqual([
      'test.kind/c/fired',
      'test.other/a/pending',
    ]);
  });

  it('lists a target soonest first with version and fired time', async () => {
    const target = randomUUID();
    const soon = future(1000);
    const late = future(9000);
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.kind', targetId: target, key: 'late', dueAt: late });
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.kind', targetId: target, key: 'soon', dueAt: soon });
    const rows = await h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, h.hotelA.id, target));
    expect(rows).toEqual([
      {
        id: expect.any(String),
        kind: 'test.kind',
        targetId: target,
        key: 'soon',
        dueAt: soon,
        version: 1,
        firedAt: null,
      },
      {
        id: expect.any(String),
        kind: 'test.kind',
        targetId: target,
        key: 'late',
        dueAt: late,
        version: 1,
        firedAt: null,
      },
    ]);
  });

  it('rejects invalid kinds and dates', async () => {
    const spec = { hotelId: h.hotelA.id, kind: 'Bad Kind', targetId: randomUUID(), key: '', dueAt: future() };
    await expect(h.schedule(spec)).rejects.toMatchObject({ code: ErrorCode.BadUserInput });
    await expect(h.schedule({ ...spec, kind: 'ok', dueAt: new Date('nope') })).rejects.toBeInstanceOf(BatonError);
  });

  describe('cross-tenant', () => {
    const targetB = randomUUID();
    beforeAll(() =>
      h.schedule({ hotelId: h.hotelB.id, kind: 'test.kind', targetId: targetB, key: 'x', dueAt: future() }),
    );

    it("another hotel's timers behave like missing ones: empty list, nothing cancelled", async () => {
      const missing = randomUUID();
      for (const target of [targetB, missing]) {
        expect(await h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, h.hotelA.id, target))).toEqual([]);
        expect(await h.run(h.hotelA.id, (ctx) => h.timers.cancel(ctx, h.hotelA.id, 'test.kind', target))).toBe(0);
      }
      expect(await h.timer(h.hotelB.id, targetB, 'x')).toBeDefined();
    });

    it('naming the other hotel answers NOT_FOUND, exactly like a hotel that does not exist', async () => {
      for (const hotelId of [h.hotelB.id, randomUUID()]) {
        await expect(h.run(h.hotelA.id, (ctx) => h.timers.list(ctx, hotelId, targetB))).rejects.toMatchObject({
          code: ErrorCode.NotFound,
        });
        await expect(
          h.run(h.hotelA.id, (ctx) => h.timers.cancel(ctx, hotelId, 'test.kind', targetB)),
        ).rejects.toMatchObject({ code: ErrorCode.NotFound });
        await expect(
          h.run(h.hotelA.id, (ctx) =>
            h.timers.schedule(ctx, { hotelId, kind: 'test.kind', targetId: targetB, key: 'x', dueAt: past() }),
          ),
        ).rejects.toMatchObject({ code: ErrorCode.NotFound });
      }
      expect(await h.timer(h.hotelB.id, targetB, 'x')).toMatchObject({ version: 1 });
    });
  });

  it('the sweep flag reads live timers of every hotel and nothing else, and cannot write', async () => {
    const dead = randomUUID();
    await h.schedule({ hotelId: h.hotelB.id, kind: 'test.kind', targetId: dead, key: '', dueAt: future() });
    await h.owner(`UPDATE durable_timer SET dead_at = now() WHERE target_id = $1`, [dead]);
    const fired = randomUUID();
    await h.schedule({ hotelId: h.hotelA.id, kind: 'test.kind', targetId: fired, key: '', dueAt: past() });
    await h.drain();
    expect(await h.firings(fired)).toHaveLength(1);
    await withClient(h.db.appUrl, async (c) => {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.timer_sweep', 'on', true)`);
      const seen = await c.query<{ tenant_id: string; target_id: string }>(
        'SELECT tenant_id, target_id FROM durable_timer',
      );
      expect(new Set(seen.rows.map((r) => r.tenant_id))).toEqual(new Set([h.hotelA.id, h.hotelB.id]));
      expect(seen.rows.map((r) => r.target_id)).not.toContain(dead);
      expect((await c.query('SELECT * FROM durable_timer_firing')).rows).toEqual([]);
      expect((await c.query('SELECT id FROM hotel')).rows).toEqual([]);
      expect((await c.query(`UPDATE durable_timer SET run_at = now()`)).rowCount).toBe(0);
      expect((await c.query(`DELETE FROM durable_timer`)).rowCount).toBe(0);
      expect((await c.query('SELECT id FROM durable_timer FOR UPDATE SKIP LOCKED')).rows).toEqual([]);
      await expect(
        c.query(
          `INSERT INTO durable_timer (tenant_id, kind, target_id, due_at, run_at) VALUES ($1, 'x', 'y', now(), now())`,
          [h.hotelA.id],
        ),
      ).rejects.toThrow(/row-level security/);
      await c.query('ROLLBACK');
      // without the flag (and without a tenant scope): nothing at all
      expect((await c.query('SELECT * FROM durable_timer')).rows).toEqual([]);
    });
  });
});
