/**
 * A new region live through the console, as a person does it, with no CLI and no curl: a platform
 * administrator registers Kota Bogor and its first administrator; that administrator sets a
 * password by the link, signs in, records the MoU and PKS with their PDFs, uploads the area (a GIS
 * file of points is refused with a clear message; then the boundary) and the logo, and takes LAKSA
 * and SEGAR live. Every page action is counted and the wall time measured (the README's
 * onboarding section gives the figures); axe finds no WCAG 2.1 A/AA violation on any screen.
 *
 * The journey is a list of named stages run in order (`STAGES`): the apps' own setup (their
 * checklists) is appended as further stages.
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
      page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name }).click(),
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

  /** The journey, stage by stage; the apps' setup stages are appended after these. */
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
  ];

  test('a platform administrator and the region’s administrator take Kota Bogor live, counted and timed', async () => {
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
    // A person needs a few seconds an action: the whole path must stay well inside ten minutes.
    assert.ok(steps <= 80, `${steps} page actions`);
  });
});
