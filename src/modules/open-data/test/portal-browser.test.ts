/**
 * Satu Data's portal in Chromium: a citizen searches the catalogue, narrows it by a facet, opens
 * a dataset, sees its chart, pages its preview and downloads its file — with no script of the app
 * (GET forms and links). Every page passes axe (WCAG 2.1 A/AA) on a desktop and on a phone, and
 * fits the phone's width.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
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
import { createAgency } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';
import { makeDataset, populationDataset } from './catalogue-data.ts';

describe(`Satu Data's portal in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  /** Every page the citizen saw, to be checked again on a phone. */
  const visited: string[] = [];

  before(async () => {
    t = await startTest({ modules: [app] });
    const tenant = await makeTenant(t.platform, 'kota-data');
    await makeLive(t.platform, tenant.id, 'open-data');
    const admin = await bearerFor(
      t.app,
      'kota-data',
      (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email,
    );
    const [capil, dinkes] = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, {
        code: 'DISDUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'dinas',
      }),
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    ]);
    const theme = await t.app.inject({
      method: 'POST',
      url: '/t/kota-data/api/v1/open-data/themes',
      headers: admin,
      payload: { name: 'kependudukan', title: 'Kependudukan' },
    });
    assert.equal(theme.statusCode, 201, theme.body);
    await makeDataset(t, 'kota-data', admin, populationDataset(capil!.id));
    await makeDataset(t, 'kota-data', admin, {
      agencyId: dinkes!.id,
      name: 'fasilitas-kesehatan',
      metadata: {
        title: 'Fasilitas Kesehatan',
        description: 'Puskesmas dan rumah sakit per kecamatan.',
        keywords: ['puskesmas'],
        themes: [],
        classification: 'limited',
      },
      uploads: [{ csv: 'Kecamatan,Puskesmas\nCiledug,3\nKarawaci,4\n' }],
    });
    base = `${await t.app.listen({ host: '127.0.0.1', port: 0 })}/t/kota-data`;
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function checked(page: Page, name: string) {
    assert.deepEqual(await axeViolations(page), [], `${name}: axe`);
    // The shell's service worker registration (`data-sw`) is the only script a page names.
    assert.equal(
      await page.locator('script[src]:not([data-sw])').count(),
      0,
      `${name}: no script of the app`,
    );
    visited.push(page.url());
  }

  test('a citizen searches, filters by a facet, opens a dataset, pages its preview and downloads it', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/open-data`);
    await checked(page, 'catalogue');
    assert.equal(await page.locator('#result-count').textContent(), '2 dataset');

    // Words, through the GET form.
    await page.getByLabel('Cari dataset').fill('puskesmas');
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.waitForURL(/q=puskesmas/);
    assert.equal(await page.locator('#result-count').textContent(), '1 dataset untuk "puskesmas"');
    assert.ok(await page.getByRole('link', { name: 'Fasilitas Kesehatan' }).isVisible());
    await checked(page, 'search');

    // A facet narrows the whole catalogue; its chip takes it away.
    await page.goto(`${base}/open-data`);
    const facets = page.getByRole('region', { name: 'Saring hasil' });
    await facets.getByRole('link', { name: /^Kependudukan/ }).click();
    await page.waitForURL(/groups=kependudukan/);
    assert.equal(await page.locator('#result-count').textContent(), '1 dataset');
    await checked(page, 'facet');
    await page.getByRole('list', { name: 'Saringan aktif:' }).getByRole('link').first().click();
    await page.waitForURL((url) => !url.search.includes('groups'));
    assert.equal(await page.locator('#result-count').textContent(), '2 dataset');
    await facets.getByRole('link', { name: /^Kependudukan/ }).click();
    await page.waitForURL(/groups=kependudukan/);

    // The dataset: its chart (the wide one on a desktop), its preview, its download.
    await page.getByRole('link', { name: 'Jumlah Penduduk per Kecamatan' }).click();
    await page.waitForURL(/\/open-data\/dataset\/penduduk-kecamatan$/);
    assert.ok(
      await page.getByRole('heading', { level: 1, name: 'Jumlah Penduduk per Kecamatan' }).isVisible(),
    );
    const chart = page.getByRole('img', {
      name: /^Diagram batang Jumlah Penduduk \(jiwa\) menurut Kecamatan/,
    });
    // Two pictures in the page, one shown: the other is out of the accessibility tree too.
    assert.equal(await chart.count(), 1, 'one chart for assistive technology');
    assert.ok(await page.locator('.chart .wide svg').isVisible());
    assert.ok(!(await page.locator('.chart .narrow svg').isVisible()));
    assert.ok(await page.getByText('Penduduk per kecamatan 2024–2025: baris 1–20 dari 26').isVisible());
    await checked(page, 'dataset');
    await screenshots(page, 'open-data-dataset');

    const preview = page.getByRole('navigation', { name: /^Halaman pratinjau/ });
    await preview.getByRole('link', { name: /Berikutnya/ }).click();
    await page.waitForURL(/page=2/);
    assert.ok(await page.getByText('baris 21–26 dari 26').isVisible());
    await checked(page, 'preview page 2');

    // Sorted by a column through its heading.
    await page
      .getByRole('columnheader', { name: /^Jumlah Penduduk \(jiwa\)/ })
      .getByRole('link')
      .click();
    await page.waitForURL(/sort=jumlah_penduduk&order=asc/);
    assert.equal(
      await page.getByRole('columnheader', { name: /^Jumlah Penduduk \(jiwa\)/ }).getAttribute('aria-sort'),
      'ascending',
    );

    const download = page.getByRole('link', { name: /^Unduh CSV/ });
    const res = await page.request.get(new URL((await download.getAttribute('href'))!, base).toString());
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /^Tahun,Kecamatan,Jumlah Penduduk/);

    // The producer's page, and a limited dataset.
    await page.getByRole('link', { name: 'Dinas Kependudukan dan Pencatatan Sipil' }).first().click();
    await page.waitForURL(/\/open-data\/organization\/disdukcapil$/);
    await checked(page, 'organization');
    await page.goto(`${base}/open-data/dataset/fasilitas-kesehatan`);
    assert.ok(await page.getByText('Berkas ini tidak terbuka untuk umum.').isVisible());
    await checked(page, 'limited dataset');
    // An error page: still accessible, the summary first.
    await page.goto(`${base}/open-data?sort=harga`);
    assert.ok(await page.getByRole('alert').isVisible());
    await checked(page, 'bad input');

    await context.close();
  });

  test('on a phone every page passes axe and fits the width; the chart is the narrow one', async () => {
    assert.ok(visited.length >= 6, 'the pages of the first test');
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const url of visited) {
      await page.goto(url);
      assert.deepEqual(await axeViolations(page), [], `${url}: axe on a phone`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${url} is ${overflow}px wider than the phone`);
    }
    await page.goto(`${base}/open-data/dataset/penduduk-kecamatan`);
    assert.ok(await page.locator('.chart .narrow svg').isVisible());
    assert.ok(!(await page.locator('.chart .wide svg').isVisible()));
    await screenshots(page, 'open-data-dataset-en');
    await page.goto(`${base}/open-data`);
    await screenshots(page, 'open-data-catalogue-en');
    await context.close();
  });
});
