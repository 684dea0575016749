/**
 * The citizen portal in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). A citizen with JavaScript turned off files a report with a photo, keeps the tracking
 * number and finds the report by it; a form with mistakes comes back with the errors beside the
 * fields and what was typed kept; axe-core finds no WCAG 2.1 A/AA violation on the portal pages;
 * screenshots at phone and desktop sizes go to test-results/screenshots/ for review.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
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

describe(`citizen portal in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  let photoPath = '';

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, 'kota-portal');
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      await putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } });
      await putCategory(scope, 'lights', { name: { id: 'Lampu jalan', en: 'Street lights' } });
    });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `${address}/t/kota-portal`;
    const dir = path.join(os.tmpdir(), `balai-portal-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    photoPath = path.join(dir, 'lubang.jpg');
    writeFileSync(
      photoPath,
      await sharp({ create: { width: 320, height: 240, channels: 3, background: '#6b5b4b' } })
        .jpeg()
        .toBuffer(),
    );
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function noScriptPage(): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    return context.newPage();
  }

  test('without JavaScript, a citizen files a report with a photo and finds it by its tracking number', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Laporkan masalah' }).first().click();
    assert.match(page.url(), /\/lapor$/);
    await page.getByLabel('Pengaduan').check();
    await page.getByLabel('Kategori').selectOption('roads');
    await page
      .getByLabel('Uraian')
      .fill('Jalan berlubang besar di depan SD Negeri 3, membahayakan pengendara motor.');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Daan Mogot No. 12');
    await page.getByLabel('Foto').setInputFiles(photoPath);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const trackingNo = (await page.locator('#tracking-no').textContent())?.trim() ?? '';
    assert.match(trackingNo, /^\d{6}-[0-9A-Z]{5}$/);
    // An anonymous reporter gets the secret that lets them add information later.
    assert.ok(((await page.locator('.secret').textContent()) ?? '').length >= 20);

    await page.goto(`${base}/lacak`);
    await page.getByLabel('Nomor laporan').fill(trackingNo.toLowerCase());
    await page.getByRole('button', { name: 'Lacak' }).click();
    assert.match(page.url(), new RegExp(`/laporan/${trackingNo}$`));
    await page.getByRole('heading', { name: `Jalan rusak · ${trackingNo}` }).waitFor();
    assert.ok(await page.getByText('Jalan berlubang besar di depan SD Negeri 3').isVisible());
    assert.equal(await page.getByText('Diterima').first().isVisible(), true);
    // The photo is served (metadata stripped by the app) and shown.
    const img = page.locator('.photos img').first();
    const src = await img.getAttribute('src');
    assert.ok(src);
    const photo = await page.request.get(new URL(src, base).toString());
    assert.equal(photo.status(), 200);
    assert.match(photo.headers()['content-type'] ?? '', /^image\//);

    // It is in the public list, and found by a word of its description.
    await page.goto(`${base}/laporan?q=lubang`);
    assert.ok(await page.getByRole('link', { name: new RegExp(trackingNo) }).isVisible());
    await page.context().close();
  });

  test('a form with mistakes comes back with errors beside the fields, keeping what was typed', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/lapor`);
    await page.getByLabel('Uraian').fill('<script>alert(1)</script> pendek');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Uraian').inputValue(), '<script>alert(1)</script> pendek');
    const category = page.getByLabel('Kategori');
    assert.equal(await category.getAttribute('aria-invalid'), 'true');
    const describedBy = (await category.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.includes('category-error'));
    assert.ok(((await page.locator('#category-error').textContent()) ?? '').length > 0);
    // The text was kept as text: no script element came from it.
    assert.equal(await page.locator('main script').count(), 0);
    await page.context().close();
  });

  test('an unknown tracking number says so on the tracking page', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/lacak?no=991231-ZZZZZ`);
    assert.ok(await page.getByText('Laporan dengan nomor ini tidak ditemukan.').first().isVisible());
    await page.goto(`${base}/lacak?no=bukan-nomor`);
    assert.ok(await page.getByText('Nomor laporan terdiri dari 6 angka').first().isVisible());
    await page.context().close();
  });

  test("another tenant's portal shows none of this tenant's reports; a tenant without the app has no report pages", async () => {
    const other = await makeTenant(t.platform, 'kota-lain');
    await makeLive(t.platform, other.id, 'reports');
    await makeTenant(t.platform, 'kota-tanpa');
    const list = await t.app.inject({ url: '/t/kota-portal/laporan?q=lubang' });
    const no = /\/laporan\/(\d{6}-[0-9A-Z]{5})/.exec(list.body)?.[1];
    assert.ok(no, 'a report of kota-portal is listed');
    const page = await t.app.inject({ url: `/t/kota-lain/laporan/${no}` });
    assert.equal(page.statusCode, 404);
    assert.match(page.headers['content-type'] ?? '', /^text\/html/);
    assert.ok(!page.body.includes('Jalan berlubang'));
    const track = await t.app.inject({ url: `/t/kota-lain/lacak?no=${no}` });
    assert.equal(track.statusCode, 404);
    assert.ok(!(await t.app.inject({ url: '/t/kota-lain/laporan?q=lubang' })).body.includes(no));
    for (const url of ['/t/kota-tanpa/lapor', '/t/kota-tanpa/laporan', `/t/kota-tanpa/laporan/${no}`]) {
      assert.equal((await t.app.inject({ url })).statusCode, 404, url);
    }
    // Machine paths keep their problem documents; people get pages.
    const api = await t.app.inject({ url: '/t/kota-lain/api/v1/nope' });
    assert.match(api.headers['content-type'] ?? '', /problem\+json/);
  });

  test('the home page leads to every citizen page of a service; a staff-only app has no tile; the root lists the portals', async () => {
    // The LIVE Room is live here too, but has no citizen page: it must not show as a dead tile.
    await makeLive(t.platform, t.platform.directory.bySlug('kota-portal')!.id, 'command-centre');
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const tiles = page.locator('.tile');
    assert.equal(await tiles.count(), 1, 'one tile: LAKSA');
    assert.equal(await page.getByText('LIVE Room').count(), 0);
    for (const tile of await tiles.all())
      assert.equal(await tile.locator('h3 a').count(), 1, 'a tile is a link');
    const links = tiles.locator('.tile-links a');
    assert.deepEqual(await links.allTextContents(), ['Lacak laporan', 'Laporan warga', 'Laporan saya']);
    assert.deepEqual(
      await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
      ['/t/kota-portal/lacak', '/t/kota-portal/laporan', '/t/kota-portal/laporan-saya'],
    );
    assert.deepEqual(await axeViolations(page), [], 'axe on the home page');
    await page.getByRole('link', { name: 'Lacak laporan' }).click();
    await page.waitForURL(/\/lacak$/);
    // The address the server prints at start: the tenants' portals, each a link.
    await page.goto(new URL('/', base).toString());
    assert.equal(await page.locator('h1').textContent(), 'Portal layanan daerah');
    assert.deepEqual(await axeViolations(page), [], 'axe on the root page');
    await screenshots(page, 'root-portals');
    await page.getByRole('link', { name: 'Kota kota-portal' }).click();
    await page.waitForURL(`${base}/`);
    await context.close();
  });

  test('portal pages pass axe-core WCAG 2.1 A/AA checks; screenshots at phone and desktop sizes', async () => {
    // The pages' Content-Security-Policy allows no inline script: let the test add axe-core's.
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/laporan`);
    const first = await page.locator('.list a').first().getAttribute('href');
    const pages: Array<[string, string]> = [
      ['home', `${base}/`],
      ['report-form', `${base}/lapor`],
      ['track', `${base}/lacak`],
      ['list', `${base}/laporan`],
      ['sign-in', `${base}/masuk`],
      ['not-found', `${base}/tidak-ada`],
      ['home-en', `${base}/?lang=en`],
    ];
    if (first) pages.push(['report', new URL(first, base).toString()]);
    for (const [name, url] of pages) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(url);
      assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
      await screenshots(page, `portal-${name}`);
    }
    await context.close();
  });
});
