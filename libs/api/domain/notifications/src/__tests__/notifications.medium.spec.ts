import { randomUUID } from 'node:crypto';
import { ErrorCode, NotificationChannel } from '@baton/shared/contracts';
import type { RequestContext } from '@baton/api/core';
import type { NotificationEventPayload } from '../events/notification.events';
import { errorOf, NotificationsHarness, sleep } from './notifications-harness';

/** notify and enqueue on real Postgres (app role, forced RLS): idempotency, recipients, atomicity, tenancy. */
describe('Notifications and Deliveries (medium: real Postgres)', () => {
  const h = new NotificationsHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const rowsFor = (key: string) =>
    h.owner<{ user_id: string; tenant_id: string; case_id: string | null }>(
      `SELECT user_id, tenant_id, case_id FROM notification WHERE idempotency_key = $1 ORDER BY user_id`,
      [key],
    );

  it('writes one in-app row per member of the hotel (agency staff included) and publishes each after commit', async () => {
    const { users } = h.world;
    const feed = h.listen<NotificationEventPayload>(h.hotelA);
    const caseId = randomUUID();
    await h.notify({
      userIds: [users.adminA.id, users.agentA.id, users.agencyAdmin.id, users.adminB.id, randomUUID(), 'nope'],
      channels: [NotificationChannel.InApp],
      idempotencyKey: 'k-members',
      link: { caseId },
    });
    const rows = await rowsFor('k-members');
    const expected = [users.adminA.id, users.agentA.id, users.agencyAdmin.id].sort();
    expect(rows.map((r) => r.user_id)).toEqual(expected);
    expect(rows.every((r) => r.tenant_id === h.hotelA && r.case_id === caseId)).toBe(true);
    await sleep(50);
    expect(feed.events.map((e) => e.kind === 'created' && e.userId).sort()).toEqual(expected);
    expect(feed.events[0]).toMatchObject({ kind: 'created', notification: { title: 'SLA reminder', caseId } });
    feed.stop();
  });

  it('is idempotent per (hotel, key, user): a retry notifies only users not notified yet', async () => {
    const { users } = h.world;
    await h.notify({ userIds: [users.adminA.id], channels: [NotificationChannel.InApp], idempotencyKey: 'k-retry' });
    const feed = h.listen<NotificationEventPayload>(h.hotelA);
    await h.notify({
      userIds: [users.adminA.id, users.supervisorA.id],
      channels: [NotificationChannel.InApp],
      idempotencyKey: 'k-retry',
    });
    await sleep(50);
    expect((await rowsFor('k-retry')).map((r) => r.user_id).sort()).toEqual(
      [users.adminA.id, users.supervisorA.id].sort(),
    );
    expect(feed.events.map((e) => e.userId)).toEqual([users.supervisorA.id]);
    feed.stop();
  });

  it('commits with the caller: a rolled-back transaction leaves no row, no delivery and publishes nothing', async () => {
    const feed = h.listen<NotificationEventPayload>(h.hotelA);
    await expect(
      h.run(h.hotelA, async (ctx) => {
        await h.notifications.notify(ctx, {
          hotelId: h.hotelA,
          userIds: [h.world.users.adminA.id],
          kind: 'test',
          title: 't',
          body: 'b',
          channels: [NotificationChannel.InApp, NotificationChannel.Email],
          idempotencyKey: 'k-rollback',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await sleep(50);
    expect(await rowsFor('k-rollback')).toEqual([]);
    expect(await h.owner(`SELECT 1 FROM delivery WHERE source_id = 'k-rollback'`)).toEqual([]);
    expect(feed.events).toEqual([]);
    feed.stop();
  });

  it('queues one e-mail per recipient, once, and none for a user of another hotel', async () => {
    const { users } = h.world;
    const notifyTwice = async () => {
      for (let i = 0; i < 2; i++) {
        await h.notify({
          userIds: [users.adminA.id, users.agentA.id, users.agentB.id],
          channels: [NotificationChannel.Email],
          idempotencyKey: 'k-mail',
        });
      }
    };
    await notifyTwice();
    const mails = await h.owner<{ target: string; subject: string; state: string; channel: string }>(
      `SELECT target, subject, state, channel FROM delivery WHERE source_id = 'k-mail' ORDER BY target`,
    );
    expect(mails).toEqual(
      [users.adminA.email, users.agentA.email]
        .sort()
        .map((target) => ({ target, subject: 'SLA reminder', state: 'pending', channel: 'email' })),
    );
    expect(await rowsFor('k-mail')).toEqual([]);
  });

  it('enqueue validates the target, is idempotent on its key and stores the webhook secret sealed', async () => {
    const enqueue = (input: Record<string, unknown>) =>
      h.run(h.hotelA, (ctx) =>
        h.deliveries.enqueue(ctx, {
          hotelId: h.hotelA,
          channel: 'webhook',
          target: 'https://hooks.example.com/in?token=abc',
          payload: { event: 'ticket.opened' },
          secret: 'whsec-123',
          idempotencyKey: 'enq-1',
          ...input,
        }),
      );
    const first = await enqueue({});
    const again = await enqueue({ target: 'https://elsewhere.example.com/' });
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ state: 'pending', signed: true, target: 'https://hooks.example.com/in?token=***' });
    expect(JSON.stringify(first)).not.toContain('whsec-123');
    const stored = await h.delivery(first.id);
    expect(stored.secret_enc).toMatch(/^v1\./);
    expect(stored.secret_enc).not.toContain('whsec');
    expect(h.secrets.open(stored.secret_enc!, h.hotelA)).toBe('whsec-123');
    expect(stored.target).toBe('https://hooks.example.com/in?token=abc');

    for (const bad of [
      { target: 'ftp://x.example.com', idempotencyKey: 'enq-bad-1' },
      { channel: 'email', target: 'not-an-address', idempotencyKey: 'enq-bad-2' },
      { channel: 'email', target: 'gm@example.com', subject: undefined, idempotencyKey: 'enq-bad-3' },
      { channel: 'sms', idempotencyKey: 'enq-bad-4' },
    ]) {
      expect((await errorOf(enqueue(bad))).code).toBe(ErrorCode.BadUserInput);
    }
  });

  it('treats another hotel like a missing one: notify, enqueue and retry outside the scope are NOT_FOUND', async () => {
    const inB = await h.run(h.hotelB, (ctx) =>
      h.deliveries.enqueue(ctx, {
        hotelId: h.hotelB,
        channel: 'webhook',
        target: 'https://b.example.com/',
        idempotencyKey: 'b-1',
      }),
    );
    await h.owner(`UPDATE delivery SET state = 'dead' WHERE id = $1`, [inB.id]);
    const foreign = await errorOf(h.run(h.hotelA, (ctx) => h.deliveries.retry(ctx, h.hotelA, inB.id)));
    const missing = await errorOf(h.run(h.hotelA, (ctx) => h.deliveries.retry(ctx, h.hotelA, randomUUID())));
    expect([foreign.code, foreign.message]).toEqual([ErrorCode.NotFound, 'Delivery not found']);
    expect([missing.code, missing.message]).toEqual([foreign.code, foreign.message]);
    // Naming hotel B inside hotel A's transaction is NOT_FOUND too (the scope is the authority, not the argument).
    const attempts: Array<(ctx: RequestContext) => Promise<unknown>> = [
      (ctx) => h.deliveries.retry(ctx, h.hotelB, inB.id),
      (ctx) =>
        h.notifications.notify(ctx, {
          hotelId: h.hotelB,
          userIds: [h.world.users.adminB.id],
          kind: 'x',
          title: 'x',
          body: '',
          channels: [NotificationChannel.InApp],
          idempotencyKey: 'x',
        }),
    ];
    for (const attempt of attempts) {
      expect((await errorOf(h.run(h.hotelA, attempt))).code).toBe(ErrorCode.NotFound);
    }
    const listA = await h.run(h.hotelA, (ctx) => h.deliveries.list(ctx, { hotelId: h.hotelA, first: 100 }));
    expect(listA.nodes.map((d) => d.id)).not.toContain(inB.id);
    expect(await h.run(h.hotelA, (ctx) => ctx.tx.query(`SELECT id FROM delivery WHERE id = $1`, [inB.id]))).toEqual([]);
  });

  it('claims with SKIP LOCKED and a lease: concurrent claims never share a row, a stale claim cannot record', async () => {
    const hotel = h.world.hotelB.id;
    for (let i = 0; i < 6; i++) {
      await h.run(hotel, (ctx) =>
        h.deliveries.enqueue(ctx, {
          hotelId: hotel,
          channel: 'webhook',
          target: 'https://c.example.com/',
          idempotencyKey: `claim-${i}`,
        }),
      );
    }
    await h.owner(`UPDATE delivery SET state = 'sent' WHERE tenant_id = $1 AND idempotency_key NOT LIKE 'claim-%'`, [
      hotel,
    ]);
    const claims = await Promise.all([1, 2, 3].map(() => h.run(hotel, (ctx) => h.outbox.claim(ctx, hotel, 2, 60_000))));
    const ids = claims.flat().map((d) => d.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(claims.flat().every((d) => d.attempts === 1 && d.claimToken)).toBe(true);
    // Leased: nothing is due any more.
    expect(await h.run(hotel, (ctx) => h.outbox.claim(ctx, hotel, 10, 60_000))).toEqual([]);
    const [one] = claims[0];
    const stale = { ...one, claimToken: randomUUID() };
    expect(await h.run(hotel, (ctx) => h.outbox.markSent(ctx, stale, 200))).toBe(false);
    expect(await h.run(hotel, (ctx) => h.outbox.markSent(ctx, one, 200))).toBe(true);
    expect(await h.run(hotel, (ctx) => h.outbox.markSent(ctx, one, 200))).toBe(false);
    expect((await h.delivery(one.id)).state).toBe('sent');
  });
});
