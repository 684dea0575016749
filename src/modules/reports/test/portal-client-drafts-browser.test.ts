/**
 * The citizen portal's enhancements in a real browser, with JavaScript on (Debian's Chromium
 * through playwright-core): drafts kept per person (one visitor's is not the next one's, a queued
 * report never sent under the next person's session, signing out deletes them); the form sent by
 * the browser itself without IndexedDB, and what the form holds sent when saving the draft fails;
 * a large area sent as its bounding box; the tenant's web app manifest and icons; the service
 * worker answers with the offline page; axe-core on the enhanced form; screenshots of the form with
 * its map. Tiles come from a made-up tile host that the browser context answers with generated
 * PNGs. The map, photos and sending offline are in portal-client-browser.test.ts.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { axeViolations, screenshots } from '../../../../test/support/browser.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createUser } from '../../../platform/sdk/testing.ts';
import {
  draftInBrowser,
  draftKeysInBrowser,
  type PortalClientContext,
  startPortalClient,
} from './portal-client-setup.ts';

describe(`citizen portal with JavaScript in Chromium (${DB_KIND})`, () => {
  let t: PortalClientContext['t'];
  let browser: PortalClientContext['browser'];
  let base: PortalClientContext['base'];
  let photos: PortalClientContext['photos'];
  let anonKey: PortalClientContext['anonKey'];
  let tenantId: PortalClientContext['tenantId'];
  let open: PortalClientContext['open'];
  let clickMap: PortalClientContext['clickMap'];
  let openForm: PortalClientContext['openForm'];
  let reportsWith: PortalClientContext['reportsWith'];
  let fillReport: PortalClientContext['fillReport'];

  before(async () => {
    ({ t, browser, base, photos, anonKey, tenantId, open, clickMap, openForm, reportsWith, fillReport } =
      await startPortalClient());
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signInAs(page: Page, email: string) {
    await page.goto(`${base}/masuk?lang=id`);
    await page.getByLabel('Email atau nomor ponsel').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
  }

  async function citizen(email: string): Promise<string> {
    return t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      createUser(scope, { kind: 'citizen', displayName: 'Warga', email, password: PASSWORD }),
    );
  }

  async function typeDraft(page: Page, field: string, text: string) {
    await page.getByLabel(field).fill(text);
    await page.waitForFunction(
      () => document.querySelector('#draft-status')?.textContent === 'Draf tersimpan di perangkat ini.',
    );
  }

  test("drafts are kept per person: one visitor's is not the next one's, and signing out deletes them", async () => {
    const dewi = await citizen('dewi.draf@example.id');
    await citizen('budi.draf@example.id');
    const [context, page] = await open();
    // Someone not signed in starts a report with their contact details.
    await openForm(page);
    await page.locator('input[name=name]').fill('Siti Aminah');
    await page.getByLabel('Email').fill('siti@example.id');
    await typeDraft(page, 'Uraian', 'Draf warga tanpa akun tentang jalan retak di gang kenanga.');
    assert.equal((await page.evaluate(draftInBrowser, anonKey))?.description?.includes('gang kenanga'), true);

    // Dewi signs in on the same phone: a form of her own, nothing of the other visitor's.
    await signInAs(page, 'dewi.draf@example.id');
    await openForm(page);
    assert.equal(await page.getByLabel('Uraian').inputValue(), '');
    assert.equal(await page.locator('#draft-notice').textContent(), '');
    await typeDraft(page, 'Uraian', 'Draf Dewi tentang lampu jalan mati di taman kota sejak minggu lalu.');
    assert.deepEqual(
      (await page.evaluate(draftKeysInBrowser)).sort(),
      [anonKey, `draft:${tenantId}:${dewi}`].sort(),
    );

    // Signing out deletes every draft on the device, the cleanup's cookie too.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Masuk' }).waitFor();
    await page.waitForFunction(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('balai-drafts', 1);
        r.onsuccess = () => resolve(r.result);
      });
      const n = await new Promise<number>((resolve) => {
        const r = db.transaction('drafts').objectStore('drafts').count();
        r.onsuccess = () => resolve(r.result);
      });
      db.close();
      return n === 0 && !document.cookie.includes('balai_keluar');
    });
    // The service worker still registers and controls the portal after the sign-out.
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), `${base}/`);

    // Budi, next on the phone, gets an empty form.
    await signInAs(page, 'budi.draf@example.id');
    await openForm(page);
    assert.equal(await page.getByLabel('Uraian').inputValue(), '');
    await context.close();
  });

  test("a report queued by one person is never sent under the next person's session", async () => {
    await citizen('rina.antre@example.id');
    await citizen('joko.antre@example.id');
    const [context, page] = await open();
    await signInAs(page, 'rina.antre@example.id');
    await openForm(page);
    await fillReport(page, 'Laporan antrean Rina tentang saluran air bocor di pasar lama.');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('#draft-notice').getByText('disimpan di perangkat ini').waitFor();
    await page.close();
    await context.setOffline(false);
    // Joko signs in on the same browser without Rina signing out first, and opens the form.
    const next = await context.newPage();
    await signInAs(next, 'joko.antre@example.id');
    await openForm(next);
    assert.equal(await next.getByLabel('Uraian').inputValue(), '');
    await next.waitForTimeout(1_000);
    assert.equal((await reportsWith('antrean rina saluran bocor')).length, 0, 'not filed under Joko');
    await context.close();
  });

  test('with IndexedDB unavailable, the form is sent by the browser itself and files the report', async () => {
    const [context, page] = await open();
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      };
    });
    await openForm(page);
    await fillReport(page, 'Tanpa penyimpanan: trotoar rusak di depan halte bus kota.');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const found = await reportsWith('tanpa penyimpanan trotoar halte');
    assert.equal(found.length, 1);
    const detail = (
      await t.app.inject({ url: `/t/kota-klien/api/v1/reports/${found[0]!.trackingNo}` })
    ).json() as Json;
    assert.equal(detail.photos?.length, 1);
    await context.close();
  });

  test('when saving the draft fails (a full disk), a send sends what the form holds, not an older save', async () => {
    const [context, page] = await open();
    await openForm(page);
    await typeDraft(page, 'Uraian', 'Versi lama yang sempat tersimpan.');
    // From now on every save fails, as with the quota exceeded by five photos.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Uraian').fill('Versi baru: kabel listrik menjuntai rendah di atas jalan pasar.');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Pasar Lama');
    await page.locator('input[type=file]').setInputFiles([photos[0]!, photos[1]!]);
    await page.locator('#photo-previews img').nth(1).waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const found = await reportsWith('kabel listrik menjuntai');
    assert.equal(found.length, 1);
    const detail = (
      await t.app.inject({ url: `/t/kota-klien/api/v1/reports/${found[0]!.trackingNo}` })
    ).json() as Json;
    assert.equal(detail.photos?.length, 2);
    assert.equal((await reportsWith('versi lama tersimpan')).length, 0);
    await context.close();
  });

  test('a large area is not sent with the form: only its bounding box, which the map fits', async () => {
    const big = await makeTenant(t.platform, 'kota-luas');
    await makeLive(t.platform, big.id, 'reports');
    const admin = await makeStaff(t.platform, big.id, ['tenant_admin']);
    // A circle of 2,500 positions (over the 2,000 the page carries) around Kota Tangerang.
    const ring: [number, number][] = [];
    for (let i = 0; i < 2_500; i++) {
      const a = (2 * Math.PI * i) / 2_500;
      ring.push([106.65 + 0.1 * Math.cos(a), -6.2 + 0.1 * Math.sin(a)]);
    }
    ring.push(ring[0]!);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-luas/api/v1/settings',
      headers: await bearerFor(t.app, 'kota-luas', admin.email),
      payload: { area: { type: 'Polygon', coordinates: [ring] } },
    });
    assert.equal(res.statusCode, 200, res.body);
    const dataOf = async (slug: string) => {
      const page = await t.app.inject({ url: `/t/${slug}/lapor` });
      const json = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(page.body)?.[1];
      return { size: page.body.length, data: JSON.parse(json ?? '{}').reportForm as Json };
    };
    const large = await dataOf('kota-luas');
    assert.equal(large.data.area, null);
    assert.deepEqual(
      large.data.bbox.map((n: number) => Math.round(n * 100) / 100),
      [106.55, -6.3, 106.75, -6.1],
    );
    assert.ok(large.size < 30_000, `page of ${large.size} bytes`);
    // A small area (the other tenant's square) is drawn.
    const small = await dataOf('kota-klien');
    assert.equal(small.data.area.type, 'Polygon');

    const [context, page] = await open();
    await page.goto(`${base.replace('kota-klien', 'kota-luas')}/lapor`);
    await page.locator('#pin-map.leaflet-container').waitFor();
    assert.equal(await page.locator('#pin-map .leaflet-overlay-pane path').count(), 0);
    await clickMap(page, 0, 0);
    const la = Number(await page.getByLabel('Garis lintang').inputValue());
    const lo = Number(await page.getByLabel('Garis bujur').inputValue());
    assert.ok(Math.abs(la + 6.2) < 0.05 && Math.abs(lo - 106.65) < 0.05, `${la}, ${lo}`);
    await context.close();
  });

  test('the web app manifest names the tenant, starts at its portal and has PNG icons of the right size', async () => {
    const [context, page] = await open();
    await page.goto(`${base}/`);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    assert.equal(href, '/t/kota-klien/manifest.webmanifest');
    const res = await page.request.get(new URL(href!, base).toString());
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'] ?? '', /^application\/manifest\+json/);
    const manifest = (await res.json()) as Json;
    assert.equal(manifest.name, 'Kota kota-klien');
    assert.equal(manifest.start_url, '/t/kota-klien/');
    assert.equal(manifest.scope, '/t/kota-klien/');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.theme_color, await page.locator('meta[name=theme-color]').getAttribute('content'));
    const sizes = new Set<number>();
    for (const icon of manifest.icons as Json[]) {
      const png = await page.request.get(new URL(icon.src, base).toString());
      assert.equal(png.status(), 200, icon.src);
      assert.equal(png.headers()['content-type'], 'image/png');
      const meta = await sharp(await png.body()).metadata();
      assert.equal(meta.format, 'png');
      assert.equal(`${meta.width}x${meta.height}`, icon.sizes);
      sizes.add(meta.width!);
    }
    assert.deepEqual([...sizes].sort(), [192, 512]);
    await context.close();
  });

  test('the service worker registers for the portal and answers with the offline page when offline', async () => {
    const [context, page] = await open();
    await page.goto(`${base}/`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, `${base}/`);
    const sw = await page.request.get(`${base}/sw.js`);
    assert.equal(sw.headers()['cache-control'], 'no-cache');
    await page.reload();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);

    await context.setOffline(true);
    await page.goto(`${base}/laporan`);
    await page.getByRole('heading', { name: 'Tidak ada koneksi internet' }).waitFor();
    // The report form opens offline from its precached copy, with its map and draft.
    await page.goto(`${base}/lapor`);
    await page.locator('form[data-shell="1"] #pin-map.leaflet-container').waitFor();
    await page
      .getByLabel('Uraian')
      .fill('Trotoar ambles di depan sekolah dasar, anak-anak harus turun ke jalan raya.');
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Sudirman depan SD Negeri 1');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('#draft-notice').getByText('disimpan di perangkat ini').waitFor();
    // Back online, the draft is sent (with a fresh form's CSRF token: the offline copy has none).
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    assert.equal((await reportsWith('trotoar ambles sekolah')).length, 1);
    // Nothing personal is cached: only the precached copies and the built assets.
    const cached = await page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys())
          out.push(new URL(r.url).pathname + new URL(r.url).search);
      return out.sort();
    });
    assert.ok(cached.includes('/t/kota-klien/luring'), cached.join());
    assert.ok(cached.includes('/t/kota-klien/lapor?luring=1'), cached.join());
    assert.ok(
      cached.every((u) => u.startsWith('/assets/') || /\/(luring|lapor\?luring=1)$/.test(u)),
      cached.join(),
    );
    await context.close();
  });

  test('the enhanced form passes axe-core WCAG 2.1 A/AA checks; screenshots at phone and desktop sizes', async () => {
    const [context, page] = await open();
    await openForm(page);
    await clickMap(page, 0, 0);
    await page.locator('input[type=file]').setInputFiles([photos[0]!, photos[1]!]);
    await page.locator('#photo-previews img').nth(1).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await screenshots(page, 'portal-report-form-map');
    await page.goto(`${base}/lapor?lang=en`);
    await page.locator('#pin-map.leaflet-container').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Use my location' }).isVisible());
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
