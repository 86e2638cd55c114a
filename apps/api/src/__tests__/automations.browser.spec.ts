import type { Browser, Page } from 'playwright-core';
import type { Client } from 'pg';
import { createWorld, startTestApi, TestApi, withClient, World } from '@baton/api/testing';
import { seedAutomations } from '../seed/workflow-automations';
import { launchChromium, logIn, openPage } from './browser-helpers';

const DAY = 86_400_000;

/** Three conversations of hotel A in the last days, written as the DB owner: what the seed and the dry-run replay. */
async function seedHistory(client: Client, world: World): Promise<void> {
  const hotel = world.hotelA.id;
  await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [hotel]);
  const conversation = async (
    n: number,
    channel: string,
    name: string,
    daysAgo: number,
    messages: Array<[minutes: number, direction: 'inbound' | 'outbound', body: string]>,
    status = 'open',
  ) => {
    const start = new Date(Date.now() - daysAgo * DAY);
    const guest = await client.query<{ id: string }>(
      `INSERT INTO guest (tenant_id, display_name) VALUES ($1, $2) RETURNING id`,
      [hotel, name],
    );
    await client.query(
      `INSERT INTO guest_identity (tenant_id, guest_id, kind, value, origin_guest_id) VALUES ($1, $2, 'whatsapp', $3, $2)`,
      [hotel, guest.rows[0].id, `+90532000000${n}`],
    );
    const kase = await client.query<{ id: string }>(
      `INSERT INTO guest_case (tenant_id, number, guest_id, status, source, channel, guest_name, contact, request_text,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [
        hotel,
        `${world.hotelA.code}-2026-00010${n}`,
        guest.rows[0].id,
        status,
        channel,
        name,
        `+90532000000${n}`,
        messages[0][2],
        start,
      ],
    );
    await client.query(
      `INSERT INTO case_transition (tenant_id, case_id, from_status, to_status, occurred_at) VALUES ($1, $2, NULL, 'new', $3)`,
      [hotel, kase.rows[0].id, start],
    );
    for (const [minutes, direction, body] of messages) {
      await client.query(
        `INSERT INTO case_message (tenant_id, case_id, direction, channel, body, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [hotel, kase.rows[0].id, direction, channel, body, new Date(start.getTime() + minutes * 60_000)],
      );
    }
    if (status !== 'open') {
      await client.query(
        `INSERT INTO case_transition (tenant_id, case_id, from_status, to_status, occurred_at) VALUES ($1, $2, 'in_progress', $3, $4)`,
        [hotel, kase.rows[0].id, status, new Date(start.getTime() + 90 * 60_000)],
      );
    }
  };
  await conversation(1, 'whatsapp', 'Ayşe Yılmaz', 2, [
    [0, 'inbound', 'Merhaba, 3 gece için fiyat alabilir miyim?'],
    [5, 'outbound', 'Tabii, tarihleriniz nedir?'],
    [30, 'inbound', 'Vazgeçtim, rezervasyonumu iptal etmek istiyorum'],
  ]);
  await conversation(2, 'instagram', 'Mehmet Demir', 1, [[0, 'inbound', 'Oda çok kirliydi, şikayet edeceğim!']]);
  await conversation(3, 'phone', 'Elif Şahin', 3, [[0, 'inbound', 'Telefonda rezervasyon']], 'won');
}

/**
 * The rule editor in Chromium against the API serving the built dashboard: the seeded playbook rules and their run
 * history, creating a rule, a dry-run over the seeded conversations, editing to version 2 and rolling back.
 */
