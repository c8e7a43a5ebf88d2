// A month-end billing run in the console, by a finance user: four customers chosen, one held for a person (two frame
// orders fit), the run previewed and started; meanwhile a colleague closes one customer's frame order, so that bill
// fails alone with the reason and the others are issued. Progress is followed and the report downloaded as CSV.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { look, newPage, open, openBrowser, signIn, until } from './console.mjs';

const { OK_CUSTOMER, CLOSED_CUSTOMER, PLAIN_CUSTOMER, HELD_CUSTOMER, CLOSED_PO } = process.env;
const row = (page, name) => page.locator(`table[aria-label="Customers of the run"] tr[data-customer="${name}"]`);
let session;
const issued = {};
before(async () => {
  session = await openBrowser();
  await signIn(session.page, 'fatima', 'hourbill');
});
after(async () => {
  console.log(`ISSUED ${JSON.stringify(issued)}`);
  await session?.browser.close();
});

test('the run is previewed for the chosen customers of the month just closed', async () => {
  const { page } = session;
  await open(page, 'billing-runs');
  await page.getByRole('heading', { name: 'New billing run' }).waitFor();
  // the business date is 20 November 2026: the run bills October unless told otherwise
  assert.equal(await page.getByLabel('Period from').inputValue(), '01/10/2026');
  assert.equal(await page.getByLabel('Period to').inputValue(), '31/10/2026');
  await page.getByLabel('Payment terms (days)').fill('21');
  await page.getByLabel('Only the customers I choose').check();
  for (const name of [OK_CUSTOMER, CLOSED_CUSTOMER, PLAIN_CUSTOMER, HELD_CUSTOMER]) {
    await page.getByLabel('Find a customer').fill(name);
    await page.getByLabel(name, { exact: false }).check();
  }
  await page.getByLabel('Find a customer').fill('');
  assert.ok(await page.getByText('4 chosen').isVisible());
  await page.getByRole('button', { name: 'Preview the run' }).click();
  await page.getByTestId('run-status').filter({ hasText: 'Draft' }).waitFor();
  for (const name of [OK_CUSTOMER, CLOSED_CUSTOMER, PLAIN_CUSTOMER]) {
    assert.equal(await row(page, name).getByTestId('outcome').textContent(), 'Waiting', name);
    assert.match(await row(page, name).textContent(), /2,880\.00/, `${name}: 24 h at 100, 20 % tax`);
  }
  assert.equal(await row(page, HELD_CUSTOMER).getByTestId('outcome').textContent(), 'Held');
  assert.match(await row(page, HELD_CUSTOMER).textContent(), /2 open frame orders are valid for the period/);
  assert.match(await row(page, OK_CUSTOMER).textContent(), /100 h → 76 h/, 'the frame order before and after the bill');
  assert.match(await page.getByRole('table', { name: 'Totals of the bills to issue' }).textContent(), /7,200\.00/);
  await look(page, 'billing-run-preview');
});

test('a colleague closes one customer\'s frame order before the run starts', async () => {
  const colleague = await newPage(session.browser, session.consoleErrors);
  await signIn(colleague, 'mona', 'hourbill');
  await open(colleague, 'frame-orders');
  colleague.once('dialog', (dialog) => dialog.accept());
  await colleague.getByRole('button', { name: `Close frame order ${CLOSED_PO}` }).click();
  await colleague.locator(`article[data-po="${CLOSED_PO}"] .badge`).filter({ hasText: 'Closed' }).waitFor();
  await colleague.context().close();
});

test('started, the run shows its progress and ends with one failure, two invoices and the held customer', async () => {
  const { page } = session;
  await page.getByRole('button', { name: 'Start the run: issue 3 invoices' }).click();
  await page.getByTestId('run-progress').waitFor();
  await until(page, async () => (await page.getByTestId('run-status').textContent()) === 'Finished', 'the run finishes', 60_000);
  assert.equal(await page.getByTestId('run-progress').textContent(), '3 of 3 bills done');
  assert.equal(await row(page, CLOSED_CUSTOMER).getByTestId('outcome').textContent(), 'Failed');
  assert.match(await row(page, CLOSED_CUSTOMER).textContent(), /is closed/);
  for (const [key, name] of [['ok', OK_CUSTOMER], ['plain', PLAIN_CUSTOMER]]) {
    assert.equal(await row(page, name).getByTestId('outcome').textContent(), 'Issued', name);
    issued[key] = (await row(page, name).locator('td').nth(2).textContent()).trim();
  }
  assert.match(await page.getByRole('table', { name: 'Totals of the invoices issued' }).textContent(), /5,760\.00/);
  await look(page, 'billing-run-report');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the report (CSV)' }).click()]);
  assert.equal(download.suggestedFilename(), 'billing-run-2026-10-01-to-2026-10-31.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, new RegExp(`${OK_CUSTOMER},ISSUED,${issued.ok},,EUR,24\\.00,2400\\.00,480\\.00,2880\\.00`));
  assert.match(csv, new RegExp(`${CLOSED_CUSTOMER},FAILED,,frame order ${CLOSED_PO} is closed`));
  assert.match(csv, new RegExp(`${HELD_CUSTOMER},HELD,,`));
  assert.match(csv, /Total EUR,2 invoices,,,EUR,48\.00,4800\.00,960\.00,5760\.00/);
});
