import type { Browser, Page } from 'playwright-core';
import {
  createWorld,
  GraphStub,
  signBody,
  startGraphStub,
  startTestApi,
  TestApi,
  whatsappTextWebhook,
  withClient,
  World,
} from '@baton/api/testing';
import { launchChromium, logIn, openPage, submitLogin } from './browser-helpers';

const PHONE_NUMBER_ID = `2${Date.now()}`.slice(0, 15);
const APP_SECRET = 'inbox-browser-app-secret';

interface Seeded {
  /** Complete WhatsApp case, waiting 12 minutes. */
  quoteCaseId: string;
  /** Web form case without guest name and contact. */
  formCaseId: string;
  formCaseNumber: string;
}

/** Two cases of hotel A written as the DB owner (SQL publishes no events; the page must load them from the API). */
async function seedCases(api: TestApi, world: World): Promise<Seeded> {
  return withClient(api.db.ownerUrl, async (client) => {
    const hotel = world.hotelA.id;
    await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel]);
    const guest = async (name: string | null): Promise<string> =>
      (
        await client.query<{ id: string }>(`INSERT INTO guest (tenant_id, display_name) VALUES ($1, $2) RETURNING id`, [
          hotel,
          name,
        ])
      ).rows[0].id;
    const insertCase = async (values: {
      number: string;
      guestId: string;
      status: string;
      priority: string;
      channel: string;
      requestType: string | null;
      guestName: string | null;
      contact: string | null;
      requestText: string;
      ageMinutes: number;
    }): Promise<string> =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO guest_case (tenant_id, number, guest_id, status, priority, source, channel, request_type,
             guest_name, contact, request_text, waiting_since, last_inbound_at, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10,
             now() - make_interval(mins => $11), now() - make_interval(mins => $11),
             now() - make_interval(mins => $11 + 1), now() - make_interval(mins => $11))
           RETURNING id`,
          [
            hotel,
            values.number,
            values.guestId,
            values.status,
            values.priority,
            values.channel,
            values.requestType,
            values.guestName,
            values.contact,
            values.requestText,
            values.ageMinutes,
          ],
        )
      ).rows[0].id;
    const message = (caseId: string, channel: string, contentType: string, body: string, attachment: unknown) =>
      client.query(
        `INSERT INTO case_message (tenant_id, case_id, direction, channel, content_type, body, attachment, occurred_at)
         SELECT $1, $2, 'inbound', $3, $4, $5, $6, waiting_since FROM guest_case WHERE tenant_id = $1 AND id = $2`,
        [hotel, caseId, channel, contentType, body, attachment === null ? null : JSON.stringify(attachment)],
      );

    const quoteCaseId = await insertCase({
      number: `${world.hotelA.code}-2024-000901`,
      guestId: await guest('Ayşe Yılmaz'),
      status: 'open',
      priority: 'P2',
      channel: 'whatsapp',
      requestType: 'quote',
      guestName: 'Ayşe Yılmaz',
      contact: '+905321112233',
      requestText: '3 gece için fiyat alabilir miyim?',
      ageMinutes: 12,
    });
    await message(quoteCaseId, 'whatsapp', 'text', '3 gece için fiyat alabilir miyim?', null);

    const formCaseNumber = `${world.hotelA.code}-2024-000902`;
    const formCaseId = await insertCase({
      number: formCaseNumber,
      guestId: await guest(null),
      status: 'new',
      priority: 'P1',
      channel: 'webform',
      requestType: null,
      guestName: null,
      contact: null,
      requestText: 'Düğün organizasyonu için bilgi istiyoruz',
      ageMinutes: 3,
    });
    await message(formCaseId, 'webform', 'form', '', { fields: { Kişi: '120', Tarih: 'Haziran' } });
    return { quoteCaseId, formCaseId, formCaseNumber };
  });
}

const whatsappBody = (from: string, name: string, id: string, text: string) =>
  whatsappTextWebhook({ phoneNumberId: PHONE_NUMBER_ID, from, name, id, text });

const PBX_KEY = `pbx-inbox-${Date.now()}`;
const PBX_SECRET = 'inbox-browser-pbx-secret';

const sign = (body: string, secret = APP_SECRET) => signBody(body, secret);

/**
 * Inbox, case and campaign pages in a real browser against the API serving the built dashboard: Turkish and English
 * rendering, the mandatory-field warning and form, status/note/handoff actions, and live updates that arrive without a
 * reload (a note from another session, a new WhatsApp conversation through the signed webhook).
 */
describe('inbox, case and campaign pages in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let seeded: Seeded;
  let graph: GraphStub;
  let problems: string[] = [];

  const text = async (selector: string): Promise<string> => (await page.locator(selector).first().textContent()) ?? '';
  /** Until the inbox shows exactly `count` rows (a string predicate: this file is compiled without the DOM lib). */
  const waitForRows = (count: number, timeout = 5_000) =>
    page.waitForFunction(`document.querySelectorAll('[data-test=case-row]').length === ${count}`, undefined, {
      timeout,
    });

  beforeAll(async () => {
    // Role `all`: this process also drains inbound events (webhook → case) and publishes their case events.
    graph = await startGraphStub();
    api = await startTestApi({
      dashboard: true,
      role: 'all',
      env: { INTAKE_SWEEP_MS: '300', META_GRAPH_URL: graph.url },
    });
    world = await createWorld(api.db);
    seeded = await seedCases(api, world);
    browser = await launchChromium();
    // A Turkish browser: the dashboard starts in Turkish without any choice stored.
    ({ page, problems } = await openPage(browser, { locale: 'tr-TR', timezoneId: 'America/New_York' }));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await graph?.close();
  });

  it('lists the cases in Turkish, in the hotel time zone, and switches to English', async () => {
    await logIn(page, api.url, world.users.adminA.email);

    await page.click(`[data-test=hotel-inbox-link][data-hotel-code=${world.hotelA.code}]`);
    await page.waitForURL(new RegExp(`/hotels/${world.hotelA.id}/inbox`));
    await page.waitForSelector('[data-test=case-row]');
    expect(await page.locator('[data-test=case-row]').count()).toBe(2);
    // Newest first: the web form case (3 min) above the WhatsApp case (12 min).
    expect(await page.locator('[data-test=case-row]').first().getAttribute('data-case-id')).toBe(seeded.formCaseId);

    const quoteRow = page.locator(`[data-test=case-row][data-case-id="${seeded.quoteCaseId}"]`);
    expect(await quoteRow.locator('[data-test=case-guest]').textContent()).toContain('Ayşe Yılmaz');
    expect(await quoteRow.locator('[data-test=status-badge]').textContent()).toContain('Açık');
    expect(await quoteRow.textContent()).toContain('Fiyat teklifi'); // request type, from the hotel dictionary
    expect(await quoteRow.locator('[data-test=age]').textContent()).toMatch(/^1[23] dk$/);
    expect(await page.locator('thead').textContent()).toContain('Misafir');
    await page.waitForSelector('[data-test=queue-open]:text("2")');
    expect(await text('[data-test=active-campaigns]')).toContain('Aktif kampanyalar');

    // Filters: status "new" leaves the web form case only; clearing brings both back.
    await page.check('[data-test=filter-status][value=new]');
    await waitForRows(1);
    expect(await page.locator('[data-test=case-row]').first().getAttribute('data-case-id')).toBe(seeded.formCaseId);
    await page.click('[data-test=filter-clear]');
    await waitForRows(2);

    await page.click('[data-test=lang-en]');
    await page.waitForSelector('thead:has-text("Guest")');
    expect(await quoteRow.locator('[data-test=status-badge]').textContent()).toContain('Open');
    expect(await quoteRow.locator('[data-test=age]').textContent()).toMatch(/^1[23] min$/);
    expect(await text('[data-test=case-count]')).toContain('2 of 2 cases');
  });

  it('fills the mandatory fields, hands off, changes status and notes a web form case', async () => {
    await page.click(`[data-test=case-row][data-case-id="${seeded.formCaseId}"] [data-test=case-link]`);
    await page.waitForURL(new RegExp(`/cases/${seeded.formCaseId}`));
    await page.waitForSelector('[data-test=case-header]');
    expect(await text('[data-test=case-number]')).toBe(seeded.formCaseNumber);
    // Times are the hotel's (Europe/Istanbul), not the browser's (America/New_York).
    const opened = await api.gql<{ case: { createdAt: string } }>(
      `query($hotelId: ID!, $id: ID!) { case(hotelId: $hotelId, id: $id) { createdAt } }`,
      { hotelId: world.hotelA.id, id: seeded.formCaseId },
      await api.login(world.users.adminA.email),
    );
    const istanbul = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Istanbul',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(opened.data!.case.createdAt));
    expect(await text('[data-test=case-opened]')).toContain(istanbul);

    const warning = page.locator('[data-test=mandatory-warning]');
    await warning.waitFor();
    expect(await warning.locator('[data-test=mandatory-missing]').textContent()).toBe('Guest name, Contact');
    // Web forms cannot be answered from Baton: the reply box says why.
    expect(await text('[data-test=reply-disabled]')).toContain('Web form conversations cannot be answered');
    expect(await page.locator('[data-test=reply-input]').isDisabled()).toBe(true);
    // The form submission is in the timeline with its fields.
    expect(await text('[data-test=timeline-message][data-content-type=form]')).toContain('120');

    // A handoff is refused while fields are missing, and the dialog names them.
    await page.click('[data-test=handoff-open]');
    await page.waitForSelector('[data-test=handoff-dialog]');
    await page.selectOption('[data-test=handoff-team]', 'sales');
    await page.click('[data-test=handoff-submit]');
    await page.waitForSelector('[data-test=handoff-error]');
    expect(await text('[data-test=handoff-error]')).toBe('Fill in before handing off: Guest name, Contact');
    await page.click('[data-test=handoff-cancel]');

    await page.fill('[data-test=mandatory-guestName]', 'Elif Kaya');
    await page.fill('[data-test=mandatory-contact]', 'elif@example.com');
    await page.click('[data-test=mandatory-save]');
    await warning.waitFor({ state: 'detached' });
    expect((await text('[data-test=case-guest-name]')).trim()).toBe('Elif Kaya');

    // Only allowed transitions are offered; "lost" needs a reason from the dictionary.
    const offered = await page
      .locator('[data-test=status-select] option:not([disabled])')
      .evaluateAll((options) => options.map((option) => option.getAttribute('value')));
    expect(offered).toEqual(['open', 'in_progress', 'handed_off', 'closed', 'lost']);
    await page.selectOption('[data-test=status-select]', 'lost');
    await page.waitForSelector('[data-test=lost-reason-select]');
    expect(await page.locator('[data-test=status-apply]').isDisabled()).toBe(true);
    await page.selectOption('[data-test=status-select]', 'in_progress');
    await page.click('[data-test=status-apply]');
    await page.waitForSelector('[data-test=case-header][data-status=in_progress]');
    await page.waitForSelector('[data-test=timeline-transition]:has-text("New → In progress")');

    await page.fill('[data-test=note-input]', 'Called back, waiting for the date');
    await page.click('[data-test=note-submit]');
    await page.waitForSelector('[data-test=timeline-note]:has-text("Called back, waiting for the date")');
    expect(await page.locator('[data-test=note-input]').inputValue()).toBe('');

    await page.click('[data-test=handoff-open]');
    await page.selectOption('[data-test=handoff-team]', 'sales');
    await page.selectOption('[data-test=handoff-reason]', 'group_or_vip');
    await page.click('[data-test=handoff-submit]');
    await page.waitForSelector('[data-test=handoff-dialog]', { state: 'detached' });
    await page.waitForSelector('[data-test=pending-handoff]:has-text("Sales")');
    await page.click('[data-test=accept-handoff]');
    await page.waitForSelector('[data-test=pending-handoff]', { state: 'detached' });
    await page.waitForSelector('[data-test=timeline-handoff_accepted]');

    // Unassign through the owner picker (admins may list members), then take it back with "assign to me".
    await page.selectOption('[data-test=owner-select]', '');
    await page.click('[data-test=owner-apply]');
    await page.waitForSelector('[data-test=case-owner]:has-text("Unassigned")');
    await page.click('[data-test=assign-me]');
    await page.waitForSelector('[data-test=case-owner]:has-text("admin-a")');
  });

  it('shows a note added in another session without a reload', async () => {
    const supervisor = await api.login(world.users.supervisorA.email);
    const added = await api.gql(
      `mutation($hotelId: ID!, $caseId: ID!, $body: String!) { addCaseNote(hotelId: $hotelId, caseId: $caseId, body: $body) { id } }`,
      { hotelId: world.hotelA.id, caseId: seeded.formCaseId, body: 'Supervisor: VIP group, prioritise' },
      supervisor,
    );
    expect(added.errors).toBeUndefined();
    await page.waitForSelector('[data-test=timeline-note]:has-text("Supervisor: VIP group, prioritise")', {
      timeout: 10_000,
    });
    await page.waitForSelector('[data-test=case-live]');
  });

  it('puts a new WhatsApp conversation on top of the open inbox, live', async () => {
    const admin = await api.login(world.users.adminA.email);
    for (const input of [
      {
        hotelId: world.hotelA.id,
        provider: 'whatsapp',
        externalId: PHONE_NUMBER_ID,
        displayName: 'WhatsApp',
        appSecret: APP_SECRET,
        accessToken: 'wa-access-token',
      },
      { hotelId: world.hotelA.id, provider: 'pbx', externalId: PBX_KEY, displayName: 'Santral', appSecret: PBX_SECRET },
    ]) {
      const saved = await api.gql(
        `mutation($input: SaveChannelAccountInput!) { saveChannelAccount(input: $input) { id } }`,
        { input },
        admin,
      );
      expect(saved.errors).toBeUndefined();
    }

    await page.click('[data-test=back-to-inbox]');
    await page.waitForSelector('[data-test=case-row]');
    await page.waitForSelector('[data-test=connection-status][data-state=live]', { timeout: 15_000 });
    expect(await page.locator('[data-test=case-row]').count()).toBe(2);

    const body = whatsappBody('905559998877', 'Mehmet Demir', 'wamid.inbox-live-1', 'Merhaba, balayı paketi var mı?');
    const response = await fetch(`${api.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
      body,
    });
    expect(response.status).toBe(200);

    const first = page.locator('[data-test=case-row]').first();
    await page.waitForSelector('[data-test=case-row][data-fresh=true]:has-text("Mehmet Demir")', { timeout: 15_000 });
    expect(await first.textContent()).toContain('Mehmet Demir');
    expect(await page.locator('[data-test=case-row]').count()).toBe(3);
    await page.waitForSelector('[data-test=queue-open]:text("3")');

    // Full-text search (debounced), accent-insensitive: "balayi" finds "balayı".
    await page.fill('[data-test=filter-search]', 'balayi');
    await waitForRows(1);
    expect(await first.textContent()).toContain('Mehmet Demir');
    await page.fill('[data-test=filter-search]', '');
    await waitForRows(3);
  });

  it('shows a missed call, suggests a likely duplicate guest, merges it and undoes the merge', async () => {
    // Same name, another number sharing the last 7 digits: a new guest, and a merge suggestion (not an auto-link).
    const body = whatsappBody('905329998877', 'Mehmet Demir', 'wamid.inbox-live-2', 'Tarihleri değiştirebilir miyiz?');
    const response = await fetch(`${api.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(body) },
      body,
    });
    expect(response.status).toBe(200);
    await waitForRows(4, 15_000);
    // The guest also called and nobody answered: the PBX log lands on the same case and stands out in the timeline.
    const call = JSON.stringify({
      callId: 'call-inbox-1',
      callerNumber: '0532 999 88 77',
      calledNumber: '+902420000001',
      direction: 'in',
      startedAt: new Date().toISOString(),
      durationSeconds: 0,
      outcome: 'missed',
    });
    const logged = await fetch(`${api.url}/intake/calls/${PBX_KEY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-baton-signature': sign(call, PBX_SECRET) },
      body: call,
    });
    expect(logged.status).toBeLessThan(300);
    await page.locator('[data-test=case-row]').first().locator('[data-test=case-link]').click();
    await page.waitForSelector('[data-test=timeline-message]:has-text("Tarihleri değiştirebilir miyiz?")');
    await page.waitForSelector('[data-test=timeline-message][data-content-type=call] [data-test=missed-call]', {
      timeout: 10_000,
    });
    expect(await text('[data-test=missed-call]')).toBe('Missed call');

    const suggestion = page.locator('[data-test=merge-suggestion]');
    await suggestion.waitFor({ timeout: 10_000 });
    expect(await suggestion.textContent()).toContain('Mehmet Demir');
    expect(await page.locator('[data-test=repeat-guest-badge]').count()).toBe(0);
    await suggestion.locator('[data-test=merge-guest]').click();
    await suggestion.waitFor({ state: 'detached' });
    // Both guests' cases now belong to this guest: a repeat guest, said in the header.
    await page.waitForSelector('[data-test=repeat-guest-badge]');
    const merge = page.locator('[data-test=guest-merge]');
    await merge.waitFor();
    await merge.locator('[data-test=undo-merge]').click();
    await merge.locator('[data-test=undo-merge]').waitFor({ state: 'detached' });
    expect(await merge.textContent()).toContain('undone');
    await page.waitForSelector('[data-test=repeat-guest-badge]', { state: 'detached' });
  });

  it('replies on WhatsApp, shows a refused delivery and retries it', async () => {
    graph.next.push(400);
    await page.fill('[data-test=reply-input]', 'Tabii, tarihleri değiştirebiliriz.');
    await page.click('[data-test=reply-submit]');
    const reply = page.locator('[data-test=timeline-message][data-direction=outbound]').last();
    await reply.waitFor();
    expect(await reply.textContent()).toContain('Tabii, tarihleri değiştirebiliriz.');
    expect(await page.locator('[data-test=reply-input]').inputValue()).toBe('');

    await page.waitForSelector('[data-test=timeline-message][data-direction=outbound][data-delivery=failed]', {
      timeout: 15_000,
    });
    expect(await reply.textContent()).toContain('Not delivered: ');
    await reply.locator('[data-test=retry-message]').click();
    await page.waitForSelector('[data-test=timeline-message][data-direction=outbound][data-delivery=sent]', {
      timeout: 15_000,
    });
    expect(await reply.locator('[data-test=delivery-status]').textContent()).toContain('✓');
  });

  it('creates a campaign through the form, lists it as active, and shows it in the inbox strip', async () => {
    await page.click('[data-test=nav-campaigns]');
    await page.waitForURL(/\/campaigns$/);
    await page.waitForSelector('[data-test=campaign-form]');
    await page.fill('[data-test=campaign-name]', 'Yaz erken rezervasyon');
    await page.fill('[data-test=campaign-utm]', 'yaz-erken-2025');
    await page.fill('[data-test=campaign-offer]', '%20 indirim, 30 Nisan’a kadar');
    await page.check('[data-test=campaign-channel][value=whatsapp]');
    await page.click('[data-test=campaign-save]');
    const row = page.locator('[data-test=campaign-row][data-utm=yaz-erken-2025]');
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');
    expect(await row.locator('[data-test=campaign-active]').textContent()).toContain('Active');

    // The same UTM code again: the API's CONFLICT is shown next to the form.
    await page.fill('[data-test=campaign-name]', 'Duplicate');
    await page.fill('[data-test=campaign-utm]', 'yaz-erken-2025');
    await page.click('[data-test=campaign-save]');
    await page.waitForSelector('[data-test=campaign-error]');
    expect(await text('[data-test=campaign-error]')).toMatch(/^Conflict: /);

    await page.click('[data-test=generate-summary]');
    await page.waitForSelector('[data-test=daily-summary]');

    await page.click('[data-test=nav-inbox]');
    await page.waitForSelector('[data-test=active-campaign][data-utm=yaz-erken-2025]');
  });

  it('pages through a long inbox with "load more" (another user, another hotel)', async () => {
    await withClient(api.db.ownerUrl, async (client) => {
      const hotel = world.hotelB.id;
      await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel]);
      const guest = await client.query<{ id: string }>(`INSERT INTO guest (tenant_id) VALUES ($1) RETURNING id`, [
        hotel,
      ]);
      await client.query(
        `INSERT INTO guest_case (tenant_id, number, guest_id, status, source, channel, guest_name, created_at)
         SELECT $1, $2 || '-2024-' || lpad(n::text, 6, '0'), $3, 'closed', 'email', 'email', 'Guest ' || n,
                now() - make_interval(hours => n)
         FROM generate_series(1, 30) AS n`,
        [hotel, world.hotelB.code, guest.rows[0].id],
      );
    });
    await page.click('[data-test=logout]');
    await page.waitForURL(/\/login/);
    await submitLogin(page, world.users.adminB.email);
    await page.waitForURL(/\/hotels/);
    await page.click(`[data-test=hotel-inbox-link][data-hotel-code=${world.hotelB.code}]`);
    await page.waitForSelector('[data-test=case-row]');
    expect(await page.locator('[data-test=case-row]').count()).toBe(25);
    await page.click('[data-test=load-more]');
    await waitForRows(30);
    expect(await page.locator('[data-test=load-more]').count()).toBe(0);
    // Newest first across both pages.
    expect(await page.locator('[data-test=case-row]').last().getAttribute('data-case-number')).toBe(
      `${world.hotelB.code}-2024-000030`,
    );
    expect(await text('[data-test=case-count]')).toContain('30 of 30 cases');
    expect(problems).toEqual([]);
  });
});
