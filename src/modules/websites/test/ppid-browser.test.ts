/**
 * The PPID's citizen pages in Chromium: with JavaScript off, a citizen opens a site's PPID menu,
 * sends the request form with mistakes (the error summary, what was typed kept), then right, gets
 * the number and the secret, and opens the status by the secret link; a wrong secret is told in
 * words. axe-core finds no WCAG 2.1 A/AA violation on the menu, the form (also with its errors),
 * the confirmation and the status pages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import app from '../index.ts';
import { makeRegion } from './support.ts';

describe(`websites: the PPID's pages in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';

  before(async () => {
    t = await startTest({ modules: [app] });
    await makeRegion(t, 'kota-ppid');
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `${address}/t/kota-ppid/situs/dinkes`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('without JavaScript: the form with mistakes, then sent; the status by its secret link', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' })).newPage();
    await page.goto(`${base}/ppid`);
    await page.getByRole('heading', { name: 'Informasi yang dikecualikan' }).waitFor();
    await page.getByRole('link', { name: 'Ajukan permohonan informasi' }).click();
    assert.match(page.url(), /\/ppid\/permohonan$/);
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('Tujuan penggunaan informasi').fill('Penelitian');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    // The summary names each mistake and links to its field; what was typed is still there.
    await page.locator('.summary a[href="#email"]').waitFor();
    assert.match((await page.locator('.summary').textContent()) ?? '', /surel atau nomor telepon/);
    assert.ok(await page.locator('.summary a[href="#information"]').count());
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), 'Siti Aminah');
    assert.equal(await page.getByLabel('Tujuan penggunaan informasi').inputValue(), 'Penelitian');
    await page.getByLabel('Alamat surel').fill('siti@example.id');
    await page.getByLabel('Informasi yang dibutuhkan').fill('Jumlah puskesmas per kecamatan tahun 2025');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByRole('heading', { name: 'Permohonan diterima' }).waitFor();
    const number = (await page.locator('#ppid-number').textContent()) ?? '';
    const secret = (await page.locator('#ppid-secret').textContent()) ?? '';
    assert.match(number, /^PPID-DINKES-\d{4}-\d{6}$/);
    await page.locator('#ppid-status-link').click();
    await page.getByRole('heading', { name: `Status permohonan ${number}` }).waitFor();
    assert.match((await page.locator('#ppid-status').textContent()) ?? '', /Menunggu jawaban PPID/);
    // Without the code: its form; a wrong code is said in words; the right one opens the status.
    await page.goto(`${base}/ppid/status/${number}`);
    await page.getByLabel('Kode rahasia').fill('salah-kode');
    await page.getByRole('button', { name: 'Buka status' }).click();
    assert.match((await page.locator('.summary').textContent()) ?? '', /kode rahasia tidak cocok/);
    await page.getByLabel('Kode rahasia').fill(secret);
    await page.getByRole('button', { name: 'Buka status' }).click();
    await page.locator('#ppid-status').waitFor();
    assert.match((await page.locator('#ppid-status').textContent()) ?? '', /Jumlah puskesmas/);
  });

  test('the pages pass axe-core WCAG 2.1 A/AA checks', async () => {
    // axe-core runs in the page, so this context keeps JavaScript (the pages need none).
    const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    const check = async (name: string) => {
      assert.deepEqual(await axeViolations(page), [], `axe on ${name}`);
      await screenshots(page, `ppid-${name}`);
    };
    await page.goto(`${base}/ppid`);
    await check('menu');
    await page.goto(`${base}/ppid/permohonan`);
    await check('form');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.locator('.summary').waitFor();
    await check('form-errors');
    await page.getByLabel('Nama lengkap').fill('Budi Santoso');
    await page.getByLabel('Nomor telepon').fill('081234567890');
    await page.getByLabel('Diambil langsung').check();
    await page.getByLabel('Informasi yang dibutuhkan').fill('Daftar posyandu aktif tahun 2026');
    await page.getByLabel('Tujuan penggunaan informasi').fill('Kegiatan kader');
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByRole('heading', { name: 'Permohonan diterima' }).waitFor();
    await check('filed');
    const number = (await page.locator('#ppid-number').textContent()) ?? '';
    await page.locator('#ppid-status-link').click();
    await page.locator('#ppid-status').waitFor();
    await check('status');
    await page.goto(`${base}/ppid/status/${number}`);
    await check('locked');
  });
});
