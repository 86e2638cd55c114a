import { createServer, Server, Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Mailer } from '@baton/api/core';
import { DeliveryWorker } from '../jobs/delivery.worker';
import { DeliverySender } from '../services/delivery-sender';
import { webhookSignature } from '../services/delivery-policy';
import { deliveryFromRow } from '../services/delivery-views';
import { eventually, NotificationsHarness } from './notifications-harness';
import { startWebhookReceiver, WebhookReceiver } from './webhook-receiver';

/** The worker against real Postgres and a local HTTP receiver: retries, backoff, dead letters, several workers. */
describe('DeliveryWorker (medium: real Postgres, local receiver)', () => {
  const h = new NotificationsHarness({
    pollMs: 50,
    backoffBaseMs: 150,
    backoffMaxMs: 5_000,
    timeoutMs: 400,
    allowPrivateTargets: true,
  });
  let receiver: WebhookReceiver;
  const workers: DeliveryWorker[] = [];
  const sent: string[] = [];
  const mailer = {
    configured: true,
    failures: [] as Array<Error & { responseCode?: number }>,
    send: jest.fn(async (message: { to: string }) => {
      const failure = mailer.failures.shift();
      if (failure) {
        throw failure;
      }
      sent.push(message.to);
      return { delivered: true, messageId: 'm' };
    }),
  };

  beforeAll(async () => {
    await h.start();
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.onApplicationShutdown()));
    await receiver.close();
    await h.stop();
  });

  const startWorker = (): DeliveryWorker => {
    const worker = h.worker(mailer as unknown as Mailer);
    workers.push(worker);
    worker.start();
    return worker;
  };

  const enqueue = (key: string, input: Record<string, unknown> = {}, hotelId = h.hotelA) =>
    h.run(hotelId, (ctx) =>
      h.deliveries.enqueue(ctx, {
        hotelId,
        channel: 'webhook',
        target: `${receiver.url}/${key}`,
        payload: { key, text: 'Oda 204: klima arızası' },
        idempotencyKey: key,
        ...input,
      }),
    );

  const settled = (id: string, state: 'sent' | 'dead') =>
    eventually(async () => {
      const row = await h.delivery(id);
      return row.state === state ? row : undefined;
    }, 15_000);

  it('two workers send each of 40 webhooks of two hotels exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push((await enqueue(`many-${i}`, {}, i % 2 ? h.hotelA : h.hotelB)).id);
    }
    startWorker();
    startWorker();
    await Promise.all(ids.map((id) => settled(id, 'sent')));
    const hits = receiver.received.filter((r) => r.path.startsWith('/many-'));
    expect(hits).toHaveLength(40);
    expect(new Set(hits.map((r) => r.headers['x-baton-delivery'])).size).toBe(40);
  });

  it('signs the request: X-Baton-Signature = sha256 HMAC of "<timestamp>.<body>", with the delivery id and key', async () => {
    const d = await enqueue('signed', { secret: 'whsec-medium' });
    await settled(d.id, 'sent');
    const [hit] = receiver.on('/signed');
    const timestamp = Number(hit.headers['x-baton-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(30);
    expect(hit.headers['x-baton-signature']).toBe(webhookSignature('whsec-medium', timestamp, hit.body));
    expect(hit.headers['content-type']).toBe('application/json');
    expect(hit.headers['x-baton-delivery']).toBe(d.id);
    expect(hit.headers['idempotency-key']).toBe('signed');
    expect(JSON.parse(hit.body)).toEqual({ key: 'signed', text: 'Oda 204: klima arızası' });
    // Unsigned without a secret.
    expect(receiver.on('/many-0')[0].headers['x-baton-signature']).toBeUndefined();
  });

  it('retries 5xx and 429 with growing backoff, then records the success', async () => {
    receiver.script('/flaky', 503, 500, 429);
    const d = await enqueue('flaky');
    const row = await settled(d.id, 'sent');
    expect(row).toMatchObject({ attempts: 4, last_status: 200, last_error: null });
    const at = receiver.on('/flaky').map((r) => r.at);
    expect(at).toHaveLength(4);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    // 150 ms · 2^n ± 10 %, plus up to one poll period.
    expect(gaps[0]).toBeGreaterThanOrEqual(130);
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(gaps[2]).toBeGreaterThan(gaps[1]);
  });

  it('is dead at once on a 4xx, and retryDelivery re-queues it with fresh attempts (audited)', async () => {
    receiver.script('/gone', 400);
    const d = await enqueue('gone');
    const dead = await settled(d.id, 'dead');
    expect(dead).toMatchObject({ attempts: 1, last_status: 400, last_error: 'HTTP 400 Bad Request' });
    expect(dead.dead_at).not.toBeNull();
    const retried = await h.run(h.hotelA, (ctx) => h.deliveries.retry(ctx, h.hotelA, d.id));
    expect(retried).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await settled(d.id, 'sent')).toMatchObject({ attempts: 1, last_status: 200 });
    const audit = await h.owner<{ action: string; before: { state: string } }>(
      `SELECT action, before FROM audit_log WHERE entity_id = $1`,
      [d.id],
    );
    expect(audit).toEqual([{ action: 'delivery.retried', before: expect.objectContaining({ state: 'dead' }) }]);
  });

  it('is dead when the attempts run out', async () => {
    receiver.script('/down', 500, 502, 503, 504);
    const d = await enqueue('down');
    await h.owner(`UPDATE delivery SET max_attempts = 3 WHERE id = $1`, [d.id]);
    expect(await settled(d.id, 'dead')).toMatchObject({ attempts: 3, last_error: 'HTTP 503 Service Unavailable' });
    expect(receiver.on('/down')).toHaveLength(3);
  });

  it('retries a receiver that does not answer in time', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', () => ready()));
    try {
      const port = (silent.address() as AddressInfo).port;
      const d = await enqueue('silent', { target: `http://127.0.0.1:${port}/hook` });
      await h.owner(`UPDATE delivery SET max_attempts = 2 WHERE id = $1`, [d.id]);
      expect(await settled(d.id, 'dead')).toMatchObject({ attempts: 2, last_error: 'Timed out after 400 ms' });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((done) => silent.close(done));
    }
  });

  it('e-mails through the Mailer: connection errors and 4xx replies are retried, a 5xx reply is dead', async () => {
    const mail = (key: string, to: string) =>
      h.run(h.hotelA, (ctx) =>
        h.deliveries.enqueue(ctx, {
          hotelId: h.hotelA,
          channel: 'email',
          target: to,
          subject: 'Uyarı',
          body: 'SLA',
          idempotencyKey: key,
        }),
      );
    mailer.failures.push(
      Object.assign(new Error('Connection closed'), {}),
      Object.assign(new Error('busy'), { responseCode: 451 }),
    );
    const flaky = await mail('mail-flaky', 'gm@example.com');
    expect(await settled(flaky.id, 'sent')).toMatchObject({ attempts: 3 });
    expect(sent).toContain('gm@example.com');

    mailer.failures.push(Object.assign(new Error('550 No such user'), { responseCode: 550 }));
    const bounced = await mail('mail-bounced', 'nobody@example.com');
    expect(await settled(bounced.id, 'dead')).toMatchObject({ attempts: 1, last_status: 550 });
  });

  it('refuses private addresses unless allowed, and unconfigured SMTP, without retrying', async () => {
    const d = await enqueue('private-check');
    const entity = deliveryFromRow(await h.delivery(d.id));
    const strict = new DeliverySender(
      { ...h.options, allowPrivateTargets: false },
      mailer as unknown as Mailer,
      h.secrets,
    );
    expect(await strict.send({ ...entity, target: 'http://169.254.169.254/latest/meta-data' })).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining('private address'),
    });
    const noSmtp = new DeliverySender(h.options, { configured: false } as Mailer, h.secrets);
    expect(await noSmtp.send({ ...entity, channel: 'email', target: 'a@example.com' })).toMatchObject({
      ok: false,
      retryable: false,
      error: 'SMTP is not configured (SMTP_URL)',
    });
  });
});
