/**
 * The report form without a dead end (issue #15, items 1–3), through `app.inject()`: a refused
 * photo (not an image, over 10 MB, a sixth) brings the form back with everything typed and the
 * message beside the photo field; the error summary names each field; no developer wording; the
 * location is honest (an information request needs none); phone numbers in groups, coordinates
 * with a decimal comma and tracking numbers as typed are read as meant.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  DB_KIND,
  makeLive,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { reportsApp } from '../index.ts';
import { putCategory } from '../services/settings.ts';

type Part = { name: string; value: string } | { name: string; file: Buffer; filename: string; type: string };

/** A multipart body with its parts in the given order (a browser sends them in the form's order). */
function multipartBody(parts: Part[]) {
  const boundary = `----balai${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
        ),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`,
        ),
        p.file,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const DESCRIPTION = 'Lampu jalan mati sejak tiga hari di depan masjid, gelap sekali malam hari.';

describe(`the report form reads what people type and never ends on an error page (${DB_KIND})`, () => {
  let t: TestContext;
  let photo: Buffer;
  const base = '/t/kota-form';

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const tenant = await makeTenant(t.platform, 'kota-form');
    await makeLive(t.platform, tenant.id, 'reports');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      await putCategory(scope, 'lights', { name: { id: 'Lampu jalan', en: 'Street lights' } });
    });
    photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#445566' } })
      .jpeg()
      .toBuffer();
  });
  after(async () => {
    await t?.close();
  });

  const send = (parts: Part[], lang = 'id') =>
    t.app.inject({ method: 'POST', url: `${base}/lapor?lang=${lang}`, ...multipartBody(parts) });
  const text = (fields: Record<string, string>): Part[] =>
    Object.entries(fields).map(([name, value]) => ({ name, value }));
  const jpeg = (n = 1): Part[] =>
    Array.from({ length: n }, (_, i) => ({
      name: 'photo',
      file: photo,
      filename: `foto-${i + 1}.jpg`,
      type: 'image/jpeg',
    }));
  const errorOf = (html: string, id: string) =>
    new RegExp(`<p class="error" id="${id}-error">([^<]*)</p>`).exec(html)?.[1] ?? '';

  test('a file that is not a photo brings the form back, everything typed kept, the message beside the photo field', async () => {
    const res = await send([
      ...text({
        type: 'complaint',
        category: 'lights',
        description: DESCRIPTION,
        address: 'Jl. Masjid Raya 4',
      }),
      ...jpeg(1),
      { name: 'photo', file: Buffer.from('%PDF-1.4 not a photo'), filename: 'surat.pdf', type: 'image/jpeg' },
      ...text({ name: 'Siti', phone: '0812 3456 7890' }),
    ]);
    assert.equal(res.statusCode, 415, res.body.slice(0, 300));
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    assert.match(errorOf(res.body, 'photo'), /^Foto 2 bukan gambar JPEG, PNG atau WebP/);
    assert.match(res.body, /data-refused="1"/);
    for (const kept of [DESCRIPTION, 'Jl. Masjid Raya 4', 'value="Siti"', 'value="0812 3456 7890"']) {
      assert.ok(res.body.includes(kept), kept);
    }
    assert.match(res.body, /<a href="#photo">Foto 2 bukan gambar/);
  });

  test('a photo over 10 MB brings the form back (413), the fields after it read too', async () => {
    const big = Buffer.concat([photo, Buffer.alloc(11 * 1024 * 1024, 7)]);
    const res = await send([
      ...text({
        type: 'complaint',
        category: 'lights',
        description: DESCRIPTION,
        address: 'Jl. Masjid Raya 4',
      }),
      { name: 'photo', file: big, filename: 'kamera.jpg', type: 'image/jpeg' },
      ...text({ name: 'Siti Aminah', email: 'siti@example.id' }),
    ]);
    assert.equal(res.statusCode, 413, res.body.slice(0, 300));
    assert.match(errorOf(res.body, 'photo'), /^Foto 1 lebih dari 10 MB/);
    assert.ok(res.body.includes('value="Siti Aminah"'));
    assert.ok(res.body.includes('value="siti@example.id"'));
    // The API still answers a problem: 413 naming the photo.
    const api = await t.app.inject({
      method: 'POST',
      url: `${base}/api/v1/reports`,
      ...multipartBody([
        ...text({ type: 'complaint', category: 'lights', description: DESCRIPTION, address: 'Jl. A' }),
        { name: 'photo', file: big, filename: 'kamera.jpg', type: 'image/jpeg' },
      ]),
    });
    assert.equal(api.statusCode, 413, api.body);
    const problem = api.json() as { errors: Array<{ path: string; message: string }> };
    assert.equal(problem.errors[0]?.path, '/body/photo/0');
    assert.equal(problem.errors[0]?.message, 'Berkas lebih dari 10 MB.');
  });

  test('six photos: the form comes back saying at most five, nothing filed, the fields after them kept', async () => {
    const res = await send([
      ...text({
        type: 'complaint',
        category: 'lights',
        description: DESCRIPTION,
        address: 'Jl. Masjid Raya 4',
      }),
      ...jpeg(6),
      ...text({ phone: '0812-3456-7890' }),
    ]);
    assert.equal(res.statusCode, 400, res.body.slice(0, 300));
    assert.equal(errorOf(res.body, 'photo'), 'Pilih paling banyak 5 foto (tadi 6 foto).');
    assert.ok(res.body.includes('value="0812-3456-7890"'));
    assert.match(res.body, /id="photos-again"/);
  });

  test('the error summary names each field and takes the focus; no developer wording; a format error shows the format', async () => {
    const res = await send(text({ type: 'complaint', lat: 'enam', lng: '106,63', phone: '12ab' }));
    assert.equal(res.statusCode, 400);
    const summary = /<div class="summary"[^>]*>([\s\S]*?)<\/div>/.exec(res.body);
    assert.ok(summary, 'an error summary');
    assert.match(summary[0], /tabindex="-1"/);
    assert.match(summary[0], /autofocus/);
    const links = [...summary[1]!.matchAll(/<a href="#(\w+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      links.map(([id]) => id),
      ['lat', 'category', 'description', 'phone'],
    );
    assert.deepEqual(
      links.find(([id]) => id === 'lat')?.[1],
      'Tulis garis lintang sebagai angka desimal, misalnya -6,1783.',
    );
    assert.match(links.find(([id]) => id === 'phone')?.[1] ?? '', /0812 3456 7890/);
    // Two "required" never stand unnamed: each summary line is its own.
    const texts = links.map(([, text]) => text);
    assert.equal(new Set(texts).size, texts.length);
    assert.doesNotMatch(res.body, /seharusnya|expected|number\)|Wajib diisi\./);
    // In English too.
    const en = await send(text({ type: 'complaint', lat: 'six', lng: '106' }), 'en');
    assert.match(en.body, /Enter the latitude as a decimal number, for example -6\.1783\./);
  });

  test('the location fields are labelled honestly: the group says when it is required, the address is not "optional"', async () => {
    const page = await t.app.inject({ method: 'GET', url: `${base}/lapor` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Lokasi <span class="req">\(wajib, kecuali untuk permintaan informasi\)<\/span>/);
    const addressLabel = /<label for="address">([\s\S]*?)<\/label>/.exec(page.body)?.[1] ?? '';
    assert.doesNotMatch(addressLabel, /tidak wajib/);
    const latLabel = /<label for="lat">([\s\S]*?)<\/label>/.exec(page.body)?.[1] ?? '';
    assert.doesNotMatch(latLabel, /tidak wajib/);
    // A complaint without any place is refused beside the address; a request for information is filed.
    const complaint = await send(text({ type: 'complaint', category: 'lights', description: DESCRIPTION }));
    assert.equal(errorOf(complaint.body, 'address'), 'Isi alamat atau taruh titik lokasi di peta.');
    const request = await send(
      text({
        type: 'information_request',
        category: 'lights',
        description: 'Mohon jadwal perbaikan lampu jalan tahun ini.',
      }),
    );
    assert.equal(request.statusCode, 201, request.body.slice(0, 300));
  });

  test('phone numbers in groups, a decimal comma and a tracking number as typed are read as meant', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/api/v1/reports`,
      ...multipartBody(
        text({
          type: 'complaint',
          category: 'lights',
          description: DESCRIPTION,
          lat: '-6,1783',
          lng: '106,63',
          phone: '0812-3456-7890',
        }),
      ),
    });
    assert.equal(res.statusCode, 201, res.body);
    const { trackingNo } = res.json() as { trackingNo: string };
    const portal = await send([
      ...text({
        type: 'complaint',
        category: 'lights',
        description: DESCRIPTION,
        address: 'Jl. Masjid Raya 4',
      }),
      ...text({ phone: '0812 3456 7890' }),
    ]);
    assert.equal(portal.statusCode, 201, portal.body.slice(0, 300));

    const typed = `${trackingNo.slice(0, 3)} ${trackingNo.slice(3, 6)} ${trackingNo.slice(7).toLowerCase()}`;
    const api = await t.app.inject({
      method: 'GET',
      url: `${base}/api/v1/reports/${encodeURIComponent(typed)}`,
    });
    assert.equal(api.statusCode, 200, api.body);
    assert.equal(api.json().trackingNo, trackingNo);
    assert.equal(api.json().lat, -6.1783);
    assert.equal(api.json().lng, 106.63);
    const track = await t.app.inject({ method: 'GET', url: `${base}/lacak?no=${encodeURIComponent(typed)}` });
    assert.equal(track.statusCode, 303, track.body.slice(0, 200));
    assert.equal(track.headers.location, `${base}/laporan/${trackingNo}`);
  });
});
