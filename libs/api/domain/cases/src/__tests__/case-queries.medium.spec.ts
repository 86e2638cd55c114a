import { randomUUID } from 'node:crypto';
import { Metrics, RequestContext } from '@baton/api/core';
import { Channel, TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { CaseFilter } from '../dto/case-filter.input';
import { QueueStateObject } from '../objects/queue-state.object';
import { CaseEventsHub } from '../services/case-events.hub';
import { QUEUE_STATE_MIN_INTERVAL_MS, QueueStateHub } from '../services/queue-state.hub';
import { QueueStateService } from '../services/queue-state.service';
import { CaseHarness, tick } from './case-harness';

describe('case queries, search and live hubs (medium: real Postgres, app role)', () => {
  const h = new CaseHarness();
  const list = (filter: Partial<CaseFilter> | null, first = 25, after: string | null = null, hotelId = h.hotelA.id) =>
    h.run(hotelId, (ctx) => h.queries.list(ctx, hotelId, filter as CaseFilter, first, after));

  beforeAll(() => h.start());
  afterAll(() => h.stop());

  describe('full-text search (baton_tr: Turkish stems, accent-insensitive)', () => {
    let complaint: string;
    let ayse: string;

    beforeAll(async () => {
      complaint = (
        await h.record(h.hotelA.id, h.message(await h.guest(), { body: 'Şikayetim var, oda çok gürültülü' }))
      ).caseId;
      ayse = (
        await h.record(
          h.hotelA.id,
          h.message(await h.guest(), { guestName: 'Ayşe Yılmaz', body: 'Merhaba, haziran için fiyat?' }),
        )
      ).caseId;
    });

    it.each([
      ['sikayet', 'complaint'],
      ['şikayet', 'complaint'],
      ['gürültü', 'complaint'],
      ['gurultu', 'complaint'],
      ['ayse', 'ayse'],
      ['Yılmaz', 'ayse'],
      ['yilmaz', 'ayse'],
      ['haziran fiyat', 'ayse'],
    ])('"%s" finds the %s case', async (search, which) => {
      const found = await list({ search });
      expect(found.edges.map((e) => e.node.id)).toEqual([which === 'complaint' ? complaint : ayse]);
      expect(found.totalCount).toBe(1);
    });

    it('finds text of later messages and of a hotel reply, and nothing for unknown words', async () => {
      const guestId = (await list({ search: 'ayse' })).edges[0].node.guestId;
      await h.record(h.hotelA.id, h.message(guestId, { body: 'Transfer da lazım' }));
      expect((await list({ search: 'transfer' })).edges.map((e) => e.node.id)).toEqual([ayse]);
      await h.run(h.hotelA.id, (ctx) =>
        h.outbox.reply(ctx, { hotelId: h.hotelA.id, caseId: ayse, body: 'Havalimanı servisi ayarlandı' }),
      );
      expect((await list({ search: 'havalimanı' })).edges.map((e) => e.node.id)).toEqual([ayse]);
      expect((await list({ search: 'kayak' })).totalCount).toBe(0);
      expect((await list({ search: 'gürültü -şikayet' })).totalCount).toBe(0);
    });
  });

  describe('the connection', () => {
    it('pages with opaque cursors over (created_at, id), exact to the microsecond, and counts all', async () => {
      // Cases created by SQL with now(): microsecond timestamps, and several with the same created_at.
      const hotel = h.hotelB.id;
      const guestId = await h.guest(hotel);
      await h.owner(
        `INSERT INTO guest_case (tenant_id, number, guest_id, source, channel, created_at)
         SELECT $1, 'BTA-2030-' || lpad(i::text, 6, '0'), $2, 'test', 'ota',
                CASE WHEN i <= 4 THEN '2030-01-01 10:00:00.123456+00'::timestamptz ELSE clock_timestamp() END
           FROM generate_series(1, 11) AS i`,
        [hotel, guestId],
        hotel,
      );
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const page = await list({ channel: [Channel.Ota] }, 3, after, hotel);
        expect(page.totalCount).toBe(11);
        seen.push(...page.edges.map((e) => e.node.number));
        pages++;
        if (!page.pageInfo.hasNextPage) {
          break;
        }
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(11);
      const all = await list({ channel: [Channel.Ota] }, 100, null, hotel);
      expect(all.edges.map((e) => e.node.number)).toEqual(seen);
    });

    it('refuses first outside 1..100 and a forged cursor', async () => {
      for (const first of [0, 101, -1]) {
        await expect(list(null, first)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'first' } });
      }
      await expect(list(null, 10, 'bm9wZQ')).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'after' },
      });
    });
  });

  describe('queueState', () => {
    it('counts open, unassigned and waiting cases by channel with the oldest wait', async () => {
      const hotel = h.hotelB.id;
      const before = await h.run(hotel, (ctx) => new QueueStateService().compute(ctx, hotel));
      const old = new Date(Date.now() - 3_600_000);
      await h.record(hotel, h.message(await h.guest(hotel), { occurredAt: old }));
      await h.record(hotel, h.message(await h.guest(hotel), { channel: Channel.Instagram }));
      const state = await h.run(hotel, (ctx) => new QueueStateService().compute(ctx, hotel));
      expect(state.open).toBe(before.open + 2);
      expect(state.unassigned).toBe(before.unassigned + 2);
      expect(state.waiting).toBe(before.waiting + 2);
      expect(state.oldestWaitingSince).toEqual(old);
      expect(state.oldestWaitingSeconds).toBeGreaterThanOrEqual(3600);
      expect(state.byChannel.find((c) => c.channel === 'instagram')).toMatchObject({ open: 1, waiting: 1 });
    });

    it('shares one throttled computation per hotel across subscribers (≤ 4 per second)', async () => {
      const service = new QueueStateService();
      const compute = jest.spyOn(service, 'compute');
      const hub = new QueueStateHub(h.pubsub, h.transactions, service);
      const feeds = [hub.subscribe(h.hotelA.id), hub.subscribe(h.hotelA.id), hub.subscribe(h.hotelA.id)];
      const firsts = await Promise.all(feeds.map((f) => f.next()));
      expect(compute).toHaveBeenCalledTimes(1);
      expect(firsts[0].value).toBe(firsts[1].value);
      expect((firsts[0].value as QueueStateObject).hotelId).toBe(h.hotelA.id);
      const started = Date.now();
      for (let i = 0; i < 40; i++) {
        await h.pubsub.publish(tenantChannel(h.hotelA.id, TenantEvent.Queue), { hotelId: h.hotelA.id });
        await tick(25);
      }
      await tick(QUEUE_STATE_MIN_INTERVAL_MS * 2);
      const seconds = (Date.now() - started) / 1000;
      const computations = compute.mock.calls.length - 1;
      expect(computations).toBeGreaterThanOrEqual(2);
      expect(computations).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 1);
      // A late subscriber gets the latest state at once, without a computation of its own.
      const calls = compute.mock.calls.length;
      const late = hub.subscribe(h.hotelA.id);
      expect((await late.next()).value).toMatchObject({ hotelId: h.hotelA.id });
      expect(compute.mock.calls.length).toBe(calls);
      [...feeds, late].forEach((f) => void f.return());
      hub.onModuleDestroy();
    });

    it('caseEvents hub: one upstream per hotel, contact masked per variant, no other hotel', async () => {
      const hub = new CaseEventsHub(h.pubsub, new Metrics());
      const full = hub.subscribe(h.hotelA.id, true);
      const masked = hub.subscribe(h.hotelA.id, false);
      const other = hub.subscribe(h.hotelB.id, true);
      const guestId = await h.guest();
      await h.record(h.hotelA.id, h.message(guestId, { contact: '+905321234567', guestName: 'Can' }));
      const [a, b] = await Promise.all([full.next(), masked.next()]);
      expect(a.value).toMatchObject({ kind: 'created', case: { contact: '+905321234567', guestName: 'Can' } });
      expect(b.value).toMatchObject({ kind: 'created', case: { contact: '+90 532 *** ** 67', guestName: 'Can' } });
      const pending = other.next();
      const raced = await Promise.race([pending, tick(200).then(() => 'nothing')]);
      expect(raced).toBe('nothing');
      [full, masked, other].forEach((f) => void f.return());
      hub.onModuleDestroy();
    });
  });

  it('reads nothing of another hotel even with its case id', async () => {
    const caseB = await h.record(h.hotelB.id, h.message(await h.guest(h.hotelB.id)));
    await expect(h.run(h.hotelA.id, (ctx) => h.queries.get(ctx, h.hotelA.id, caseB.caseId))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Case not found',
    });
    await expect(
      h.run(h.hotelA.id, (ctx: RequestContext) => h.queries.get(ctx, h.hotelA.id, randomUUID())),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Case not found' });
    await expect(
      h.run(h.hotelA.id, (ctx) => h.queries.byNumber(ctx, h.hotelA.id, caseB.caseNumber)),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
