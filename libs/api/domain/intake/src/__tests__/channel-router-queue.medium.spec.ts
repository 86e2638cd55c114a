import { ChannelProvider, ErrorCode, InboundKind } from '@baton/shared/contracts';
import { withClient } from '@baton/api/testing';
import { IntakeServices, startIntakeServices, textItem as item } from './service-harness';

describe('ChannelRouter, InboundEventStore and InboundEventsQueue on real Postgres (medium)', () => {
  let h: IntakeServices;
  beforeAll(async () => {
    h = await startIntakeServices();
  });
  afterAll(() => h?.close());

  describe('ChannelRouter', () => {
    it('resolves the route before any scope and opens the secret; caches for 30 s; invalidate forgets', async () => {
      const resolved = await h.router.resolve(ChannelProvider.WhatsApp, '100000000000001');
      expect(resolved).toEqual({
        hotelId: h.world.hotelA.id,
        accountId: h.waAccount[h.world.hotelA.id],
        provider: ChannelProvider.WhatsApp,
        externalId: '100000000000001',
        appSecret: 'app-secret-100000000000001',
      });
      await withClient(h.db.ownerUrl, (c) =>
        c.query(`UPDATE channel_route SET external_id = '100000000000777' WHERE external_id = '100000000000001'`),
      );
      expect(await h.router.resolve(ChannelProvider.WhatsApp, '100000000000001')).toEqual(resolved); // cached
      h.router.invalidate(ChannelProvider.WhatsApp, '100000000000001');
      expect(await h.router.resolve(ChannelProvider.WhatsApp, '100000000000001')).toBeNull();
      await withClient(h.db.ownerUrl, (c) =>
        c.query(`UPDATE channel_route SET external_id = '100000000000001' WHERE external_id = '100000000000777'`),
      );
      h.router.invalidate(ChannelProvider.WhatsApp, '100000000000001');
      expect(await h.router.resolve(ChannelProvider.WhatsApp, '100000000000001')).toEqual(resolved);
      expect(await h.router.resolve(ChannelProvider.Instagram, '100000000000001')).toBeNull();
      expect(await h.router.resolve(ChannelProvider.Email, 'verify:x')).toBeNull();
    });

    it('concurrent lookups of one key share one query', async () => {
      h.router.invalidate(ChannelProvider.WhatsApp, '100000000000002');
      const spy = jest.spyOn(h.transactions, 'runIdentity');
      const all = await Promise.all(
        Array.from({ length: 20 }, () => h.router.resolve(ChannelProvider.WhatsApp, '100000000000002')),
      );
      expect(new Set(all.map((a) => a?.hotelId))).toEqual(new Set([h.world.hotelB.id]));
      expect(spy).toHaveBeenCalledTimes(2); // route, then the account's secret
      spy.mockRestore();
    });

    it('matches a verify token by hash, for the given providers only', async () => {
      expect(await h.router.matchesVerifyToken([ChannelProvider.WhatsApp], 'verify-100000000000002')).toBe(true);
      expect(
        await h.router.matchesVerifyToken(
          [ChannelProvider.Instagram, ChannelProvider.Messenger],
          'verify-100000000000002',
        ),
      ).toBe(false);
      expect(await h.router.matchesVerifyToken([ChannelProvider.WhatsApp], 'nope')).toBe(false);
    });

    it('the app role cannot read another key’s route or list routes without a scope', async () => {
      const rows = await h.transactions.runIdentity(
        { tenantIds: [], channelLookup: 'whatsapp:100000000000001' },
        (em) => em.query(`SELECT external_id FROM channel_route`),
      );
      expect(rows).toEqual([{ external_id: '100000000000001' }]);
      const none = await h.transactions.runIdentity({ tenantIds: [] }, (em) => em.query(`SELECT * FROM channel_route`));
      expect(none).toEqual([]);
    });
  });

  describe('InboundEventStore and InboundEventsQueue', () => {
    const A = () => h.world.hotelA.id;
    const base = new Date(Date.now() - 60_000);
    const at = (s: number) => new Date(base.getTime() + s * 1000);

    it('stores once per external id, nudges the worker only when something new was stored', async () => {
      h.nudged.length = 0;
      const items = [item('q-1', at(1)), item('q-2', at(2)), item('q-3', at(3)), item('q-1', at(1))];
      expect(await h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, items)).toEqual({
        stored: 3,
        duplicates: 1,
      });
      expect(await h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, items.slice(0, 1))).toEqual({
        stored: 0,
        duplicates: 1,
      });
      expect(h.nudged).toEqual([A()]);
      const nul = item('q-nul', at(4));
      nul.payload.message!.body = 'a\u0000b';
      expect(await h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, [nul])).toEqual({
        stored: 1,
        duplicates: 0,
      });
    });

    /** The claim tests below count pending events: take these tests' rows out of the queue. */
    const markDone = (pattern: string) =>
      h.asSystem([A()], (ctx) =>
        ctx.tx.query(`UPDATE inbound_event SET processed_at = now() WHERE tenant_id = $1 AND external_id LIKE $2`, [
          A(),
          pattern,
        ]),
      );

    it('coalesces concurrent requests of one account: each id stored once, credited to one request', async () => {
      h.nudged.length = 0;
      const requests = Array.from({ length: 40 }, (_, i) => [item(`g-${i}`, at(10)), item(`g-${i % 5}`, at(10))]);
      const results = await Promise.all(
        requests.map((items) => h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, items)),
      );
      expect(results.reduce((n, r) => n + r.stored, 0)).toBe(40);
      expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(40);
      const rows = await h.asSystem([A()], (ctx) =>
        ctx.tx.query(`SELECT count(*)::int AS n FROM inbound_event WHERE tenant_id = $1 AND external_id LIKE 'g-%'`, [
          A(),
        ]),
      );
      expect(rows).toEqual([{ n: 40 }]);
      expect(h.nudged.length).toBeGreaterThan(0);
      await markDone('g-%');
    });

    it('a request that cannot be stored fails alone; requests coalesced with it are stored', async () => {
      const bad = item('bad-occurred', at(20));
      (bad as { occurredAt: Date }).occurredAt = new Date(Number.NaN);
      const good = Array.from({ length: 5 }, (_, i) => [item(`ok-${i}`, at(20))]);
      const settled = await Promise.allSettled([
        h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, [item('ok-first', at(20))]),
        h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, [bad]),
        ...good.map((items) => h.store.store(A(), h.waAccount[A()], ChannelProvider.WhatsApp, items)),
      ]);
      expect(settled[1].status).toBe('rejected');
      expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(6);
      const rows = await h.asSystem([A()], (ctx) =>
        ctx.tx.query(`SELECT count(*)::int AS n FROM inbound_event WHERE tenant_id = $1 AND external_id LIKE 'ok-%'`, [
          A(),
        ]),
      );
      expect(rows).toEqual([{ n: 6 }]);
      await markDone('ok-%');
    });

    it('hotelsWithPending lists only hotels of the scope with due events', async () => {
      const pending = await h.asSystem([h.world.hotelA.id, h.world.hotelB.id], (ctx) => h.queue.hotelsWithPending(ctx));
      expect(pending).toEqual([h.world.hotelA.id]);
    });

    it('claims oldest first with FOR UPDATE SKIP LOCKED: a second worker gets the rest, not the same rows', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let first: string[] = [];
      const worker1 = h.transactions.runAsSystem('w1', A(), async (ctx) => {
        first = (await h.queue.claim(ctx, A(), 2)).map((e) => e.externalId);
        await held;
      });
      while (first.length === 0) {
        await new Promise((r) => setTimeout(r, 10));
      }
      const second = await h.transactions.runAsSystem('w2', A(), (ctx) => h.queue.claim(ctx, A(), 10));
      release();
      await worker1;
      expect(first).toEqual(['q-1', 'q-2']);
      expect(second.map((e) => e.externalId)).toEqual(['q-3', 'q-nul']);
      expect(second[0]).toEqual({
        id: expect.any(String),
        tenantId: A(),
        provider: ChannelProvider.WhatsApp,
        externalId: 'q-3',
        accountId: h.waAccount[A()],
        kind: InboundKind.Message,
        payload: item('q-3', at(3)).payload,
        occurredAt: at(3),
        attempts: 0,
      });
      expect(second[1].payload.message?.body).toBe('ab');
    });

    it('markProcessed, markFailed with a retry time, and markFailed giving up (visible as pending with its error)', async () => {
      await h.transactions.runAsSystem('w', A(), async (ctx) => {
        const claimed = await h.queue.claim(ctx, A(), 10);
        const byId = Object.fromEntries(claimed.map((e) => [e.externalId, e.id]));
        await h.queue.markProcessed(ctx, A(), byId['q-1']);
        await h.queue.markFailed(ctx, A(), byId['q-2'], 'guest service down', new Date(Date.now() + 60_000));
        await h.queue.markFailed(ctx, A(), byId['q-3'], 'x'.repeat(5000), null);
        await h.queue.markProcessed(ctx, A(), byId['q-nul']);
      });
      const due = await h.transactions.runAsSystem('w', A(), (ctx) => h.queue.claim(ctx, A(), 10));
      expect(due).toEqual([]);
      const listed = await h.asSystem([A()], (ctx) => h.accounts.inboundEvents(ctx, A(), true, 50));
      expect(listed.map((e) => [e.externalId, e.attempts, e.lastError?.length ?? 0, e.processedAt])).toEqual(
        expect.arrayContaining([
          ['q-2', 1, 'guest service down'.length, null],
          ['q-3', 1, 2000, null],
        ]),
      );
      expect(listed).toHaveLength(2);
      const [row] = await withClient(
        h.db.ownerUrl,
        async (c) =>
          (await c.query(`SELECT next_attempt_at::text AS next FROM inbound_event WHERE external_id = 'q-3'`)).rows,
      );
      expect(row.next).toBe('infinity');
      expect(await h.asSystem([h.world.hotelA.id, h.world.hotelB.id], (ctx) => h.queue.hotelsWithPending(ctx))).toEqual(
        [],
      );
    });

    it('another hotel is NOT_FOUND for the queue, and its events never show up', async () => {
      await expect(
        h.transactions.runAsSystem('w', h.world.hotelB.id, (ctx) => h.queue.claim(ctx, A(), 10)),
      ).rejects.toMatchObject({
        code: ErrorCode.NotFound,
      });
      const b = await h.transactions.runAsSystem('w', h.world.hotelB.id, (ctx) =>
        h.queue.claim(ctx, h.world.hotelB.id, 10),
      );
      expect(b).toEqual([]);
    });
  });

  it('sealed secrets are bound to their hotel: a ciphertext copied to another hotel does not open', () => {
    const sealed = h.secrets.seal('s3cret', h.world.hotelA.id);
    expect(h.secrets.open(sealed, h.world.hotelA.id)).toBe('s3cret');
    expect(() => h.secrets.open(sealed, h.world.hotelB.id)).toThrow();
  });
});
