// The trace of one invoice in Zipkin's own UI, for the docs: found by the trace id the system test read from Zipkin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, screenshot } from './console.mjs';

const zipkin = process.env.ZIPKIN_URL;
const traceId = process.env.TRACE_ID;

test('one Generate & Issue is one trace, shown by Zipkin across the gateway and every service', async () => {
  const { browser, page } = await openBrowser();
  try {
    await page.setViewportSize({ width: 1600, height: 1300 });
    await page.goto(`${zipkin}/zipkin/traces/${traceId}`);
    // the first rows of the timeline: the request through the gateway into billing, then the saga's hops
    for (const service of ['gateway', 'billing-service', 'invoice-service']) {
      await page.getByText(service, { exact: false }).first().waitFor();
    }
    assert.ok((await page.content()).includes(traceId.slice(0, 16)), 'the page shows the trace asked for');
    await screenshot(page, 'trace-generate-and-issue');
  } finally {
    await browser.close();
  }
});
