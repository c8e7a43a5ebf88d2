// Setting up every billing type in the console, then issuing each: a fixed-price project's calendar (a milestone,
// a term added, changed, another retired), a capped project whose missing cap stops the review until it is set from
// the review's own link, an activity price billed in days, and a catalog item (added, its price changed) on a manual
// bill. The customer and its projects, with approved hours, are prepared over the API by BillingSetupConsoleSystemTest.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { open, openBrowser, look, signIn, until } from './console.mjs';
import { choose, issue, noApiWords, startReview } from './wizard.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const customer = env('CUSTOMER_NAME');
const fixed = env('FIXED_PROJECT'), capped = env('CAPPED_PROJECT'), hourly = env('HOURLY_PROJECT'), manual = env('MANUAL_PROJECT');
const item = env('CATALOG_ITEM');

let session;
const issued = {};
before(async () => {
  session = await openBrowser();
  session.page.on('dialog', (dialog) => dialog.accept()); // "Retire …?" is confirmed
  await signIn(session.page, 'mona', 'hourbill');
});
after(async () => {
  console.log(`ISSUED ${JSON.stringify(issued)}`);
  await session?.browser.close();
});

async function setUp(page, project) {
  await open(page, 'setup');
  await choose(page.getByLabel('Customer', { exact: true }), customer);
  await page.getByRole('button', { name: `Set up ${project}` }).click();
  await page.locator('[aria-label="Project billing settings"] h2', { hasText: project }).waitFor();
}

test('a fixed-price billing calendar: a milestone, a term added and changed, another retired', async () => {
  const { page } = session;
  await setUp(page, fixed);
  const settings = page.locator('[aria-label="Project billing settings"]');
  await settings.getByLabel('Order amount').fill('20000');
  await settings.getByRole('button', { name: 'Save order amount' }).click();
  await settings.getByRole('status').waitFor();
  const element = settings.locator('[aria-label="Add an activity or milestone"]');
  await element.getByLabel('Name').fill('Design signed off');
  await element.getByLabel('Validated').fill('5000');
  await element.getByLabel('Ends').fill('2026-10-30');
  await element.getByRole('button', { name: 'Add milestone' }).click();
  await settings.locator('table[aria-label="Activities and milestones"]').getByText('Design signed off').waitFor();

  const term = settings.locator('[aria-label="Add a term"]');
  await term.getByLabel('Term', { exact: true }).fill('Term 1: design');
  await term.getByLabel('Amount').fill('4000');
  await term.getByLabel('Due on').fill('2026-10-31');
  await term.getByLabel('Design signed off').check();
  await term.getByRole('button', { name: 'Add term' }).click();
  const row = settings.locator('tr[data-term="Term 1: design"]');
  await row.waitFor();
  assert.match(await row.innerText(), /€4,000\.00[\s\S]*Design signed off[\s\S]*validated €5,000\.00/);
  await row.getByRole('button', { name: 'Edit Term 1: design' }).click();
  const change = settings.locator('[aria-label="Change Term 1: design"]');
  await change.getByLabel('Amount').fill('4500.00');
  await change.getByRole('button', { name: 'Save term' }).click();
  await until(page, async () => /€4,500\.00/.test(await row.innerText()), 'the term shows its new amount');

  await term.getByLabel('Term', { exact: true }).fill('Term 9: dropped');
  await term.getByLabel('Amount').fill('1000');
  await term.getByLabel('Due on').fill('2026-12-31');
  await term.getByRole('button', { name: 'Add term' }).click();
  const dropped = settings.locator('tr[data-term="Term 9: dropped"]');
  await dropped.getByRole('button', { name: 'Retire Term 9: dropped' }).click();
  await until(page, async () => /Retired/.test(await dropped.innerText()), 'the term is retired');
  await look(page, 'setup-fixed-price');

  await startReview(page, customer, fixed);
  const choices = await page.getByLabel('Term', { exact: true }).locator('option').allInnerTexts();
  assert.ok(!choices.some((c) => c.includes('Term 9')), `a retired term is not offered: ${choices}`);
  await choose(page.getByLabel('Term', { exact: true }), 'Term 1: design');
  await page.getByRole('button', { name: 'Add term' }).click();
  await page.locator('table[aria-label="Invoice lines"] tr[data-line="Term 1: design"]').waitFor();
  // leaving the wizard from the sidebar asks first; Escape (or "Stay") keeps the person in the review
  await page.locator('nav.sidebar').getByRole('link', { name: 'Catalog' }).click();
  const leave = page.getByRole('dialog', { name: 'Leave the billing review?' });
  await leave.waitFor();
  await look(page, 'leave-review-dialog');
  await page.keyboard.press('Escape');
  await leave.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => window.location.hash), '#/review');
  issued.fixed = await issue(page, 'setup-fixed-price');
});

