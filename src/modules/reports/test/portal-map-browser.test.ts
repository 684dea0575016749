/**
 * The public map of reports on the portal's list page, in Chromium with JavaScript on: the reports
 * of the list's filters that have a map point appear, each opening its page; a filter that matches
 * none says so; the list stays below; axe-core finds nothing on the page with its map.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import {
  DB_KIND,
  makeLive,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

describe(`public map of reports in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  const filed: string[] = [];

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, 'kota-peta');
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      await putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } });
      await putCategory(scope, 'lights', { name: { id: 'Lampu jalan', en: 'Street lights' } });
    });
    const reports = [
      {
        category: 'roads',
        description: 'Jalan amblas di depan pasar <b>lama</b>.',
        lat: -6.178,
        lng: 106.63,
      },
      { category: 'roads', description: 'Lubang besar di tikungan dekat sekolah.', lat: -6.19, lng: 106.64 },
      { category: 'lights', description: 'Lampu jalan mati sepanjang gang lima.', address: 'Gang Lima' },
    ];
    for (const r of reports) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/t/kota-peta/api/v1/reports',
        payload: { type: 'complaint', ...r },
      });
      assert.equal(res.statusCode, 201, res.body);
      filed.push((res.json() as { trackingNo: string }).trackingNo);
    }
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/t/kota-peta`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the list page shows its reports with a point on a map, each opening its page', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/laporan`);
    const map = page.locator('.reports-map[data-points]');
    await map.waitFor();
    assert.equal(await map.getAttribute('data-points'), '2', 'two of the three reports have a point');
    assert.ok(await page.getByText('2 laporan dengan titik lokasi di peta.').isVisible());
    // The list is still the page: all three reports are listed.
    assert.equal(await page.locator('ul.list > li').count(), 3);
    assert.deepEqual(await axeViolations(page), [], 'axe on the list with its map');
    await screenshots(page, 'portal-list-map');
    await page.locator('.leaflet-interactive').first().click();
    const link = page.locator('.leaflet-popup-content a');
    await link.waitFor();
    // The description's markup stays text; the popup names the report.
    assert.match(
      (await page.locator('.leaflet-popup-content strong').textContent()) ?? '',
      /^Jalan rusak · /,
    );
    await link.click();
    await page.waitForURL(/\/laporan\/\d{6}-[0-9A-Z]{5}$/);
    assert.ok(filed.some((no) => page.url().endsWith(no)));

    // A filter that leaves no report with a point says so, and the map is still drawn.
    await page.goto(`${base}/laporan?category=lights`);
    await page.locator('.reports-map[data-points="0"]').waitFor();
    assert.ok(await page.getByText('Tidak ada laporan dengan titik lokasi untuk pilihan ini.').isVisible());
    await context.close();
  });
});
