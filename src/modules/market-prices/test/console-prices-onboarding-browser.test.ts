/**
 * A region sets SEGAR up in the console, from nothing to an officer's first price, in a real
 * browser (Debian's Chromium through playwright-core): the tenant administrator opens the settings
 * and finds the apps' setup checklist (SEGAR not ready: no market, no officer), follows its links to
 * add a market (its place picked on the map), give a new staff member the officer role, name them
 * the market's officer and retire a commodity the region does not survey; the checklist then says
 * SEGAR is ready, and the officer enters a price. axe-core finds no WCAG 2.1 A/AA violation on the
 * checklist and the new screens. Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { INSTALLED_APPS, WEB_DIST } from '../../../platform/sdk/testing.ts';

const SLUG = 'kota-segar-baru';
const TODAY = localDateOf(new Date(), 'Asia/Jakarta');

describe(`staff console: setting SEGAR up from an empty region in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let origin = '';
  let adminEmail = '';

  before(async () => {
    const built = path.join(WEB_DIST, 'console', 'index.html');
    if (!existsSync(built)) {
      throw new Error(
        `The console is not built (${built} is missing): run \`npm run build\` before this suite.`,
      );
    }
    t = await startTest({ modules: INSTALLED_APPS });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'market-prices');
    adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], undefined, 'Admin Kota')).email;
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(page: Page, email: string, at: string, password = PASSWORD) {
    await page.goto(`${origin}/t/${SLUG}/konsol${at}`);
    await page.getByLabel('Email atau nomor ponsel').fill(email);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
  }
  const item = (page: Page, id: string) =>
    page.locator(`section[data-app="market-prices"] li[data-item="${id}"]`);
  const axe = async (page: Page, what: string) => {
    await page.waitForFunction(() => !document.querySelector('.loading'));
    assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);
  };

  test('the administrator follows the checklist until an officer enters a price', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await signIn(page, adminEmail, '/admin');
    // The settings open on the setup checklist.
    await page.getByRole('heading', { level: 1, name: 'Persiapan aplikasi' }).waitFor();
    const segar = page.locator('section[data-app="market-prices"]');
    await segar.getByText('Belum siap').waitFor();
    assert.equal(await item(page, 'markets').getAttribute('data-done'), 'false');
    assert.equal(await item(page, 'commodities').getAttribute('data-done'), 'true', 'the national list');
    assert.equal(await item(page, 'officers').getAttribute('data-done'), 'false');
    await axe(page, 'the setup checklist');
    await screenshots(page, 'console-setup-checklist');

    // Markets: the checklist's link opens the screen; the place is picked on the map.
    await item(page, 'markets').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Pasar' }).waitFor();
    await page.getByText('Belum ada pasar.').waitFor();
    await page.getByLabel('Nama pasar').fill('Pasar Anyar');
    await page.getByLabel('Alamat (tidak wajib)').fill('Jl. Ki Samaun, Sukarasa');
    await page.locator('.point-picker').click();
    assert.match(await page.getByLabel('Lintang (tidak wajib)').inputValue(), /^-?\d+(\.\d+)?$/);
    assert.match(await page.getByLabel('Bujur (tidak wajib)').inputValue(), /^\d+(\.\d+)?$/);
    // A coordinate typed with a decimal comma is understood.
    await page.getByLabel('Lintang (tidak wajib)').fill('-6,1766');
    await page.getByLabel('Bujur (tidak wajib)').fill('106,6318');
    await page.getByRole('button', { name: 'Tambah pasar' }).click();
    await page.getByRole('status').filter({ hasText: 'Pasar Pasar Anyar tersimpan.' }).waitFor();
    const row = page.locator('tr[data-market="pasar-anyar"]');
    await row.getByText('-6.1766, 106.6318').waitFor();
    await axe(page, 'the markets screen');
    await screenshots(page, 'console-prices-setup-markets');

    // A refused market keeps what was typed and says why beside the field.
    await page.getByLabel('Nama pasar').fill('Pasar Baru');
    await page.getByLabel('Lintang (tidak wajib)').fill('-6.2');
    await page.getByRole('button', { name: 'Tambah pasar' }).click();
    await page.locator('#price-market-lng-error').waitFor();
    assert.equal(await page.getByLabel('Nama pasar').inputValue(), 'Pasar Baru');
    await page.getByLabel('Lintang (tidak wajib)').fill('');

    // Officers: nobody holds the role yet; the screen sends the administrator to Staff.
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/price-officers`);
    await page.getByText('Belum ada staf dengan peran petugas.').waitFor();
    await page.getByRole('link', { name: 'Beri peran petugas di Petugas dan peran' }).click();
    await page.getByRole('heading', { level: 1, name: 'Petugas dan peran' }).waitFor();
    await page.locator('#staff-name').fill('Budi Santoso');
    await page.locator('#staff-nip').fill('199002202015031001');
    await page.locator('#staff-email').fill('budi.santoso@kota-segar-baru.go.id');
    await page.locator('#staff-password').fill('sandi-awal-budi-2026');
    await page.getByRole('button', { name: 'Tambah petugas' }).click();
    const budi = page.locator('li[data-user="budi.santoso@kota-segar-baru.go.id"]');
    await budi.waitFor();
    await budi.getByRole('button', { name: 'Beri peran kepada Budi Santoso' }).click();
    const grant = budi.getByRole('form', { name: 'Beri peran kepada Budi Santoso' });
    await grant.getByLabel('Peran').selectOption('officer');
    await grant.getByRole('button', { name: 'Beri peran' }).click();
    await budi.getByText('Petugas OPD · Seluruh daerah').waitFor();

    await page.goto(`${origin}/t/${SLUG}/konsol/admin/price-officers`);
    const market = page.getByRole('form', { name: 'Pasar Anyar' });
    await market.getByLabel('Budi Santoso').check();
    await market.getByRole('button', { name: 'Simpan petugas Pasar Anyar' }).click();
    await page.getByRole('status').filter({ hasText: 'Petugas Pasar Anyar tersimpan.' }).waitFor();
    await axe(page, 'the officers screen');
    await screenshots(page, 'console-prices-setup-officers');

    // Commodities: the national list is there; one the region does not survey is retired.
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/price-commodities`);
    await page.getByText('Semua komoditas daftar nasional sudah ada').waitFor();
    await page.getByRole('button', { name: 'Ubah Beras kualitas bawah II' }).click();
    const edit = page.getByRole('form', { name: 'Ubah Beras kualitas bawah II' });
    await edit.getByLabel('Urutan').fill('990');
    await edit.getByLabel('Komoditas ini masih disurvei').uncheck();
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Komoditas Beras kualitas bawah II tersimpan.' })
      .waitFor();
    await page.locator('tr[data-commodity="beras-bawah-2"]').getByText('Tidak disurvei lagi').waitFor();
    await axe(page, 'the commodities screen');
    await screenshots(page, 'console-prices-setup-commodities');

    // The checklist says SEGAR is ready.
    await page.goto(`${origin}/t/${SLUG}/konsol/admin/setup`);
    await page.locator('section[data-app="market-prices"]').getByText('Siap dipakai').waitFor();
    assert.equal(await item(page, 'officers').getAttribute('data-done'), 'true');
    await context.close();

    // The officer enters a price at the market.
    const officerContext = await browser.newContext({ locale: 'id-ID' });
    const officerPage = await officerContext.newPage();
    await signIn(officerPage, 'budi.santoso@kota-segar-baru.go.id', '/harga/isian', 'sandi-awal-budi-2026');
    await officerPage.getByRole('heading', { name: 'Isian harga harian' }).waitFor();
    // The heading is drawn before the markets arrive.
    await officerPage.locator('#entry-market option').first().waitFor({ state: 'attached' });
    assert.deepEqual(await officerPage.locator('#entry-market option').allTextContents(), ['Pasar Anyar']);
    assert.equal(await officerPage.locator('fieldset[data-commodity="beras-bawah-2"]').count(), 0, 'retired');
    await officerPage.locator('#q-beras-premium-0').fill('15000');
    await officerPage.getByRole('button', { name: 'Simpan harga' }).click();
    await officerPage.getByText('1 komoditas tersimpan sebagai draf.').waitFor();
    const officer = await bearerFor(
      t.app,
      SLUG,
      'budi.santoso@kota-segar-baru.go.id',
      'sandi-awal-budi-2026',
    );
    const sheet = await t.app.inject({
      url: `/t/${SLUG}/api/v1/market-prices/entry/pasar-anyar/${TODAY}`,
      headers: officer,
    });
    const saved = (sheet.json().items as Json[]).find((i) => i.commodity === 'beras-premium');
    assert.equal(saved?.price, 15_000);
    await officerContext.close();
  });
});
