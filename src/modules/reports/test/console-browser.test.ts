/**
 * The whole life of a report in a real browser (Debian's Chromium): a citizen files it with a
 * photo on the portal with JavaScript off and finds it by its tracking number; an operator triages
 * and assigns it in the staff console; an agency officer starts, posts a proof photo and completes
 * it; the citizen rates it with the report's secret code; and the command centre (LIVE Room),
 * open in its own window the whole time, shows each change without a reload. axe-core checks the
 * console's main screens; screenshots at phone and desktop sizes go to test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, grantRole, WEB_DIST } from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

const SLUG = 'kota-konsol';

describe(`staff console and LIVE Room in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  let photoPath = '';
  let operator = '';
  let officer = '';
  let trackingNo = '';
  let secret = '';
  let room: Page;
  let roomContext: BrowserContext;
  let tenantId = '';
  let agencyId = '';
  /** The report the restart test disposes to DPUPR, which its officer then hands on. */
  let disposedNo = '';

  before(async () => {
    assert.ok(
      existsSync(path.join(WEB_DIST, 'console', 'index.html')),
      'dist/web/console is missing: run `npm run build` first (npm test does)',
    );
    // A made-up tile host: no test reaches a real tile server.
    t = await startTest({
      modules: [reportsApp],
      env: { MAP_TILE_URL: 'https://tiles.balai.test/{z}/{x}/{y}.png' },
    });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'reports');
    const agency = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      createAgency(scope, { code: 'DPUPR', name: 'Dinas Pekerjaan Umum', kind: 'dinas' }),
    );
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      createAgency(scope, { code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'dinas' }),
    );
    tenantId = tenant.id;
    agencyId = agency.id;
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      // No usual agency: the operator must choose one.
      await putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } });
    });
    operator = (await makeStaff(t.platform, tenant.id, ['operator'])).email;
    const o = await makeStaff(t.platform, tenant.id, [], undefined, 'Petugas DPUPR');
    officer = o.email;
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      grantRole(scope, o.id, { role: 'officer', agencyId: agency.id }),
    );
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `${address}/t/${SLUG}`;
    const dir = path.join(os.tmpdir(), `balai-console-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    photoPath = path.join(dir, 'bukti.jpg');
    writeFileSync(
      photoPath,
      await sharp({ create: { width: 320, height: 240, channels: 3, background: '#4b6b5b' } })
        .jpeg()
        .toBuffer(),
    );
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signInToConsole(context: BrowserContext, login: string, at = '/konsol'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${base}${at}`);
    await page.getByLabel('Email atau nomor ponsel').fill(login);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    return page;
  }

  /** The LIVE Room's figure by its id, once it shows a number. */
  async function kpi(id: string): Promise<number> {
    const text = (await room.locator(`#${id}`).textContent()) ?? '';
    return Number(text);
  }

  /**
   * A figure of the LIVE Room once it reads `value`, or what it reads after 5 s: the figures are
   * fetched again after an event, so they may follow the stream's row by a moment.
   */
  async function kpiBecomes(id: string, value: number): Promise<number> {
    await room
      .waitForFunction(
        ([i, v]) => document.getElementById(i)?.textContent === v,
        [id, String(value)] as const,
        {
          timeout: 5_000,
        },
      )
      .catch(() => undefined);
    return kpi(id);
  }

  test('the command centre opens before any report and shows the live stream', async () => {
    roomContext = await browser.newContext({ locale: 'id-ID', viewport: { width: 1920, height: 1080 } });
    room = await signInToConsole(roomContext, operator, '/konsol/ruang-live');
    await room.getByRole('heading', { name: /Ruang LIVE/ }).waitFor();
    await room.locator('[data-live-state="open"]').waitFor();
    await room.waitForFunction(() => document.querySelector('#kpi-total')?.textContent === '0');
    assert.equal(await kpi('kpi-total'), 0);
  });

  test('a citizen without JavaScript files a report with a photo and finds it by its number', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/lapor`);
    await page.getByLabel('Pengaduan').check();
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Uraian').fill('Aspal amblas di depan Puskesmas Cibodas, sudah dua motor jatuh.');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Raya Cibodas No. 5');
    await page.getByLabel('Foto').setInputFiles(photoPath);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    trackingNo = ((await page.locator('#tracking-no').textContent()) ?? '').trim();
    secret = ((await page.locator('.secret').textContent()) ?? '').trim();
    assert.match(trackingNo, /^\d{6}-[0-9A-Z]{5}$/);
    await page.goto(`${base}/lacak?no=${trackingNo}`);
    await page.getByRole('heading', { name: `Jalan rusak · ${trackingNo}` }).waitFor();
    await context.close();
  });

  test('the LIVE Room shows the new report without a reload', async () => {
    await room.locator(`[data-tracking-no="${trackingNo}"]`).waitFor();
    assert.equal(await kpiBecomes('kpi-total', 1), 1);
    assert.equal(await room.locator(`[data-tracking-no="${trackingNo}"]`).getAttribute('class'), 'fresh');
  });

  test('an operator triages and assigns it in the console', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signInToConsole(context, operator);
    await page.getByRole('heading', { name: 'Antrean triase' }).waitFor();
    await page.getByRole('link', { name: trackingNo }).click();
    await page.getByRole('heading', { name: new RegExp(trackingNo) }).waitFor();
    // The citizen's photo shows once, beside the report, not again under its filing (issue #15).
    assert.equal(await page.locator('img[src*="/photos/"]').count(), 1, 'the photo appears once');
    assert.deepEqual(await axeViolations(page), [], 'axe on the report screen');
    await screenshots(page, 'console-report');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Tindakan "Verifikasi" berhasil.').waitFor();
    await page.getByRole('button', { name: 'Disposisikan…' }).click();
    const form = page.getByRole('form', { name: 'Disposisikan' });
    // Without an agency the server refuses, and the error stands beside the field.
    await form.getByLabel('Catatan').fill('Mohon ditambal minggu ini.');
    await form.getByRole('button', { name: 'Disposisikan' }).click();
    await form.locator('#dispose-agencyId-error').waitFor();
    assert.equal(await form.getByLabel('Catatan').inputValue(), 'Mohon ditambal minggu ini.');
    await form.getByLabel('OPD tujuan').selectOption({ label: 'Dinas Pekerjaan Umum' });
    await form.getByRole('button', { name: 'Disposisikan' }).click();
    await page.getByText('Tindakan "Disposisikan" berhasil.').waitFor();
    await page.locator('h1 + p .badge.status-disposed').waitFor();
    await context.close();
    // The wall screen followed.
    await room.waitForFunction(
      (no) => document.querySelector(`[data-tracking-no="${no}"] .status-disposed`) !== null,
      trackingNo,
    );
  });

  test('the agency officer starts it, posts a proof photo and completes it', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signInToConsole(context, officer);
    await page.getByRole('heading', { name: 'Tugas OPD' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the agency work list');
    await screenshots(page, 'console-work');
    await page.getByRole('link', { name: trackingNo }).click();
    await page.getByRole('button', { name: 'Mulai tindak lanjut…' }).click();
    const start = page.getByRole('form', { name: 'Mulai tindak lanjut' });
    // The officers offered are the agency's own: this officer, and nobody from elsewhere.
    await start.getByLabel('Petugas lapangan (opsional)').selectOption({ label: 'Petugas DPUPR' });
    await start.getByRole('button', { name: 'Mulai tindak lanjut' }).click();
    await page.getByText('Tindakan "Mulai tindak lanjut" berhasil.').waitFor();
    await page.getByText('Petugas DPUPR').first().waitFor();
    const progress = page.getByRole('region', { name: 'Kirim perkembangan' });
    await progress.getByLabel('Catatan').fill('Lubang sudah ditambal dengan aspal dingin.');
    await progress.getByLabel('Jenis foto').selectOption('after');
    await progress.getByLabel('Foto (hingga 5)').setInputFiles(photoPath);
    await progress.getByRole('button', { name: 'Kirim perkembangan' }).click();
    await page.getByText('Perkembangan terkirim.').waitFor();
    await page.locator('.history img').first().waitFor();
    await page.getByRole('button', { name: 'Selesai ditindaklanjuti…' }).click();
    const complete = page.getByRole('form', { name: 'Selesai ditindaklanjuti' });
    // The result must be said: without a note the server refuses, beside the field.
    await complete.getByRole('button', { name: 'Selesai ditindaklanjuti' }).click();
    await complete.locator('#complete-note-error').waitFor();
    await complete.getByLabel('Catatan').fill('Ditambal 3 m², jalan bisa dilalui lagi.');
    await complete.getByRole('button', { name: 'Selesai ditindaklanjuti' }).click();
    await page.getByText('Tindakan "Selesai ditindaklanjuti" berhasil.').waitFor();
    await context.close();
    await room.waitForFunction(
      (no) => document.querySelector(`[data-tracking-no="${no}"] .status-done`) !== null,
      trackingNo,
    );
    assert.equal(await kpiBecomes('kpi-done', 1), 1);
  });

  test('the citizen, without JavaScript, sees the proof and rates the follow-up with the secret code', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${base}/laporan/${trackingNo}`);
    assert.ok(await page.getByText('Lubang sudah ditambal dengan aspal dingin.').isVisible());
    assert.ok((await page.locator('.history img').count()) >= 1, 'the proof photo is public');
    // A wrong code is refused beside the field; the choice is kept.
    await page.getByLabel('5 dari 5').check();
    await page.locator('#confirm-secret').fill('bukan-kode-yang-benar');
    await page.getByRole('button', { name: 'Konfirmasi selesai' }).click();
    await page.locator('#confirm-secret-error').waitFor();
    assert.equal(await page.getByLabel('5 dari 5').isChecked(), true);
    await page.locator('#confirm-secret').fill(secret);
    await page.getByRole('button', { name: 'Konfirmasi selesai' }).click();
    await page.getByText('Terima kasih, laporan ditutup dengan penilaian Anda.').waitFor();
    assert.ok(await page.getByText('Ditutup').first().isVisible());
    await context.close();
    await room.waitForFunction(
      (no) => document.querySelector(`[data-tracking-no="${no}"] .status-closed`) !== null,
      trackingNo,
    );
    assert.deepEqual(await axeViolations(room), [], 'axe on the LIVE Room');
    await room.screenshot({ path: path.join('test-results', 'screenshots', 'console-live-room-wall.png') });
    await screenshots(room, 'console-live-room');
  });

  test('the console sign-in and triage queue pass axe; a citizen account is turned away', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await context.newPage();
    // Staff find the console from the portal's footer.
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Untuk petugas: konsol' }).click();
    await page.getByRole('heading', { name: 'Masuk ke konsol petugas' }).waitFor();
    assert.match(page.url(), /\/konsol$/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the console sign-in');
    await screenshots(page, 'console-sign-in');
    // A wrong password is said beside the form, and the login typed stays.
    await page.getByLabel('Email atau nomor ponsel').fill(operator);
    await page.getByLabel('Kata sandi').fill('salah-sandi-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Email atau nomor ponsel').inputValue(), operator);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Antrean triase' }).waitFor();
    await page.getByLabel('Status').selectOption('done');
    await page.getByText('Tidak ada laporan di sini.').waitFor();
    assert.match(page.url(), /status=done/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the triage queue');
    await screenshots(page, 'console-triage');
    await context.close();
  });

  test('after a server restart the LIVE Room reads its figures again; a disposal shows the category’s usual agency and track chosen; the report is on a map', async () => {
    // The server restarts: the stream is cut, the stream and the session check are refused while
    // it is down, and a report filed meanwhile sends its event to nobody.
    await roomContext.route('**/api/v1/events*', (r) => r.fulfill({ status: 503, body: '' }));
    await roomContext.route('**/api/v1/auth/session', (r) => r.abort('connectionrefused'));
    t.app.server.closeAllConnections();
    await room.locator('[data-live-state="closed"]').waitFor();
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      putCategory(scope, 'lights', {
        name: { id: 'Lampu jalan mati', en: 'Street lights out' },
        agencyId,
        defaultTrack: 'field_work',
      }),
    );
    const filed = await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}/api/v1/reports`,
      payload: {
        type: 'complaint',
        category: 'lights',
        description: 'Tiga lampu jalan mati di Jl. Melati sejak Senin.',
        lat: -6.1801,
        lng: 106.6302,
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const no = filed.json().trackingNo as string;
    await roomContext.unrouteAll();
    await room.locator('[data-live-state="open"]').waitFor({ timeout: 15_000 });
    await room.waitForFunction(() => document.querySelector('#kpi-total')?.textContent === '2');
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signInToConsole(context, operator, `/konsol/laporan/${no}`);
    await page.getByRole('region', { name: `Peta lokasi laporan ${no}` }).waitFor();
    await page.locator('.map .leaflet-interactive').waitFor();
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.getByText('Tindakan "Verifikasi" berhasil.').waitFor();
    await page.getByRole('button', { name: 'Disposisikan…' }).click();
    const form = page.getByRole('form', { name: 'Disposisikan' });
    const agency = form.getByLabel('OPD tujuan');
    await page.waitForFunction(
      (id) => (document.querySelector('#dispose-agencyId') as HTMLSelectElement)?.value === id,
      agencyId,
    );
    assert.equal(await agency.locator('option:checked').textContent(), 'Dinas Pekerjaan Umum');
    assert.equal(await agency.locator('option[value=""]').count(), 0, 'no empty choice to send as none');
    await form.getByText('Terpilih: OPD yang biasa menangani kategori Lampu jalan mati.').waitFor();
    assert.equal(await form.getByLabel('Jalur').inputValue(), 'field_work');
    await form.getByRole('button', { name: 'Disposisikan' }).click();
    await page.getByText('Tindakan "Disposisikan" berhasil.').waitFor();
    await page.locator('.history').getByText('Dinas Pekerjaan Umum').waitFor();
    disposedNo = no;
    await context.close();
    await roomContext.close();
  });

  test('an agency officer hands a report on to another agency, with a note', async () => {
    assert.ok(disposedNo, 'the restart test disposes the report this one hands on');
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signInToConsole(context, officer, `/konsol/laporan/${disposedNo}`);
    await page.getByRole('button', { name: 'Teruskan ke OPD lain…' }).click();
    const form = page.getByRole('form', { name: 'Teruskan ke OPD lain' });
    await form
      .getByLabel('OPD tujuan')
      .locator('option', { hasText: 'Dinas Perhubungan' })
      .waitFor({ state: 'attached' });
    await form.getByLabel('OPD tujuan').selectOption({ label: 'Dinas Perhubungan' });
    await form.getByLabel('Catatan').fill('Lampu jalan di jalan provinsi: kewenangan Dishub.');
    await form.getByRole('button', { name: 'Teruskan ke OPD lain' }).click();
    await page.getByText('Tindakan "Teruskan ke OPD lain" berhasil.').waitFor();
    const shown = await t.app.inject({
      method: 'GET',
      url: `/t/${SLUG}/api/v1/reports/${disposedNo}`,
      headers: await bearerFor(t.app, SLUG, operator),
    });
    assert.equal(shown.statusCode, 200, shown.body);
    assert.equal(shown.json().agency?.name, 'Dinas Perhubungan');
    await context.close();
  });

  test('an expired session sends the user to sign in and back to the same screen', async () => {
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signInToConsole(context, operator, `/konsol/laporan/${trackingNo}`);
    await page.getByRole('heading', { name: new RegExp(trackingNo) }).waitFor();
    await context.clearCookies();
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke konsol petugas' }).waitFor();
    await page.getByLabel('Email atau nomor ponsel').fill(operator);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: new RegExp(trackingNo) }).waitFor();
    assert.match(page.url(), new RegExp(`/konsol/laporan/${trackingNo}$`));
    await context.close();
  });

  test('an administrator chooses that reports go public only once verified, and the form address example', async () => {
    const tenant = t.platform.directory.bySlug(SLUG)!;
    const admin = (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email;
    const context = await browser.newContext({ locale: 'id-ID' });
    const page = await signInToConsole(context, admin, '/konsol/admin/publication');
    await page.getByRole('heading', { name: 'Publikasi laporan' }).waitFor();
    await page.getByLabel('Tampilkan laporan untuk publik hanya setelah diverifikasi operator').check();
    await page.getByLabel('Contoh alamat pada formulir laporan').fill('Jl. Juanda depan Balai Kota');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan publikasi disimpan.' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on the publication section');
    const form = await t.app.inject({ url: `/t/${SLUG}/lapor` });
    assert.ok(form.body.includes('Misalnya: Jl. Juanda depan Balai Kota.'));
    // A new report now waits for verification before the public sees it.
    const filed = await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}/api/v1/reports`,
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Menunggu verifikasi operator',
        address: 'Jl. A',
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    assert.equal(
      (await t.app.inject({ url: `/t/${SLUG}/api/v1/reports/${filed.json().id}` })).statusCode,
      404,
    );
    await page.getByLabel('Tampilkan laporan untuk publik hanya setelah diverifikasi operator').uncheck();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pengaturan publikasi disimpan.' }).waitFor();
    assert.equal(
      (await t.app.inject({ url: `/t/${SLUG}/api/v1/reports/${filed.json().id}` })).statusCode,
      200,
    );
    await context.close();
  });

  test('the LIVE Room map without tiles still shows the area, the reports and a legend, and says why', async () => {
    const tenantId = t.platform.directory.bySlug(SLUG)!.id;
    const admin = await makeStaff(t.platform, tenantId, ['tenant_admin']);
    const square = [
      [106.55, -6.3],
      [106.75, -6.3],
      [106.75, -6.1],
      [106.55, -6.1],
      [106.55, -6.3],
    ];
    const area = await t.app.inject({
      method: 'PATCH',
      url: `/t/${SLUG}/api/v1/settings`,
      headers: await bearerFor(t.app, SLUG, admin.email),
      payload: { area: { type: 'Polygon', coordinates: [square] } },
    });
    assert.equal(area.statusCode, 200, area.body);
    const filed = await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}/api/v1/reports`,
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Gorong-gorong tersumbat.',
        lat: -6.2,
        lng: 106.65,
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const context = await browser.newContext({ locale: 'id-ID' });
    let asked = 0;
    await context.route('https://tiles.balai.test/**', (route) => {
      asked += 1;
      return route.abort('blockedbyclient');
    });
    const page = await signInToConsole(context, operator, '/konsol/ruang-live');
    const map = page.locator('.live-map');
    await map.locator('.map-notice').waitFor({ state: 'visible' });
    assert.ok(asked > 0, 'the tiles were asked for, at the configured host');
    assert.ok(
      await map.locator('.leaflet-overlay-pane path:not(.leaflet-interactive)').isVisible(),
      'the area',
    );
    await map.locator('.leaflet-overlay-pane path.leaflet-interactive').first().waitFor({ state: 'visible' });
    assert.deepEqual(await map.locator('.map-legend li').allTextContents(), [
      'Batas wilayah',
      'Laporan',
      'Lewat tenggat',
      'Baru masuk',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'axe on the LIVE Room without tiles');
    await context.close();
  });
});
