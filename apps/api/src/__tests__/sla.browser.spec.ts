import type { Browser, Page } from 'playwright-core';
import { createWorld, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
import { launchChromium, logIn, openPage } from './browser-helpers';

/** A case of hotel A with a running first-response clock due in 20 minutes, written as the DB owner. */
async function seedCaseWithClock(api: TestApi, world: World): Promise<string> {
  return withClient(api.db.ownerUrl, async (client) => {
    const hotel = world.hotelA.id;
    await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel]);
    const guest = await client.query<{ id: string }>(
      `INSERT INTO guest (tenant_id, display_name) VALUES ($1, 'Ayşe Yılmaz') RETURNING id`,
      [hotel],
    );
    const kase = await client.query<{ id: string }>(
      `INSERT INTO guest_case (tenant_id, number, guest_id, status, priority, source, channel, guest_name, contact,
         request_text, waiting_since, last_inbound_at, created_at, updated_at)
       VALUES ($1, $2, $3, 'new', 'P3', 'whatsapp', 'whatsapp', 'Ayşe Yılmaz', '+905321112233', 'Oda var mı?',
         now() - interval '40 minutes', now() - interval '40 minutes', now() - interval '40 minutes', now())
       RETURNING id`,
      [hotel, `${world.hotelA.code}-2026-000777`, guest.rows[0].id],
    );
    await client.query(
      `INSERT INTO sla_clock (tenant_id, target_type, target_id, metric, policy_version, policy_name, target_minutes,
         basis, raci_step, reminder_minutes, warning_minutes, state, started_at, due_at, steps_fired)
       VALUES ($1, 'case', $2, 'first_response', 1, 'General', 60, 'calendar', 'dm_intake', 30, 10, 'running',
         now() - interval '40 minutes', now() + interval '20 minutes', '{started,reminder}')`,
      [hotel, kase.rows[0].id],
    );
    return kase.rows[0].id;
  });
}

/**
 * The SLA policy editor and the case page's countdowns in a real browser against the API serving the built dashboard:
 * a workflow manager creates a policy (the form's own checks and the API's validation show next to it), finds it
 * after a reload and reorders it; the case page shows the live countdown of its clock.
 */
describe('SLA policies page and case countdowns in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  let problems: string[] = [];

  const names = () => page.locator('[data-test=sla-policy-name]').allTextContents();
  const waitForPolicies = (count: number) =>
    page.waitForFunction(`document.querySelectorAll('[data-test=sla-policy]').length === ${count}`, undefined, {
      timeout: 5_000,
    });

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    caseId = await seedCaseWithClock(api, world);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, { locale: 'tr-TR', timezoneId: 'Europe/Istanbul' }));
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('creates a policy as a workflow manager, with validation, and finds it after a reload', async () => {
    await logIn(page, api.url, world.users.adminA.email);
    await page.goto(`${api.url}/hotels/${world.hotelA.id}/admin/sla`);
    await page.waitForSelector('[data-test=sla-page]');
    await waitForPolicies(2);
    expect(await names()).toEqual(['P1/P2', 'General']);
    expect(await page.locator('[data-test=sla-page] h1').textContent()).toBe('SLA politikaları');

    // The form's own check: a name is needed.
    await page.click('[data-test=sla-new]');
    await page.click('[data-test=sla-save]');
    await page.waitForSelector('[data-test=sla-errors]');
    expect(await page.locator('[data-test=sla-errors]').textContent()).toContain('Politikaya bir ad verin.');

    // The API's check: a target over a year is refused, named by its metric.
    await page.fill('[data-test=sla-name]', 'Balayı VIP');
    await page.check('[data-test=sla-labels] input[value=honeymoon]');
    const first = page.locator('[data-test=sla-target-first_response]');
    await first.locator('[data-test=sla-target-minutes]').fill('999999');
    await page.click('[data-test=sla-save]');
    await page.waitForSelector('[data-test=sla-errors]:has-text("İlk yanıt")');
    expect(await page.locator('[data-test=sla-errors]').textContent()).toContain('minutes must be at most');

    await first.locator('[data-test=sla-target-minutes]').fill('5');
    await first.locator('[data-test=sla-target-basis]').selectOption('calendar');
    const resolution = page.locator('[data-test=sla-target-resolution]');
    await resolution.locator('[data-test=sla-target-on]').check();
    await resolution.locator('[data-test=sla-target-minutes]').fill('240');
    await page.check('[data-test=sla-pause-statuses] input[value=quoted]');
    await page.click('[data-test=sla-save]');
    await page.waitForSelector('[data-test=sla-saved]');
    await waitForPolicies(3);

    await page.reload();
    await waitForPolicies(3);
    expect(await names()).toEqual(['P1/P2', 'General', 'Balayı VIP']);
    const vip = page.locator('[data-test=sla-policy][data-name="Balayı VIP"]');
    expect(await vip.textContent()).toContain('Balayı');
    expect(await vip.textContent()).toContain('İlk yanıt: 5 dk');

    // Moving it up makes it match before the general policy.
    await vip.locator('[data-test=sla-policy-up]').click();
    await page.waitForFunction(
      `[...document.querySelectorAll('[data-test=sla-policy-name]')].map((e) => e.textContent).join('|') === 'P1/P2|Balayı VIP|General'`,
      undefined,
      { timeout: 5_000 },
    );

    // Editing loads it into the form.
    await vip.locator('[data-test=sla-policy-edit]').click();
    expect(await page.locator('[data-test=sla-name]').inputValue()).toBe('Balayı VIP');
    expect(await page.locator('[data-test=sla-labels] input[value=honeymoon]').isChecked()).toBe(true);
  });

  it('shows the case’s SLA countdown on the case page, live', async () => {
    await page.goto(`${api.url}/hotels/${world.hotelA.id}/cases/${caseId}`);
    await page.waitForSelector('[data-test=case-header]');
    const countdown = page.locator('[data-test=sla-countdown][data-metric=first_response]');
    await countdown.waitFor();
    expect(await countdown.getAttribute('data-state')).toBe('running');
    expect(await countdown.textContent()).toMatch(/İlk yanıt\s*(19|20) dk kaldı/);

    // Another agent answers: the engine stops the clock and the page hears it on slaEvents, without a reload.
    const reply = await api.gql(
      `mutation($i: ReplyToCaseInput!) { replyToCase(input: $i) { id } }`,
      { i: { hotelId: world.hotelA.id, caseId, body: 'Evet, müsait.' } },
      await api.login(world.users.agentA.email),
    );
    expect(reply.errors).toBeUndefined();
    await page.waitForSelector('[data-test=sla-countdown][data-metric=first_response][data-state=met]');
    expect(await countdown.textContent()).toContain('Karşılandı');
    expect(problems).toEqual([]);
  });
});
