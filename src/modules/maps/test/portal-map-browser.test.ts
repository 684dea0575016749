/**
 * The portal map (`/peta`) in Chromium, on a phone: the demo's health centres drawn on the map from
 * the OGC API, the layer switcher hides and shows them, the page fits the phone, axe finds nothing;
 * without JavaScript the layers, legends and data links are the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { seedDemo } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';

describe(`the portal map in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';

  before(async () => {
    t = await startTest({ modules: [app] });
    assert.equal(await seedDemo(t.platform), true);
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/t/kota-tangerang`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('on a phone: the layer drawn, switched off and on, the legend beside it; the page fits; axe finds nothing', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${base}/peta`);
    const drawn = (n: number) =>
      page.waitForSelector(`section.maps-peta[data-features="${n}"]`, { timeout: 15_000 });
    await drawn(15);
    assert.equal(await page.locator('.maps-peta-box path.leaflet-interactive').count(), 15);
    const legend = page.getByRole('list', { name: 'Legenda Puskesmas Kota Tangerang' });
    assert.ok(await legend.getByText('Puskesmas pembantu').isVisible());
    const toggle = page.getByRole('checkbox', { name: 'Puskesmas Kota Tangerang' });
    await toggle.uncheck();
    await drawn(0);
    assert.equal(await page.locator('.maps-peta-box path.leaflet-interactive').count(), 0);
    await toggle.check();
    await drawn(15);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshots(page, 'maps-portal-map');
    await context.close();
  });

  test('without JavaScript: the layers with their legends, sources and data links', async () => {
    const context = await browser.newContext({ locale: 'en-US', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/peta?lang=en`);
    assert.ok(await page.getByRole('heading', { name: 'Puskesmas Kota Tangerang' }).isVisible());
    assert.ok(await page.getByText('Auxiliary health centre').isVisible());
    assert.ok(await page.getByText(/Source: Dinas Kesehatan/).isVisible());
    const data = page.getByRole('link', { name: 'Data (GeoJSON)' });
    const res = await page.request.get(new URL((await data.getAttribute('href'))!, base).toString());
    assert.equal(res.status(), 200);
    assert.equal((await res.json()).numberReturned, 15);
    // (axe needs JavaScript: it ran on the same list in the test above.)
    await context.close();
  });
});