test('a capped project without its cap is stopped, in business words, until the cap is set from the review', async () => {
  const { page } = session;
  await startReview(page, customer, capped);
  const obstacle = page.locator('[data-obstacle="CAP_MISSING"]');
  await obstacle.waitFor();
  assert.match(await obstacle.innerText(), /has no cap \(validated work amount\) yet/);
  await noApiWords(page);
  await page.getByRole('button', { name: 'Next: frame order' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByTestId('preview-total').waitFor();
  await page.locator('[data-obstacle="CAP_MISSING"]').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Generate & Issue' }).isDisabled());
  await look(page, 'setup-cap-missing');
  await noApiWords(page);

  await page.locator('[data-obstacle="CAP_MISSING"]').getByRole('link', { name: "Open the project's billing settings" }).click();
  const settings = page.locator('[aria-label="Project billing settings"]');
  await settings.locator('h2', { hasText: capped }).waitFor();
  await settings.getByLabel('Cap: validated work amount').fill('2000.00');
  await settings.getByRole('button', { name: 'Save order and cap' }).click();
  await settings.getByTestId('cap-use').waitFor();
  await look(page, 'setup-cap');

  // the review was kept: the wizard opens it again, now under the cap
  await page.locator('nav.sidebar').getByRole('link', { name: 'Billing review' }).click();
  await page.getByText('The review you kept for later, as you left it.').waitFor();
  await page.getByTestId('cap').waitFor();
  assert.match(await page.getByTestId('cap').innerText(), /Kept off by the cap\s*€400\.00/);
  issued.capped = await issue(page, 'setup-capped');
});

test('an activity price bills a consultant\'s days', async () => {
  const { page } = session;
  await setUp(page, hourly);
  const settings = page.locator('[aria-label="Project billing settings"]');
  await settings.getByLabel('Activity', { exact: true }).fill('Consulting');
  await settings.getByLabel('Daily price').fill('750.00');
  await settings.getByRole('button', { name: 'Save daily price' }).click();
  await settings.locator('table[aria-label="Activity prices"]').getByText('Consulting').waitFor();

  await startReview(page, customer, hourly);
  await choose(page.getByLabel('Consultant', { exact: true }), 'Consultant');
  await choose(page.getByLabel('Activity', { exact: true }), 'Consulting');
  await page.getByLabel('From', { exact: true }).fill('2026-10-01');
  await page.getByLabel('To', { exact: true }).fill('2026-10-31');
  await page.getByRole('button', { name: 'Add days' }).click();
  const line = page.locator('table[aria-label="Invoice lines"] tbody tr').first();
  await line.waitFor();
  assert.match(await line.innerText(), /3 days[\s\S]*€750\.00[\s\S]*€2,250\.00/);
  await look(page, 'setup-activity-days');
  issued.hourly = await issue(page, 'setup-activity');
});

test('a project made a manual one, and a catalog item, its price changed, on its bill', async () => {
  const { page } = session;
  await setUp(page, manual);
  const settings = page.locator('[aria-label="Project billing settings"]');
  await settings.locator('[data-field="billingType"] select').selectOption('MANUAL');
  await settings.getByRole('button', { name: 'Change billing type' }).click();
  await settings.locator('.badge', { hasText: 'Manual lines' }).waitFor();

  await open(page, 'catalog');
  const form = page.locator('[aria-label="New catalog item"]');
  await form.getByLabel('Name').fill(item);
  await form.locator('[data-field="unit"] select').selectOption('DAY');
  await form.getByLabel('Unit price').fill('1200');
  await form.getByRole('button', { name: 'Add to catalog' }).click();
  const row = page.locator(`tr[data-item="${item}"]`);
  await row.getByRole('button', { name: `Edit ${item}` }).click();
  const change = page.locator(`[aria-label="Change ${item}"]`);
  await change.getByLabel('Unit price').fill('1250');
  await change.getByRole('button', { name: 'Save item' }).click();
  await until(page, async () => /1,250\.00/.test(await row.innerText()), 'the item shows its new price');
  await look(page, 'catalog');

  await startReview(page, customer, manual);
  await choose(page.getByLabel('From the catalog'), item);
  await page.getByLabel('Quantity', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.locator(`table[aria-label="Invoice lines"] tr[data-line="${item}"]`).waitFor();
  issued.manual = await issue(page, 'setup-manual');
});

/** Presses Tab until the focused element passes `test` (run in the page); returns how many presses it took. */
async function tabTo(page, test, what, max = 80) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return presses;
  }
  throw new Error(`${what} not reached with ${max} Tab presses`);
}

/** Moves a focused select with the arrow keys until its chosen option's text contains `text`. */
async function arrowTo(page, text) {
  for (let i = 0; i < 200; i++) {
    const chosen = await page.evaluate(() => document.activeElement.selectedOptions?.[0]?.text ?? '');
    if (chosen.includes(text)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option "${text}"`);
}

test('a review completed with the keyboard alone', async () => {
  const { page } = session;
  const keyboardCustomer = env('KEYBOARD_CUSTOMER_NAME');
  await open(page, 'review');
  await page.getByRole('button', { name: 'Start review' }).waitFor();
  await tabTo(page, () => document.activeElement?.getAttribute('aria-label') === 'Customer', 'the customer');
  await arrowTo(page, keyboardCustomer);
  await tabTo(page, () => document.activeElement?.textContent === 'Start review' && !document.activeElement.disabled, 'Start review');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Next: frame order' }).waitFor();

  // each decision is one Tab stop; the arrow keys decide, and focus stays on the decision once it is saved
  await tabTo(page, () => document.activeElement?.getAttribute('role') === 'radio', 'the first decision');
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-tile="Hours deferred"] strong').filter({ hasText: '8 h' }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('aria-checked')]),
    ['Defer', 'true']);
  const presses = await tabTo(page, () => document.activeElement?.textContent === 'Next: frame order', 'Next');
  assert.ok(presses <= 3, `${presses} Tab presses from the first decision to Next, over 3 entries`);
  await look(page, 'keyboard-decisions');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Next: preview' }).waitFor();
  await tabTo(page, () => document.activeElement?.textContent === 'Next: preview', 'Next: preview');
  await page.keyboard.press('Enter');
  await page.getByTestId('preview-total').waitFor();
  await tabTo(page, () => document.activeElement?.textContent === 'Generate & Issue' && !document.activeElement.disabled, 'Generate & Issue');
  await page.keyboard.press('Enter');
  await page.getByTestId('invoice-number').waitFor({ timeout: 90_000 });
  issued.keyboard = await page.getByTestId('invoice-number').innerText();
});
