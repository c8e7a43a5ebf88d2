// Month end in the browser: sign in, approve the month, run the review wizard to an issued invoice, see the frame
// order drawn down, record the payment, see the invoice Paid; and a review the frame order is too small for.
// Data is prepared over the API by WebConsoleSystemTest, which passes names through the environment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPage, eventually, look, newPage, open, openBrowser, settings, signIn, until } from './console.mjs';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const customer = env('CUSTOMER_NAME');
const po = env('FRAME_ORDER_PO');
const smallCustomer = env('SMALL_CUSTOMER_NAME');
const smallPo = env('SMALL_FRAME_ORDER_PO');
const entries = Number(env('SUBMITTED_ENTRIES'));

/** Chooses the customer in the wizard's first step until billing-service shows all its approved entries (they arrive by event). */
async function choosePool(page, label, count) {
  const select = page.getByLabel('Customer');
  const pool = page.getByTestId('unbilled-pool');
  const until = Date.now() + 45_000;
  for (;;) {
    await select.selectOption({ label });
    await pool.waitFor();
    if ((await pool.innerText()).startsWith(`${count} approved`)) return;
    if (Date.now() > until) throw new Error(`billing-service shows "${await pool.innerText()}", not ${count} entries`);
    await select.selectOption({ index: 0 });
    await page.waitForTimeout(500);
  }
}

let session;
before(async () => {
  session = await openBrowser();
});
after(async () => {
  await session?.browser.close();
});

