// Right after the first start, every demo customer is invoiced from the console, one bill of each billing type the
// demo holds: Northwind's hourly work and a term of its fixed-price rollout, Contoso's hourly work under a cap, and a
// manual bill of Fabrikam from the catalog. The demo data is loaded by DemoDataSystemTest, as the launcher loads it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, look, signIn } from './console.mjs';
import { choose, issue, noApiWords, startReview } from './wizard.mjs';

let session;
const issued = {};
before(async () => {
  session = await openBrowser();
  await signIn(session.page, 'mona', 'hourbill');
});
after(async () => {
  console.log(`ISSUED ${JSON.stringify(issued)}`);
  await session?.browser.close();
});

test('Northwind: a month of hourly work', async () => {
  const { page } = session;
  await startReview(page, 'Northwind Logistics GmbH');
  assert.ok(await page.locator('table[aria-label="Entries to decide"] tbody tr').count() > 10);
  await look(page, 'demo-northwind-hours');
  issued.northwindHours = await issue(page, 'demo-northwind-hours');
});

test('Northwind: the first term of the fixed-price rollout', async () => {
  const { page } = session;
  await startReview(page, 'Northwind Logistics GmbH', 'Warehouse rollout');
  await choose(page.getByLabel('Term', { exact: true }), 'Term 1: pilot warehouse');
  await page.getByRole('button', { name: 'Add term' }).click();
  await page.locator('table[aria-label="Invoice lines"] tr[data-line="Term 1: pilot warehouse"]').waitFor();
  await look(page, 'demo-northwind-term');
  await noApiWords(page);
  issued.northwindTerm = await issue(page, 'demo-northwind-term');
});

test('Contoso: hourly work, the claims portal under its cap', async () => {
  const { page } = session;
  await startReview(page, 'Contoso Versicherungen AG');
  await page.getByTestId('cap').first().waitFor();
  await look(page, 'demo-contoso-cap');
  await noApiWords(page);
  issued.contoso = await issue(page, 'demo-contoso');
});

test('Fabrikam: a manual bill from the catalog', async () => {
  const { page } = session;
  await startReview(page, 'Fabrikam Retail Ltd', 'Staff training');
  await choose(page.getByLabel('From the catalog'), 'On-site workshop');
  await page.getByLabel('Quantity', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.locator('table[aria-label="Invoice lines"] tr[data-line="On-site workshop"]').waitFor();
  await look(page, 'demo-fabrikam-catalog');
  issued.fabrikam = await issue(page, 'demo-fabrikam');
});
