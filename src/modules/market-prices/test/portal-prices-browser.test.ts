/**
 * The market prices pages in Chromium (they need no JavaScript, and a walk through them runs without
 * it): today's prices and a commodity's history on a phone and on a wide screen — the phone gets the narrow chart, the wide
 * screen the wide one, both drawn on the server; the filter form moves between markets and
 * commodities; axe-core finds nothing on either page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { localDateOf, localInstant } from '../../../platform/sdk/shared.ts';
import { seedDemo } from '../../../platform/sdk/testing.ts';
import { marketPricesApp } from '../index.ts';

describe(`market prices pages in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';

  before(async () => {
    t = await startTest({ modules: [marketPricesApp] });
    assert.equal(await seedDemo(t.platform), true);
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/t/kota-tangerang`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('today’s prices on a phone: the table scrolls in its box, the page does not; axe finds nothing', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Today's prices wait as drafts (the demo): before the publication time (13:00 WIB) the page
    // says they are not out yet, after it that none came out today; either way it shows yesterday's.
    const notice = () => {
      const today = localDateOf(new Date(), 'Asia/Jakarta');
      return Date.now() < localInstant(today, '13:00', 'Asia/Jakarta').getTime()
        ? 'Harga hari ini belum diterbitkan'
        : 'Tidak ada harga terbit pada';
    };
    const expected = new Set([notice()]);
    await page.goto(`${base}/harga`);
    expected.add(notice());
    const table = page.locator('table.prices');
    assert.ok(await table.isVisible());
    assert.ok((await table.locator('tbody tr').count()) >= 25);
    const shown = (await page.locator('p.notice').textContent()) ?? '';
    assert.ok(
      [...expected].some((text) => shown.startsWith(text)),
      `notice: ${shown}`,
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    assert.deepEqual(await axeViolations(page), [], 'axe on today’s prices');
    await screenshots(page, 'portal-prices-today');
    await page.goto(`${base}/harga?market=pasar-anyar&lang=en`);
    assert.deepEqual(await axeViolations(page), [], 'axe on one market’s prices');
    await context.close();
  });

  test('without JavaScript: from the home page to the prices, one market, and a commodity’s history', async () => {
    const context = await browser.newContext({
      locale: 'id-ID',
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'SEGAR' }).click();
    await page.waitForURL(/\/harga$/);
    await page.getByLabel('Pasar (tidak wajib)').selectOption({ label: 'Pasar Anyar' });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/market=pasar-anyar/);
    assert.ok(await page.getByText(/Harga di Pasar Anyar/).isVisible());
    await page
      .getByRole('link', { name: /Cabai rawit merah/ })
      .first()
      .click();
    await page.waitForURL(/\/harga\/riwayat\?commodity=cabai-rawit-merah&market=pasar-anyar/);
    assert.ok(await page.getByRole('heading', { level: 1, name: /Cabai rawit merah/ }).isVisible());
    assert.ok(await page.locator('figure.chart .narrow svg').isVisible(), 'the chart needs no script');
    // Another period through the form.
    await page.getByLabel(/^Periode/).selectOption({ label: '30 hari' });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(/period=30/);
    assert.ok(await page.locator('figure.chart .narrow svg').isVisible());
    await context.close();
  });

  test('the history chart: the narrow picture on a phone, the wide one on a wide screen', async () => {
    for (const [viewport, shown, hidden] of [
      [{ width: 390, height: 844 }, '.narrow', '.wide'],
      [{ width: 1280, height: 800 }, '.wide', '.narrow'],
    ] as const) {
      const context = await browser.newContext({ locale: 'id-ID', viewport });
      const page = await context.newPage();
      await page.goto(`${base}/harga/riwayat?commodity=cabai-rawit-merah`);
      const picture = page.locator(`figure.chart ${shown}`);
      assert.ok(await picture.isVisible());
      assert.equal(await page.locator(`figure.chart ${hidden}`).isVisible(), false);
      const box = await picture.locator('svg').boundingBox();
      assert.ok(box && box.width > viewport.width * 0.7, 'the chart takes the width');
      assert.ok(box.width <= viewport.width, 'and no more');
      assert.match(
        (await picture.getAttribute('aria-label')) ?? '',
        /^Grafik harga Cabai rawit merah rata-rata kota dari /,
      );
      // The table is folded away until asked for.
      assert.equal(await page.locator('details table').isVisible(), false);
      await page.getByText(/^Tabel data/).click();
      assert.ok(await page.locator('details table').isVisible());
      assert.deepEqual(await axeViolations(page), [], `axe on the history at ${viewport.width}px`);
      await screenshots(page, `portal-prices-history-${viewport.width}`);
      await context.close();
    }
  });
});
