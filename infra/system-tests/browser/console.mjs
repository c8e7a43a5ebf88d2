// Helpers for driving the console in the machine's Chromium (Debian's package: no browser download).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const settings = {
  gateway: process.env.GATEWAY_URL ?? 'http://localhost:8080',
  browser: process.env.CHROMIUM ?? '/usr/bin/chromium',
  screenshots: process.env.SCREENSHOTS ?? 'target/console-screenshots',
  // the services under test live on a fixed business date; the browser's today must be the same one
  businessTime: process.env.BUSINESS_TIME,
};

/**
 * Chromium as this machine allows it: headless, no sandbox (root), and no calls home (the network is closed).
 * Playwright gives each launch a fresh, empty profile of its own.
 */
export async function openBrowser() {
  mkdirSync(settings.screenshots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: settings.browser,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=en-GB'],
  });
  const consoleErrors = [];
  const page = await newPage(browser, consoleErrors);
  return { browser, page, consoleErrors };
}

/** A page in a context of its own: its own cookies, so its own signed-in person. */
export async function newPage(browser, consoleErrors) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, locale: 'en-GB' });
  context.setDefaultTimeout(30_000);
  if (settings.businessTime) await context.clock.setFixedTime(new Date(settings.businessTime));
  const page = await context.newPage();
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return page;
}

let shot = 0;
/** A numbered full-page screenshot, kept as a test artifact. */
export async function screenshot(page, name) {
  shot += 1;
  await page.screenshot({ path: join(settings.screenshots, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** Signs in through the provider's own sign-in form, as a person does. */
export async function signIn(page, user, password) {
  await page.goto(settings.gateway + '/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.locator('nav.sidebar').waitFor();
}

export async function open(page, route) {
  await page.goto(`${settings.gateway}/#/${route}`);
}

/** Waits until check() is true, reloading the page between tries: for effects that arrive by event. */
export async function eventually(page, check, what, timeoutMs = 45_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // the console fetches after it renders: judge the page once its requests have settled
    await page.waitForLoadState('networkidle');
    if (await check()) return;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await page.waitForTimeout(750);
    await page.reload();
  }
}

/** Waits until check() is true, without reloading: for the page's own fetches. */
export async function until(page, check, what, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs / 1000} s: ${what}`);
    await page.waitForTimeout(200);
  }
}
