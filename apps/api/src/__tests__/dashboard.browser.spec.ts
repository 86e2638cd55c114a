import { Browser, chromium } from 'playwright-core';
import { createWorld, startTestApi, TestApi, World } from '@baton/api/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The whole path in a real browser: the API serves the built dashboard, a user logs in through the form, opens the
 * hotel, and an audit event committed by someone else arrives in the live feed without a reload.
 */
describe('dashboard in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    browser = await chromium.launch({
      // Playwright gives each launch a fresh temporary profile and runs headless.
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('logs in and sees a live event arrive', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/login/);
    await page.fill('[data-test=login-email]', world.users.agentA.email);
    await page.fill('[data-test=login-password]', 'wrong');
    await page.click('[data-test=login-submit]');
    await page.waitForSelector('[data-test=login-error]');

    await page.fill('[data-test=login-password]', 'baton-demo');
    await page.click('[data-test=login-submit]');
    await page.waitForURL(/\/hotels/);
    await page.waitForSelector(`[data-test=hotel-item][data-hotel-code=${world.hotelA.code}]`);
    await page.waitForSelector('[data-test=connection-status][data-state=live]', { timeout: 15_000 });
    const before = await page.locator('[data-test=activity-item]').count();

    const admin = await api.login(world.users.adminA.email);
    const change = await api.gql(
      `mutation { updateHotelSettings(hotelId: "${world.hotelA.id}", input: { name: "Hotel Alpha Live" }) { id } }`,
      {},
      admin,
    );
    expect(change.errors).toBeUndefined();

    const item = page.locator('[data-test=activity-item][data-action="hotel.settings_updated"]').first();
    await item.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-test=activity-item]').count()).toBe(before + 1);
    expect(await item.textContent()).toContain('admin-a');

    await page.click('[data-test=lang-en]');
    await page.waitForSelector('text=Hotel settings updated');
    await page.click('[data-test=lang-tr]');
    await page.waitForSelector('text=Otel ayarları güncellendi');
    expect(problems).toEqual([]);
  });
});
