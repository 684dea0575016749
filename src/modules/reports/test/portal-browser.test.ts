/**
 * The citizen portal in a real browser: Debian's Chromium driven by playwright-core (no browser
 * download). A citizen with JavaScript turned off files a report with a photo, keeps the tracking
 * number and finds the report by it; a form with mistakes comes back with the errors beside the
 * fields and what was typed kept; axe-core finds no WCAG 2.1 A/AA violation on the portal pages;
 * screenshots at phone and desktop sizes go to test-results/screenshots/ for review.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations, launchChromium, screenshots } from '../../../../test/support/browser.ts';
import {
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { updateReport } from '../repo/reports.ts';
import { putCategory } from '../services/settings.ts';
import { transition } from '../services/transitions.ts';

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
    // As a person may type it: lower case, spaces.
    await page
      .getByLabel('Nomor laporan')
      .fill(`${trackingNo.slice(0, 6)} ${trackingNo.slice(7).toLowerCase()}`);
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

  test('without JavaScript, a refused photo or a sixth brings the form back as typed, the summary focused, its links to the fields', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/lapor`);
    await page.getByLabel('Pengaduan').check();
    await page.getByLabel('Kategori').selectOption('lights');
    const description = 'Lampu jalan di gang Kenanga mati sejak pekan lalu, gelap dan rawan.';
    await page.getByLabel('Uraian').fill(description);
    await page.getByLabel('Alamat atau patokan lokasi').fill('Gang Kenanga');
    const pdf = { name: 'surat.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 surat') };
    await page
      .getByLabel('Foto')
      .setInputFiles([{ name: 'lampu.jpg', mimeType: 'image/jpeg', buffer: readFileSync(photoPath) }, pdf]);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.summary').waitFor();
    // The summary has the focus (GOV.UK's error summary), and names the photo.
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'summary');
    assert.equal(await page.getByLabel('Uraian').inputValue(), description);
    assert.equal(await page.getByLabel('Alamat atau patokan lokasi').inputValue(), 'Gang Kenanga');
    assert.match((await page.locator('#photo-error').textContent()) ?? '', /^Foto 2 bukan gambar JPEG/);
    await page.locator('.summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'photo');

    // Six photos: said beside the field, nothing lost of what was typed.
    const six = Array.from({ length: 6 }, (_, i) => ({
      name: `foto-${i + 1}.jpg`,
      mimeType: 'image/jpeg',
      buffer: readFileSync(photoPath),
    }));
    await page.getByLabel('Foto').setInputFiles(six);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.summary').waitFor();
    assert.equal(
      await page.locator('#photo-error').textContent(),
      'Pilih paling banyak 5 foto (tadi 6 foto).',
    );
    assert.equal(await page.getByLabel('Uraian').inputValue(), description);

    // A request for information needs no place.
    await page.getByLabel('Permintaan informasi').check();
    await page.getByLabel('Alamat atau patokan lokasi').fill('');
    await page.getByLabel('Foto').setInputFiles([]);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
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

  test('a confidential report opens to its reporter by the secret code; a wrong code takes the focus with its error', async () => {
    const page = await noScriptPage();
    await page.goto(`${base}/lapor`);
    // Emergencies are pointed to 112 before anything is typed.
    assert.equal(await page.locator('#emergency-note a[href="tel:112"]').count(), 1);
    await page.getByLabel('Kategori').selectOption('lights');
    await page.getByLabel('Uraian').fill('Lampu jalan mati, saya takut melapor terbuka.');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Gang Melati 4');
    await page.getByLabel('Rahasiakan laporan ini').check();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    assert.ok(await page.getByText('Laporan ini rahasia').first().isVisible());
    const no = ((await page.locator('#tracking-no').textContent()) ?? '').trim();
    const secret = ((await page.locator('.secret').textContent()) ?? '').trim();
    await page.context().close();

    const visitor = await noScriptPage();
    const res = await visitor.goto(`${base}/laporan/${no}`);
    assert.equal(res?.status(), 404);
    await visitor.getByRole('heading', { name: 'Laporan tidak ditemukan' }).waitFor();
    assert.ok(!(await visitor.content()).includes('Lampu jalan mati'));
    await visitor.getByLabel('Kode rahasia laporan').fill('kode-yang-salah');
    await visitor.getByRole('button', { name: 'Buka laporan' }).click();
    await visitor.locator('#locked-errors').waitFor();
    assert.equal(await visitor.evaluate(() => document.activeElement?.id), 'locked-errors');
    assert.ok(await visitor.getByText('Kode rahasia tidak cocok').first().isVisible());
    await visitor.getByLabel('Kode rahasia laporan').fill(secret);
    await visitor.getByRole('button', { name: 'Buka laporan' }).click();
    await visitor.getByRole('heading', { name: new RegExp(no) }).waitFor();
    assert.ok(await visitor.getByText('Lampu jalan mati').isVisible());
    assert.ok(await visitor.locator('#not-public').isVisible());
    await visitor.context().close();
  });

  test("a report's page speaks to its reporter only when known, shows no deadline once done, and a wrong code's error takes the focus", async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/t/kota-portal/api/v1/reports',
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan selesai diperbaiki?',
        address: 'Jl. Mawar',
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { id, trackingNo, secret } = filed.json() as { id: string; trackingNo: string; secret: string };
    // Followed up: waiting on the reporter, with the silence that closes it (not a deadline to show).
    const tenant = t.platform.directory.bySlug('kota-portal')!;
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      updateReport(scope, id, { status: 'done', due_at: new Date(Date.now() + 10 * 86_400_000) }),
    );
    const page = await noScriptPage();
    await page.goto(`${base}/laporan/${trackingNo}`);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.ok(!text.includes('tenggat'), 'no deadline on a report that is done');
    assert.ok(!text.includes('Anda pelapor laporan ini:'), 'a visitor is not told they filed it');
    assert.ok(text.includes('Jika Anda pelapor laporan ini'));
    assert.equal(await page.locator('#emergency-note a[href="tel:112"]').count(), 1);
    // A wrong code: the page comes back with the error summary focused, in view.
    await page.getByLabel('3 dari 5').check();
    await page.locator('#confirm-secret').fill('bukan-kodenya');
    await page.getByRole('button', { name: 'Konfirmasi selesai' }).click();
    await page.locator('#respond-errors').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'respond-errors');
    assert.ok(await page.locator('#respond-errors').isVisible());
    const inView = await page.evaluate(() => {
      const box = document.getElementById('respond-errors')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the error summary is in view');
    // The reporter, by the code: now told that they filed it.
    const locked = await page.context().request.post(`${base}/laporan/${trackingNo}/lihat`, {
      form: { secret },
    });
    assert.equal(locked.status(), 200);
    assert.ok((await locked.text()).includes('Anda pelapor laporan ini:'));
    await page.context().close();
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

  test('a visitor follows a report, confirms from the email, and stops from the link in a message', async () => {
    const tenant = t.platform.directory.bySlug('kota-portal')!;
    const filed = await t.app.inject({
      method: 'POST',
      url: '/t/kota-portal/api/v1/reports',
      payload: {
        type: 'complaint',
        category: 'lights',
        description: 'Lampu jalan mati di gang',
        address: 'Gg. Mawar',
      },
    });
    const no = (filed.json() as { trackingNo: string }).trackingNo;
    const lastMail = async () => {
      const rows = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        scope.trx
          .selectFrom('notification_outbox')
          .select('body')
          .where('tenant_id', '=', tenant.id)
          .where('recipient', '=', 'pemantau@example.id')
          .orderBy('created_at', 'desc')
          .execute(),
      );
      return rows[0]?.body ?? '';
    };
    // Links in messages are absolute (PUBLIC_URL); the test's server listens elsewhere.
    const pathIn = (body: string, kind: string) =>
      new RegExp(`/t/kota-portal(/ikuti/${kind}/\\S+)`).exec(body)?.[1] ?? assert.fail(body);

    // axe-core runs in the page, so this context keeps JavaScript (the pages need none).
    const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    await page.goto(`${base}/laporan/${no}`);
    await page.getByRole('link', { name: 'Pantau laporan ini' }).click();
    await page.getByRole('button', { name: 'Pantau laporan ini' }).click();
    await page.locator('.summary a[href="#email"]').waitFor();
    await page.getByLabel('Alamat email').fill('pemantau@example.id');
    await page.getByRole('button', { name: 'Pantau laporan ini' }).click();
    await page.getByText('Periksa email Anda').waitFor();

    await page.goto(`${base}${pathIn(await lastMail(), 'konfirmasi')}`);
    await page.getByText(`Anda kini memantau laporan ${no}.`).waitFor();
    const operator = await makeStaff(t.platform, tenant.id, ['operator']);
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      transition(t.platform, scope, tenant, no, 'verify', {}, { role: 'operator', userId: operator.id }),
    );
    await page.goto(`${base}${pathIn(await lastMail(), 'berhenti')}`);
    assert.deepEqual(await axeViolations(page), [], 'axe on the stop page');
    await page.getByRole('button', { name: 'Berhenti memantau' }).click();
    await page.getByText('Anda tidak akan menerima pesan ini lagi.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe after stopping');
    await page.context().close();
  });

  test('a signed-in citizen follows a report in one click, at once, and stops from the link in a message', async () => {
    const tenant = t.platform.directory.bySlug('kota-portal')!;
    const registered = await t.app.inject({
      method: 'POST',
      url: '/t/kota-portal/api/v1/auth/register',
      payload: { displayName: 'Sari Pemantau', email: 'sari@example.id', password: 'rahasia-sari-1' },
    });
    assert.equal(registered.statusCode, 201, registered.body);
    const filed = await t.app.inject({
      method: 'POST',
      url: '/t/kota-portal/api/v1/reports',
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan amblas di tikungan',
        address: 'Jl. Melati',
      },
    });
    const no = (filed.json() as { trackingNo: string }).trackingNo;
    const mails = () =>
      t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        scope.trx
          .selectFrom('notification_outbox')
          .select('body')
          .where('tenant_id', '=', tenant.id)
          .where('recipient', '=', 'sari@example.id')
          .orderBy('created_at')
          .execute(),
      );

    const page = await (await browser.newContext({ locale: 'id-ID' })).newPage();
    await page.goto(`${base}/masuk`);
    await page.getByLabel('Email atau nomor ponsel').fill('sari@example.id');
    await page.locator('#password').fill('rahasia-sari-1');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/masuk'));
    await page.goto(`${base}/laporan/${no}`);
    // Signed in, the button follows at once: no address to give, nothing to confirm.
    await page.getByRole('button', { name: 'Pantau laporan ini' }).click();
    await page.getByText('Anda memantau laporan ini.').waitFor();
    assert.match(page.url(), new RegExp(`/laporan/${no}/ikuti\\?hasil=following$`));
    assert.deepEqual(await axeViolations(page), [], 'axe on the followed page');
    assert.equal(
      (await mails()).filter((m) => m.body.includes('/ikuti/konfirmasi/')).length,
      0,
      'no confirmation asked of an account',
    );
    // A second click (another tab, a double click) keeps the one follow.
    await page.goto(`${base}/laporan/${no}`);
    await page.getByRole('button', { name: 'Pantau laporan ini' }).click();
    await page.getByText('Anda memantau laporan ini.').waitFor();

    const operator = await makeStaff(t.platform, tenant.id, ['operator']);
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      transition(t.platform, scope, tenant, no, 'verify', {}, { role: 'operator', userId: operator.id }),
    );
    const told = (await mails()).filter((m) => m.body.includes('/ikuti/berhenti/'));
    assert.equal(told.length, 1, 'one message for the one follow');
    const stop = /\/t\/kota-portal(\/ikuti\/berhenti\/\S+)/.exec(told[0]!.body)?.[1];
    assert.ok(stop, told[0]!.body);
    await page.goto(`${base}${stop}`);
    await page.getByRole('button', { name: 'Berhenti memantau' }).click();
    await page.getByText('Anda tidak akan menerima pesan ini lagi.').waitFor();
    await page.context().close();
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
});
