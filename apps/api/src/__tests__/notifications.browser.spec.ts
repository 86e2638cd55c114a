import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { RedisPubSub } from '@baton/api/core';
import { createWorld, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
import { TenantEvent, tenantChannel } from '@baton/shared/contracts';
import { launchChromium, logIn, openPage } from './browser-helpers';

interface Seeded {
  notificationId: string;
  caseId: string;
  deadId: string;
}

/** A notification for admin A and a dead webhook delivery of hotel A, written as the DB owner (no events published). */
async function seed(api: TestApi, world: World, hookUrl: string): Promise<Seeded> {
  return withClient(api.db.ownerUrl, async (client) => {
    await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [world.hotelA.id]);
    const caseId = randomUUID();
    const notification = await client.query<{ id: string }>(
      `INSERT INTO notification (tenant_id, user_id, kind, title, body, case_id, idempotency_key, created_at)
       VALUES ($1, $2, 'sla.reminder', 'SLA reminder: 30 min left', 'First response due at 14:30', $3, 'seed-1',
               now() - interval '5 minutes')
       RETURNING id`,
      [world.hotelA.id, world.users.adminA.id, caseId],
    );
    const dead = await client.query<{ id: string }>(
      `INSERT INTO delivery (tenant_id, channel, target, payload, idempotency_key, state, attempts, max_attempts,
                             last_error, last_status, dead_at, source_kind, source_id)
       VALUES ($1, 'webhook', $2, '{"event":"ticket.opened"}', 'seed-dead-1', 'dead', 6, 6,
               'HTTP 503 Service Unavailable', 503, now(), 'automation_rule', 'rule-1')
       RETURNING id`,
      [world.hotelA.id, `${hookUrl}/hooks/in?token=s3cret`],
    );
    return { notificationId: notification.rows[0].id, caseId, deadId: dead.rows[0].id };
  });
}

/**
 * The notifications page in Chromium against the API serving the built dashboard (role `all`: it also runs the
 * delivery worker): the user's notifications (read state, case link, live arrival) and, for managers, failed
 * deliveries with a Retry button.
 */
describe('notifications page in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let seeded: Seeded;
  let hooks: Server;
  let hookHits = 0;
  let pubsub: RedisPubSub;
  let problems: string[] = [];

  beforeAll(async () => {
    hooks = createServer((req, res) => {
      hookHits += 1;
      req.resume();
      req.on('end', () => res.end());
    });
    await new Promise<void>((ready) => hooks.listen(0, '127.0.0.1', () => ready()));
    const redisUrl = process.env.BATON_TEST_REDIS_URL!;
    api = await startTestApi({
      dashboard: true,
      role: 'all',
      redisUrl,
      env: { DELIVERY_POLL_MS: '100', DELIVERY_ALLOW_PRIVATE_TARGETS: 'true' },
    });
    pubsub = new RedisPubSub(redisUrl);
    world = await createWorld(api.db);
    seeded = await seed(api, world, `http://127.0.0.1:${(hooks.address() as AddressInfo).port}`);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, { locale: 'en-GB' }));
  });

  afterAll(async () => {
    await browser?.close();
    await pubsub?.close();
    await api?.close();
    await new Promise((done) => hooks?.close(done));
  });

  const text = async (selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim();

  it('shows the notification, marks it read, and retries a dead delivery until it leaves the dead state', async () => {
    await logIn(page, api.url, world.users.adminA.email);
    await page.goto(`${api.url}/hotels/${world.hotelA.id}/notifications`);
    const item = page.locator(`[data-test=notification][data-notification-id="${seeded.notificationId}"]`);
    await item.waitFor();
    expect(await item.locator('[data-test=notification-title]').textContent()).toBe('SLA reminder: 30 min left');
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await text('[data-test=unread-count]')).toBe('1 unread');
    expect(await item.locator('[data-test=notification-case-link]').getAttribute('href')).toBe(
      `/hotels/${world.hotelA.id}/cases/${seeded.caseId}`,
    );

    await item.locator('[data-test=notification-mark-read]').click();
    await page.waitForSelector(
      `[data-test=notification][data-notification-id="${seeded.notificationId}"][data-read=true]`,
    );
    expect(await text('[data-test=unread-count]')).toBe('No unread notifications');

    const dead = page.locator(`[data-test=delivery-row][data-delivery-id="${seeded.deadId}"]`);
    await dead.waitFor();
    expect(await dead.getAttribute('data-state')).toBe('dead');
    expect(await dead.locator('[data-test=delivery-error]').textContent()).toContain('HTTP 503');
    expect(await dead.locator('[data-test=delivery-attempts]').textContent()).toContain('6 / 6');
    // The URL's token is masked; the page never has the full target.
    expect(await dead.textContent()).toContain('/hooks/in?token=***');
    expect(await page.content()).not.toContain('s3cret');

    await dead.locator('[data-test=delivery-retry]').click();
    await page.waitForSelector(`[data-test=delivery-row][data-delivery-id="${seeded.deadId}"][data-state=dead]`, {
      state: 'detached',
      timeout: 10_000,
    });
    // Sent by the worker, so it leaves the list of failed deliveries for good.
    await page.waitForSelector('[data-test=deliveries-empty]', { timeout: 10_000 });
    expect(hookHits).toBe(1);
  });

  it('shows a new notification live, in Turkish', async () => {
    await page.click('[data-test=lang-tr]');
    await page.waitForSelector('h1:has-text("Bildirimler")');
    await page.waitForSelector('[data-test=connection-status][data-state=live]');
    const id = await withClient(api.db.ownerUrl, async (client) => {
      await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [world.hotelA.id]);
      const row = await client.query<{ id: string }>(
        `INSERT INTO notification (tenant_id, user_id, kind, title, body, idempotency_key)
         VALUES ($1, $2, 'automation.notify', 'Yeni şikayet: oda 204', '', 'seed-live') RETURNING id`,
        [world.hotelA.id, world.users.adminA.id],
      );
      return row.rows[0].id;
    });
    // What Notifications.notify publishes after commit; the page reloads its list on any event.
    await pubsub.publish(tenantChannel(world.hotelA.id, TenantEvent.Notifications), {
      kind: 'created',
      hotelId: world.hotelA.id,
      userId: world.users.adminA.id,
      notification: {
        id,
        hotelId: world.hotelA.id,
        kind: 'automation.notify',
        title: 'Yeni şikayet: oda 204',
        body: '',
        caseId: null,
        ticketId: null,
        createdAt: new Date().toISOString(),
        readAt: null,
      },
    });
    const item = page.locator(`[data-test=notification][data-notification-id="${id}"]`);
    await item.waitFor({ timeout: 10_000 });
    // Unread first, above the one read earlier.
    expect(await page.locator('[data-test=notification]').first().getAttribute('data-notification-id')).toBe(id);
    expect(await text('[data-test=unread-count]')).toBe('1 okunmamış');
    expect(await item.locator('[data-test=notification-mark-read]').textContent()).toContain('Okundu işaretle');
  });

  it('hides the failed deliveries from agents and shows them nothing of other users', async () => {
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login/);
    await logIn(page, api.url, world.users.agentA.email);
    await page.goto(`${api.url}/hotels/${world.hotelA.id}/notifications`);
    await page.waitForSelector('[data-test=notifications-empty]');
    expect(await page.locator('[data-test=failed-deliveries]').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
