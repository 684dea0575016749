/**
 * The citizen portal's enhancements in a real browser, with JavaScript on (Debian's Chromium
 * through playwright-core): the report form's map sets the pin's lat/lng fields, "use my location"
 * uses the browser's position, chosen photos are previewed and can be removed, a report sent with
 * no network is kept on the device and sent once when the connection returns (or on the next
 * visit); the tenant's web app manifest and icons; the service worker answers with the offline
 * page; axe-core on the enhanced form; screenshots of the form with its map. Tiles come from a
 * made-up tile host that the browser context answers with generated PNGs.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
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
import { createUser } from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

const TILES = 'https://tiles.balai.test/{z}/{x}/{y}.png';
/** The tenant's area: a square around the centre of Kota Tangerang. */
const AREA = { west: 106.55, south: -6.3, east: 106.75, north: -6.1 };

describe(`citizen portal with JavaScript in Chromium (${DB_KIND})`, () => {
  let t: TestContext;
  let browser: Browser;
  let base = '';
  const photos: string[] = [];
  let tile: Buffer;
  /** The key of the anonymous visitor's draft on the tenant (`draftKey` in client/lib/draft.ts). */
  let anonKey = '';
  let tenantId = '';

  before(async () => {
    t = await startTest({
      modules: [reportsApp],
      env: { MAP_TILE_URL: TILES, MAP_TILE_ATTRIBUTION: '© Peta uji' },
    });
    const tenant = await makeTenant(t.platform, 'kota-klien');
    tenantId = tenant.id;
    anonKey = `draft:${tenant.id}:anon`;
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      await putCategory(scope, 'roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' } });
    });
    const admin = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    const { west, south, east, north } = AREA;
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-klien/api/v1/settings',
      headers: await bearerFor(t.app, 'kota-klien', admin.email),
      payload: {
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [east, south],
              [east, north],
              [west, north],
              [west, south],
            ],
          ],
        },
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `${address}/t/kota-klien`;
    const dir = path.join(os.tmpdir(), `balai-client-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    for (const [i, color] of ['#6b5b4b', '#4b6b5b', '#5b4b6b'].entries()) {
      const file = path.join(dir, `foto-${i + 1}.jpg`);
      writeFileSync(
        file,
        await sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
          .jpeg()
          .toBuffer(),
      );
      photos.push(file);
    }
    tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#dfe8d8' } })
      .png()
      .toBuffer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(options: Parameters<Browser['newContext']>[0] = {}): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ locale: 'id-ID', ...options });
    await context.route('https://tiles.balai.test/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: tile }),
    );
    return [context, await context.newPage()];
  }

  /** Clicks the map `dx`, `dy` pixels from its centre (where the tenant's area is). */
  async function clickMap(page: Page, dx: number, dy: number) {
    const box = await page.locator('#pin-map').boundingBox();
    assert.ok(box);
    await page.locator('#pin-map').click({ position: { x: box.width / 2 + dx, y: box.height / 2 + dy } });
  }

  async function openForm(page: Page) {
    await page.goto(`${base}/lapor`);
    await page.locator('#pin-map.leaflet-container').waitFor();
  }

  /** The public reports whose description has `words` (through the API). */
  async function reportsWith(words: string): Promise<Json[]> {
    const res = await t.app.inject({ url: `/t/kota-klien/api/v1/reports?q=${encodeURIComponent(words)}` });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json() as { items: Json[] }).items;
  }

  test("clicking the map drops the pin inside the tenant's area and fills lat/lng; typed coordinates move it", async () => {
    const [context, page] = await open();
    await openForm(page);
    const lat = page.getByLabel('Garis lintang');
    const lng = page.getByLabel('Garis bujur');
    assert.equal(await lat.inputValue(), '');
    // The area is drawn and the map fitted to it: its middle is inside the area.
    assert.equal(await page.locator('#pin-map .leaflet-overlay-pane path').count(), 1);
    await clickMap(page, -30, -20);
    const la = Number(await lat.inputValue());
    const lo = Number(await lng.inputValue());
    assert.ok(la > AREA.south && la < AREA.north, `lat ${la}`);
    assert.ok(lo > AREA.west && lo < AREA.east, `lng ${lo}`);
    assert.equal(await page.locator('#pin-map .pin').count(), 1);
    assert.match((await page.locator('#pin-status').textContent()) ?? '', /Titik lokasi: -6\.\d+, 106\.\d+/);
    // A second click moves the one pin.
    await clickMap(page, 50, 30);
    assert.notEqual(Number(await lat.inputValue()), la);
    assert.equal(await page.locator('#pin-map .pin').count(), 1);
    // With the keyboard: Enter on the focused map drops the pin at its centre.
    const before = await lat.inputValue();
    await page.locator('#pin-map').focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (v) => (document.querySelector('input[name=lat]') as HTMLInputElement).value !== v,
      before,
    );
    // Typed coordinates move the pin to them.
    await lat.fill('-6.2');
    await lng.fill('106.65');
    await lng.press('Tab');
    assert.match((await page.locator('#pin-status').textContent()) ?? '', /-6\.2, 106\.65/);
    // Tiles come from the configured server, attributed.
    assert.ok((await page.locator('#pin-map img.leaflet-tile').count()) > 0);
    assert.match((await page.locator('.leaflet-control-attribution').textContent()) ?? '', /Peta uji/);
    await context.close();
  });

  test('"Gunakan lokasi saya" sets the pin at the browser\'s position', async () => {
    const [context, page] = await open({
      geolocation: { latitude: -6.178306, longitude: 106.631889, accuracy: 10 },
      permissions: ['geolocation'],
    });
    await openForm(page);
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.waitForFunction(
      () => (document.querySelector('input[name=lat]') as HTMLInputElement).value !== '',
    );
    assert.equal(await page.getByLabel('Garis lintang').inputValue(), '-6.178306');
    assert.equal(await page.getByLabel('Garis bujur').inputValue(), '106.631889');
    assert.equal(await page.locator('#pin-map .pin').count(), 1);
    await context.close();
  });

  test('chosen photos are previewed with their count, and one can be removed before sending', async () => {
    const [context, page] = await open();
    await openForm(page);
    const input = page.getByLabel('Foto', { exact: false }).and(page.locator('input[type=file]'));
    await input.setInputFiles([photos[0]!, photos[1]!]);
    await page.locator('#photo-previews img').nth(1).waitFor();
    assert.equal(await page.locator('#photo-previews img').count(), 2);
    assert.equal(await page.locator('#photo-count').textContent(), 'Foto dipilih: 2 dari 5');
    // Previews are the chosen files, shown from object URLs.
    assert.match((await page.locator('#photo-previews img').first().getAttribute('src')) ?? '', /^blob:/);
    assert.equal(
      await page.locator('#photo-previews img').first().getAttribute('alt'),
      'Foto 1 yang dipilih: foto-1.jpg',
    );
    // Choosing another adds it to the earlier ones.
    await input.setInputFiles([photos[2]!]);
    await page.locator('#photo-previews img').nth(2).waitFor();
    await page.getByRole('button', { name: 'Hapus foto 1' }).click();
    assert.equal(await page.locator('#photo-previews img').count(), 2);
    assert.equal(await page.locator('#photo-count').textContent(), 'Foto dipilih: 2 dari 5');
    const names = await input.evaluate((el) =>
      [...((el as HTMLInputElement).files ?? [])].map((f) => f.name),
    );
    assert.deepEqual(names, ['foto-2.jpg', 'foto-3.jpg']);
    await context.close();
  });

  async function fillReport(page: Page, description: string) {
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Uraian').fill(description);
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Merdeka depan kantor pos');
    await clickMap(page, 0, 0);
    await page.locator('input[type=file]').setInputFiles([photos[0]!]);
    await page.locator('#photo-previews img').first().waitFor();
  }

  test('sent with no network, the report is kept on the device and sent once when the connection returns', async () => {
    const [context, page] = await open();
    await openForm(page);
    const description =
      'Gorong-gorong tersumbat sampah di depan kantor pos, air meluap ke jalan setiap hujan.';
    await fillReport(page, description);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const notice = page.locator('#draft-notice');
    await notice.getByText('disimpan di perangkat ini').waitFor();
    assert.match((await notice.textContent()) ?? '', /dikirim otomatis saat koneksi kembali/);
    assert.equal((await reportsWith('gorong tersumbat')).length, 0, 'nothing reached the server');
    const stored = await page.evaluate(draftInBrowser, anonKey);
    assert.equal(stored?.queued, true);
    assert.equal(stored?.photos, 1);
    assert.equal(stored?.description, description);

    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const trackingNo = ((await page.locator('#tracking-no').textContent()) ?? '').trim();
    assert.match(trackingNo, /^\d{6}-[0-9A-Z]{5}$/);
    assert.ok(((await page.locator('.secret').textContent()) ?? '').length >= 20, 'the secret is shown');
    assert.equal(await page.evaluate(draftInBrowser, anonKey), null, 'the draft is removed once sent');
    // Filed once, with its pin and photo.
    const found = await reportsWith('gorong tersumbat');
    assert.deepEqual(
      found.map((r) => r.trackingNo),
      [trackingNo],
    );
    const detail = await t.app.inject({ url: `/t/kota-klien/api/v1/reports/${trackingNo}` });
    const report = detail.json() as Json;
    assert.ok(report.lat > AREA.south && report.lat < AREA.north, JSON.stringify(report));
    assert.equal(report.photos?.length, 1);
    // The receipt links to the report's page.
    await page.getByRole('link', { name: 'Pantau laporan ini' }).click();
    await page.getByRole('heading', { name: `Jalan rusak · ${trackingNo}` }).waitFor();
    await context.close();
  });

  test('a form with mistakes comes back with its errors in place, the photos still chosen and the draft kept', async () => {
    const [context, page] = await open();
    await openForm(page);
    await page
      .getByLabel('Uraian')
      .fill('Selokan mampet di gang melati, bau menyengat sampai ke rumah warga.');
    await page.getByLabel('Alamat atau patokan lokasi').fill('Gang Melati');
    await page.locator('input[type=file]').setInputFiles([photos[0]!, photos[1]!]);
    await page.locator('#photo-previews img').nth(1).waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    // No category: the server's answer replaces the form, enhanced again, errors beside the fields.
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByLabel('Kategori').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Alamat atau patokan lokasi').inputValue(), 'Gang Melati');
    await page.locator('#pin-map.leaflet-container').waitFor();
    await page.locator('#photo-previews img').nth(1).waitFor();
    assert.equal(await page.locator('#photos-again').count(), 0, 'the photos need not be chosen again');
    assert.equal((await page.evaluate(draftInBrowser, anonKey))?.photos, 2);
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const found = await reportsWith('selokan mampet melati');
    assert.equal(found.length, 1);
    const detail = (
      await t.app.inject({ url: `/t/kota-klien/api/v1/reports/${found[0]!.trackingNo}` })
    ).json() as Json;
    assert.equal(detail.photos?.length, 2);
    await context.close();
  });

  test('when the answer to a send is lost, the retry files nothing new: the same report comes back', async () => {
    const [context, page] = await open();
    await openForm(page);
    const description = 'Pohon tumbang menutup separuh jalan di depan puskesmas, kendaraan harus bergantian.';
    await page.getByLabel('Kategori').selectOption('roads');
    await page.getByLabel('Uraian').fill(description);
    await page.getByLabel('Alamat atau patokan lokasi').fill('Jl. Merdeka depan kantor pos');
    await clickMap(page, 0, 0);
    // The photo made in the page: Chromium hands an intercepted request's body to
    // `route.fetch` without the bytes of files read from disk, but with those of blobs in memory.
    const jpeg = [...(await sharp(photos[0]!).toBuffer())];
    await page.locator('input[type=file]').evaluate((input, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'foto-1.jpg', { type: 'image/jpeg' }));
      (input as HTMLInputElement).files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, jpeg);
    await page.locator('#photo-previews img').first().waitFor();
    const filed: string[] = [];
    // An anonymous send carries the page's language (`?lang=`): it goes without cookies.
    await page.route(
      (url) => url.pathname === '/t/kota-klien/lapor',
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        if (filed.length === 0) {
          // The server files the report, but its answer never reaches the phone.
          const response = await route.fetch();
          assert.equal(response.status(), 201);
          filed.push(/id="tracking-no">([^<]+)</.exec(await response.text())?.[1] ?? '');
          return route.abort('connectionreset');
        }
        return route.continue();
      },
    );
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('#draft-notice').getByText('disimpan di perangkat ini').waitFor();
    // The page tries again by itself (the device says it is online) with the same idempotency key.
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor({ timeout: 20_000 });
    const trackingNo = ((await page.locator('#tracking-no').textContent()) ?? '').trim();
    assert.equal(trackingNo, filed[0]);
    assert.deepEqual(
      (await reportsWith('pohon tumbang puskesmas')).map((r) => r.trackingNo),
      [trackingNo],
    );
    await context.close();
  });

  test('a draft typed on one visit is restored on the next; a queued one is sent then, once', async () => {
    const [context, page] = await open();
    await openForm(page);
    const description =
      'Lampu penerangan jalan padam sepanjang gang mawar sejak tiga malam, rawan kejahatan.';
    await page.getByLabel('Uraian').fill(description);
    await page.waitForFunction(
      () => document.querySelector('#draft-status')?.textContent === 'Draf tersimpan di perangkat ini.',
    );
    await page.reload();
    await page.locator('#pin-map.leaflet-container').waitFor();
    // The draft comes back from IndexedDB after the page has drawn its map: wait for the notice.
    await page.locator('#draft-notice').getByText('dipulihkan').waitFor();
    assert.equal(await page.getByLabel('Uraian').inputValue(), description);

    await fillReport(page, description);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('#draft-notice').getByText('disimpan di perangkat ini').waitFor();
    await page.close();
    await context.setOffline(false);
    // The next visit sends it.
    const again = await context.newPage();
    await again.goto(`${base}/lapor`);
    await again.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const trackingNo = ((await again.locator('#tracking-no').textContent()) ?? '').trim();
    assert.deepEqual(
      (await reportsWith('lampu padam gang mawar')).map((r) => r.trackingNo),
      [trackingNo],
    );
    // A fresh form afterwards has no draft and a new idempotency key.
    await again.goto(`${base}/lapor`);
    await again.locator('#pin-map.leaflet-container').waitFor();
    assert.equal(await again.getByLabel('Uraian').inputValue(), '');
    await context.close();
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

/** Runs in the page: the draft kept for `key`, summarised (null when none). */
async function draftInBrowser(key: string) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('balai-drafts', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('drafts');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const draft = await new Promise<
    { queued: boolean; photos: unknown[]; fields: Record<string, string> } | undefined
  >((resolve, reject) => {
    const r = db.transaction('drafts').objectStore('drafts').get(key);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  db.close();
  return draft
    ? { queued: draft.queued, photos: draft.photos.length, description: draft.fields.description }
    : null;
}

/** Runs in the page: the keys of every draft kept on the device. */
async function draftKeysInBrowser() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open('balai-drafts', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('drafts');
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const keys = await new Promise<string[]>((resolve, reject) => {
    const r = db.transaction('drafts').objectStore('drafts').getAllKeys();
    r.onsuccess = () => resolve(r.result.map(String));
    r.onerror = () => reject(r.error);
  });
  db.close();
  return keys;
}
