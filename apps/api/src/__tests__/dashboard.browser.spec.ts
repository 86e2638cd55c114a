import type { Browser } from 'playwright-core';
import { createWorld, startTestApi, TestApi, World } from '@baton/api/testing';
import { launchChromium, openPage, submitLogin } from './browser-helpers';

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
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('logs in and sees a live event arrive', async () => {
    const { page, problems } = await openPage(browser);

    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/login/);
    await submitLogin(page, world.users.agentA.email, 'wrong');
    await page.waitForSelector('[data-test=login-error]');

    await submitLogin(page, world.users.agentA.email);
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
