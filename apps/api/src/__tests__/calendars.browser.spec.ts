import type { Browser, Page } from 'playwright-core';
import { createWorld, startTestApi, TestApi, World } from '@baton/api/testing';
import { launchChromium, logIn, openPage } from './browser-helpers';

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
  holidays: Array<{ date: string; source: string; windows: Array<{ start: string; end: string }> }>;
}

/**
 * The business-hours calendar editor (CalendarsPanel, rendered by the SLA admin page) in a real browser: a new calendar
 * with a split shift, a local overlap error in Turkish, a manual holiday, an iCal import run twice (idempotent), the
 * "1 h from Friday 16:30 → Monday 09:30" preview following unsaved edits, a half day (arife) previewed and saved,
 * English, and a read-only viewer.
 */
describe('business-hours calendar editor in Chromium', () => {
  let api: TestApi;
  let world: World;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];

  const slaPage = () => `${api.url}/hotels/${world.hotelA.id}/admin/sla`;
  const windowInput = (weekday: number, index: number, which: 'start' | 'end') =>
    page
      .locator(`[data-test=weekday-row][data-weekday="${weekday}"] [data-test=calendar-window]`)
      .nth(index)
      .locator(`[data-test=window-${which}]`);

  async function stored(): Promise<CalendarRow[]> {
    const token = await api.login(world.users.adminA.email);
    const r = await api.gql<{ businessCalendars: CalendarRow[] }>(
      `query($hotelId: ID!) { businessCalendars(hotelId: $hotelId) {
         name isDefault weekly { weekday start end } holidays { date source windows { start end } } } }`,
      { hotelId: world.hotelA.id },
      token,
    );
    return r.data!.businessCalendars;
  }

  beforeAll(async () => {
    api = await startTestApi({ dashboard: true });
    world = await createWorld(api.db);
    browser = await launchChromium();
    // A Turkish browser in another zone: times must be read and shown in the calendar's zone (Europe/Istanbul).
    ({ page, problems } = await openPage(browser, { locale: 'tr-TR', timezoneId: 'America/New_York' }));
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('creates a calendar with a split shift, catching an overlap first (Turkish)', async () => {
    await logIn(page, api.url, world.users.adminA.email);
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
    expect(calendar.holidays).toEqual([{ date: '2026-10-29', source: 'manual', windows: [] }]);
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

  /** Runs the preview and returns the fresh line's text (the previous line is gone once the draft changes). */
  async function previewText(start: string, minutes?: number): Promise<string> {
    const line = page.locator('[data-test=preview-line]');
    if (await line.count()) {
      await line.waitFor({ state: 'detached' });
    }
    await page.fill('[data-test=preview-start]', start);
    if (minutes !== undefined) {
      await page.fill('[data-test=preview-minutes]', String(minutes));
    }
    await page.click('[data-test=preview-run]');
    await line.waitFor();
    return (await line.textContent()) ?? '';
  }
  const unsavedPill = () => page.locator('[data-test=preview-unsaved]').count();

  it('previews what is on screen: closing Saturday moves 1 h from Friday 16:30 to Monday 09:30 before saving', async () => {
    // As saved (Saturday open 09:00–12:30): the hour ends Saturday 09:30.
    expect(await previewText('2026-11-27T16:30', 60)).toMatch(/27 Kas.*16:30.*1 sa.*28 Kas.*09:30/);
    expect(await unsavedPill()).toBe(0);

    const saturday = page.locator('[data-test=weekday-row][data-weekday="6"]');
    await saturday.locator('[data-test=window-remove]').first().click();
    await saturday.locator('[data-test=window-remove]').first().click();
    await saturday.locator('[data-test=weekday-closed]').waitFor();
    expect(await previewText('2026-11-27T16:30')).toMatch(/27 Kas.*16:30.*1 sa.*30 Kas.*09:30/);
    expect(await unsavedPill()).toBe(1);
    // Nothing was stored by previewing.
    expect((await stored())[0].weekly.some((w) => w.weekday === 6)).toBe(true);

    await page.click('[data-test=calendar-save]');
    await page.waitForSelector('[data-test=calendar-saved]');
    expect((await stored())[0].weekly.some((w) => w.weekday === 6)).toBe(false);
    expect(await previewText('2026-11-27T16:30')).toMatch(/27 Kas.*16:30.*1 sa.*30 Kas.*09:30/);
    expect(await unsavedPill()).toBe(0);
  });

  it('previews and saves a half day (arife): only its own hours count', async () => {
    await page.fill('[data-test=holiday-new-date]', '2026-03-19');
    await page.fill('[data-test=holiday-new-name]', 'Ramazan Bayramı Arifesi');
    await page.click('[data-test=holiday-add]');
    const eve = page.locator('[data-test=holiday-row][data-date="2026-03-19"]');
    expect(await eve.locator('[data-test=holiday-hours]').textContent()).toContain('Tüm gün kapalı');
    // Closed all day: Thursday 11:00 waits for Monday 23 (20–22 March is the imported bayram), due 10:00.
    expect(await previewText('2026-03-19T11:00', 60)).toMatch(/19 Mar.*11:00.*1 sa.*23 Mar.*10:00/);

    await eve.locator('[data-test=holiday-half-day]').check();
    expect(await eve.locator('[data-test=holiday-window-start]').inputValue()).toBe('09:00');
    expect(await eve.locator('[data-test=holiday-window-end]').inputValue()).toBe('13:00');
    await eve.locator('[data-test=holiday-window-end]').fill('08:00');
    await eve.locator('[data-test=holiday-window-end]').dispatchEvent('change');
    await page.click('[data-test=preview-run]');
    await page.waitForSelector('[data-test=preview-error]');
    expect(await eve.locator('[data-test=holiday-problem]').textContent()).toContain('bitmelidir');

    await eve.locator('[data-test=holiday-window-end]').fill('13:00');
    await eve.locator('[data-test=holiday-window-end]').dispatchEvent('change');
    // Open 09:00–13:00 that Thursday: the hour ends at noon the same day.
    expect(await previewText('2026-03-19T11:00')).toMatch(/19 Mar.*11:00.*1 sa.*19 Mar.*12:00/);
    expect(await unsavedPill()).toBe(1);
    expect((await stored())[0].holidays.some((h) => h.date === '2026-03-19')).toBe(false);

    await page.click('[data-test=calendar-save]');
    await page.waitForSelector('[data-test=calendar-saved]');
    expect((await stored())[0].holidays.find((h) => h.date === '2026-03-19')).toEqual({
      date: '2026-03-19',
      source: 'manual',
      windows: [{ start: '09:00', end: '13:00' }],
    });
  });

  it('reads in English', async () => {
    await page.evaluate(`window.localStorage.setItem('baton.locale', 'en')`);
    await page.reload();
    await page.waitForSelector('[data-test=calendars-panel] h2:has-text("Business hours")');
    await page.waitForSelector('[data-test=weekday-row][data-weekday="1"]:has-text("Monday")');
    await page.waitForSelector('[data-test=holiday-row][data-date="2026-03-19"]:has-text("Own hours (half day)")');
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
    await logIn(viewer, api.url, world.users.viewerA.email);
    await viewer.goto(slaPage());
    await viewer.waitForSelector('[data-test=calendar-item]');
    expect(await viewer.locator('[data-test=calendar-save]').count()).toBe(0);
    expect(await viewer.locator('[data-test=window-add]').count()).toBe(0);
    expect(await viewer.locator('[data-test=calendar-name]').isDisabled()).toBe(true);
    expect(await viewer.locator('[data-test=holiday-half-day]').count()).toBe(0);
    expect(await viewer.locator('[data-test=holiday-row][data-date="2026-03-19"]').textContent()).toContain(
      '09:00–13:00',
    );
    await viewer.close();
  });
});
