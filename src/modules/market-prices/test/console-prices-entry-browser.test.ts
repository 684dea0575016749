/**
 * The market prices screens of the staff console in a real browser (Debian's Chromium through
 * playwright-core). A market officer, on a 390×844 phone, enters today's prices at one of their
 * markets: the median shows as they type, refused values (zero, implausible, a commodity taken out
 * of use) show the API's message beside the input and nothing is saved, then a good save; a
 * published day says so and points to corrections; typed prices are not dropped unasked, and a late
 * answer lands on no other sheet. A CSV with a bad row lists its line, column and reason and saves
 * nothing; a good one saves its rows. A tenant administrator changes the app's settings; menus
 * follow permissions and the app's adoption. axe-core finds no WCAG 2.1 A/AA violation on these
 * screens; screenshots go to test-results/screenshots/. Review, publication, corrections, alerts
 * and the LIVE Room are in console-prices-review-browser.test.ts.
 *
 * Days are the tenant's local days (Asia/Jakarta), as the console and the API count them.
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { axeViolations, screenshots } from '../../../../test/support/browser.ts';
import { bearerFor, DB_KIND, type Json, PASSWORD } from '../../../../test/support/harness.ts';
import { addDays } from '../prices.ts';
import {
  B,
  C,
  type ConsolePricesContext,
  PHONE,
  SLUG,
  startConsolePrices,
  T,
  YESTERDAY,
} from './console-prices-setup.ts';

describe(`staff console: market prices in Chromium (${DB_KIND})`, () => {
  let browser: ConsolePricesContext['browser'];
  let t: ConsolePricesContext['t'];
  let origin: ConsolePricesContext['origin'];
  let officerEmail: ConsolePricesContext['officerEmail'];
  let supervisorEmail: ConsolePricesContext['supervisorEmail'];
  let bareOperatorEmail: ConsolePricesContext['bareOperatorEmail'];
  let adminEmail: ConsolePricesContext['adminEmail'];
  let supervisor: ConsolePricesContext['supervisor'];
  let api: ConsolePricesContext['api'];
  let saved: ConsolePricesContext['saved'];
  let signIn: ConsolePricesContext['signIn'];

  before(async () => {
    ({
      browser,
      t,
      origin,
      officerEmail,
      supervisorEmail,
      bareOperatorEmail,
      adminEmail,
      supervisor,
      api,
      saved,
      signIn,
    } = await startConsolePrices());
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the officer enters today’s prices on a phone: refused values are said beside them and nothing is saved; then a good save', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: PHONE });
    // Signed in at the console's own address, a market officer lands on the day's entry, not on
    // the agency's reports (issue #15).
    const page = await signIn(context, officerEmail, '/konsol');
    await page.getByRole('heading', { name: 'Isian harga harian' }).waitFor();
    // The heading is drawn before the markets arrive.
    await page.locator('#entry-market option').first().waitFor({ state: 'attached' });
    // Only my markets, and today in the tenant's zone.
    assert.deepEqual(await page.locator('#entry-market option').allTextContents(), [
      'Pasar Anyar',
      'Pasar Baru',
    ]);
    assert.equal(await page.locator('#entry-day').inputValue(), T);
    // The supervisor's section is not offered to an officer.
    const sections = await page
      .getByRole('navigation', { name: 'Menu harga pasar' })
      .getByRole('link')
      .allTextContents();
    assert.deepEqual(sections, ['Isian harian', 'Impor CSV', 'Peringatan']);
    const rice = page.locator(`fieldset[data-commodity="${B}"]`);
    const chilli = page.locator(`fieldset[data-commodity="${C}"]`);
    await rice.getByText('Sebelumnya: Rp13.000').waitFor();
    assert.equal(await page.locator(`#q-${B}-0`).getAttribute('inputmode'), 'numeric');
    const box = await page.locator(`#q-${B}-0`).boundingBox();
    assert.ok(box && box.height >= 44, `a large touch target (${box?.height}px)`);
    // The save button stays in reach at the bottom of the phone's screen while the list scrolls.
    const save = await page.getByRole('button', { name: 'Simpan harga' }).boundingBox();
    assert.ok(save && save.y + save.height <= PHONE.height && save.height >= 44, JSON.stringify(save));
    await page.screenshot({
      path: path.join('test-results', 'screenshots', 'console-prices-entry-phone-screen.png'),
    });
    // The median as the officer types: two traders, then a third.
    await page.locator(`#q-${B}-0`).fill('13000');
    await page.locator(`#q-${B}-1`).fill('13.500');
    assert.equal(await rice.locator('.median').getAttribute('data-median'), '13250');
    assert.match((await rice.locator('.median').textContent()) ?? '', /Rp13\.250/);
    await page
      .getByRole('button', { name: 'Tambah pedagang untuk Beras kualitas medium I', exact: true })
      .click();
    await page.locator(`#q-${B}-2`).fill('135000');
    await page.locator(`#q-${C}-0`).fill('70000');
    await page.locator(`#q-${C}-1`).fill('0');
    assert.equal(await chilli.locator('.median').getAttribute('data-median'), '');
    await page.getByRole('button', { name: 'Simpan harga' }).click();
    await page.locator('#entry-refused').waitFor();
    assert.match(
      (await page.locator('#entry-refused').textContent()) ?? '',
      /Tidak ada yang disimpan: 2 isian/,
    );
    assert.equal(await page.locator(`#q-${C}-1-error`).textContent(), 'Harga harus lebih dari nol.');
    assert.match((await page.locator(`#q-${B}-2-error`).textContent()) ?? '', /rentang wajar.*7000–35000/);
    assert.equal(await page.locator(`#q-${C}-1`).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(`#q-${C}-1`).getAttribute('aria-describedby'), `q-${C}-1-error`);
    assert.equal(await page.locator(`#q-${C}-0`).inputValue(), '70000', 'what was typed stays');
    assert.deepEqual(await saved('pasar-a', T), {}, 'nothing saved');
    assert.deepEqual(await axeViolations(page), [], 'axe on the entry screen with refusals');
    await screenshots(page, 'console-prices-entry-refused');
    await page.setViewportSize(PHONE);
    await page.locator(`#q-${B}-2`).fill('');
    await page.locator(`#q-${C}-1`).fill('72000');
    assert.equal(await chilli.locator('.median').getAttribute('data-median'), '71000');
    await page.getByRole('button', { name: 'Simpan harga' }).click();
    await page.getByText('2 komoditas tersimpan sebagai draf.').waitFor();
    assert.deepEqual(await saved('pasar-a', T), { [B]: 13_250, [C]: 71_000 });
    await rice.getByText('Draf').waitFor();
    assert.equal(await page.locator(`#q-${C}-1-error`).count(), 0);
    await screenshots(page, 'console-prices-entry');
    await page.setViewportSize(PHONE);
    // Yesterday is published: the sheet says so and points to a supervisor's correction.
    await page.locator('#entry-day').fill(YESTERDAY);
    await page.locator('#entry-published').waitFor();
    assert.match((await page.locator('#entry-published').textContent()) ?? '', /sudah diterbitkan.*koreksi/);
    assert.match((await page.locator('#entry-published').textContent()) ?? '', /Hubungi penyelia/);
    assert.equal(await page.locator(`#q-${C}-0`).inputValue(), '50000');
    assert.equal(await page.locator(`#q-${C}-0`).getAttribute('readonly'), '');
    assert.equal(await page.getByRole('button', { name: 'Simpan harga' }).count(), 0);
    assert.match(page.url(), new RegExp(`tanggal=${YESTERDAY}`));
    assert.deepEqual(await axeViolations(page), [], 'axe on a published day’s sheet');
    await context.close();
  });

  test('the entry ties a commodity’s refusal to its inputs, asks before dropping typed prices, and puts no late answer on another sheet', async () => {
    const DAY = addDays(T, -2);
    const context = await browser.newContext({ locale: 'id-ID', viewport: PHONE });
    const page = await signIn(context, officerEmail, `/konsol/harga/isian?pasar=pasar-a&tanggal=${DAY}`);
    await page.locator(`#q-${B}-0`).waitFor();
    // A refusal among the 25 cards, typed just above the save bar: the focus moves to the refused
    // input, and it is in view, not under the save bar and its message (issue #15).
    const mid = (await page.locator('fieldset[data-commodity]').nth(12).getAttribute('data-commodity'))!;
    const refused = page.locator(`#q-${mid}-0`);
    await refused.evaluate((el) => {
      el.scrollIntoView({ block: 'end' });
      window.scrollBy(0, (document.querySelector('.savebar')?.getBoundingClientRect().height ?? 0) + 8);
    });
    await refused.fill('0');
    await page.getByRole('button', { name: 'Simpan harga' }).click();
    await page.locator(`#q-${mid}-0-error`).waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, `q-${mid}-0`);
    const inView = await refused.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
    });
    assert.ok(inView, 'the refused input is in view, not under the save bar');
    await refused.fill('');
    // The saved message's live region is in the page before it says anything, so that screen
    // readers announce what it says later.
    const status = page.locator('.savebar [role="status"]');
    assert.equal(await status.textContent(), '');
    assert.notEqual(await status.evaluate((el) => getComputedStyle(el).display), 'none');
    // A commodity taken out of use while the sheet is open: its refusal names the commodity, and
    // its inputs say so.
    const admin = await bearerFor(t.app, SLUG, adminEmail);
    const X = (await page.locator('fieldset[data-commodity]').nth(2).getAttribute('data-commodity'))!;
    const commodity = ((await api('GET', '/commodities', admin)).body.items as Json[]).find(
      (c) => c.code === X,
    )!;
    const { code: _code, ...fields } = commodity;
    const setActive = async (active: boolean) =>
      assert.equal((await api('PUT', `/commodities/${X}`, admin, { ...fields, active })).status, 200);
    await setActive(false);
    try {
      await page.locator(`#q-${X}-0`).fill(String(commodity.minPrice));
      await page.getByRole('button', { name: 'Simpan harga' }).click();
      await page.locator(`#q-${X}-error`).waitFor();
      assert.equal(await page.locator(`#q-${X}-error`).textContent(), 'Komoditas tidak dikenal.');
      for (const k of [0, 1]) {
        assert.equal(await page.locator(`#q-${X}-${k}`).getAttribute('aria-invalid'), 'true');
        assert.equal(await page.locator(`#q-${X}-${k}`).getAttribute('aria-describedby'), `q-${X}-error`);
      }
      assert.match((await page.locator('#entry-refused').textContent()) ?? '', /1 isian ditolak/);
      assert.deepEqual(await axeViolations(page), [], 'axe on a commodity’s refusal');
    } finally {
      await setActive(true);
    }
    // What was typed is not saved: another market is opened only if the officer agrees.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.locator('#entry-market').selectOption('pasar-b');
    assert.match(asked[0] ?? '', /belum disimpan/);
    assert.match(page.url(), /pasar=pasar-a/);
    assert.equal(await page.locator('#entry-market').inputValue(), 'pasar-a');
    assert.equal(await page.locator(`#q-${X}-0`).inputValue(), String(commodity.minPrice));
    // A save still on its way when the officer moves to another market: its refusal stays off the
    // new sheet.
    await page.locator(`#q-${X}-0`).fill('');
    await page.locator(`#q-${C}-0`).fill('0');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(`**/market-prices/entry/pasar-a/${DAY}`, async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Simpan harga' }).click();
    await page.getByRole('button', { name: 'Menyimpan…' }).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.locator('#entry-market').selectOption('pasar-b');
    await page.waitForURL(/pasar=pasar-b/);
    await page.locator(`fieldset[data-commodity="${C}"]`).waitFor();
    const answered = page.waitForResponse(
      (r) => r.url().includes(`/entry/pasar-a/${DAY}`) && r.request().method() === 'PUT',
    );
    release();
    assert.equal((await answered).status(), 400);
    await page.getByRole('button', { name: 'Simpan harga' }).waitFor();
    assert.equal(await page.locator('#entry-refused').count(), 0);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    assert.equal(await page.locator(`#q-${C}-0`).inputValue(), '');
    assert.deepEqual(await saved('pasar-a', DAY), {}, 'nothing saved');
    await context.close();
  });

  test('a CSV with a bad row shows its line, column and reason and saves nothing; a good CSV saves its rows', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: PHONE });
    const page = await signIn(context, officerEmail, '/konsol/harga/impor');
    await page.getByRole('heading', { name: 'Impor harga dari CSV' }).waitFor();
    await page.locator('#import-market').selectOption('pasar-b');
    assert.match(page.url(), /pasar=pasar-b/);
    assert.equal(await page.locator('#import-day').inputValue(), T);
    // Without a file, the form says so beside the field.
    await page.getByRole('button', { name: 'Impor' }).click();
    await page.locator('#import-file-error').waitFor();
    const file = (text: string) => ({ name: 'harga.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page
      .getByLabel('Berkas CSV')
      .setInputFiles(file(`commodity,price1,price2\n${B},13000,13200\n${C},abc,52000\n`));
    await page.getByRole('button', { name: 'Impor' }).click();
    await page.locator('#import-refused').waitFor();
    assert.match((await page.locator('#import-refused').textContent()) ?? '', /Tidak ada yang disimpan/);
    const row = page.locator('#import-refused tbody tr');
    assert.equal(await row.count(), 1);
    assert.deepEqual(await row.locator('td').allTextContents(), [
      '3',
      'price1',
      'Harga "abc" bukan angka rupiah (contoh: 12500 atau 12.500).',
    ]);
    assert.deepEqual(await saved('pasar-b', T), {}, 'nothing saved');
    assert.deepEqual(await axeViolations(page), [], 'axe on the import screen with row errors');
    await screenshots(page, 'console-prices-import-refused');
    await page
      .getByLabel('Berkas CSV')
      .setInputFiles(file(`commodity;price1;price2\n${B};13.000;13.200\n${C};51000;52000\n`));
    await page.getByRole('button', { name: 'Impor' }).click();
    await page.locator('#import-saved').waitFor();
    assert.match(
      (await page.locator('#import-saved').textContent()) ?? '',
      /2 baris tersimpan sebagai draf untuk Pasar Baru/,
    );
    assert.equal(await page.locator('#import-refused').count(), 0);
    assert.deepEqual(await saved('pasar-b', T), { [B]: 13_100, [C]: 51_500 });
    await screenshots(page, 'console-prices-import');
    await context.close();
  });

  test('a tenant administrator changes the app’s settings, which an agency administrator is not offered; a refused value is said beside its field', async () => {
    // An agency's administrator manages that agency's markets, not the tenant's settings (the API
    // asks a tenant-wide grant): no such section for them.
    const agencyContext = await browser.newContext({ locale: 'id-ID' });
    const agencyPage = await signIn(agencyContext, supervisorEmail, '/konsol/admin/prices');
    await agencyPage.getByText('Anda tidak memiliki izin untuk bagian ini.').waitFor();
    const agencyMenu = agencyPage.getByRole('navigation', { name: 'Bagian pengaturan' });
    await agencyMenu.getByRole('link').first().waitFor();
    assert.equal(await agencyMenu.getByRole('link', { name: 'Harga pasar' }).count(), 0);
    assert.equal(await agencyPage.getByLabel('Ambang lonjakan (%)').count(), 0);
    await agencyContext.close();
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signIn(context, adminEmail, '/konsol/admin/prices');
    await page.getByRole('heading', { name: 'Harga pasar', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Bagian pengaturan' })
      .getByRole('link', { name: 'Harga pasar' })
      .waitFor();
    const jump = page.getByLabel('Ambang lonjakan (%)');
    await jump.waitFor();
    assert.equal(await jump.inputValue(), '20');
    assert.equal(await page.getByLabel('Jam terbit').inputValue(), '13:00');
    await jump.fill('0');
    await page.getByLabel('Jam terbit').fill('25:00');
    await page.getByRole('button', { name: 'Simpan pengaturan harga' }).click();
    await page.locator('#price-settings-jumpPercent-error').waitFor();
    await page.locator('#price-settings-publishTime-error').waitFor();
    assert.equal(await jump.inputValue(), '0', 'what was typed stays');
    assert.equal((await api('GET', '/settings', supervisor)).status, 403, 'an agency administrator may not');
    assert.deepEqual(await axeViolations(page), [], 'axe on the price settings with refusals');
    await screenshots(page, 'console-prices-settings');
    await jump.fill('25');
    await page.getByLabel('Jam terbit').fill('12:30');
    await page.getByRole('button', { name: 'Simpan pengaturan harga' }).click();
    await page.getByText('Pengaturan harga tersimpan.').waitFor();
    const admin = await bearerFor(t.app, SLUG, adminEmail);
    assert.deepEqual((await api('GET', '/settings', admin)).body, {
      publishTime: '12:30',
      jumpPercent: 25,
      alertPercent: 10,
    });
    await context.close();
  });

  test('where the app is not live there is no prices menu, and its address says why', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${origin}/t/kota-tanpa-harga/konsol/harga`);
    await page.getByLabel('Email atau nomor ponsel').fill(bareOperatorEmail);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Aplikasi harga pasar belum aktif di daerah ini.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Harga pasar' }).count(), 0);
    await page.goto(`${origin}/t/kota-tanpa-harga/konsol/ruang-live`);
    await page.getByRole('heading', { name: /Ruang LIVE/ }).waitFor();
    await page.locator('[data-live-state="open"]').waitFor();
    assert.equal(await page.locator('#price-alert-list').count(), 0, 'no price alerts on its LIVE Room');
    await context.close();
  });
});
