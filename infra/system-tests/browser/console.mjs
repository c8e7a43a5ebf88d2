// Helpers for driving the console in the machine's Chromium (Debian's package: no browser download).
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
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
export async function signIn(page, user, password, check = async () => {}) {
  await page.goto(settings.gateway + '/');
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await check(page, 'the console\'s sign-in page');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.locator('input[name="username"]').waitFor();
  await check(page, 'the identity provider\'s sign-in page');
  await page.locator('input[name="username"]').fill(user);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.locator('nav.sidebar').waitFor();
}

/** Opens a page of the console afresh, also when the browser is on it already (a hash change alone would not reload it). */
export async function open(page, route) {
  const url = `${settings.gateway}/#/${route}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
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

/**
 * The page as it is now, checked as the issue of 2026-12-03 asks: axe-core finds no critical or serious violation
 * (WCAG 2.x A and AA, contrast included), nothing runs out of the 1280 px window or out of its card, and no button,
 * badge or document link wraps onto a second line.
 */
export async function checkPage(page, what) {
  await page.waitForLoadState('networkidle');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axeScript });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary}`));
  });
  assert.deepEqual(violations, [], `${what}: accessibility`);
  const layout = await page.evaluate(() => {
    const problems = [];
    const root = document.scrollingElement;
    if (root.scrollWidth > window.innerWidth) problems.push(`the page is ${root.scrollWidth} px wide`);
    for (const box of document.querySelectorAll('.card, .dialog, .content, table')) {
      if (box.scrollWidth > box.clientWidth + 1) problems.push(`${box.tagName.toLowerCase()}.${box.className} overflows by ${box.scrollWidth - box.clientWidth} px`);
    }
    for (const item of document.querySelectorAll('button, a.button, .links a, .badge, .row-actions a')) {
      const range = document.createRange();
      range.selectNodeContents(item);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      if (lines > 1) problems.push(`"${item.textContent}" wraps onto ${lines} lines`);
    }
    return problems;
  });
  assert.deepEqual(layout, [], `${what}: layout at 1280 px`);
}

/** A screenshot of the page, then the page checked (accessibility and layout). */
export async function look(page, name) {
  await screenshot(page, name);
  await checkPage(page, name);
}
