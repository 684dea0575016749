/**
 * Satu Data in the staff console, in Debian's Chromium: a producer of one agency creates a dataset
 * (a refused field shown beside it and in the summary first), uploads a ragged CSV (refused beside
 * the file field, nothing kept), then a good one (its row count shown), and submits it; the
 * walidata opens the queue and returns it with a note (required); the producer sees the note,
 * uploads a new version and submits again; the walidata publishes it, and the CKAN API has it with
 * both versions; the walidata then changes its classification, which the producer may not. A
 * producer of another agency sees none of it. axe-core finds no WCAG 2.1 A/AA violation on any
 * screen visited. Needs the built console: `npm run build` first.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import app from '../index.ts';

const SLUG = 'kota-data';
const API = `/t/${SLUG}/api/v1/open-data`;
const NAME = 'jumlah-penduduk-per-kecamatan';
const TITLE = 'Jumlah Penduduk per Kecamatan';
const GOOD = [
  'Kecamatan,Jumlah Penduduk,Luas (km2),Tanggal Data',
  'Ciledug,151204,8.77,2025-12-31',
  'Karawaci,188342,13.48,2025-12-31',
  'Periuk,142118,9.54,2025-12-31',
].join('\n');
const RAGGED = `${GOOD}\nBenda,1,2`;
const V2 = `${GOOD}\nTangerang,170001,15.79,2025-12-31`;

type H = Record<string, string>;

describe(`Satu Data in the console (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let origin: string;
  let walidataEmail: string;
  let producerEmail: string;
  let walidata: H;
  let producerX: H;
  let producerY: H;
  let producer: BrowserContext;
  let custodian: BrowserContext;
  let datasetId: string;
  const dir = os.tmpdir();
  const file = (name: string) => path.join(dir, `${name}-${process.pid}.csv`);

  const get = async (url: string, headers: H = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    return { status: res.statusCode, body: res.json() };
  };

  /** No WCAG 2.1 A/AA violation on the page as it is now. */
  const axe = async (page: Page, what: string) =>
    assert.deepEqual(await axeViolations(page), [], `axe: ${what}`);

  async function signIn(context: BrowserContext, login: string, at: string): Promise<Page> {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${origin}/t/${SLUG}/konsol${at}`);
    await page.getByLabel('Email atau nomor ponsel').fill(login);
    await page.getByLabel('Kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    return page;
  }

  /** The message tied to a field (its aria-describedby), as a reader hears it. */
  async function describedBy(page: Page, selector: string): Promise<string> {
    const ids = ((await page.locator(selector).getAttribute('aria-describedby')) ?? '')
      .split(' ')
      .filter(Boolean);
    const said = await Promise.all(ids.map((id) => page.locator(`#${id}`).textContent()));
    return said.join(' ');
  }

  before(async () => {
    const built = path.join(WEB_DIST, 'console', 'index.html');
    if (!existsSync(built))
      throw new Error(`The console is not built (${built}): run \`npm run build\` first.`);
    t = await startTest({ modules: [app] });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'open-data');
    const [x, y] = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, {
        code: 'DISDUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'dinas',
      }),
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    ]);
    // The walidata: a tenant administrator (permissions.ts CUSTODIAN_ROLES).
    walidataEmail = (await makeStaff(t.platform, tenant.id, ['tenant_admin'], undefined, 'Walidata Kota'))
      .email;
    walidata = await bearerFor(t.app, SLUG, walidataEmail);
    const producerAt = async (agencyId: string, name: string) => {
      const s = await makeStaff(t.platform, tenant.id, [], undefined, name);
      await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        grantRole(scope, s.id, { role: 'operator', agencyId }),
      );
      return s.email;
    };
    producerEmail = await producerAt(x!.id, 'Operator Disdukcapil');
    producerX = await bearerFor(t.app, SLUG, producerEmail);
    producerY = await bearerFor(t.app, SLUG, await producerAt(y!.id, 'Operator Dinkes'));
    const theme = await t.app.inject({
      method: 'POST',
      url: `${API}/themes`,
      headers: walidata,
      payload: { name: 'kependudukan', title: 'Kependudukan', sort: 1 },
    });
    assert.equal(theme.statusCode, 201, theme.body);
    await writeFile(file('ragged'), RAGGED);
    await writeFile(file('good'), GOOD);
    await writeFile(file('v2'), V2);
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    producer = await browser.newContext({ locale: 'id-ID' });
    custodian = await browser.newContext({ locale: 'id-ID' });
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a producer creates a dataset, a ragged CSV is refused beside the file field, a good one is loaded, and submits it', async () => {
    const page = await signIn(producer, producerEmail, '/open-data');
    await page.getByRole('heading', { name: 'Dataset', level: 1 }).waitFor();
    await page.getByText('Belum ada dataset.').waitFor();
    await axe(page, 'the empty list');
    await page.getByRole('link', { name: 'Dataset baru' }).click();
    await page.getByRole('heading', { name: 'Dataset baru', level: 1 }).waitFor();
    // The producer's only agency is chosen for them.
    await page
      .locator('#od-new-agency option:checked', { hasText: 'Dinas Kependudukan' })
      .waitFor({ state: 'attached' });
    await page.getByLabel('Judul', { exact: true }).fill(TITLE);
    assert.equal(await page.getByLabel('Alamat dataset').inputValue(), NAME, 'the address follows the title');
    await page.getByLabel('Deskripsi', { exact: true }).fill('Jumlah penduduk menurut kecamatan.');
    await page.getByLabel('Kependudukan', { exact: true }).check();
    await page.getByLabel('Kata kunci').fill('penduduk, kecamatan');
    await page.getByLabel('Kode urusan', { exact: true }).fill('2.06');
    await page.getByLabel('Kode sub-urusan').fill('2.07.01');
    await page.getByLabel('Indikator').fill('Jumlah penduduk');
    await page.getByLabel('Satuan').fill('jiwa');
    await page.getByLabel('Definisi operasional').fill('Penduduk tercatat per akhir semester.');
    await page.getByLabel('Jadwal rilis').fill('Januari dan Juli');
    await page.getByLabel('Standar data').fill('SDI Kependudukan');
    await page.getByLabel('Cakupan waktu: awal').fill('2025-01-01');
    await page.getByLabel('Cakupan waktu: akhir').fill('2025-12-31');
    await page.getByLabel('Cakupan wilayah').fill('Kota Data');
    await page.getByLabel('Batas wilayah').fill('106.56, -6.3, 106.72, -6.1');
    await page.getByLabel('Frekuensi pemutakhiran').selectOption('annual');
    // The contact is missing: the request's schema refuses it, beside the field and in the summary.
    await page.getByRole('button', { name: 'Buat dataset' }).click();
    await page.locator('#od-new-contactName[aria-invalid="true"]').waitFor();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Nama kontak:/ })
      .waitFor();
    await axe(page, 'a refused new dataset');
    await screenshots(page, 'open-data-console-new');
    // The sub-affair is not under its affair: the service refuses it, on its field.
    await page.getByLabel('Nama kontak').fill('Bidang Data Disdukcapil');
    await page.getByRole('button', { name: 'Buat dataset' }).click();
    await page.locator('#od-new-subAffairCode[aria-invalid="true"]').waitFor();
    assert.match(await describedBy(page, '#od-new-subAffairCode'), /diawali kode urusannya/);
    assert.equal(await page.locator('#od-new-contactName').getAttribute('aria-invalid'), null);
    assert.deepEqual((await get(`${API}/datasets`, producerX)).body.datasets, [], 'nothing created');
    await page.getByLabel('Kode sub-urusan').fill('2.06.02');
    await page.getByRole('button', { name: 'Buat dataset' }).click();
    await page.getByText('Dataset dibuat sebagai draf.').waitFor();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    datasetId = page.url().split('/').pop()!.split('?')[0]!;
    const created = await get(`${API}/datasets/${datasetId}`, producerX);
    assert.equal(created.status, 200);
    assert.equal(created.body.state, 'draft');
    assert.deepEqual(created.body.themes, ['kependudukan']);
    assert.deepEqual(created.body.spatialBbox, [106.56, -6.3, 106.72, -6.1]);
    assert.equal(created.body.subAffairCode, '2.06.02');
    await axe(page, 'a new dataset');

    // A ragged CSV: refused beside the file field and in the summary; nothing kept.
    await page.locator('#od-upload-file').setInputFiles(file('ragged'));
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await page.locator('#od-upload-file[aria-invalid="true"]').waitFor();
    assert.match(
      await describedBy(page, '#od-upload-file'),
      /Baris data 4 \(baris 5 berkas\) berisi 3 kolom, seharusnya 4/,
    );
    await page
      .getByRole('form', { name: 'Unggah berkas data' })
      .getByRole('alert')
      .getByRole('link', { name: /^Berkas: Baris data 4/ })
      .waitFor();
    assert.deepEqual((await get(`${API}/datasets/${datasetId}`, producerX)).body.resources, []);
    await axe(page, 'a refused upload');

    await page.locator('#od-upload-file').setInputFiles(file('good'));
    await page.getByLabel('Nama sumber data (opsional)').fill('Penduduk 2025');
    await page.getByRole('button', { name: 'Unggah', exact: true }).click();
    await page.getByText('Berkas terunggah.').waitFor();
    const resource = page.locator('article[data-resource="Penduduk 2025"]');
    await resource.getByText('3 baris, 4 kolom di tabel data.').waitFor();
    await resource.getByText('Pratinjau data').click();
    await resource.getByRole('cell', { name: 'Karawaci' }).waitFor();
    await axe(page, 'a loaded CSV with its preview');

    await page.getByRole('button', { name: 'Ajukan ke walidata' }).click();
    await page.getByText('Dataset diajukan ke walidata.').waitFor();
    await page.locator('.od-head').getByText('Diajukan').waitFor();
    assert.equal(await page.locator('#od-upload-file').count(), 0, 'locked while in review');
    await axe(page, 'a submitted dataset');
    await screenshots(page, 'open-data-console-dataset');
    await page.close();
  });

  test("another agency's producer does not see it", async () => {
    const list = await get(`${API}/datasets`, producerY);
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.datasets, []);
    assert.equal((await get(`${API}/datasets/${datasetId}`, producerY)).status, 404);
    assert.equal((await get(`${API}/datasets`, producerX)).body.datasets.length, 1);
  });

  test('the walidata returns it with a note; the producer sees the note, uploads a new version and submits again', async () => {
    const review = await signIn(custodian, walidataEmail, '/open-data/periksa');
    await review.getByRole('heading', { name: 'Pemeriksaan walidata', level: 1 }).waitFor();
    await review.locator(`#od-queue tr[data-dataset="${NAME}"]`).waitFor();
    await axe(review, 'the queue');
    await review.getByRole('link', { name: TITLE }).click();
    await review.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await review.getByRole('cell', { name: 'Periuk' }).waitFor();
    await axe(review, 'the review');
    await review.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    await review.locator('#od-decision-note[aria-invalid="true"]').waitFor();
    assert.match(await describedBy(review, '#od-decision-note'), /Tulis catatan/);
    await axe(review, 'a return without its note');
    assert.equal((await get(`${API}/datasets/${datasetId}`, walidata)).body.state, 'submitted');
    await review.getByLabel('Catatan untuk produsen data').fill('Tambahkan data Kecamatan Tangerang.');
    await review.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    await review.getByText('Dataset dikembalikan ke produsen data.').waitFor();
    await review.locator('.od-head').getByText('Dikembalikan').waitFor();
    await axe(review, 'a returned dataset');

    const page = await producer.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${origin}/t/${SLUG}/konsol/open-data?state=returned`);
    const row = page.locator(`#od-datasets tr[data-dataset="${NAME}"]`);
    await row.getByText('Catatan walidata: Tambahkan data Kecamatan Tangerang.').waitFor();
    await row.getByText('Dikembalikan').waitFor();
    await axe(page, 'the list with a returned dataset');
    await screenshots(page, 'open-data-console-list');
    await row.getByRole('link', { name: TITLE }).click();
    await page.locator('#od-review-note').getByText('Tambahkan data Kecamatan Tangerang.').waitFor();
    await page.getByLabel('Berkas versi baru Penduduk 2025').setInputFiles(file('v2'));
    await page.getByRole('button', { name: 'Unggah versi baru' }).click();
    await page.getByText('Versi baru terunggah.').waitFor();
    const resource = page.locator('article[data-resource="Penduduk 2025"]');
    await resource.getByText('4 baris, 4 kolom di tabel data.').waitFor();
    assert.equal(await resource.locator('table.od-versions tbody tr').count(), 2);
    const v1 = (await resource.locator('tr[data-version="1"] a').getAttribute('href')) ?? '';
    const download = await page.evaluate(async (href) => (await fetch(href)).text(), v1);
    assert.equal(download, GOOD, 'the first version downloads as it was uploaded');
    await axe(page, 'a new version');
    await page.getByRole('button', { name: 'Ajukan ke walidata' }).click();
    await page.getByText('Dataset diajukan ke walidata.').waitFor();
    await page.close();
    await review.close();
  });

  test('the walidata publishes it; the CKAN API has it with both versions; only the walidata changes its classification', async () => {
    const review = await custodian.newPage();
    review.setDefaultTimeout(15_000);
    await review.goto(`${origin}/t/${SLUG}/konsol/open-data/periksa`);
    await review.getByRole('link', { name: TITLE }).click();
    await review.getByRole('button', { name: 'Terbitkan' }).click();
    await review.getByText('Dataset diterbitkan.').waitFor();
    await review.locator('.od-head').getByText('Terbit').waitFor();
    await axe(review, 'a published dataset under review');

    const ckan = await get(`/t/${SLUG}/api/3/action/package_show?id=${NAME}`);
    assert.equal(ckan.status, 200, JSON.stringify(ckan.body));
    assert.equal(ckan.body.success, true);
    assert.equal(ckan.body.result.name, NAME);
    assert.equal(ckan.body.result.resources.length, 1);
    assert.equal(ckan.body.result.resources[0].versions.length, 2);

    // The producer may not change a published dataset's classification: their field is locked.
    const page = await producer.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${origin}/t/${SLUG}/konsol/open-data/dataset/${datasetId}`);
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    assert.equal(await page.locator('#od-edit-classification').isDisabled(), true);
    await axe(page, "the producer's published dataset");
    await page.close();

    await review.locator('#od-classification').selectOption('limited');
    await review.getByRole('button', { name: 'Simpan klasifikasi' }).click();
    await review.getByText('Klasifikasi tersimpan.').waitFor();
    const changed = await get(`${API}/datasets/${datasetId}`, walidata);
    assert.equal(changed.body.classification, 'limited');
    assert.equal(changed.body.state, 'published');
    assert.equal(changed.body.title, TITLE, 'the rest of the metadata is kept');
    assert.deepEqual(changed.body.keywords, ['penduduk', 'kecamatan']);
    await axe(review, 'a changed classification');
    await screenshots(review, 'open-data-console-review');
    await review.close();
  });

  test('the themes screen lists the themes and adds one', async () => {
    const page = await custodian.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${origin}/t/${SLUG}/konsol/open-data/tema`);
    await page.locator('#od-themes tr[data-theme="kependudukan"]').waitFor();
    await page.getByLabel('Judul tema').fill('Kesehatan');
    await page.getByLabel('Alamat tema').fill('Kesehatan!');
    await page.getByRole('button', { name: 'Tambah tema' }).click();
    await page.locator('#od-theme-name[aria-invalid="true"]').waitFor();
    await axe(page, 'a refused theme');
    await page.getByLabel('Alamat tema').fill('kesehatan');
    await page.getByRole('button', { name: 'Tambah tema' }).click();
    await page.locator('#od-themes tr[data-theme="kesehatan"]').waitFor();
    await axe(page, 'the themes');
    await page.close();
  });
});