test('a month of hours becomes an issued, drawn-down and paid invoice', async () => {
  const { page } = session;
  await signIn(page, 'mona', 'hourbill', checkPage);
  assert.match(await page.locator('.who').innerText(), /Mona/);
  await look(page, 'signed-in');

  // 1. approve the month
  await open(page, 'approvals');
  await page.getByLabel('Customer').selectOption({ label: customer });
  const queue = page.locator('table[aria-label="Submitted entries"] tbody tr');
  await until(page, async () => (await queue.count()) === entries + 1, `the queue shows the customer's ${entries + 1} entries`);
  // what the queue comes to, valued by timesheets at the rates approval fixes: 6 x 8 h at 100
  await page.getByTestId('approval-totals').locator('[data-currency="EUR"]').filter({ hasText: '6 entries · 48 h · €4,800.00' }).waitFor();
  // one entry is rejected: a rejection needs a reason, and the service's message shows under the field
  await page.getByLabel('Select entry 2026-10-20').check();
  await page.getByRole('button', { name: 'Reject selected' }).click();
  const rejectionError = page.locator('[data-field="reason"] .field-error');
  await rejectionError.waitFor();
  await look(page, 'rejection-needs-reason');
  await page.getByLabel('Reason for rejection').fill('Booked on the wrong project');
  await page.getByRole('button', { name: 'Reject selected' }).click();
  await page.getByRole('status').filter({ hasText: '1 entry rejected' }).waitFor();
  await until(page, async () => (await queue.count()) === entries, `the queue shows the ${entries} entries left`);
  await page.getByLabel('Select all').check();
  await look(page, 'approval-queue');
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await page.getByRole('status').filter({ hasText: `${entries} entries approved` }).waitFor();
  await page.getByText('Nothing waiting for approval.').waitFor();

  // 2. the wizard: customer
  await open(page, 'review');
  await choosePool(page, `${customer} (EUR)`, entries);
  await look(page, 'review-1-customer');
  await page.getByRole('button', { name: 'Start review' }).click();

  // entries: a write-off needs a reason, and the service's message shows next to the field
  const rows = page.locator('table[aria-label="Entries to decide"] tbody tr');
  await rows.nth(entries - 1).waitFor();
  await rows.nth(0).getByRole('radio', { name: 'Defer' }).click();
  await page.locator('[data-tile="Hours deferred"] strong').filter({ hasText: '8 h' }).waitFor();
  await rows.nth(1).getByRole('radio', { name: 'Write off' }).click();
  await rows.nth(1).getByRole('button', { name: 'Write off' }).click();
  const reasonError = page.locator('[data-field="reason"] .field-error');
  await reasonError.waitFor();
  assert.equal(await reasonError.innerText(), 'a write-off needs a reason');
  await look(page, 'review-2-field-error');
  await page.getByLabel('Reason for the write-off').fill('Onboarding, agreed with the client');
  await rows.nth(1).getByRole('button', { name: 'Write off' }).click();
  await page.locator('[data-tile="Hours written off"] strong').filter({ hasText: '8 h' }).waitFor();
  const billedHours = (entries - 2) * 8;
  await page.locator('[data-tile="Hours billed"] strong').filter({ hasText: `${billedHours} h` }).waitFor();
  await look(page, 'review-2-entries');
  await page.getByRole('button', { name: 'Next: frame order' }).click();

  // frame order with the projected draw-down
  const choice = page.locator(`label.choice[data-po="${po}"]`);
  await choice.waitFor();
  assert.match(await choice.innerText(), new RegExp(`this invoice draws ${billedHours} h`));
  await choice.getByRole('radio').check();
  await look(page, 'review-3-frame-order');
  await page.getByRole('button', { name: 'Next: preview' }).click();

  // preview: a bad option is refused with the field named, then corrected
  await page.getByTestId('preview-total').waitFor();
  await page.getByLabel('Payment terms (days)').fill('-5');
  await page.getByRole('button', { name: 'Update preview' }).click();
  const termsError = page.locator('[data-field="paymentTermsDays"] .field-error');
  await termsError.waitFor();
  assert.match(await termsError.innerText(), /greater than or equal to 0/);
  await page.getByLabel('Payment terms (days)').fill('30');
  await page.getByLabel('Notes on the invoice').fill('Services rendered in October');
  await page.getByRole('button', { name: 'Update preview' }).click();
  await termsError.waitFor({ state: 'detached' });
  await page.locator('.preview dd', { hasText: 'Services rendered in October' }).waitFor();
  assert.equal(await page.getByTestId('preview-hours-billed').innerText(), `${billedHours} h`);
  await look(page, 'review-4-preview');

  // Generate & Issue, with progress until the number is there
  await page.getByRole('button', { name: 'Generate & Issue' }).click();
  const run = page.getByTestId('invoice-run');
  await run.and(page.locator('[data-step="COMPLETED"], [data-step="FAILED"]')).waitFor({ timeout: 90_000 });
  assert.equal(await run.getAttribute('data-step'), 'COMPLETED', await run.innerText());
  const number = await page.getByTestId('invoice-number').innerText();
  assert.match(number, /^INV-\d{4}-\d+$/);
  await look(page, 'review-issued');

  // the frame order is drawn down by the billed hours
  await open(page, 'frame-orders');
  const order = page.locator(`article[data-po="${po}"]`);
  await eventually(page, async () => (await order.getByTestId('billed-hours').innerText()) === `${billedHours} h`, 'frame order drawn down');
  await order.getByRole('button', { name: 'Show draw-downs' }).click();
  await order.locator('table[aria-label="Draw-downs"]').getByText(number).waitFor();
  await look(page, 'frame-order-drawn-down');

  // receivables: the new invoice is owed, not yet due
  await open(page, 'receivables');
  const owed = page.locator('table[aria-label="Ageing"] tr', { hasText: customer });
  await eventually(page, async () => (await owed.count()) === 1, 'the invoice reaches receivables');
  assert.match(await owed.innerText(), /€2,880\.00/);
  await look(page, 'receivables');

  // record the payment in full; the invoice becomes Paid once payment-service's event reaches invoice-service
  await open(page, 'invoices');
  await page.getByLabel('Customer').selectOption({ label: customer });
  const row = page.locator(`tr[data-invoice="${number}"]`);
  assert.equal(await row.getByTestId('invoice-status').innerText(), 'Issued');
  // documents: the PDF downloads; an XRechnung is refused with the reason until the buyer's e-invoice address is known
  const [pdf] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'PDF' }).click()]);
  assert.equal(pdf.suggestedFilename(), `${number}.pdf`);
  await row.getByRole('link', { name: 'XRechnung' }).click();
  await row.getByRole('alert').filter({ hasText: 'XRechnung needs the electronic address' }).waitFor();
  await look(page, 'xrechnung-needs-address');
  assert.doesNotMatch(await row.innerText(), /\/customers\/|[0-9a-f]{8}-[0-9a-f]{4}-/, 'the reason names no API path and no id');
  // the e-invoicing address is set where the reason says: the customer's billing settings
  await open(page, 'setup');
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: customer });
  const settingsCard = page.locator('[aria-label="Customer billing settings"]');
  await settingsCard.locator('[data-field="scheme"] select').selectOption('EM');
  await settingsCard.getByLabel('Electronic address').fill('ap@example.com');
  await settingsCard.getByRole('button', { name: 'Save billing settings' }).click();
  await settingsCard.getByRole('status').waitFor();
  await look(page, 'customer-billing-settings');
  await open(page, 'invoices');
  await page.getByLabel('Customer').selectOption({ label: customer });
  for (const [link, type, magic] of [['PDF', 'application/pdf', '%PDF'], ['Factur-X', 'application/pdf', '%PDF'], ['XRechnung', 'xml', '<?xml']]) {
    const href = await row.getByRole('link', { name: link }).getAttribute('href');
    const document = await page.request.get(new URL(href, page.url()).toString());
    assert.equal(document.status(), 200, `${link}: ${await document.text()}`);
    assert.match(document.headers()['content-type'], new RegExp(type));
    assert.ok((await document.body()).subarray(0, 5).toString('latin1').startsWith(magic), `${link} starts with ${magic}`);
  }
  await row.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('dialog').waitFor();
  await look(page, 'send-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Mark as sent' }).click();
  await page.getByRole('status').filter({ hasText: `${number} marked as sent` }).waitFor();
  await until(page, async () => (await row.getByTestId('invoice-status').innerText()) === 'Sent', 'invoice sent');
  await row.getByRole('button', { name: 'Record payment' }).click();
  await look(page, 'payment-dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Record payment' }).click();
  await page.getByRole('status').filter({ hasText: `recorded on ${number}` }).waitFor();
  await eventually(page, async () => {
    await page.getByLabel('Customer').selectOption({ label: customer });
    return (await row.getByTestId('invoice-status').innerText()) === 'Paid';
  }, 'invoice paid');
  await look(page, 'invoice-paid');
  await open(page, 'receivables');
  await eventually(page, async () => (await owed.count()) === 0, 'nothing owed once paid');
});

