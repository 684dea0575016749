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
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

const TILES = 'https://tiles.balai.test/{z}/{x}/{y}.png';
/** The tenant's area: a square around the reports' points. */
const SQUARE = [
  [106.55, -6.3],
  [106.75, -6.3],
  [106.75, -6.1],
  [106.55, -6.1],
  [106.55, -6.3],
];

describe(`public map of reports in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  const filed: string[] = [];

  before(async () => {
    // A made-up tile host: no test reaches a real tile server (the browser is kept from it too).
    t = await startTest({
      modules: [reportsApp],
      env: { MAP_TILE_URL: TILES, MAP_TILE_ATTRIBUTION: '© Peta uji' },
    });
    const tenant = await makeTenant(t.platform, 'kota-peta');
    await makeLive(t.platform, tenant.id, 'reports');
    const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    const area = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-peta/api/v1/settings',
      headers: await bearerFor(t.app, 'kota-peta', admin.email),
      payload: { area: { type: 'Polygon', coordinates: [SQUARE] } },
    });
    assert.equal(area.statusCode, 200, area.body);
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

  /** A browser context whose tile requests fail (offline, or a blocked tile server); counts them. */
  async function withoutTiles() {
    const context = await browser.newContext({ locale: 'id-ID' });
    const tiles = { asked: 0 };
    await context.route('https://tiles.balai.test/**', (route) => {
      tiles.asked += 1;
      return route.abort('blockedbyclient');
    });
    return { context, tiles };
  }

  test('when the tiles cannot load, the map still shows the area, the points and a legend, and says why', async () => {
    const { context, tiles } = await withoutTiles();
    const page = await context.newPage();
    await page.goto(`${base}/laporan`);
    await page.locator('.reports-map[data-points="2"]').waitFor();
    const notice = page.locator('.reports-map .map-notice');
    await notice.waitFor({ state: 'visible' });
    assert.equal(
      await notice.textContent(),
      'Peta dasar tidak dapat dimuat. Batas wilayah dan titik tetap ditampilkan.',
    );
    assert.ok(tiles.asked > 0, 'the tiles were asked for, at the configured host');
    // Tiles go with the page's origin as Referer (OpenStreetMap's tile usage policy asks for one).
    assert.equal(
      await page.locator('img.leaflet-tile').first().getAttribute('referrerpolicy'),
      'strict-origin-when-cross-origin',
    );
    assert.ok(await page.locator('.reports-map-box.map-no-tiles').isVisible());
    // The area's outline (not clickable) and the two points (clickable) are drawn and visible.
    const outline = page.locator('.leaflet-overlay-pane path:not(.leaflet-interactive)');
    assert.equal(await outline.count(), 1);
    assert.ok(await outline.isVisible());
    const points = page.locator('.leaflet-overlay-pane path.leaflet-interactive');
    assert.equal(await points.count(), 2);
    for (const point of await points.all()) assert.ok(await point.isVisible());
    const legend = page.locator('.reports-map .map-legend');
    assert.ok(await legend.isVisible());
    assert.deepEqual(await legend.locator('li').allTextContents(), [
      'Batas wilayah',
      'Laporan',
      'Lewat tenggat',
    ]);
    assert.match((await page.locator('.leaflet-control-attribution').textContent()) ?? '', /© Peta uji/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the map without tiles');
    await screenshots(page, 'portal-list-map-no-tiles');
    await context.close();
  });

  test('the list page shows its reports with a point on a map, each opening its page', async () => {
    const { context } = await withoutTiles();
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
