import { RequestContext, WorkKind } from '@baton/api/core';
import { Channel, DeliveryStatus, ErrorCode } from '@baton/shared/contracts';
import { CaseHarness, errorOf } from './case-harness';

describe('CaseOutbox and delivery reports (medium: real Postgres, app role)', () => {
  const h = new CaseHarness();

  const caseRow = async (caseId: string) =>
    (
      await h.owner<{ message_rounds: number; waiting_since: Date | null; first_response_seconds: number | null }>(
        `SELECT message_rounds, waiting_since, first_response_seconds FROM guest_case WHERE id = $1`,
        [caseId],
      )
    )[0];

  beforeAll(() => h.start());
  afterAll(() => h.stop());
  describe('delivery statuses and the outbox', () => {
    async function queuedReply(): Promise<{ caseId: string; messageId: string }> {
      const guestId = await h.guest();
      const { caseId } = await h.record(h.hotelA.id, h.message(guestId));
      const reply = await h.run(h.hotelA.id, (ctx) =>
        h.outbox.reply(ctx, { hotelId: h.hotelA.id, caseId, body: 'Tabii, hemen yardımcı olalım.' }),
      );
      expect(reply).toMatchObject({
        direction: 'outbound',
        deliveryStatus: 'queued',
        channel: 'whatsapp',
        attempts: 0,
      });
      return { caseId, messageId: reply.id };
    }

    const status = async (messageId: string) =>
      (
        await h.owner<{ delivery_status: string; last_error: string | null; attempts: number }>(
          `SELECT delivery_status, last_error, attempts FROM case_message WHERE id = $1`,
          [messageId],
        )
      )[0];

    it('a reply counts as a hotel response and nudges the dispatcher after commit', async () => {
      const nudged: string[] = [];
      h.workSignals.on(WorkKind.Outbound, (hotelId) => nudged.push(hotelId));
      const { caseId } = await queuedReply();
      const row = await caseRow(caseId);
      expect(row.message_rounds).toBe(1);
      expect(row.waiting_since).toBeNull();
      expect(row.first_response_seconds).not.toBeNull();
      expect(nudged).toContain(h.hotelA.id);
    });

    it('claims with SKIP LOCKED, marks sent, then moves statuses forward only', async () => {
      const { messageId } = await queuedReply();
      await h.run(h.hotelA.id, async (ctx) => {
        const work = await h.outbox.claim(ctx, h.hotelA.id, 100);
        const mine = work.find((w) => w.messageId === messageId);
        expect(mine).toMatchObject({
          channel: 'whatsapp',
          attempts: 0,
          subject: expect.stringMatching(/^\[BLK-\d{4}-\d{6}\] Hotel Alpha$/),
        });
        expect(mine?.guestMemberIds).toEqual([mine?.guestId]);
        // A concurrent dispatcher does not get the locked rows.
        const concurrent = await h.run(h.hotelA.id, (other) => h.outbox.claim(other, h.hotelA.id, 100));
        expect(concurrent.map((w) => w.messageId)).not.toContain(messageId);
        await h.outbox.markSent(ctx, h.hotelA.id, messageId, `wamid.out.${messageId}`);
      });
      expect(await status(messageId)).toMatchObject({ delivery_status: 'sent', attempts: 1 });
      const apply = (s: string, error?: string) =>
        h.run(h.hotelA.id, (ctx) =>
          h.intake.applyDeliveryStatus(
            ctx,
            h.hotelA.id,
            Channel.WhatsApp,
            `wamid.out.${messageId}`,
            s as never,
            new Date(),
            error,
          ),
        );
      expect(await apply('read')).toBe(true);
      expect(await apply('delivered')).toBe(true);
      expect(await apply('sent')).toBe(true);
      expect((await status(messageId)).delivery_status).toBe('read');
      expect(
        await h.run(h.hotelA.id, (ctx) =>
          h.intake.applyDeliveryStatus(
            ctx,
            h.hotelA.id,
            Channel.WhatsApp,
            'wamid.unknown',
            'read' as never,
            new Date(),
          ),
        ),
      ).toBe(false);
    });

    it('a provider failure records the error; markFailed retries later or fails for good; retry re-queues', async () => {
      const first = await queuedReply();
      await h.run(h.hotelA.id, async (ctx) => {
        await h.outbox.claim(ctx, h.hotelA.id, 100);
        await h.outbox.markSent(ctx, h.hotelA.id, first.messageId, `wamid.f.${first.messageId}`);
      });
      await h.run(h.hotelA.id, (ctx) =>
        h.intake.applyDeliveryStatus(
          ctx,
          h.hotelA.id,
          Channel.WhatsApp,
          `wamid.f.${first.messageId}`,
          'failed' as never,
          new Date(),
          '131026 undeliverable',
        ),
      );
      expect(await status(first.messageId)).toMatchObject({
        delivery_status: 'failed',
        last_error: '131026 undeliverable',
      });
      // The late "sent" of the same provider message does not undo the failure.
      await h.run(h.hotelA.id, (ctx) =>
        h.intake.applyDeliveryStatus(
          ctx,
          h.hotelA.id,
          Channel.WhatsApp,
          `wamid.f.${first.messageId}`,
          DeliveryStatus.Sent,
          new Date(),
        ),
      );
      expect((await status(first.messageId)).delivery_status).toBe('failed');

      const second = await queuedReply();
      await h.run(h.hotelA.id, (ctx) =>
        h.outbox.markFailed(ctx, h.hotelA.id, second.messageId, 'timeout', new Date(Date.now() + 60_000)),
      );
      expect(await status(second.messageId)).toMatchObject({
        delivery_status: 'queued',
        attempts: 1,
        last_error: 'timeout',
      });
      const due = await h.run(h.hotelA.id, (ctx) => h.outbox.claim(ctx, h.hotelA.id, 100));
      expect(due.map((w) => w.messageId)).not.toContain(second.messageId);
      await h.run(h.hotelA.id, (ctx) => h.outbox.markFailed(ctx, h.hotelA.id, second.messageId, '400 bad token', null));
      expect(await status(second.messageId)).toMatchObject({ delivery_status: 'failed', attempts: 2 });
      const retried = await h.run(h.hotelA.id, (ctx) => h.outbox.retry(ctx, h.hotelA.id, second.messageId));
      expect(retried.deliveryStatus).toBe('queued');
      expect(
        (await errorOf(h.run(h.hotelA.id, (ctx) => h.outbox.retry(ctx, h.hotelA.id, second.messageId)))).code,
      ).toBe(ErrorCode.Conflict);
      const hotels = await h.transactions.run(
        // the dispatcher's sweep: a system context over every hotel
        RequestContext.system('sweep', [h.hotelA.id, h.hotelB.id]),
        [h.hotelA.id, h.hotelB.id],
        (ctx) => h.outbox.hotelsWithDue(ctx),
      );
      expect(hotels).toEqual([h.hotelA.id]);
    });
  });
});