test('a frame order too small for the invoice stops Generate & Issue, and says why, before the run', async () => {
  const { page } = session;
  await open(page, 'review');
  await choosePool(page, `${smallCustomer} (EUR)`, Number(env('SMALL_CUSTOMER_ENTRIES')));
  await page.getByRole('button', { name: 'Start review' }).click();
  await page.locator('table[aria-label="Entries to decide"] tbody tr').first().waitFor();
  await page.getByRole('button', { name: 'Next: frame order' }).click();
  const choice = page.locator(`label.choice[data-po="${smallPo}"]`);
  await choice.getByText('Not enough hours left for this invoice.').waitFor();
  await choice.getByRole('radio').check();
  await look(page, 'too-small-frame-order');
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByTestId('preview-total').waitFor();
  const obstacle = page.locator('[data-obstacle="FRAME_ORDER_TOO_SMALL"]');
  await obstacle.waitFor();
  assert.match(await obstacle.innerText(), new RegExp(`frame order ${smallPo} has [\\d.]+ h left, but this bill draws [\\d.]+ h`, 'i'));
  assert.ok(await page.getByRole('button', { name: 'Generate & Issue' }).isDisabled());
  await look(page, 'too-small-frame-order-stopped');
});

test('finance voids an invoice with a credit note, and a void needs a reason', async () => {
  const { page } = session;
  const voidCustomer = env('VOID_CUSTOMER_NAME');
  const number = env('VOID_INVOICE_NUMBER');
  await open(page, 'invoices');
  await page.getByLabel('Customer').selectOption({ label: voidCustomer });
  const row = page.locator(`tr[data-invoice="${number}"]`);
  // the dialog is modal: it takes focus, closes on Escape and gives focus back to the button that opened it
  await row.getByRole('button', { name: 'Void' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((d) => d.contains(document.activeElement)), 'focus is in the dialog');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Void');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Void with a credit note' }).click();
  await dialog.locator('[data-field="reason"] .field-error').waitFor();
  await look(page, 'void-needs-reason');
  await dialog.getByLabel('Reason').fill('Billed to the wrong customer');
  await dialog.getByRole('button', { name: 'Void with a credit note' }).click();
  const done = page.getByRole('status').filter({ hasText: `${number} voided by credit note` });
  await done.waitFor();
  assert.match(await done.innerText(), /CN-\d{4}-\d+/);
  await until(page, async () => (await row.getByTestId('invoice-status').innerText()) === 'Void', 'invoice void');
  await look(page, 'invoice-void');
});

test('an auditor sees the books and can change nothing', async () => {
  const page = await newPage(session.browser, session.consoleErrors);
  await signIn(page, 'arthur', 'hourbill');
  const nav = await page.locator('nav.sidebar').innerText();
  assert.doesNotMatch(nav, /Billing review/);
  assert.match(nav, /Invoices/);
  await open(page, 'invoices');
  await page.getByLabel('Customer').selectOption({ label: customer });
  await page.locator('tr[data-invoice]').first().waitFor();
  assert.equal(await page.getByRole('button', { name: /Send|Record payment|Void/ }).count(), 0);
  await open(page, 'approvals');
  await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /Approve selected|Reject selected/ }).count(), 0);
  await look(page, 'auditor-read-only');
  await page.context().close();
});

test('no uncaught errors in the page', () => {
  assert.deepEqual(session.consoleErrors, []);
});
