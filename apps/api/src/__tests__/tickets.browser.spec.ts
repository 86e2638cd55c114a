import type { Browser, Page } from 'playwright-core';
import { createWorld, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
import { launchChromium, openPage, submitLogin } from './browser-helpers';

/** A complaint case of hotel A, written as the DB owner, for the ticket ↔ case link. */
async function seedCase(api: TestApi, world: World): Promise<{ id: string; number: string }> {
  return withClient(api.db.ownerUrl, async (client) => {
    const hotel = world.hotelA.id;
    await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel]);
    const guest = await client.query<{ id: string }>(
      `INSERT INTO guest (tenant_id, display_name) VALUES ($1, 'Deniz Arslan') RETURNING id`,
      [hotel],
    );
    const number = `${world.hotelA.code}-2024-000777`;
    const kase = await client.query<{ id: string }>(
      `INSERT INTO guest_case (tenant_id, number, guest_id, status, source, channel, request_type, guest_name,
         request_text)
       VALUES ($1, $2, $3, 'open', 'whatsapp', 'whatsapp', 'complaint', 'Deniz Arslan', 'Odada sıcak su yok')
       RETURNING id`,
      [hotel, number, guest.rows[0].id],
    );
    return { id: kase.rows[0].id, number };
  });
}

/**
 * The ticket pages in a real browser against the API serving the built dashboard: a ticket created from the form
 * appears in the list (Turkish), another one created elsewhere arrives live, and the detail page walks the pipeline to
 * awaiting confirmation and a confirmed closure, with the case link and English labels.
 */
describe('ticket list and detail pages in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let kase: { id: string; number: string };
  let problems: string[] = [];

  const text = async (selector: string): Promise<string> => (await page.locator(selector).first().textContent()) ?? '';
  const rowsWith = (title: string) => page.locator('[data-test=ticket-row]', { hasText: title });

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    kase = await seedCase(api, world);
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, { locale: 'tr-TR', timezoneId: 'Europe/Istanbul' }));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('creates a ticket from the form and lists it; a ticket created elsewhere arrives live', async () => {
    await page.goto(`${api.url}/hotels/${world.hotelA.id}/tickets`);
    await page.waitForURL(/\/login/);
    await submitLogin(page, world.users.agentA.email);
    await page.waitForURL(new RegExp(`/hotels/${world.hotelA.id}/tickets`));
    await page.waitForSelector('[data-test=tickets-empty]');
    expect(await text('h1')).toBe('Talepler ve görevler');
    await page.waitForSelector('[data-test=connection-status][data-state=live]');

    await page.selectOption('[data-test=new-ticket-category]', 'maintenance');
    await page.selectOption('[data-test=new-ticket-priority]', 'P2');
    await page.fill('[data-test=new-ticket-title]', '412 numaralı odanın kliması soğutmuyor');
    await page.fill('[data-test=new-ticket-description]', 'Misafir iki kez aradı.');
    await page.click('[data-test=new-ticket-submit]');
    await page.waitForSelector('[data-test=new-ticket-created]');
    expect(await text('[data-test=new-ticket-created]')).toContain(`${world.hotelA.code}-T-000001`);
    const row = rowsWith('412 numaralı odanın kliması');
    await row.waitFor();
    expect(await row.locator('[data-test=ticket-status]').textContent()).toBe('Açık');
    expect(await row.textContent()).toContain('Teknik servis');

    // Another session opens a callback: the list shows it without a reload.
    const token = await api.login(world.users.adminA.email);
    const created = await api.gql(
      `mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }`,
      { i: { hotelId: world.hotelA.id, kind: 'callback', title: 'Deniz Hanım geri aranacak', caseId: kase.id } },
      token,
    );
    expect(created.errors).toBeUndefined();
    await rowsWith('Deniz Hanım geri aranacak').waitFor();
    expect(await page.locator('[data-test=ticket-row]').count()).toBe(2);

    // Filter by kind: the callback only.
    await page.check('[data-test=ticket-filter-kind][value=callback]');
    await page.waitForFunction(`document.querySelectorAll('[data-test=ticket-row]').length === 1`);
    expect(await text('[data-test=ticket-title]')).toBe('Deniz Hanım geri aranacak');
    await page.click('[data-test=ticket-filter-clear]');
    await page.waitForFunction(`document.querySelectorAll('[data-test=ticket-row]').length === 2`);
  });

  it('walks a ticket to awaiting confirmation and a confirmed closure on the detail page', async () => {
    await rowsWith('412 numaralı').locator('[data-test=ticket-link]').click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    await page.waitForSelector('[data-test=ticket-header][data-status=open]');
    expect(await text('[data-test=ticket-number]')).toBe(`${world.hotelA.code}-T-000001`);
    expect(await page.locator('section.ticket-sla').count()).toBe(1);

    await page.click('[data-test=assign-to-me]');
    await page.waitForSelector('[data-test=ticket-owner]:has-text("agent-a")');
    await page.click('[data-test=ticket-action][data-status=in_progress]');
    await page.waitForSelector('[data-test=ticket-header][data-status=in_progress]');

    await page.fill('[data-test=ticket-note-form-input]', 'Teknisyen odaya çıktı');
    await page.click('[data-test=ticket-note-form-submit]');
    await page.waitForSelector('[data-test=ticket-note]:has-text("Teknisyen odaya çıktı")');

    await page.fill('[data-test=ticket-action-note]', 'Kompresör değişti');
    await page.click('[data-test=ticket-action][data-status=awaiting_confirmation]');
    await page.waitForSelector('[data-test=ticket-header][data-status=awaiting_confirmation]');
    expect(await text('[data-test=ticket-status]')).toBe('Misafir onayı bekleniyor');
    // The deadline is shown in the hotel's zone once the ticket is reloaded after the change.
    await page.waitForSelector('[data-test=confirmation-due]');
    expect(await text('[data-test=confirmation-due]')).toMatch(/^Yanıt gelmezse kayıt .+ tarihinde kapanır\.$/);

    await page.click('[data-test=confirm-closure]');
    await page.waitForSelector('[data-test=ticket-header][data-status=closed]');
    expect(await text('[data-test=ticket-status]')).toBe('Kapandı');
    expect(await text('[data-test=ticket-closure]')).toBe('Misafir onayladı');
    expect(await text('[data-test=ticket-terminal]')).toContain('tamamlandı');
    expect(await text('[data-test=ticket-history]')).toContain('Kompresör değişti');

    await page.click('[data-test=lang-en]');
    await page.waitForSelector('[data-test=ticket-status]:has-text("Closed")');
    expect(await text('[data-test=ticket-closure]')).toBe('Guest confirmed');
  });

  it('links a ticket to its case and back to the list', async () => {
    await page.click('[data-test=back-to-tickets]');
    await rowsWith('Deniz Hanım geri aranacak').locator('[data-test=ticket-link]').click();
    await page.waitForSelector('[data-test=ticket-case-link]');
    expect(await text('[data-test=ticket-case-link]')).toContain(kase.number);
    expect(await page.locator('[data-test=ticket-case-link]').getAttribute('href')).toBe(
      `/hotels/${world.hotelA.id}/cases/${kase.id}`,
    );
    // A callback has no guest confirmation: it is resolved, not sent to awaiting confirmation.
    const offered = await page
      .locator('[data-test=ticket-action]')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-status')));
    expect(offered).toEqual(['in_progress', 'resolved', 'cancelled']);
    expect(problems).toEqual([]);
  });
});
