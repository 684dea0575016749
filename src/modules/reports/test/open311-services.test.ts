/**
 * The Open311 GeoReport v2 server of the reports app, through the API, against the spec's text
 * (wiki.open311.org/GeoReport_v2): discovery, services and service definitions, and service
 * requests created with an api_key (form or JSON, a citizen's key, idempotency, the spec's errors),
 * in JSON and XML. Listing requests, tokens and jurisdiction_id are in open311-requests.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { type Open311Context, startOpen311, W3_WIB, xmlElements, xmlText } from './open311-setup.ts';

describe(`Open311 GeoReport v2 (${DB_KIND})`, () => {
  let t: Open311Context['t'];
  let base: Open311Context['base'];
  let admin: Open311Context['admin'];
  let apiKey: Open311Context['apiKey'];
  let citizenKey: Open311Context['citizenKey'];
  let duaKey: Open311Context['duaKey'];
  let dpuprName: Open311Context['dpuprName'];
  let get: Open311Context['get'];
  let post: Open311Context['post'];

  before(async () => {
    ({ t, base, admin, apiKey, citizenKey, duaKey, dpuprName, get, post } = await startOpen311());
  });
  after(() => t?.close());

  test('discovery names the GeoReport v2 endpoint, its formats and changeset, in JSON and XML', async () => {
    const json = await get(`${base}/discovery.json`);
    assert.equal(json.status, 200);
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    assert.match(json.body.changeset, W3_WIB, 'the last change of the categories, in WIB');
    assert.ok(json.body.contact.includes('Kota kota-satu'));
    assert.ok(json.body.key_service.includes('api-tokens'));
    assert.equal(json.body.endpoints.length, 1);
    const [endpoint] = json.body.endpoints;
    assert.equal(endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.equal(endpoint.url, 'http://localhost:80/t/kota-satu/open311/v2');
    assert.equal(endpoint.type, 'test');
    assert.deepEqual(endpoint.formats, ['text/xml', 'application/json']);

    const xml = await get(`${base}/discovery.xml`);
    assert.equal(xml.status, 200);
    assert.equal(xml.headers['content-type'], 'text/xml; charset=utf-8');
    const names = xmlElements(xml.text);
    assert.equal(names[0], 'discovery');
    assert.deepEqual(names.filter((n) => n === 'format').length, 2);
    assert.ok(
      xml.text.includes(
        '<endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification>',
      ),
    );
  });

  test('services: one per active category, in the caller’s language, JSON and XML', async () => {
    const id = await get(`${base}/services.json`);
    assert.equal(id.status, 200);
    assert.deepEqual(
      id.body.map((s: Json) => s.service_code),
      ['roads', 'sanitation'],
      'the retired category is not offered',
    );
    const roads = id.body[0];
    assert.deepEqual(Object.keys(roads), [
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    assert.equal(roads.service_name, 'Jalan rusak');
    assert.equal(roads.metadata, true);
    assert.equal(roads.type, 'realtime');
    assert.equal(roads.group, dpuprName);
    assert.equal(roads.keywords, 'Jalan rusak, Damaged roads, roads');
    assert.equal(id.body[1].group, 'LAKSA', 'without an agency the app’s name groups it');

    const en = await get(`${base}/services.json`, { 'accept-language': 'en' });
    assert.equal(en.body[0].service_name, 'Damaged roads');
    assert.equal((await get(`${base}/services.json?lang=en`)).body[1].service_name, 'Sanitation');

    const xml = await get(`${base}/services.xml`);
    assert.equal(xml.status, 200);
    const names = xmlElements(xml.text);
    assert.equal(names[0], 'services');
    assert.equal(names.filter((n) => n === 'service').length, 2);
    assert.equal(xmlText(xml.text, 'service_code'), 'roads');
    assert.equal(xmlText(xml.text, 'metadata'), 'true');
  });

  test('service definition: report_type (a single-value list, complaint by default) and kelurahan', async () => {
    const res = await get(`${base}/services/roads.json`);
    assert.equal(res.status, 200);
    assert.equal(res.body.service_code, 'roads');
    const [type, kelurahan] = res.body.attributes;
    assert.deepEqual(
      { ...type, values: undefined, datatype_description: undefined, description: undefined },
      {
        variable: true,
        code: 'report_type',
        datatype: 'singlevaluelist',
        required: false,
        order: 1,
        values: undefined,
        datatype_description: undefined,
        description: undefined,
      },
    );
    assert.deepEqual(
      type.values.map((v: Json) => v.key),
      ['aspiration', 'complaint', 'information_request'],
    );
    assert.equal(type.values[1].name, 'Pengaduan');
    assert.equal(kelurahan.code, 'kelurahan');
    assert.equal(kelurahan.datatype, 'string');
    assert.equal(kelurahan.order, 2);
    assert.equal(kelurahan.values, undefined);

    const en = await get(`${base}/services/roads.json`, { 'accept-language': 'en' });
    assert.equal(en.body.attributes[0].values[1].name, 'Complaint');

    const xml = await get(`${base}/services/roads.xml`);
    const names = xmlElements(xml.text);
    assert.equal(names[0], 'service_definition');
    assert.ok(xml.text.includes('<attributes><attribute><variable>true</variable><code>report_type</code>'));
    // report_type's three values, then confidential's and anonymous's true and false.
    assert.equal(names.filter((n) => n === 'value').length, 7);

    for (const code of ['nothing', 'retired']) {
      const missing = await get(`${base}/services/${code}.json`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body[0].code, 404);
      assert.ok(missing.body[0].description.includes(code));
    }
    const missingXml = await get(`${base}/services/nothing.xml`);
    assert.equal(missingXml.status, 404);
    assert.deepEqual(xmlElements(missingXml.text), ['errors', 'error', 'code', 'description']);
  });

  test('POST requests (form, lat & long, attributes) files a report; GET requests/{id} shows it', async () => {
    const res = await post(`${base}/requests.json`, {
      api_key: apiKey,
      jurisdiction_id: 'kota-satu',
      service_code: 'roads',
      lat: '-6.1801',
      long: '106.6302',
      'attribute[report_type]': 'aspiration',
      'attribute[kelurahan]': 'Cipondoh',
      description: 'Mohon trotoar diperlebar di depan sekolah',
      email: 'pelapor@example.id',
      first_name: 'Siti',
      last_name: 'Aminah',
      phone: '0812-3456-7890',
      device_id: 'tt222111',
      account_id: 'acct-42',
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.length, 1);
    const [created] = res.body;
    assert.deepEqual(Object.keys(created), ['service_request_id', 'service_notice', 'account_id']);
    assert.match(created.service_request_id, /^\d{6}-[2-9A-Z]{5}$/);
    assert.equal(created.account_id, 'acct-42');
    assert.match(created.service_notice, /paling lambat \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/);
    assert.equal(res.body.token, undefined, 'a realtime service returns no token');
    assert.equal(
      res.headers.location,
      `http://localhost:80${base}/requests/${created.service_request_id}.json`,
    );

    const one = await get(`${base}/requests/${created.service_request_id}.json`);
    assert.equal(one.status, 200);
    assert.equal(one.body.length, 1);
    const r = one.body[0];
    assert.equal(r.service_request_id, created.service_request_id);
    assert.equal(r.status, 'open');
    assert.equal(r.status_notes, 'Diterima');
    assert.equal(r.detailed_status, 'received');
    assert.equal(r.service_code, 'roads');
    assert.equal(r.service_name, 'Jalan rusak');
    assert.equal(r.description, 'Mohon trotoar diperlebar di depan sekolah');
    assert.equal(r.agency_responsible, null, 'not yet disposed');
    assert.match(r.requested_datetime, W3_WIB);
    assert.match(r.updated_datetime, W3_WIB);
    assert.match(r.expected_datetime, W3_WIB);
    assert.equal(r.lat, -6.1801);
    assert.equal(r.long, 106.6302);
    assert.equal(r.address, null);
    assert.equal(r.address_id, null);
    assert.equal(r.zipcode, null);
    assert.equal(r.media_url, null);
    for (const secret of ['pelapor@example.id', 'Siti', 'Aminah', '081234567890', 'acct-42', 'tt222111']) {
      assert.ok(!one.text.includes(secret), `the reporter's ${secret} is never shown`);
    }
    const en = await get(`${base}/requests/${created.service_request_id}.json`, { 'accept-language': 'en' });
    assert.equal(en.body[0].status_notes, 'Received');
    assert.equal(en.body[0].service_name, 'Damaged roads');

    // The report behind it: an aspiration in Cipondoh, filed through the API by the integration.
    const staff = await get(`/t/kota-satu/api/v1/reports/${created.service_request_id}`, admin);
    assert.equal(staff.body.type, 'aspiration');
    assert.equal(staff.body.kelurahan, 'Cipondoh');
    assert.equal(staff.body.channel, 'api');
    assert.deepEqual(staff.body.reporter, {
      name: 'Siti Aminah',
      email: 'pelapor@example.id',
      phone: '081234567890',
      userId: null,
      anonymous: false,
    });

    const xml = await get(`${base}/requests/${created.service_request_id}.xml`);
    const names = xmlElements(xml.text);
    assert.deepEqual(names.slice(0, 3), ['service_requests', 'request', 'service_request_id']);
    assert.ok(xml.text.includes('<address_id/>'), 'null is an empty element');
    assert.equal(xmlText(xml.text, 'long'), '106.6302');
  });

  test('POST requests (JSON, address_string) answers in XML; a citizen’s key files as that citizen', async () => {
    const res = await post(
      `${base}/requests.xml`,
      {
        api_key: citizenKey,
        service_code: 'sanitation',
        address_string: 'Jl. Merdeka 10, Cipondoh, Kota Satu',
        attribute: { kelurahan: 'Cipondoh' },
        description: 'Sampah menumpuk <b>sudah seminggu</b> & bau',
      },
      {},
      true,
    );
    assert.equal(res.status, 201, res.text);
    assert.equal(res.headers['content-type'], 'text/xml; charset=utf-8');
    assert.deepEqual(xmlElements(res.text), [
      'service_requests',
      'request',
      'service_request_id',
      'service_notice',
      'account_id',
    ]);
    const id = xmlText(res.text, 'service_request_id')!;
    const xml = await get(`${base}/requests/${id}.xml`);
    xmlElements(xml.text);
    assert.ok(xml.text.includes('Sampah menumpuk &lt;b&gt;sudah seminggu&lt;/b&gt; &amp; bau'));
    assert.equal(xmlText(xml.text, 'address'), 'Jl. Merdeka 10, Cipondoh, Kota Satu');
    assert.equal(xmlText(xml.text, 'lat'), undefined);
    assert.ok(xml.text.includes('<lat/><long/>'));

    const mine = await get('/t/kota-satu/api/v1/reports/mine', { authorization: `Bearer ${citizenKey}` });
    assert.ok(mine.body.items.some((r: Json) => r.trackingNo === id));
  });

  test('POST needs a valid api_key of the tenant: 403 in the spec’s format, in the caller’s language', async () => {
    const body = {
      service_code: 'roads',
      lat: '-6.18',
      long: '106.63',
      description: 'Jalan berlubang di depan pasar',
    };
    const missing = await post(`${base}/requests.json`, body);
    assert.equal(missing.status, 403);
    assert.equal(missing.body.length, 1);
    assert.deepEqual(Object.keys(missing.body[0]), ['code', 'description']);
    assert.equal(missing.body[0].code, 403);
    assert.match(missing.body[0].description, /api_key wajib diisi/);

    const invalid = await post(
      `${base}/requests.json`,
      { ...body, api_key: 'balai_bukan-token' },
      { 'accept-language': 'en' },
    );
    assert.equal(invalid.status, 403);
    assert.match(invalid.body[0].description, /^Invalid api_key for this region/);

    const otherTenant = await post(`${base}/requests.json`, { ...body, api_key: duaKey });
    assert.equal(otherTenant.status, 403, 'a token of another tenant is no key here');
    const asBearer = await post(`${base}/requests.json`, body, { authorization: `Bearer ${duaKey}` });
    assert.equal(asBearer.status, 403);

    const xml = await post(`${base}/requests.xml`, body, { 'accept-language': 'en' });
    assert.equal(xml.status, 403);
    assert.deepEqual(xmlElements(xml.text), ['errors', 'error', 'code', 'description']);
    assert.equal(xmlText(xml.text, 'code'), '403');
    assert.match(xmlText(xml.text, 'description')!, /^api_key is required/);

    const bearer = await post(`${base}/requests.json`, body, { authorization: `Bearer ${apiKey}` });
    assert.equal(bearer.status, 201, 'the key may come as a Bearer token too');
  });

  test('POST errors: the service’s checks surface as spec errors (400, 404), never as problem documents', async () => {
    const ok = {
      api_key: apiKey,
      service_code: 'roads',
      lat: '-6.18',
      long: '106.63',
      description: 'Jalan berlubang di depan pasar',
    };
    const expect = async (fields: Record<string, string>, status: number, pattern: RegExp, lang = 'id') => {
      const res = await post(`${base}/requests.json`, fields, { 'accept-language': lang });
      assert.equal(res.status, status, res.text);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      assert.ok(Array.isArray(res.body), res.text);
      assert.ok(
        res.body.some((e: Json) => e.code === status && pattern.test(e.description)),
        `${pattern} in ${res.text}`,
      );
    };
    await expect({ ...ok, service_code: 'nothing' }, 404, /service_code "nothing" tidak dikenal/);
    await expect({ ...ok, service_code: 'retired' }, 404, /service_code "retired"/);
    const { service_code: _code, ...noCode } = ok;
    await expect(noCode, 400, /service_code wajib diisi/);
    const { lat: _lat, long: _long, ...noPlace } = ok;
    await expect(noPlace, 400, /lat dan long, atau address_string/);
    await expect({ ...noPlace, address_id: '545483' }, 400, /address_id cannot be used/, 'en');
    await expect({ ...ok, long: '' }, 400, /^long: /);
    await expect({ ...ok, lat: 'utara' }, 400, /^lat: /);
    await expect(
      { ...ok, lat: '40.7', long: '-74.0' },
      400,
      /^lat: The location is outside Kota kota-satu/,
      'en',
    );
    await expect({ ...ok, email: 'bukan-email' }, 400, /^email: /);
    await expect({ ...ok, description: 'pendek' }, 400, /^description: Minimal 10 karakter/);
    await expect(
      { ...ok, 'attribute[report_type]': 'gossip' },
      400,
      /aspiration, complaint, information_request/,
    );
    await expect({ ...ok, 'attribute[kelurahan]': 'X' }, 400, /^attribute\[kelurahan\]: /);
    await expect({ ...ok, media_url: 'javascript:alert(1)' }, 400, /media_url/);
    await expect({ ...ok, jurisdiction_id: 'kota-dua' }, 404, /jurisdiction_id "kota-dua"/);
  });

  test('POST with an Idempotency-Key files once; a media_url is kept for staff, not fetched', async () => {
    const fields = {
      api_key: apiKey,
      service_code: 'roads',
      address_string: 'Jl. Sudirman 1',
      description: 'Lampu jalan mati sejak kemarin malam',
      media_url: 'https://example.invalid/foto/1.jpg',
    };
    const first = await post(`${base}/requests.json`, fields, { 'idempotency-key': 'open311-retry-1' });
    assert.equal(first.status, 201, first.text);
    const again = await post(`${base}/requests.json`, fields, { 'idempotency-key': 'open311-retry-1' });
    assert.equal(again.status, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.body[0].service_request_id, first.body[0].service_request_id);
    assert.deepEqual(again.body, first.body, 'the first answer, notice included');
    const different = await post(
      `${base}/requests.json`,
      { ...fields, description: 'Laporan lain sama sekali di sini' },
      { 'idempotency-key': 'open311-retry-1' },
    );
    assert.equal(different.status, 400, 'a reused key is refused (as the spec’s 400)');

    const id = first.body[0].service_request_id;
    const staff = await get(`/t/kota-satu/api/v1/reports/${id}`, admin);
    const notes = staff.body.history.filter((h: Json) => h.note === fields.media_url);
    assert.equal(notes.length, 1, 'one note, not one per retry');
    const open = await get(`/t/kota-satu/api/v1/reports/${id}`);
    assert.ok(!open.text.includes('example.invalid'), 'the note is not on the public history');
    assert.equal((await get(`${base}/requests/${id}.json`)).body[0].media_url, null);
  });
});
