/**
 * What every dashboard browser spec (*.browser.spec.ts) starts with: Chromium launched the way this machine needs,
 * a page that records uncaught page errors (each spec ends by expecting none), and the login form.
 */
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { TEST_PASSWORD } from '@baton/api/testing';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium from the system package (`npx playwright install` cannot work here); a fresh profile per launch. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
  /** Messages of uncaught errors in the page, in order. */
  problems: string[];
}

/** A page in a context of its own (locale, time zone …) whose uncaught errors land in `problems`. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  return { context, page, problems };
}

/** Fills the login form on screen and submits it; the caller waits for where it should land (or for the error). */
export async function submitLogin(page: Page, email: string, password = TEST_PASSWORD): Promise<void> {
  await page.fill('[data-test=login-email]', email);
  await page.fill('[data-test=login-password]', password);
  await page.click('[data-test=login-submit]');
}

/** Signs in from the dashboard's root (a signed-out visitor is sent to the login form) and waits for the hotel list. */
export async function logIn(page: Page, apiUrl: string, email: string): Promise<void> {
  await page.goto(`${apiUrl}/`);
  await page.waitForURL(/\/login/);
  await submitLogin(page, email);
  await page.waitForURL(/\/hotels/);
}
