/**
 * The market prices screens of the staff console in a real browser (Debian's Chromium through
 * playwright-core). A market officer, on a 390×844 phone, enters today's prices at one of their
 * markets: the median shows as they type, refused values (zero, implausible) show the API's
 * message beside the input and nothing is saved, then a good save; a published day says so and
 * points to corrections. A CSV with a bad row lists its line, column and reason and saves
 * nothing; a good one saves its rows. The supervisor sees the chilli's jump highlighted, verifies
 * and publishes (told when the day becomes public), and the command centre's LIVE Room, open the
 * whole time, shows the price alerts without a reload. A correction without a reason is refused
 * beside the field; with one it is saved. The alerts screen lists the alerts and keeps the
 * supervisor's subscription. Menus follow permissions and the app's adoption. axe-core finds no
 * WCAG 2.1 A/AA violation on any new screen; screenshots go to test-results/screenshots/.
 *
 * Days are the tenant's local days (Asia/Jakarta), as the console and the API count them.
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { createAgency, grantRole, INSTALLED_APPS, WEB_DIST } from '../../../platform/sdk/testing.ts';
import { addDays } from '../prices.ts';

const SLUG = 'kota-harga';
const B = 'beras-medium-1';
const C = 'cabai-rawit-merah';
const PHONE = { width: 390, height: 844 };

describe(`staff console: market prices in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let origin = '';
  let officerEmail = '';
  let supervisorEmail = '';
  let operatorEmail = '';
  let bareOperatorEmail = '';
  let adminEmail = '';
  let officer: Json;
  let supervisor: Json;
  let room: Page;
  let roomContext: BrowserContext;
  let supervisorContext: BrowserContext;
  let sup: Page;
  // Today and the days before, in the tenant's zone: after 17:00 UTC it is already tomorrow in WIB.
  const T = localDateOf(new Date(), 'Asia/Jakarta');
  const YESTERDAY = addDays(T, -1);
  const WEEK_AGO = addDays(T, -7);

  const api = async (method: string, url: string, headers: Json, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/t/${SLUG}/api/v1/market-prices${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.json() as Json };
  };
  /** The prices saved at a market on a day, by commodity (entries only). */
  const saved = async (market: string, day: string) => {
    const sheet = await api('GET', `/entry/${market}/${day}`, officer);
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    return Object.fromEntries(
      (sheet.body.items as Json[]).filter((i) => i.price !== null).map((i) => [i.commodity, i.price]),
    );
  };

  /** A past day entered by the officer at both markets, verified and published by the supervisor. */
  async function publishedDay(day: string, rice: number, chilli: number) {
    for (const market of ['pasar-a', 'pasar-b']) {
      const res = await api('PUT', `/entry/${market}/${day}`, officer, {
        items: [
          { commodity: B, quotes: [rice] },
          { commodity: C, quotes: [chilli] },
        ],
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    assert.equal((await api('POST', `/review/${day}/verify`, supervisor, {})).status, 200);
    const published = await api('POST', `/review/${day}/publish`, supervisor);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.alerts, 0);
  }

  /** Today's chilli price at a market, as the supervisor's review has it. */
  const chilliAt = async (market: string) => {
    const review = await api('GET', `/review/${T}`, supervisor);
    const m = (review.body.markets as Json[]).find((x) => x.code === market);
    return (m?.items as Json[] | undefined)?.find((i) => i.commodity === C)?.price;
  };

  async function signIn(context: BrowserContext, login: string, at: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/t/${SLUG}${at}`);
    await page.getByLabel('Email atau nomor ponsel').fill(login);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    return page;
  }

  before(async () => {
    const built = path.join(WEB_DIST, 'console', 'index.html');
    if (!existsSync(built)) {
      throw new Error(
        `The console is not built (${built} is missing): run \`npm run build\` before this suite.`,
      );
    }
    t = await startTest({ modules: INSTALLED_APPS });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'reports');
    await makeLive(t.platform, tenant.id, 'market-prices');
    const agency = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      createAgency(scope, {
        code: 'DISPERINDAG',
        name: 'Dinas Perindustrian dan Perdagangan',
        kind: 'dinas',
      }),
    );
    const staffAt = async (role: 'officer' | 'agency_admin', name: string) => {
      const s = await makeStaff(t.platform, tenant.id, [], undefined, name);
      await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        grantRole(scope, s.id, { role, agencyId: agency.id }),
      );
      return s;
    };
    const o = await staffAt('officer', 'Petugas Pasar');
    const s = await staffAt('agency_admin', 'Penyelia Disperindag');
    officerEmail = o.email;
    supervisorEmail = s.email;
    operatorEmail = (await makeStaff(t.platform, tenant.id, ['operator'], undefined, 'Operator LIVE')).email;
    adminEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], undefined, 'Admin Kota')).email;
    officer = await bearerFor(t.app, SLUG, officerEmail);
    supervisor = await bearerFor(t.app, SLUG, supervisorEmail);
    for (const [code, name] of [
      ['pasar-a', 'Pasar Anyar'],
      ['pasar-b', 'Pasar Baru'],
      ['pasar-c', 'Pasar Cikokol'],
    ]) {
      const m = await api('PUT', `/markets/${code}`, supervisor, { name, agencyId: agency.id });
      assert.equal(m.status, 200, JSON.stringify(m.body));
    }
    // The officer works at two of the three markets.
    for (const [code, ids] of [
      ['pasar-a', [o.id]],
      ['pasar-b', [o.id]],
      ['pasar-c', []],
    ] as const) {
      assert.equal((await api('PUT', `/markets/${code}/officers`, supervisor, { userIds: ids })).status, 200);
    }
    // Eight days back too, so that a correction of yesterday compares with a week before it.
    await publishedDay(addDays(T, -8), 13_000, 50_000);
    await publishedDay(WEEK_AGO, 13_000, 50_000);
    await publishedDay(YESTERDAY, 13_000, 50_000);
    // A region that has not adopted the app.
    const bare = await makeTenant(t.platform, 'kota-tanpa-harga');
    await makeLive(t.platform, bare.id, 'reports');
    bareOperatorEmail = (await makeStaff(t.platform, bare.id, ['operator'])).email;
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('the command centre opens with no price alert yet, on the live stream', async () => {
    roomContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 1920, height: 1080 } });
    room = await signIn(roomContext, operatorEmail, '/konsol/ruang-live');
    await room.getByRole('heading', { name: 'Peringatan harga pasar' }).waitFor();
    await room.getByText('Tidak ada peringatan harga.').waitFor();
    await room.locator('[data-live-state="open"]').waitFor();
  });

  test('the officer enters today’s prices on a phone: refused values are said beside them and nothing is saved; then a good save', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: PHONE });
    const page = await signIn(context, officerEmail, '/konsol/harga/isian');
    await page.getByRole('heading', { name: 'Isian harga harian' }).waitFor();
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

  test('the supervisor sees the jump highlighted, verifies and publishes; the LIVE Room shows the alerts without a reload', async () => {
    supervisorContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 800 } });
    sup = await signIn(supervisorContext, supervisorEmail, '/konsol/harga');
    await sup.getByRole('heading', { name: 'Tinjau dan terbitkan' }).waitFor();
    const sections = await sup
      .getByRole('navigation', { name: 'Menu harga pasar' })
      .getByRole('link')
      .allTextContents();
    assert.deepEqual(sections, ['Tinjau & terbitkan', 'Peringatan'], 'a supervisor enters no prices');
    assert.equal(await sup.locator('#review-day').inputValue(), T);
    const chilliA = sup.locator(`[data-market="pasar-a"] tr[data-commodity="${C}"]`);
    await chilliA.waitFor();
    assert.equal(await chilliA.getAttribute('class'), 'jump');
    assert.match((await chilliA.textContent()) ?? '', /\+42%.*Lonjakan/);
    // The badge says what it means in words, not only in a tooltip.
    const badge = chilliA.locator('.badge.jump');
    assert.equal(await badge.getAttribute('title'), null);
    assert.equal(await badge.locator('.sr-only').textContent(), 'Lonjakan lebih dari 20%');
    // Each market's table scrolls in a box the keyboard reaches, named by its market.
    const box = sup.getByRole('region', { name: 'Harga di Pasar Anyar' });
    assert.equal(await box.getAttribute('tabindex'), '0');
    assert.equal(await box.locator(`tr[data-commodity="${C}"]`).count(), 1);
    await box.focus();
    assert.equal(await box.evaluate((el) => el === document.activeElement), true);
    assert.equal(
      await sup.locator(`[data-market="pasar-a"] tr[data-commodity="${B}"]`).getAttribute('class'),
      null,
    );
    assert.equal(await sup.locator(`[data-market="pasar-b"] tr.jump`).count(), 0);
    assert.equal(
      await sup.locator('[data-market="pasar-c"]').count(),
      0,
      'a market without prices is not listed',
    );
    assert.match(
      (await sup.locator('#review-state').textContent()) ?? '',
      /Draf 4 · terverifikasi 0 · terbit 0/,
    );
    assert.deepEqual(await axeViolations(sup), [], 'axe on the review screen');
    await screenshots(sup, 'console-prices-review');
    await sup.getByRole('button', { name: 'Verifikasi semua draf' }).click();
    await sup.getByText('4 harga diverifikasi.').waitFor();
    await sup.getByText('Draf 0 · terverifikasi 4 · terbit 0').waitFor();
    await sup.getByRole('button', { name: 'Terbitkan tanggal ini' }).click();
    await sup.getByText(/diterbitkan\. Tampil untuk publik mulai/).waitFor();
    await sup.getByText('2 peringatan kenaikan harga dibuat.').waitFor();
    await sup.getByText('Draf 0 · terverifikasi 0 · terbit 4').waitFor();
    // The wall screen, open all along, shows the city's and Pasar Anyar's chilli alerts.
    await room.locator('#price-alert-list li').nth(1).waitFor();
    const lines = await room.locator('#price-alert-list li').allTextContents();
    assert.equal(lines.length, 2);
    assert.ok(
      lines.some((l) => /^Cabai rawit merah · Pasar Anyar: Rp50\.000 → Rp71\.000 \(\+42%\)$/.test(l)),
      lines.join(' | '),
    );
    assert.ok(
      lines.some((l) => /^Cabai rawit merah · Rata-rata kota: Rp50\.000 → Rp61\.250/.test(l)),
      lines.join(' | '),
    );
    assert.equal(await room.locator('#price-alert-list li.fresh').count(), 2);
    assert.deepEqual(await axeViolations(room), [], 'axe on the LIVE Room with price alerts');
    await room.screenshot({
      path: path.join('test-results', 'screenshots', 'console-live-room-prices-wall.png'),
    });
    await roomContext.close();
  });

  test('a correction’s refused price stays beside its input; without a reason it is refused beside the field; with one it is saved', async () => {
    await sup.getByRole('button', { name: 'Koreksi Cabai rawit merah di Pasar Anyar' }).click();
    const form = sup.getByRole('form', { name: 'Koreksi Cabai rawit merah · Pasar Anyar' });
    await form.waitFor();
    assert.equal(await form.getByLabel('Pedagang 1').inputValue(), '70000');
    // A refused price stays beside the input it was typed in while the others are edited.
    await form.getByLabel('Pedagang 1').fill('');
    await form.getByLabel('Pedagang 2').fill('500');
    await sup.locator('#correction-reason').fill('Harga pedagang kedua salah catat.');
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    await sup.locator('#correction-q-1-error').waitFor();
    await form.getByLabel('Pedagang 1').fill('60000');
    assert.equal(await sup.locator('#correction-q-0-error').count(), 0);
    assert.match((await sup.locator('#correction-q-1-error').textContent()) ?? '', /rentang wajar/);
    assert.equal(await sup.locator('#correction-q-1').getAttribute('aria-invalid'), 'true');
    assert.equal(await sup.locator('#correction-q-0').getAttribute('aria-invalid'), null);
    assert.equal(await chilliAt('pasar-a'), 71_000, 'nothing changed');
    await sup.locator('#correction-reason').fill('');
    await form.getByLabel('Pedagang 1').fill('60000');
    await form.getByLabel('Pedagang 2').fill('62000');
    assert.equal(await form.locator('.median').getAttribute('data-median'), '61000');
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    await sup.locator('#correction-reason-error').waitFor();
    assert.equal(await sup.locator('#correction-reason').getAttribute('aria-invalid'), 'true');
    assert.equal(await form.getByLabel('Pedagang 1').inputValue(), '60000');
    assert.equal(await chilliAt('pasar-a'), 71_000, 'nothing changed');
    assert.deepEqual(await axeViolations(sup), [], 'axe on the correction form with its refusal');
    await screenshots(sup, 'console-prices-correction');
    await sup.locator('#correction-reason').fill('Pedagang kedua salah sebut harga cabai.');
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    await sup
      .getByText('Koreksi tersimpan: Cabai rawit merah di Pasar Anyar dari Rp71.000 menjadi Rp61.000.')
      .waitFor();
    assert.equal(await chilliAt('pasar-a'), 61_000);
    await sup
      .locator(`[data-market="pasar-a"] tr[data-commodity="${C}"]`)
      .getByText('Rp61.000', { exact: true })
      .waitFor();
  });

  test('the alerts screen lists the alerts and keeps the supervisor’s subscription', async () => {
    await sup.getByRole('link', { name: 'Peringatan', exact: true }).click();
    await sup.getByRole('heading', { name: 'Peringatan kenaikan harga', level: 1 }).waitFor();
    await sup.locator('tr[data-alert-id]').nth(1).waitFor();
    assert.equal(await sup.locator('tr[data-alert-id]').count(), 2);
    const city = sup.locator('tr[data-alert-id]', { hasText: 'Rata-rata kota' });
    assert.match((await city.textContent()) ?? '', /Cabai rawit merah.*Rp50\.000.*Rp61\.250.*\+22,5%/);
    const alerts = sup.getByLabel('Kirimi saya setiap peringatan kenaikan harga');
    await sup.waitForFunction(
      () =>
        !document.querySelector<HTMLButtonElement>('form[aria-labelledby="subscription-title"] button')
          ?.disabled,
    );
    assert.equal(await alerts.isChecked(), false);
    await alerts.check();
    await sup.getByRole('button', { name: 'Simpan langganan' }).click();
    await sup.getByText('Langganan tersimpan.').waitFor();
    assert.deepEqual((await api('GET', '/alerts/subscription', supervisor)).body, {
      alerts: true,
      dailySummary: false,
    });
    assert.deepEqual(await axeViolations(sup), [], 'axe on the alerts screen');
    await screenshots(sup, 'console-prices-alerts');
    await sup.reload();
    await sup.getByRole('heading', { name: 'Peringatan kenaikan harga', level: 1 }).waitFor();
    await sup.waitForFunction(
      () => (document.querySelector('input[type="checkbox"]') as HTMLInputElement | null)?.checked === true,
    );
    await supervisorContext.close();
  });

  test('the LIVE Room shows first the alerts a correction of an earlier day raises, and those raised while its stream was down', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1920, height: 1080 } });
    const wall = await signIn(context, operatorEmail, '/konsol/ruang-live');
    const list = wall.locator('#price-alert-list li');
    await list.nth(1).waitFor();
    await wall.locator('[data-live-state="open"]').waitFor();
    assert.equal(await list.count(), 2, 'today’s two alerts');
    // Yesterday's chilli at Pasar Baru was 65.000: 30% above a week before it, and the city's
    // average 15% above. Alerts of an earlier day than today's, raised last: they come first.
    const chilli = await api('POST', `/corrections/pasar-b/${YESTERDAY}`, supervisor, {
      commodity: C,
      quotes: [65_000],
      reason: 'Harga cabai kemarin salah catat.',
    });
    assert.equal(chilli.status, 200, JSON.stringify(chilli.body));
    await list.nth(3).waitFor();
    const top = (await list.allTextContents()).slice(0, 2).sort();
    assert.match(top[0] ?? '', /^Cabai rawit merah · Pasar Baru: Rp50\.000 → Rp65\.000 \(\+30%\)$/);
    assert.match(top[1] ?? '', /^Cabai rawit merah · Rata-rata kota: Rp50\.000 → Rp57\.500 \(\+15%\)$/);
    assert.equal(await wall.locator('#price-alert-list li.fresh').count(), 2);
    // The network drops (the browser offline, the server's connections cut); an alert raised
    // meanwhile, whose event the wall never receives, is read when the stream is back.
    await context.setOffline(true);
    t.app.server.closeAllConnections();
    await wall.locator('[data-live-state="connecting"]').waitFor();
    const rice = await api('POST', `/corrections/pasar-a/${YESTERDAY}`, supervisor, {
      commodity: B,
      quotes: [15_000],
      reason: 'Harga beras kemarin salah catat.',
    });
    assert.equal(rice.status, 200, JSON.stringify(rice.body));
    assert.equal(rice.body.alerts, 1, JSON.stringify(rice.body));
    await context.setOffline(false);
    await wall.locator('[data-live-state="open"]').waitFor({ timeout: 15_000 });
    await list.nth(4).waitFor();
    assert.match(
      (await list.first().textContent()) ?? '',
      /^Beras kualitas medium I · Pasar Anyar: Rp13\.000 → Rp15\.000 \(\+15,4%\)$/,
    );
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
