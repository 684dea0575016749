/**
 * The citizen portal's enhancements in a real browser, with JavaScript on (Debian's Chromium
 * through playwright-core): the report form's map sets the pin's lat/lng fields, "use my location"
 * uses the browser's position, chosen photos are previewed and can be removed, a report sent with
 * no network is kept on the device and sent once when the connection returns (or on the next
 * visit), a form with mistakes comes back with its photos and draft, and a retry after a lost
 * answer files nothing new. Tiles come from a made-up tile host that the browser context answers
 * with generated PNGs. Drafts per person, fallbacks, large areas, the manifest, the service worker
 * and axe-core are in portal-client-drafts-browser.test.ts.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { AREA, draftInBrowser, type PortalClientContext, startPortalClient } from './portal-client-setup.ts';

describe(`citizen portal with JavaScript in Chromium (${DB_KIND})`, () => {
  let t: PortalClientContext['t'];
  let browser: PortalClientContext['browser'];
  let base: PortalClientContext['base'];
  let photos: PortalClientContext['photos'];
  let anonKey: PortalClientContext['anonKey'];
  let open: PortalClientContext['open'];
  let clickMap: PortalClientContext['clickMap'];
  let openForm: PortalClientContext['openForm'];
  let reportsWith: PortalClientContext['reportsWith'];
  let fillReport: PortalClientContext['fillReport'];

  before(async () => {
    ({ t, browser, base, photos, anonKey, open, clickMap, openForm, reportsWith, fillReport } =
      await startPortalClient());
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

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

  test('a file that is not a photo is refused at once, a sixth photo with a word, a 17 MB photo is shrunk before it is kept', async () => {
    const [context, page] = await open();
    await openForm(page);
    const input = page.locator('input[type=file]');
    const jpeg = (name: string, buffer: Buffer) => ({ name, mimeType: 'image/jpeg', buffer });
    const shades = await Promise.all(
      ['#111111', '#333333', '#555555', '#777777', '#999999', '#bbbbbb'].map((background) =>
        sharp({ create: { width: 64, height: 48, channels: 3, background } })
          .jpeg()
          .toBuffer(),
      ),
    );
    // A text file named like a photo: refused by its content, the real photo kept.
    await input.setInputFiles([
      jpeg('catatan.jpg', Buffer.from('bukan foto')),
      jpeg('foto-a.jpg', shades[0]!),
    ]);
    const message = page.locator('#photo-message');
    await message.getByText('catatan.jpg bukan foto JPEG, PNG atau WebP').waitFor();
    assert.ok(((await input.getAttribute('aria-describedby')) ?? '').includes('photo-message'));
    assert.equal(await page.locator('#photo-count').textContent(), 'Foto dipilih: 1 dari 5');
    // Five more: four fit, the sixth is refused with a word.
    await input.setInputFiles(shades.slice(1).map((b, i) => jpeg(`foto-${'bcdef'[i]}.jpg`, b)));
    await message.getByText('Paling banyak 5 foto: 1 foto tidak ditambahkan.').waitFor();
    assert.equal(await page.locator('#photo-count').textContent(), 'Foto dipilih: 5 dari 5');
    // A 17 MB camera photo (uncompressed PNG, 2400 × 2400) is redrawn as a JPEG under the limit.
    await page.getByRole('button', { name: 'Hapus foto 5' }).click();
    const big = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#7a6a5a' } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    assert.ok(big.length > 17_000_000);
    // From a file on disk: the browser reads it itself (a buffer this size is slow to pass over).
    const bigPath = path.join(path.dirname(photos[0]!), 'kamera.png');
    writeFileSync(bigPath, big);
    await input.setInputFiles(bigPath);
    await page.locator('#photo-count').getByText('Foto dipilih: 5 dari 5').waitFor();
    const last = await input.evaluate((el) => {
      const files = [...((el as HTMLInputElement).files ?? [])];
      const f = files[files.length - 1]!;
      return { name: f.name, type: f.type, size: f.size };
    });
    assert.equal(last.name, 'kamera.jpg');
    assert.equal(last.type, 'image/jpeg');
    assert.ok(last.size < 10 * 1024 * 1024, String(last.size));
    assert.equal(await message.isHidden(), true, 'nothing refused this time');
    await context.close();
  });

  test('a photo the server refuses comes back beside the field, the summary focused, and the draft no longer keeps it', async () => {
    const [context, page] = await open();
    await openForm(page);
    await fillReport(page, 'Trotoar amblas di depan sekolah dasar, anak-anak terpaksa berjalan di jalan.');
    // Looks like a JPEG by its first bytes, but cannot be read: only the server finds out.
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 1)]);
    await page
      .locator('input[type=file]')
      .setInputFiles([{ name: 'rusak.jpg', mimeType: 'image/jpeg', buffer: broken }]);
    await page.locator('#photo-previews img').nth(1).waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('#photo-error').getByText('Foto 2 tidak dapat dibaca').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'summary');
    await page.locator('#photo-count').getByText('Foto dipilih: 1 dari 5').waitFor();
    assert.equal((await page.evaluate(draftInBrowser, anonKey))?.photos, 1, 'the refused photo is not kept');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
    const found = await reportsWith('trotoar amblas sekolah');
    assert.equal(found.length, 1);
    await context.close();
  });

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
    await page.locator('.summary').waitFor();
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

  test('before filing, the open public reports of the category near the pin are shown, each linking to its page', async () => {
    const api = '/t/kota-klien/api/v1/reports';
    const file = async (description: string, lat: number, lng: number, extra: Json = {}) => {
      const res = await t.app.inject({
        method: 'POST',
        url: api,
        payload: { type: 'complaint', category: 'roads', description, lat, lng, ...extra },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().trackingNo as string;
    };
    // Near the pin (about 40 m), near but confidential, and far (about 3 km).
    const near = await file('Jalan amblas dekat jembatan kecil', -6.2003, 106.65);
    const secret = await file('Jalan amblas rahasia dekat jembatan', -6.2002, 106.65, { confidential: true });
    const far = await file('Jalan amblas jauh dari jembatan', -6.23, 106.65);
    const [context, page] = await open();
    await openForm(page);
    const box = page.locator('#nearby-reports');
    assert.equal(await box.isVisible(), false, 'hidden until category and pin are set');
    await page.getByLabel('Garis lintang').fill('-6.2');
    await page.getByLabel('Garis bujur').fill('106,65');
    await page.getByLabel('Kategori').selectOption('roads');
    await box.getByRole('link', { name: new RegExp(near) }).waitFor();
    const text = (await box.textContent()) ?? '';
    assert.ok(!text.includes(secret), 'a confidential report is never suggested');
    assert.ok(!text.includes(far), 'a report beyond the radius is not suggested');
    assert.match(text, /± \d+ m dari titik Anda/);
    await box.getByRole('link', { name: new RegExp(near) }).click();
    await page.getByRole('heading', { name: new RegExp(near) }).waitFor();
    await context.close();
  });
});
