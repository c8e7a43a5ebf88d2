// The billing review wizard, step by step, as the browser tests take a bill through it.
import assert from 'node:assert/strict';
import { open, look, screenshot } from './console.mjs';

/** Chooses an option of a select by part of its text (an option's full text carries figures that change). */
export async function choose(select, text) {
  const until = Date.now() + 30_000;
  for (;;) {
    const options = await select.locator('option').allInnerTexts();
    const index = options.findIndex((o) => o.includes(text));
    if (index >= 0) {
      await select.selectOption({ index });
      return;
    }
    if (Date.now() > until) throw new Error(`no option "${text}" among ${JSON.stringify(options)}`);
    await select.page().waitForTimeout(250);
  }
}

/** Starts a review of a customer's hourly work, or of one of its projects (`what`: part of the project's name). */
export async function startReview(page, customer, what) {
  await open(page, 'review');
  await choose(page.getByLabel('Customer', { exact: true }), customer);
  if (what) await choose(page.getByLabel('What to bill'), what);
  await page.getByRole('button', { name: 'Start review' }).click();
  await page.getByRole('button', { name: 'Next: frame order' }).waitFor();
}

/** From the lines step to an issued invoice, no frame order; returns the invoice's number. */
export async function issue(page, name) {
  await page.getByRole('button', { name: 'Next: frame order' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByTestId('preview-total').waitFor().catch(async (e) => {
    // what the page said instead (a problem banner, the step it stayed on) is what the next person needs
    await screenshot(page, `${name}-no-preview`).catch(() => {});
    const cards = await page.locator('.card').allInnerTexts().catch(() => []);
    throw new Error(`${name}: no preview (${e.message.split('\n')[0]}); the page showed: ${JSON.stringify(cards)}`);
  });
  await look(page, `${name}-preview`);
  const generate = page.getByRole('button', { name: 'Generate & Issue' });
  assert.ok(await generate.isEnabled(), `${name}: Generate & Issue is disabled: ${await page.locator('.card').last().innerText()}`);
  await generate.click();
  const run = page.getByTestId('invoice-run');
  await run.and(page.locator('[data-step="COMPLETED"], [data-step="FAILED"]')).waitFor({ timeout: 90_000 });
  assert.equal(await run.getAttribute('data-step'), 'COMPLETED', await run.innerText());
  const number = await page.getByTestId('invoice-number').innerText();
  assert.match(number, /^INV-\d{4}-\d+$/);
  return number;
}

/** No message the person sees names an API path or an id. */
export async function noApiWords(page) {
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /\/(api|projects|customers|reviews|catalog)\/|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, text);
}