describe('automations page in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];

  const text = async (selector: string): Promise<string> => (await page.locator(selector).first().textContent()) ?? '';

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    await withClient(api.db.ownerUrl, async (client) => {
      await seedHistory(client, world);
      await seedAutomations(client, world.hotelA, Date.now());
      // Idempotent: a second run changes nothing.
      await seedAutomations(client, world.hotelA, Date.now());
    });
    browser = await launchChromium();
    ({ page, problems } = await openPage(browser, { locale: 'tr-TR' }));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the seed wrote the playbook, a second version of the keyword rule and the run history of the seeded cases', async () => {
    const rows = await withClient(api.db.ownerUrl, async (client) => {
      await client.query(`SELECT set_config('app.tenant_ids', $1, false)`, [world.hotelA.id]);
      return (
        await client.query<{
          rules: string;
          versions: string;
          sets: string;
          keyword_runs: string;
          summary_runs: string;
        }>(
          `SELECT (SELECT count(*) FROM automation_rule) AS rules, (SELECT count(*) FROM automation_rule_version) AS versions,
                  (SELECT count(*) FROM automation_keyword_set) AS sets,
                  (SELECT count(*) FROM automation_run x JOIN automation_rule r ON r.id = x.rule_id
                    WHERE r.default_key = 'keyword_phone') AS keyword_runs,
                  (SELECT count(*) FROM automation_run x JOIN automation_rule r ON r.id = x.rule_id
                    WHERE r.default_key = 'phone_booking_summary') AS summary_runs`,
        )
      ).rows[0];
    });
    expect(rows).toEqual({ rules: '6', versions: '7', sets: '2', keyword_runs: '2', summary_runs: '1' });
  });

  it('lists the rules as the playbook table, with the seeded runs, in Turkish', async () => {
    await logIn(page, api.url, world.users.adminA.email);
    await page.goto(`${api.url}/hotels/${world.hotelA.id}/admin/automations`);
    await page.waitForSelector('[data-test=rule-row]');
    expect(await page.locator('[data-test=rule-row]').count()).toBe(6);
    expect(await text('[data-test=rules-table] thead')).toContain('Tetikleyici');
    const p1 = page.locator('[data-test=rule-row]', { hasText: 'P1 talep' });
    expect(await p1.textContent()).toContain('Kayıt açıldı');
    expect(await p1.textContent()).toContain('kayıt + e-posta');
    await page.waitForSelector('[data-test=run-row]');
    expect(await page.locator('[data-test=run-row]').count()).toBeGreaterThanOrEqual(3);
    expect(await text('[data-test=runs-table]')).toContain('İptal veya kriz kelimesi');
  });

  it('creates a rule, dry-runs it over the seeded history, edits it to version 2 and rolls back', async () => {
    await page.click('[data-test=rule-new]');
    await page.fill('[data-test=rule-name]', 'Şikayet → not');
    await page.click('[data-test=add-condition]');
    await page.selectOption('[data-test=condition-field]', 'keywords');
    await page.fill('[data-test=condition-values]', 'crisis');
    await page.locator('[data-test=condition-values]').blur();
    await page.selectOption('[data-test=action-type]', 'add_note');
    await page.fill('[data-test=action-body]', 'Şikayet: {{caseNumber}}');
    await page.locator('[data-test=action-body]').blur();

    // The unsaved draft is replayed: the complaint two days ago matches.
    await page.fill('[data-test=dry-run-days]', '7');
    await page.click('[data-test=dry-run-start]');
    await page.waitForSelector('[data-test=dry-run-match]');
    expect(await page.locator('[data-test=dry-run-match]').count()).toBe(1);
    expect(await text('[data-test=dry-run-results]')).toContain(`Şikayet: ${world.hotelA.code}-2026-000102`);
    expect(await text('[data-test=dry-run-summary]')).toContain('1 eşleşme');

    await page.click('[data-test=rule-save]');
    await page.waitForSelector('[data-test=rule-saved]');
    expect(await text('[data-test=rule-saved]')).toContain('Sürüm 1');
    await page.waitForSelector('[data-test=version-item][data-version="1"]');
    expect(await page.locator('[data-test=rule-row]').count()).toBe(7);

    await page.fill('[data-test=rule-name]', 'Şikayet → not (düzenlendi)');
    await page.click('[data-test=rule-save]');
    await page.waitForSelector('[data-test=version-item][data-version="2"]');
    expect(await text('[data-test=version-item][data-version="2"] [data-test=version-diff]')).toContain('name');

    await page.click('[data-test=version-item][data-version="1"] [data-test=version-rollback]');
    await page.waitForSelector('[data-test=version-item][data-version="3"]');
    expect(await text('[data-test=version-item][data-version="3"]')).toContain('s1 sürümüne dönüldü');
    expect(await page.inputValue('[data-test=rule-name]')).toBe('Şikayet → not');

    await page.click('[data-test=lang-en]');
    await page.waitForSelector('h1:has-text("Automations")');
    expect(await text('[data-test=version-item][data-version="3"]')).toContain('rolled back to v1');
    expect(problems).toEqual([]);
  });
});
