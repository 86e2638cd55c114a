import { randomUUID } from 'node:crypto';
import {
  AuditAction,
  CaseEventKind,
  CasePriority,
  CaseStatus,
  Channel,
  ErrorCode,
  MessageContentType,
  MessageDirection,
  TenantEvent,
} from '@baton/shared/contracts';
import type { CaseEventPayload } from '../services/case-events';
import { CaseHarness, errorOf, tick } from './case-harness';

interface CaseRow {
  id: string;
  number: string;
  status: string;
  guest_name: string | null;
  contact: string | null;
  request_text: string | null;
  message_rounds: number;
  first_response_at: Date | null;
  first_response_seconds: number | null;
  last_inbound_at: Date | null;
  last_outbound_at: Date | null;
  waiting_since: Date | null;
  created_at: Date;
  channel: string;
  utm_campaign: string | null;
  request_type: string | null;
  priority: string;
}

describe('CaseNumbers and CaseIntakeService (medium: real Postgres, app role)', () => {
  const h = new CaseHarness();
  const year = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Istanbul' }).format());

  const caseRow = async (caseId: string, hotelId = h.hotelA.id) =>
    (
      await h.owner<CaseRow>(`SELECT * FROM guest_case WHERE tenant_id = $1 AND id = $2`, [hotelId, caseId], hotelId)
    )[0];
  const messageCount = async (caseId: string) =>
    (await h.owner<{ n: number }>(`SELECT count(*)::int AS n FROM case_message WHERE case_id = $1`, [caseId]))[0].n;

  beforeAll(() => h.start());
  afterAll(() => h.stop());

  describe('Case IDs', () => {
    it('50 concurrent creations get 1..50 without gaps or duplicates', async () => {
      const guests = await Promise.all(Array.from({ length: 50 }, () => h.guest()));
      const results = await Promise.all(guests.map((guestId) => h.record(h.hotelA.id, h.message(guestId))));
      expect(results.every((r) => r.createdCase && !r.duplicate)).toBe(true);
      const numbers = results.map((r) => r.caseNumber).sort();
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `BLK-${year()}-${String(i + 1).padStart(6, '0')}`));
    });

    it('a rolled-back creation leaves no gap, even among concurrent ones', async () => {
      const before = (
        await h.owner<{ last_value: number }>(
          `SELECT last_value FROM case_counter WHERE tenant_id = $1 AND year = $2`,
          [h.hotelA.id, year()],
        )
      )[0].last_value;
      const guests = await Promise.all(Array.from({ length: 12 }, () => h.guest()));
      const outcomes = await Promise.allSettled(
        guests.map((guestId, i) =>
          h.run(h.hotelA.id, async (ctx) => {
            const result = await h.intake.recordInbound(ctx, h.hotelA.id, h.message(guestId));
            if (i % 3 === 0) {
              throw new Error('rolled back on purpose');
            }
            return result.caseNumber;
          }),
        ),
      );
      const committed = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : [])).sort();
      expect(committed).toHaveLength(8);
      expect(committed).toEqual(
        Array.from({ length: 8 }, (_, i) => `BLK-${year()}-${String(before + i + 1).padStart(6, '0')}`),
      );
      const next = await h.record(h.hotelA.id, h.message(await h.guest()));
      expect(next.caseNumber).toBe(`BLK-${year()}-${String(before + 9).padStart(6, '0')}`);
    });

    it("counts per hotel and per year in the hotel's time zone", async () => {
      // 2025-12-31 23:30 in New York is already 2026 in UTC: hotel B (New York) still numbers it 2025.
      const late = new Date('2026-01-01T04:30:00Z');
      const b = await h.record(h.hotelB.id, h.message(await h.guest(h.hotelB.id), { occurredAt: late }));
      expect(b.caseNumber).toBe('BTA-2025-000001');
      // 2025-12-31 22:30 UTC is 01:30 on 1 January 2026 in Istanbul.
      const a = await h.run(h.hotelA.id, (ctx) =>
        h.numbers.allocate(ctx, h.hotelA.id, new Date('2025-12-31T22:30:00Z')),
      );
      expect(a).toMatch(/^BLK-2026-\d{6}$/);
    });
  });

  describe('recordInbound', () => {
    it('opens a case with the inbound fields, one transition and an audit row', async () => {
      const guestId = await h.guest();
      const occurredAt = new Date(Date.now() - 60_000);
      const result = await h.record(
        h.hotelA.id,
        h.message(guestId, {
          occurredAt,
          channel: Channel.Instagram,
          source: 'instagram_ad',
          body: 'Balayı için fiyat alabilir miyim?',
          guestName: 'Ayşe Yılmaz',
          contact: 'ayse.yilmaz',
          requestText: 'Balayı için fiyat alabilir miyim?',
          utm: { source: 'instagram', medium: 'paid', campaign: 'yaz2026', content: 'reel1' },
          requestType: 'quote',
          priority: CasePriority.P2,
        }),
      );
      expect(result).toEqual({
        caseId: expect.any(String),
        caseNumber: expect.stringMatching(/^BLK-\d{4}-\d{6}$/),
        messageId: expect.any(String),
        createdCase: true,
        duplicate: false,
      });
      const row = await caseRow(result.caseId);
      expect(row).toMatchObject({
        status: CaseStatus.New,
        channel: Channel.Instagram,
        guest_name: 'Ayşe Yılmaz',
        contact: 'ayse.yilmaz',
        utm_campaign: 'yaz2026',
        request_type: 'quote',
        priority: 'P2',
        message_rounds: 0,
      });
      expect(row.created_at.getTime()).toBe(occurredAt.getTime());
      expect(row.waiting_since?.getTime()).toBe(occurredAt.getTime());
      const transitions = await h.owner(
        `SELECT from_status, to_status, actor_name FROM case_transition WHERE case_id = $1`,
        [result.caseId],
      );
      expect(transitions).toEqual([{ from_status: null, to_status: 'new', actor_name: 'cases-test' }]);
      const audit = await h.owner(`SELECT action FROM audit_log WHERE entity_id = $1`, [result.caseId]);
      expect(audit).toEqual([{ action: AuditAction.CaseCreated }]);
    });

    it('attaches a message of a guest with an open case, whatever the channel, and fills fields only while empty', async () => {
      const guestId = await h.guest();
      const first = await h.record(h.hotelA.id, h.message(guestId, { guestName: null, contact: '+905321112233' }));
      const second = await h.record(
        h.hotelA.id,
        h.message(guestId, {
          channel: Channel.Email,
          source: 'email',
          guestName: 'Mehmet Demir',
          contact: 'mehmet@example.com',
          requestText: '3 gece, 2 yetişkin',
        }),
      );
      expect(second).toMatchObject({ caseId: first.caseId, createdCase: false, duplicate: false });
      const row = await caseRow(first.caseId);
      expect(row).toMatchObject({
        guest_name: 'Mehmet Demir',
        contact: '+905321112233',
        request_text: '3 gece, 2 yetişkin',
        channel: Channel.WhatsApp,
      });
      expect(await messageCount(first.caseId)).toBe(2);
    });

    it('attaches to the open case of any guest of the member set (merged guests)', async () => {
      const merged = await h.guest();
      const survivor = await h.guest();
      const first = await h.record(h.hotelA.id, h.message(merged));
      const next = await h.record(h.hotelA.id, h.message(survivor, { guestMemberIds: [survivor, merged] }));
      expect(next.caseId).toBe(first.caseId);
    });

    it('opens a new case when the guest has none open', async () => {
      const guestId = await h.guest();
      const first = await h.record(h.hotelA.id, h.message(guestId));
      await h.owner(`UPDATE guest_case SET status = 'won', closed_at = now() WHERE id = $1`, [first.caseId]);
      const second = await h.record(h.hotelA.id, h.message(guestId));
      expect(second.createdCase).toBe(true);
      expect(second.caseId).not.toBe(first.caseId);
    });

    it('a repeated provider message id is a duplicate: same ids, nothing changes', async () => {
      const guestId = await h.guest();
      const message = h.message(guestId);
      const first = await h.record(h.hotelA.id, message);
      const before = await caseRow(first.caseId);
      const again = await h.record(h.hotelA.id, { ...message, body: 'changed', occurredAt: new Date() });
      expect(again).toEqual({ ...first, createdCase: false, duplicate: true });
      expect(await messageCount(first.caseId)).toBe(1);
      expect(await caseRow(first.caseId)).toEqual(before);
      // The same id on another channel is another message.
      const other = await h.record(h.hotelA.id, { ...message, channel: Channel.Messenger });
      expect(other.duplicate).toBe(false);
    });

    it('two concurrent first messages of one guest open one case; concurrent duplicates store one message', async () => {
      const guestId = await h.guest();
      const message = h.message(guestId);
      const results = await Promise.all([
        h.record(h.hotelA.id, h.message(guestId)),
        h.record(h.hotelA.id, h.message(guestId)),
        h.record(h.hotelA.id, message),
        h.record(h.hotelA.id, message),
      ]);
      expect(new Set(results.map((r) => r.caseId)).size).toBe(1);
      expect(results.filter((r) => r.createdCase)).toHaveLength(1);
      expect(results.filter((r) => r.duplicate)).toHaveLength(1);
      expect(await messageCount(results[0].caseId)).toBe(3);
    });

    it('counts rounds, first response and waiting time as documented', async () => {
      const guestId = await h.guest();
      const t = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 9, minutes));
      const { caseId } = await h.record(h.hotelA.id, h.message(guestId, { occurredAt: t(0) }));
      await h.record(h.hotelA.id, h.message(guestId, { occurredAt: t(2) }));
      let row = await caseRow(caseId);
      expect(row.waiting_since).toEqual(t(0));
      expect(row.message_rounds).toBe(0);
      // The PBX reports an answered outbound call: a hotel response.
      const call = {
        direction: MessageDirection.Outbound,
        channel: Channel.Phone,
        source: 'pbx',
        contentType: MessageContentType.Call,
        body: '',
        attachment: { durationSeconds: 95, answered: true },
      };
      await h.record(h.hotelA.id, h.message(guestId, { ...call, occurredAt: t(5) }));
      row = await caseRow(caseId);
      expect(row).toMatchObject({ message_rounds: 1, waiting_since: null, first_response_seconds: 300 });
      expect(row.first_response_at).toEqual(t(5));
      expect(row.last_outbound_at).toEqual(t(5));
      // A second answer without a new guest message is not a new round.
      await h.record(h.hotelA.id, h.message(guestId, { ...call, occurredAt: t(6) }));
      expect((await caseRow(caseId)).message_rounds).toBe(1);
      // A late-delivered old guest message (before the answer) does not start a new wait.
      await h.record(h.hotelA.id, h.message(guestId, { occurredAt: t(4) }));
      expect((await caseRow(caseId)).waiting_since).toBeNull();
      await h.record(h.hotelA.id, h.message(guestId, { occurredAt: t(10) }));
      await h.record(h.hotelA.id, h.message(guestId, { ...call, occurredAt: t(12) }));
      row = await caseRow(caseId);
      expect(row).toMatchObject({ message_rounds: 2, waiting_since: null, first_response_seconds: 300 });
      expect(row.last_inbound_at).toEqual(t(10));
    });

    it('publishes the case event and a queue nudge after commit, nothing on rollback', async () => {
      const cases = h.listen<CaseEventPayload>(h.hotelA.id, TenantEvent.Cases);
      const queue = h.listen<{ hotelId: string }>(h.hotelA.id, TenantEvent.Queue);
      const other = h.listen<CaseEventPayload>(h.hotelB.id, TenantEvent.Cases);
      const guestId = await h.guest();
      await expect(
        h.run(h.hotelA.id, async (ctx) => {
          await h.intake.recordInbound(ctx, h.hotelA.id, h.message(guestId));
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      await tick();
      expect(cases.events).toHaveLength(0);
      const created = await h.record(h.hotelA.id, h.message(guestId, { guestName: 'Ali Veli' }));
      const attached = await h.record(h.hotelA.id, h.message(guestId));
      await tick();
      expect(cases.events.map((e) => [e.kind, e.caseId, e.messageId])).toEqual([
        [CaseEventKind.Created, created.caseId, created.messageId],
        [CaseEventKind.MessageAdded, created.caseId, attached.messageId],
      ]);
      expect(cases.events[0].case).toMatchObject({ id: created.caseId, guestName: 'Ali Veli', status: 'new' });
      expect(queue.events).toHaveLength(2);
      expect(other.events).toHaveLength(0);
      [cases, queue, other].forEach((l) => l.stop());
    });
  });

  describe('cross-tenant', () => {
    it('every service method refuses a hotel outside the scope with NOT_FOUND', async () => {
      const guestB = await h.guest(h.hotelB.id);
      const inA = <T>(work: (ctx: Parameters<Parameters<typeof h.run>[1]>[0]) => Promise<T>) =>
        h.run(h.hotelA.id, work);
      const calls: Array<Promise<unknown>> = [
        inA((ctx) => h.intake.recordInbound(ctx, h.hotelB.id, h.message(guestB))),
        inA((ctx) =>
          h.intake.applyDeliveryStatus(ctx, h.hotelB.id, Channel.WhatsApp, 'x', 'read' as never, new Date()),
        ),
        inA((ctx) => h.numbers.allocate(ctx, h.hotelB.id, new Date())),
        inA((ctx) => h.outbox.claim(ctx, h.hotelB.id, 10)),
        inA((ctx) => h.outbox.markSent(ctx, h.hotelB.id, randomUUID(), 'x')),
        inA((ctx) => h.outbox.markFailed(ctx, h.hotelB.id, randomUUID(), 'x', null)),
        inA((ctx) => h.outbox.retry(ctx, h.hotelB.id, randomUUID())),
        inA((ctx) => h.outbox.reply(ctx, { hotelId: h.hotelB.id, caseId: randomUUID(), body: 'x' })),
      ];
      for (const call of calls) {
        const error = await errorOf(call);
        expect({ code: error.code, message: error.message }).toEqual({
          code: ErrorCode.NotFound,
          message: 'Hotel not found',
        });
      }
      // Even with the right hotel id, a message of hotel B is invisible from A's scope (RLS): NOT_FOUND like a random id.
      const caseB = await h.record(h.hotelB.id, h.message(guestB));
      const foreign = await errorOf(h.run(h.hotelA.id, (ctx) => h.outbox.retry(ctx, h.hotelA.id, caseB.messageId!)));
      const missing = await errorOf(h.run(h.hotelA.id, (ctx) => h.outbox.retry(ctx, h.hotelA.id, randomUUID())));
      expect(foreign.message).toBe(missing.message);
      expect(foreign.code).toBe(ErrorCode.NotFound);
    });
  });
});
