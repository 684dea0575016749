/**
 * The Open311 GeoReport v2 server of the reports app, through the API, against the spec's text
 * (wiki.open311.org/GeoReport_v2): service requests listed (90-day window, 1000 cap, filters and
 * paging) and shown, only public ones, per tenant with its offset; tokens; and the server at the
 * root with jurisdiction_id and on the tenant's own host. Discovery, services and creating requests
 * are in open311-services.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { DAY, type Open311Context, startOpen311, xmlElements, xmlText } from './open311-setup.ts';

describe(`Open311 GeoReport v2 (${DB_KIND})`, () => {
  let t: Open311Context['t'];
  let base: Open311Context['base'];
  let satuId: Open311Context['satuId'];
  let banyakId: Open311Context['banyakId'];
  let admin: Open311Context['admin'];
  let apiKey: Open311Context['apiKey'];
  let duaKey: Open311Context['duaKey'];
  let get: Open311Context['get'];
  let post: Open311Context['post'];
  let fileOne: Open311Context['fileOne'];
  let insertReports: Open311Context['insertReports'];

  before(async () => {
    ({ t, base, satuId, banyakId, admin, apiKey, duaKey, get, post, fileOne, insertReports } =
      await startOpen311());
  });
  after(() => t?.close());

  test('GET requests: default 90-day window, explicit windows, bad dates, status and service_code filters', async () => {
    const recent = await fileOne();
    const sanitation = await fileOne({ service_code: 'sanitation' });
    const old = new Date(Date.now() - 120 * DAY);
    await insertReports(satuId, 1, old, 'LAMA');

    const all = await get(`${base}/requests.json`);
    assert.equal(all.status, 200);
    const ids = all.body.map((r: Json) => r.service_request_id);
    assert.ok(ids.includes(recent) && ids.includes(sanitation));
    assert.ok(!ids.includes('LAMA-00000'), 'older than 90 days: outside the default window');
    const times = all.body.map((r: Json) => Date.parse(r.requested_datetime));
    assert.deepEqual(
      times,
      [...times].sort((a: number, b: number) => b - a),
      'newest first',
    );

    const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const window = await get(
      `${base}/requests.json?start_date=${iso(new Date(old.getTime() - DAY))}&end_date=${iso(new Date(old.getTime() + DAY))}`,
    );
    assert.equal(window.status, 200, window.text);
    assert.deepEqual(
      window.body.map((r: Json) => r.service_request_id),
      ['LAMA-00000'],
    );
    const fromStart = await get(`${base}/requests.json?start_date=${iso(new Date(old.getTime() - DAY))}`);
    assert.deepEqual(
      fromStart.body.map((r: Json) => r.service_request_id),
      ['LAMA-00000'],
      'start_date alone: the 90 days from it',
    );
    // The report's day in the tenant's zone (WIB), which is the next UTC day from 17:00 UTC.
    const local = localDateOf(old, 'Asia/Jakarta');
    const untilEnd = await get(`${base}/requests.json?end_date=${local}T23:59:59%2B07:00`);
    assert.ok(
      untilEnd.body.some((r: Json) => r.service_request_id === 'LAMA-00000'),
      'end_date alone: 90 days up to it',
    );

    const tooLong = await get(
      `${base}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`,
    );
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body[0].description, /maksimal 90 hari/);
    const reversed = await get(
      `${base}/requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z`,
    );
    assert.equal(reversed.status, 400);
    for (const bad of ['kemarin', '2026-02-30T00:00:00Z', '2026-11-23T25:00:00Z', '2026-11-23T10:15:00+07']) {
      const res = await get(`${base}/requests.json?start_date=${encodeURIComponent(bad)}`, {
        'accept-language': 'en',
      });
      assert.equal(res.status, 400, bad);
      assert.match(res.body[0].description, /^start_date is not a valid W3C\/ISO 8601 date-time/);
    }
    const emptyArgs = await get(`${base}/requests.json?start_date=&end_date=&status=&service_code=&page=`);
    assert.equal(emptyArgs.status, 200, 'an empty argument is an absent one');
    assert.deepEqual(emptyArgs.body, all.body);

    // Closing one (rejected, still public) moves it from open to closed.
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/t/kota-satu/api/v1/reports/${sanitation}/actions/reject`,
      headers: admin,
      payload: { reason: 'not_our_authority', note: 'Kewenangan provinsi' },
    });
    assert.equal(rejected.statusCode, 200, rejected.body);
    const closed = await get(`${base}/requests.json?status=closed`);
    assert.deepEqual(
      closed.body.map((r: Json) => r.service_request_id),
      [sanitation],
    );
    assert.equal(closed.body[0].status, 'closed');
    assert.equal(closed.body[0].detailed_status, 'rejected');
    assert.equal(closed.body[0].status_notes, 'Ditolak');
    assert.equal(closed.body[0].service_notice, null);
    assert.equal(closed.body[0].expected_datetime, null);
    const open = await get(`${base}/requests.json?status=open`);
    assert.ok(open.body.every((r: Json) => r.status === 'open'));
    assert.ok(!open.body.some((r: Json) => r.service_request_id === sanitation));
    const both = await get(`${base}/requests.json?status=open,closed`);
    assert.equal(both.body.length, all.body.length);
    const repeated = await get(`${base}/requests.json?status=open&status=closed`);
    assert.equal(repeated.body.length, all.body.length, 'a list may also be repeated');
    const badStatus = await get(`${base}/requests.json?status=pending`);
    assert.equal(badStatus.status, 400);

    const byCode = await get(`${base}/requests.json?service_code=sanitation`);
    assert.ok(byCode.body.some((r: Json) => r.service_request_id === sanitation));
    assert.ok(byCode.body.every((r: Json) => r.service_code === 'sanitation'));
    assert.ok(byCode.body.length < all.body.length);
    const byCodes = await get(`${base}/requests.json?service_code=sanitation,roads`);
    assert.equal(byCodes.body.length, all.body.length);

    // service_request_id overrides every other argument, the window too.
    const byIds = await get(
      `${base}/requests.json?service_request_id=${recent},lama-00000&status=closed&service_code=sanitation`,
    );
    assert.deepEqual(byIds.body.map((r: Json) => r.service_request_id).sort(), [recent, 'LAMA-00000'].sort());
  });

  test('GET requests: at most 1000 by default, then page and page_size', async () => {
    await insertReports(banyakId, 1005, new Date(Date.now() - DAY), 'BANYAK');
    const b = '/t/kota-banyak/open311/v2';
    const first = await get(`${b}/requests.json`);
    assert.equal(first.status, 200);
    assert.equal(first.body.length, 1000, 'the first 1000 requests');
    assert.equal(first.body[0].service_request_id, 'BANYAK-00000');
    const second = await get(`${b}/requests.json?page=2`);
    assert.deepEqual(
      second.body.map((r: Json) => r.service_request_id),
      ['BANYAK-01000', 'BANYAK-01001', 'BANYAK-01002', 'BANYAK-01003', 'BANYAK-01004'],
    );
    const paged = await get(`${b}/requests.json?page=3&page_size=10`);
    assert.deepEqual(
      paged.body.map((r: Json) => r.service_request_id),
      Array.from({ length: 10 }, (_, i) => `BANYAK-${String(20 + i).padStart(5, '0')}`),
    );
    const xml = await get(`${b}/requests.xml?page_size=3`);
    assert.equal(xmlElements(xml.text).filter((n) => n === 'request').length, 3);
    for (const bad of ['page=0', 'page_size=1001', 'page=x', 'page_size=-1']) {
      const res = await get(`${b}/requests.json?${bad}`);
      assert.equal(res.status, 400, bad);
    }
  });

  test('another tenant’s request is not found here; dates carry each tenant’s offset', async () => {
    const res = await post('/t/kota-dua/open311/v2/requests.json', {
      api_key: duaKey,
      service_code: 'roads',
      address_string: 'Jl. Ahmad Yani, Kota Dua',
      description: 'Jembatan kayu mulai lapuk dan berbahaya',
    });
    assert.equal(res.status, 201, res.text);
    const duaRequest = res.body[0].service_request_id;
    const there = await get(`/t/kota-dua/open311/v2/requests/${duaRequest}.json`);
    assert.match(there.body[0].requested_datetime, /\+08:00$/, 'WITA');
    assert.match(there.body[0].expected_datetime, /\+08:00$/);
    assert.match(res.body[0].service_notice, /WITA\.$/);

    const here = await get(`${base}/requests/${duaRequest}.json`);
    assert.equal(here.status, 404);
    assert.equal(here.body[0].code, 404);
    const inList = await get(`${base}/requests.json?service_request_id=${duaRequest}`);
    assert.deepEqual(inList.body, []);
    const root = await get(`/open311/v2/requests/${duaRequest}.json?jurisdiction_id=kota-satu`);
    assert.equal(root.status, 404);
  });

  test('tokens/{token}: the report’s id gives its service_request_id', async () => {
    const id = await fileOne();
    const staff = await get(`/t/kota-satu/api/v1/reports/${id}`, admin);
    const uuid = staff.body.id;
    const json = await get(`${base}/tokens/${uuid}.json`);
    assert.equal(json.status, 200);
    assert.deepEqual(json.body, [{ service_request_id: id, token: uuid }]);
    const xml = await get(`${base}/tokens/${uuid}.xml`);
    assert.deepEqual(xmlElements(xml.text), ['service_requests', 'request', 'service_request_id', 'token']);
    for (const token of ['00000000-0000-4000-8000-000000000000', 'bukan-token']) {
      const missing = await get(`${base}/tokens/${token}.json`);
      assert.equal(missing.status, 404);
      assert.match(missing.body[0].description, /token/);
      assert.ok(!missing.text.includes(token), 'the answer does not echo the token');
    }
  });

  test('jurisdiction_id: required at the root, must name a tenant with the app live; optional but checked per tenant', async () => {
    const missing = await get('/open311/v2/services.json');
    assert.equal(missing.status, 400);
    assert.match(missing.body[0].description, /jurisdiction_id wajib diisi/);
    const missingEn = await get('/open311/v2/requests.xml', { 'accept-language': 'en' });
    assert.equal(missingEn.status, 400);
    assert.match(xmlText(missingEn.text, 'description')!, /^jurisdiction_id is required/);
    const unknown = await get('/open311/v2/services.json?jurisdiction_id=kota-entah');
    assert.equal(unknown.status, 404);
    const notLive = await get('/open311/v2/services.json?jurisdiction_id=kota-tiga');
    assert.equal(notLive.status, 404, 'the app is not live there');
    assert.match(notLive.body[0].description, /kota-tiga/);

    const bySlug = await get('/open311/v2/services.json?jurisdiction_id=kota-satu');
    assert.equal(bySlug.status, 200);
    assert.deepEqual(bySlug.body, (await get(`${base}/services.json`)).body);
    const byDomain = await get('/open311/v2/services.json?jurisdiction_id=laksa.kotasatu.go.id');
    assert.equal(byDomain.status, 200);
    const discovery = await get('/open311/v2/discovery.json?jurisdiction_id=kota-satu');
    assert.equal(discovery.body.endpoints[0].url, 'http://localhost:80/open311/v2');
    const definition = await get('/open311/v2/services/roads.xml?jurisdiction_id=kota-satu');
    assert.equal(definition.status, 200);
    const list = await get('/open311/v2/requests.json?jurisdiction_id=kota-satu&page_size=1');
    assert.equal(list.body.length, 1);

    const posted = await post('/open311/v2/requests.json', {
      jurisdiction_id: 'kota-satu',
      api_key: apiKey,
      service_code: 'roads',
      address_string: 'Jl. Root 1',
      description: 'Dilaporkan lewat endpoint root',
    });
    assert.equal(posted.status, 201, posted.text);
    const created = posted.body[0].service_request_id;
    assert.equal(
      posted.headers.location,
      `http://localhost:80/open311/v2/requests/${created}.json?jurisdiction_id=kota-satu`,
    );
    assert.equal((await get(`/open311/v2/requests/${created}.json?jurisdiction_id=kota-satu`)).status, 200);
    const postNoJurisdiction = await post('/open311/v2/requests.json', {
      api_key: apiKey,
      service_code: 'roads',
    });
    assert.equal(postNoJurisdiction.status, 400);

    // Under /t/<slug> the jurisdiction is the tenant: naming another is a 404, naming it is fine.
    assert.equal((await get(`${base}/services.json?jurisdiction_id=kota-satu`)).status, 200);
    assert.equal((await get(`${base}/services.json?jurisdiction_id=laksa.kotasatu.go.id`)).status, 200);
    const wrong = await get(`${base}/services.json?jurisdiction_id=kota-dua`);
    assert.equal(wrong.status, 404);
    assert.match(wrong.body[0].description, /kota-dua/);
    // The adoption gate answers in the spec's format too.
    const gated = await get('/t/kota-tiga/open311/v2/services.xml');
    assert.equal(gated.status, 404);
    assert.deepEqual(xmlElements(gated.text), ['errors', 'error', 'code', 'description']);
    const noRoute = await get(`${base}/nothing.json`);
    assert.equal(noRoute.status, 404);
    assert.equal(noRoute.body[0].code, 404);
  });

  test('on the tenant’s own host /open311/v2 is the tenant’s', async () => {
    const host = { host: 'laksa.kotasatu.go.id' };
    const services = await get('/open311/v2/services.json', host);
    assert.equal(services.status, 200);
    assert.deepEqual(services.body, (await get(`${base}/services.json`)).body);
    const discovery = await get('/open311/v2/discovery.json', host);
    assert.equal(discovery.body.endpoints[0].url, 'http://laksa.kotasatu.go.id/open311/v2');
    const sub = await get('/open311/v2/discovery.json', { host: 'kota-satu.balai.test' });
    assert.equal(sub.body.endpoints[0].url, 'http://kota-satu.balai.test/open311/v2');
  });

  test('only public reports are served; a photo becomes an absolute media_url', async () => {
    const id = await fileOne({ description: 'Iklan obat kuat, bukan laporan sama sekali' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/kota-satu/api/v1/reports/${id}/actions/reject`,
      headers: admin,
      payload: { reason: 'not_a_report', note: 'Spam' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await get(`${base}/requests/${id}.json`)).status, 404);
    const list = await get(`${base}/requests.json?status=closed`);
    assert.ok(!list.body.some((r: Json) => r.service_request_id === id));

    // A report filed with a photo through the app's own API.
    const boundary = '----open311test';
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .jpeg()
      .toBuffer();
    const parts = [
      ...Object.entries({
        type: 'complaint',
        category: 'roads',
        description: 'Gorong-gorong tersumbat dengan foto',
        address: 'Jl. Foto 1',
      }).map(([k, v]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      photo,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ];
    const filed = await t.app.inject({
      method: 'POST',
      url: '/t/kota-satu/api/v1/reports',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const r = (await get(`${base}/requests/${filed.json().trackingNo}.json`)).body[0];
    assert.match(
      r.media_url,
      /^http:\/\/localhost:80\/t\/kota-satu\/api\/v1\/reports\/[0-9a-f-]{36}\/photos\/[0-9a-f-]{36}$/,
    );
    const image = await t.app.inject({ url: r.media_url.replace('http://localhost:80', '') });
    assert.equal(image.statusCode, 200);
  });
});
