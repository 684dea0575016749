/**
 * A new region live through the console, end to end, as people do it, with no CLI and no curl: a
 * platform administrator registers Kota Bogor and its first administrator; that administrator sets
 * a password by the link, signs in, records the MoU and PKS with their PDFs, uploads the area (a GIS
 * file of points is refused with a clear message; then the boundary) and the logo, and takes LAKSA
 * and SEGAR live; then works through both apps' setup checklists on their console screens (LAKSA:
 * agencies, categories each routed to an agency with its deadline; SEGAR: a market placed on the
 * map, the commodities, a staff member made the market's officer) until every item is done.
 * Finally a citizen files a report on the new portal and the market officer enters a price: the
 * region is live. axe finds no WCAG 2.1 A/AA violation on any screen.
 *
 * Every page action (open a page, fill, choose, click, pick a file) is counted and the wall time
 * measured; both are printed, and the README's onboarding section gives them. The count is the
 * measure of a person's effort (a test types and clicks faster than anyone): at a few seconds an
 * action, the bound asserted below keeps the whole path inside the issue's ten minutes.
 *
 * Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { marketPricesApp } from '../src/modules/market-prices/index.ts';
import { reportsApp } from '../src/modules/reports/index.ts';
import { localDateOf } from '../src/platform/sdk/shared.ts';
import { WEB_DIST } from '../src/web/paths.ts';
import { axeViolations, launchChromium } from './support/browser.ts';
import {
  DB_KIND,
  type Json,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
  tinyPdf,
} from './support/harness.ts';

const HOME = 'kota-pusat';
const SLUG = 'kota-bogor';
const ADMIN = { name: 'Dewi Kominfo Bogor', email: 'kominfo@kotabogor.go.id', nip: '198701152010012003' };
const NEW_PASSWORD = 'sandi-bogor-pertama-1';
const OFFICER = {
  name: 'Budi Santoso',
  email: 'budi.santoso@kotabogor.go.id',
  password: 'sandi-awal-budi-2026',
};
const TODAY = localDateOf(new Date(), 'Asia/Jakarta');

describe(`a new region live through the console (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let page: Page;
  let origin = '';
  let platformEmail = '';
  let files = '';
  /** Each page action a person makes (fill, choose, click, pick a file, open a page). */
  let steps = 0;
  const counts: Array<[string, number]> = [];

  before(async () => {
    const built = path.join(WEB_DIST, 'console', 'index.html');
    if (!existsSync(built))
      throw new Error(`The console is not built (${built} is missing): run \`npm run build\`.`);
    t = await startTest({ modules: [reportsApp, marketPricesApp] });
    const home = await makeTenant(t.platform, HOME);
    platformEmail = (await makeStaff(t.platform, home.id, ['platform_admin'], 'platform@balai.go.id')).email;
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    // The files a person would have on their computer.
    files = mkdtempSync(path.join(os.tmpdir(), 'balai-onboarding-'));
    writeFileSync(path.join(files, 'mou.pdf'), tinyPdf('MoU Kota Bogor'));
    writeFileSync(path.join(files, 'pks.pdf'), tinyPdf('PKS Kota Bogor'));
    const ring = [
      [106.73, -6.68],
      [106.85, -6.68],
      [106.85, -6.52],
      [106.73, -6.52],
      [106.73, -6.68],
    ];
    writeFileSync(
      path.join(files, 'batas-bogor.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { name: 'Kota Bogor' },
            geometry: { type: 'Polygon', coordinates: [ring] },
          },
        ],
      }),
    );
    writeFileSync(
      path.join(files, 'kantor.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [106.8, -6.6] } },
        ],
      }),
    );
    writeFileSync(
      path.join(files, 'logo.png'),
      await sharp({ create: { width: 300, height: 300, channels: 4, background: '#1b5e20' } })
        .png()
        .toBuffer(),
    );
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  /** One counted page action. */
  async function act<T>(action: Promise<T>): Promise<T> {
    steps += 1;
    return action;
  }

  async function noAxe(where: string) {
    assert.deepEqual(await axeViolations(page), [], `axe on ${where}`);
  }

  async function open(name: string) {
    await act(
      page
        .getByRole('navigation', { name: 'Bagian pengaturan' })
        .getByRole('link', { name, exact: true })
        .click(),
    );
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function api(pathname: string): Promise<Json> {
    const res = await page.request.get(`${origin}/t/${SLUG}/api/v1${pathname}`);
    assert.equal(res.status(), 200, pathname);
    return (await res.json()) as Json;
  }

  async function signIn(slug: string, email: string, password: string) {
    await act(page.goto(`${origin}/t/${slug}/konsol/admin`));
    await act(page.getByLabel('Email atau nomor ponsel').fill(email));
    await act(page.getByLabel('Kata sandi', { exact: true }).fill(password));
    await act(page.getByRole('button', { name: 'Masuk' }).click());
  }

  async function agreement(kind: 'mou' | 'pks', number: string) {
    await act(page.locator('#agreement-kind').selectOption(kind));
    await act(page.locator('#agreement-number').fill(number));
    await act(page.locator('#agreement-signedOn').fill('2026-11-20'));
    const people = [
      ['Dedie A. Rachim', 'Wali Kota Bogor', 'Pemerintah Kota Bogor'],
      ['Kepala Dinas Kominfo', 'Kepala Dinas', 'Kota Tangerang'],
    ];
    for (const [i, who] of people.entries()) {
      for (const [j, key] of (['name', 'title', 'party'] as const).entries()) {
        await act(page.locator(`#agreement-sig-${i}-${key}`).fill(who[j]!));
      }
    }
    await act(page.getByRole('button', { name: 'Catat perjanjian' }).click());
    const row = page.locator(`tr[data-agreement="${number}"]`);
    await row.waitFor();
    await act(row.locator('input[type="file"]').setInputFiles(path.join(files, `${kind}.pdf`)));
    await row.getByRole('link', { name: 'Unduh' }).waitFor();
  }

  /** An item of an app's setup checklist (Pengaturan › Persiapan aplikasi). */
  const item = (app: string, id: string) => page.locator(`section[data-app="${app}"] li[data-item="${id}"]`);

  async function addAgency(code: string, name: string) {
    await act(page.locator('#agency-code').fill(code));
    await act(page.locator('#agency-name').fill(name));
    await act(page.getByRole('button', { name: 'Tambah OPD' }).click());
    await page.locator(`tr[data-agency="${code}"]`).waitFor();
  }

  async function addCategory(
    code: string,
    id: string,
    en: string,
    agency: [code: string, name: string],
    followUpDays: number,
  ) {
    await act(page.locator('#category-code').fill(code));
    await act(page.locator('#category-name-id').fill(id));
    await act(page.locator('#category-name-en').fill(en));
    await act(page.locator('#category-agency').selectOption({ label: `${agency[1]} (${agency[0]})` }));
    await act(page.locator('#category-follow-up').fill(String(followUpDays)));
    await act(page.getByRole('button', { name: 'Tambah kategori' }).click());
    await page.locator(`tr[data-category="${code}"]`).getByText(agency[1]).waitFor();
  }

  /** The journey, stage by stage. */
  const STAGES: Array<[string, () => Promise<void>]> = [
    [
      'the platform administrator registers the region and its first administrator',
      async () => {
        await signIn(HOME, platformEmail, PASSWORD);
        await open('Daerah');
        await act(page.locator('#tenant-name').fill('Kota Bogor'));
        assert.equal(
          await page.locator('#tenant-slug').inputValue(),
          'kota-bogor',
          'the address follows the name',
        );
        await act(page.locator('#tenant-code').fill('32.71'));
        await act(page.locator('#tenant-domain').fill('layanan.kotabogor.go.id'));
        await act(page.getByRole('button', { name: 'Daftarkan daerah' }).click());
        await page.locator(`tr[data-tenant="${SLUG}"]`).waitFor();
        assert.equal(
          await page.locator('#tenant-admin-tenant').inputValue(),
          SLUG,
          'the new region is chosen',
        );
        await act(page.locator('#tenant-admin-name').fill(ADMIN.name));
        await act(page.locator('#tenant-admin-email').fill(ADMIN.email));
        await act(page.locator('#tenant-admin-nip').fill(ADMIN.nip));
        await act(page.getByRole('button', { name: 'Buat admin' }).click());
        const link = await page.locator('#tenant-admin-link').inputValue({ timeout: 15_000 });
        assert.match(link, /\/t\/kota-bogor\/atur-sandi\?token=/);
        await noAxe('the regions screen');
        // The platform administrator hands the link over; the new administrator opens it.
        await act(page.goto(link));
        await act(page.getByLabel('Kata sandi baru').fill(NEW_PASSWORD));
        await act(page.getByLabel('Ulangi kata sandi').fill(NEW_PASSWORD));
        await act(page.getByRole('button', { name: 'Simpan kata sandi' }).click());
        await page.getByText('Kata sandi baru sudah disimpan').waitFor();
      },
    ],
    [
      'the region’s administrator signs in and records the MoU and PKS with their PDFs',
      async () => {
        await page.context().clearCookies();
        await signIn(SLUG, ADMIN.email, NEW_PASSWORD);
        await page.getByRole('navigation', { name: 'Bagian pengaturan' }).waitFor();
        assert.equal(
          await page
            .getByRole('navigation', { name: 'Bagian pengaturan' })
            .getByRole('link', { name: 'Daerah', exact: true })
            .count(),
          0,
          'the regions screen is for platform administrators only',
        );
        await open('Aplikasi dan perjanjian');
        await agreement('mou', '100/MoU/BGR/2026');
        await agreement('pks', '100/PKS/BGR/2026');
        const list = await api('/agreements');
        assert.deepEqual(
          list.items.map((g: Json) => g.hasDocument),
          [true, true],
        );
      },
    ],
    [
      'the area: a file of points is refused with a clear message, then the boundary is uploaded',
      async () => {
        await open('Wilayah');
        await page.getByText('belum punya batas wilayah').waitFor();
        await noAxe('the area screen without an area');
        await act(page.locator('#area-file').setInputFiles(path.join(files, 'kantor.geojson')));
        await page.locator('#area-file-error').getByText('titik atau garis, bukan batas wilayah').waitFor();
        await act(page.locator('#area-file').setInputFiles(path.join(files, 'batas-bogor.geojson')));
        await page.getByRole('status').getByText('Batas wilayah disimpan.').waitFor();
        await page.locator('[data-area="set"]').waitFor();
        assert.equal((await api('')).area.type, 'Polygon');
        await noAxe('the area screen');
      },
    ],
    [
      'the logo is uploaded',
      async () => {
        await open('Tampilan dan pengaturan');
        await act(page.locator('#branding-logo').setInputFiles(path.join(files, 'logo.png')));
        await page.locator('img.logo-preview').waitFor();
        const logoUrl = (await api('')).branding.logoUrl as string;
        const served = await page.request.get(`${origin}${logoUrl}`);
        assert.equal(served.headers()['content-type'], 'image/png');
        await noAxe('the branding screen');
      },
    ],
    [
      'LAKSA and SEGAR are taken live',
      async () => {
        await open('Aplikasi dan perjanjian');
        for (const app of ['reports', 'market-prices']) {
          await act(page.locator('#golive-app').selectOption(app));
          await act(page.locator('#golive-mou').selectOption({ label: '100/MoU/BGR/2026' }));
          await act(page.locator('#golive-pks').selectOption({ label: '100/PKS/BGR/2026' }));
          await act(page.getByRole('button', { name: 'Jalankan', exact: true }).click());
          await page.locator(`[data-adoption="${app}/web"] .adoption-live`).waitFor();
        }
        await noAxe('the apps screen');
        const tenant = await api('');
        assert.deepEqual([...tenant.apps].sort(), ['market-prices', 'reports']);
      },
    ],
    [
      'LAKSA’s checklist: two agencies, then two categories, each routed to one with its deadline',
      async () => {
        await open('Persiapan aplikasi');
        await page.locator('section[data-app="reports"]').getByText('Belum siap').waitFor();
        await page.locator('section[data-app="market-prices"]').getByText('Belum siap').waitFor();
        assert.equal(await item('reports', 'agencies').getAttribute('data-done'), 'false');
        assert.equal(await item('reports', 'categories').getAttribute('data-done'), 'false');
        await noAxe('the setup checklist');
        await act(item('reports', 'agencies').getByRole('link').click());
        await page.getByRole('heading', { level: 1, name: 'OPD' }).waitFor();
        await addAgency('DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang');
        await addAgency('DISHUB', 'Dinas Perhubungan');
        await open('Kategori dan tenggat');
        await addCategory(
          'jalan-rusak',
          'Jalan rusak',
          'Damaged roads',
          ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
          7,
        );
        await addCategory(
          'lampu-jalan',
          'Lampu jalan mati',
          'Street lights out',
          ['DISHUB', 'Dinas Perhubungan'],
          3,
        );
        await noAxe('the categories screen');
        const categories = (await api('/reports/categories')) as unknown as Json[];
        const agencies = (await api('/agencies')).items as Json[];
        const roads = categories.find((c) => c.code === 'jalan-rusak');
        assert.equal(roads?.agencyId, agencies.find((a) => a.code === 'DPUPR')?.id);
        assert.equal(roads?.followUpDays, 7);
      },
    ],
    [
      'SEGAR’s checklist: a market on the map, the commodities, a staff member made its officer',
      async () => {
        await open('Persiapan aplikasi');
        assert.equal(await item('market-prices', 'markets').getAttribute('data-done'), 'false');
        await act(item('market-prices', 'markets').getByRole('link').click());
        await page.getByRole('heading', { level: 1, name: 'Pasar' }).waitFor();
        await act(page.getByLabel('Nama pasar').fill('Pasar Bogor'));
        await act(page.getByLabel('Alamat (tidak wajib)').fill('Jl. Suryakencana, Babakan Pasar'));
        await act(page.locator('.point-picker').click());
        assert.match(await page.getByLabel('Lintang (tidak wajib)').inputValue(), /^-?\d+(\.\d+)?$/);
        await act(page.getByRole('button', { name: 'Tambah pasar' }).click());
        await page.getByRole('status').filter({ hasText: 'Pasar Pasar Bogor tersimpan.' }).waitFor();
        await noAxe('the markets screen');

        // The national list is there already; the region does not survey the lowest rice grade.
        await open('Komoditas');
        await page.getByText('Semua komoditas daftar nasional sudah ada').waitFor();
        await act(page.getByRole('button', { name: 'Ubah Beras kualitas bawah II' }).click());
        const edit = page.getByRole('form', { name: 'Ubah Beras kualitas bawah II' });
        await act(edit.getByLabel('Komoditas ini masih disurvei').uncheck());
        await act(edit.getByRole('button', { name: 'Simpan' }).click());
        await page.locator('tr[data-commodity="beras-bawah-2"]').getByText('Tidak disurvei lagi').waitFor();

        // The officer: a staff account with the officer role, then named at the market.
        await open('Petugas dan peran');
        await act(page.locator('#staff-name').fill(OFFICER.name));
        await act(page.locator('#staff-nip').fill('199002202015031001'));
        await act(page.locator('#staff-email').fill(OFFICER.email));
        await act(page.locator('#staff-password').fill(OFFICER.password));
        await act(page.getByRole('button', { name: 'Tambah petugas' }).click());
        const budi = page.locator(`li[data-user="${OFFICER.email}"]`);
        await budi.waitFor();
        await act(budi.getByRole('button', { name: `Beri peran kepada ${OFFICER.name}` }).click());
        const grant = budi.getByRole('form', { name: `Beri peran kepada ${OFFICER.name}` });
        await act(grant.getByLabel('Peran').selectOption('officer'));
        await act(grant.getByRole('button', { name: 'Beri peran' }).click());
        await budi.getByText('Petugas OPD · Seluruh daerah').waitFor();
        await open('Petugas pasar');
        const market = page.getByRole('form', { name: 'Pasar Bogor' });
        await act(market.getByLabel(OFFICER.name).check());
        await act(market.getByRole('button', { name: 'Simpan petugas Pasar Bogor' }).click());
        await page.getByRole('status').filter({ hasText: 'Petugas Pasar Bogor tersimpan.' }).waitFor();
        await noAxe('the market officers screen');
      },
    ],
    [
      'the checklist shows every item of both apps done',
      async () => {
        await open('Persiapan aplikasi');
        for (const app of ['reports', 'market-prices']) {
          await page.locator(`section[data-app="${app}"]`).getByText('Siap dipakai').waitFor();
        }
        const items = page.locator('section[data-app] li[data-item]');
        assert.equal(await items.count(), 5, 'agencies, categories; markets, commodities, officers');
        assert.deepEqual(
          [...new Set(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-done'))))],
          ['true'],
        );
        const setup = await api('/setup');
        assert.ok(
          setup.items.every((a: Json) => a.items.every((i: Json) => i.done)),
          JSON.stringify(setup),
        );
      },
    ],
    [
      'a citizen files a report on the new portal; it is in the region’s inbox',
      async () => {
        const citizen = await (await browser.newContext({ locale: 'id-ID' })).newPage();
        await act(citizen.goto(`${origin}/t/${SLUG}/`));
        await act(citizen.getByRole('link', { name: 'Laporkan masalah' }).first().click());
        await act(citizen.getByLabel('Pengaduan').check());
        await act(citizen.getByLabel('Kategori').selectOption('jalan-rusak'));
        await act(
          citizen
            .getByLabel('Uraian')
            .fill('Jalan berlubang besar di Jl. Suryakencana dekat pasar, membahayakan pengendara motor.'),
        );
        await act(citizen.getByLabel('Alamat atau patokan lokasi').fill('Jl. Suryakencana No. 5'));
        await act(citizen.getByRole('button', { name: 'Kirim laporan' }).click());
        await citizen.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
        const trackingNo = ((await citizen.locator('#tracking-no').textContent()) ?? '').trim();
        assert.match(trackingNo, /^\d{6}-[0-9A-Z]{5}$/);
        await citizen.context().close();
        const inbox = await api('/reports/inbox?limit=20');
        const filed = (inbox.items as Json[]).find((r) => r.trackingNo === trackingNo);
        assert.ok(filed, `${trackingNo} in the inbox`);
      },
    ],
    [
      'the market officer signs in and enters a price at Pasar Bogor',
      async () => {
        const officer = await (await browser.newContext({ locale: 'id-ID' })).newPage();
        await act(officer.goto(`${origin}/t/${SLUG}/konsol/harga/isian`));
        await act(officer.getByLabel('Email atau nomor ponsel').fill(OFFICER.email));
        await act(officer.getByLabel('Kata sandi', { exact: true }).fill(OFFICER.password));
        await act(officer.getByRole('button', { name: 'Masuk' }).click());
        await officer.getByRole('heading', { name: 'Isian harga harian' }).waitFor();
        // The heading is drawn before the markets arrive.
        await officer.locator('#entry-market option').first().waitFor({ state: 'attached' });
        assert.deepEqual(await officer.locator('#entry-market option').allTextContents(), ['Pasar Bogor']);
        assert.equal(await officer.locator('fieldset[data-commodity="beras-bawah-2"]').count(), 0, 'retired');
        await act(officer.locator('#q-beras-premium-0').fill('15000'));
        await act(officer.getByRole('button', { name: 'Simpan harga' }).click());
        await officer.getByText('1 komoditas tersimpan sebagai draf.').waitFor();
        const sheet = await officer.request.get(
          `${origin}/t/${SLUG}/api/v1/market-prices/entry/pasar-bogor/${TODAY}`,
        );
        assert.equal(sheet.status(), 200);
        const saved = ((await sheet.json()).items as Json[]).find((i) => i.commodity === 'beras-premium');
        assert.equal(saved?.price, 15_000);
        await officer.context().close();
      },
    ],
  ];

  test('Kota Bogor from nothing to a citizen’s report and an officer’s price, in the console only, counted and timed', async () => {
    const started = Date.now();
    for (const [name, run] of STAGES) {
      const before = steps;
      await run();
      counts.push([name, steps - before]);
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    // The figures for the README (docs: "A new region in ten minutes").
    console.log(`onboarding: ${steps} page actions in ${seconds} s`);
    for (const [name, n] of counts) console.log(`  ${n} — ${name}`);
    // A person needs about five seconds an action (typing a field, choosing, a click): ten minutes
    // allow 120. The stages' own waits are the server's and the browser's, not a person's.
    assert.ok(steps <= 120, `${steps} page actions: more than ten minutes for a person`);
  });
});
