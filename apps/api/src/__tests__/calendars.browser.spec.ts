import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { createWorld, startTestApi, TestApi, World } from '@baton/api/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const HOLIDAY_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Baton browser test//TR',
  'BEGIN:VEVENT',
  'UID:ramazan-bayrami-2026@test',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;VALUE=DATE:20260320',
  'DTEND;VALUE=DATE:20260323',
  'SUMMARY:Ramazan Bayramı',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

interface CalendarRow {
  name: string;
  isDefault: boolean;
  weekly: Array<{ weekday: number; start: string; end: string }>;
  holidays: Array<{ date: string; source: string }>;
}

/**
 * The business-hours calendar editor (CalendarsPanel, rendered by the SLA admin page) in a real browser: a new calendar
 * with a split shift, a local overlap error in Turkish, a manual holiday, an iCal import run twice (idempotent), the
 * "1 h from Friday 16:30 → Monday 09:30" preview, English, and a read-only viewer.
 */
describe('business-hours calendar editor in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const slaPage = () => `${api.url}/hotels/${world.hotelA.id}/admin/sla`;
  const windowInput = (weekday: number, index: number, which: 'start' | 'end') =>
    page
      .locator(`[data-test=weekday-row][data-weekday="${weekday}"] [data-test=calendar-window]`)
      .nth(index)
      .locator(`[data-test=window-${which}]`);

  async function login(target: Page, email: string): Promise<void> {
    await target.goto(`${api.url}/`);
    await target.waitForURL(/\/login/);
    await target.fill('[data-test=login-email]', email);
    await target.fill('[data-test=login-password]', 'baton-demo');
    await target.click('[data-test=login-submit]');
    await target.waitForURL(/\/hotels/);
  }

  async function stored(): Promise<CalendarRow[]> {
    const token = await api.login(world.users.adminA.email);
    const r = await api.gql<{ businessCalendars: CalendarRow[] }>(
      `query($hotelId: ID!) { businessCalendars(hotelId: $hotelId) {
         name isDefault weekly { weekday start end } holidays { date source } } }`,
      { hotelId: world.hotelA.id },
      token,
    );
    return r.data!.businessCalendars;
  }

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    browser = await chromium.launch({
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
    // A Turkish browser in another zone: times must be read and shown in the calendar's zone (Europe/Istanbul).
    context = await browser.newContext({ locale: 'tr-TR', timezoneId: 'America/New_York' });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('creates a calendar with a split shift, catching an overlap first (Turkish)', async () => {
    await login(page, world.users.adminA.email);
    await page.goto(slaPage());
    await page.waitForSelector('[data-test=calendars-panel]');
    await page.waitForSelector('[data-test=calendars-empty]');
    expect(await page.locator('[data-test=calendars-panel] h2').first().textContent()).toContain('Çalışma saatleri');

    await page.fill('[data-test=calendar-name]', 'Rezervasyon');
    expect(await page.inputValue('[data-test=calendar-zone]')).toBe('Europe/Istanbul');
    for (const weekday of [1, 2, 3, 4, 5]) {
      await windowInput(weekday, 0, 'end').fill('17:00');
      await windowInput(weekday, 0, 'end').dispatchEvent('change');
    }
    // Saturday: closed → 09:00–17:00 → a split shift 09:00–12:30 + 13:30–…
    const saturday = page.locator('[data-test=weekday-row][data-weekday="6"]');
    await saturday.locator('[data-test=window-add]').click();
    await windowInput(6, 0, 'end').fill('12:30');
    await windowInput(6, 0, 'end').dispatchEvent('change');
    await saturday.locator('[data-test=window-add]').click();
    expect(await windowInput(6, 1, 'start').inputValue()).toBe('13:30');
    await windowInput(6, 1, 'start').fill('12:00');
    await windowInput(6, 1, 'start').dispatchEvent('change');
    await page.click('[data-test=calendar-save]');
    await saturday.locator('.weekly__problem').waitFor();
    expect(await saturday.locator('.weekly__problem').textContent()).toContain('çakışıyor');
    expect(await stored()).toEqual([]);

    await windowInput(6, 1, 'start').fill('13:30');
    await windowInput(6, 1, 'start').dispatchEvent('change');
    await windowInput(6, 1, 'end').fill('19:00');
    await windowInput(6, 1, 'end').dispatchEvent('change');
    await page.fill('[data-test=holiday-new-date]', '2026-10-29');
    await page.fill('[data-test=holiday-new-name]', 'Cumhuriyet Bayramı');
    await page.click('[data-test=holiday-add]');
    await page.click('[data-test=calendar-save]');
    await page.waitForSelector('[data-test=calendar-saved]');
    await page.waitForSelector('[data-test=calendar-item] [data-test=calendar-default]');

    const [calendar] = await stored();
    expect(calendar).toMatchObject({ name: 'Rezervasyon', isDefault: true });
    expect(calendar.weekly.filter((w) => w.weekday === 6)).toEqual([
      { weekday: 6, start: '09:00', end: '12:30' },
      { weekday: 6, start: '13:30', end: '19:00' },
    ]);
    expect(calendar.weekly.filter((w) => w.weekday === 5)).toEqual([{ weekday: 5, start: '09:00', end: '17:00' }]);
    expect(calendar.holidays).toEqual([{ date: '2026-10-29', source: 'manual' }]);
  });

  it('imports holidays from iCal text, idempotently', async () => {
    await page.fill('[data-test=import-text]', HOLIDAY_ICS);
    await page.click('[data-test=import-run]');
    await page.waitForSelector('[data-test=import-result]');
    expect(await page.locator('[data-test=import-result]').textContent()).toContain('1 yeni');
    await page.waitForFunction(`document.querySelectorAll('[data-test=holiday-row]').length === 4`);

    await page.click('[data-test=import-run]');
    await page.waitForSelector('[data-test=import-result]:has-text("1 değişmedi")');
    expect(await page.locator('[data-test=import-result]').textContent()).toContain('0 yeni');
    const [calendar] = await stored();
    expect(calendar.holidays.map((h) => `${h.date}:${h.source}`)).toEqual([
      '2026-03-20:ical',
      '2026-03-21:ical',
      '2026-03-22:ical',
      '2026-10-29:manual',
    ]);
  });

  it('previews 1 h from Friday 16:30 → Monday 09:30 once Saturday is closed, then reads in English', async () => {
    // With the Saturday shift the hour ends Saturday 09:30; remove both Saturday windows first.
    const saturday = page.locator('[data-test=weekday-row][data-weekday="6"]');
    await saturday.locator('[data-test=window-remove]').first().click();
    await saturday.locator('[data-test=window-remove]').first().click();
    await saturday.locator('[data-test=weekday-closed]').waitFor();
    await page.click('[data-test=calendar-save]');
    await page.waitForSelector('[data-test=calendar-saved]');
    expect((await stored())[0].weekly.some((w) => w.weekday === 6)).toBe(false);

    await page.fill('[data-test=preview-start]', '2026-11-27T16:30');
    await page.fill('[data-test=preview-minutes]', '60');
    await page.click('[data-test=preview-run]');
    const line = page.locator('[data-test=preview-line]');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/27 Kas.*16:30.*1 sa.*30 Kas.*09:30/);

    await page.evaluate(`window.localStorage.setItem('baton.locale', 'en')`);
    await page.reload();
    await page.waitForSelector('[data-test=calendars-panel] h2:has-text("Business hours")');
    await page.waitForSelector('[data-test=weekday-row][data-weekday="1"]:has-text("Monday")');
    await page.fill('[data-test=preview-start]', '2026-11-27T16:30');
    await page.click('[data-test=preview-run]');
    await page.waitForSelector('[data-test=preview-line]:has-text("1 h from")');
    expect(await page.locator('[data-test=preview-line]').textContent()).toMatch(
      /Fri.*27 Nov.*16:30.*Mon.*30 Nov.*09:30/,
    );
    expect(problems).toEqual([]);
  });

  it('shows the calendar read-only to a viewer', async () => {
    const viewer = await browser.newPage({ locale: 'en-GB' });
    await login(viewer, world.users.viewerA.email);
    await viewer.goto(slaPage());
    await viewer.waitForSelector('[data-test=calendar-item]');
    expect(await viewer.locator('[data-test=calendar-save]').count()).toBe(0);
    expect(await viewer.locator('[data-test=window-add]').count()).toBe(0);
    expect(await viewer.locator('[data-test=calendar-name]').isDisabled()).toBe(true);
    await viewer.close();
  });
});
