/**
 * The Open311 GeoReport v2 server of the reports app, through the API, against the spec's text
 * (wiki.open311.org/GeoReport_v2): discovery, services, service definitions, service requests (list
 * with its 90-day window, 1000 cap, filters and paging; one; create with an api_key; tokens), in
 * JSON and XML, with the spec's errors, at /t/<slug>/open311/v2 and at the root with jurisdiction_id.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { invalidate, newId, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { reportsApp } from '../index.ts';
import { REPORTS_TAG } from '../services/cache-tags.ts';
import { tx } from '../tables.ts';

const DAY = 86_400_000;
const W3_WIB = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

/** The element names of an XML text in document order, with a check that every element closes. */
function xmlElements(text: string): string[] {
  assert.match(text, /^<\?xml version="1\.0" encoding="utf-8"\?>\n/);
  const body = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') assert.fail(`a bare ${m[0]} in the XML`);
    const [, closing, name, empty] = m as unknown as [string, string, string, string];
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes what it opened`);
    else {
      names.push(name);
      if (!empty) stack.push(name);
    }
  }
  assert.equal(stack.length, 0, 'every element is closed');
  return names;
}

/** The text of the first `<name>` element. */
function xmlText(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
}

function form(fields: Record<string, string>) {
  return {
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  };
}

describe(`Open311 GeoReport v2 (${DB_KIND})`, () => {
  let t: TestContext;
  let satuId: string;
  let duaId: string;
  let banyakId: string;
  let admin: Json;
  let apiKey: string;
  let citizenKey: string;
  let duaKey: string;
  let dpuprName: string;
  const base = '/t/kota-satu/open311/v2';

  const get = async (url: string, headers: Json = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    const isJson = res.headers['content-type']?.includes('json');
    return {
      status: res.statusCode,
      body: isJson ? res.json() : res.body,
      headers: res.headers,
      text: res.body,
    };
  };
  const post = async (
    url: string,
    fields: Record<string, string> | Json,
    headers: Json = {},
    json = false,
  ) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      ...(json
        ? { payload: fields, headers }
        : {
            payload: form(fields as Record<string, string>).payload,
            headers: { ...form({}).headers, ...headers },
          }),
    });
    const isJson = res.headers['content-type']?.includes('json');
    return {
      status: res.statusCode,
      body: isJson ? res.json() : res.body,
      headers: res.headers,
      text: res.body,
    };
  };
  const fileOne = async (extra: Record<string, string> = {}) => {
    const res = await post(`${base}/requests.json`, {
      api_key: apiKey,
      service_code: 'roads',
      lat: '-6.18',
      long: '106.63',
      description: 'Jalan berlubang di depan pasar',
      ...extra,
    });
    assert.equal(res.status, 201, res.text);
    return res.body[0].service_request_id as string;
  };

  /** Writes `n` public reports filed at `at` straight into the table (for the window and the cap). */
  const insertReports = (tenantId: string, n: number, at: Date, prefix: string) =>
    t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      const rows = Array.from({ length: n }, (_, i) => ({
        tenant_id: tenantId,
        id: newId(),
        tracking_no: `${prefix}-${String(i).padStart(5, '0')}`,
        type: 'complaint' as const,
        category_code: 'roads',
        description: `Laporan lama nomor ${i}`,
        status: 'received' as const,
        channel: 'api' as const,
        address: 'Jl. Lama',
        reporter_user_id: null,
        due_at: null,
        created_at: new Date(at.getTime() - i * 1000),
        updated_at: at,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await tx(scope)
          .insertInto('reports')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      await invalidate(scope, REPORTS_TAG);
    });

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    const satu = await makeTenant(t.platform, 'kota-satu', { domains: ['laksa.kotasatu.go.id'] });
    const dua = await makeTenant(t.platform, 'kota-dua', { timeZone: 'Asia/Makassar' });
    const banyak = await makeTenant(t.platform, 'kota-banyak');
    await makeTenant(t.platform, 'kota-tiga');
    satuId = satu.id;
    duaId = dua.id;
    banyakId = banyak.id;
    for (const id of [satuId, duaId, banyakId]) await makeLive(t.platform, id, 'reports');

    const adminUser = await makeStaff(t.platform, satuId, ['tenant_admin']);
    admin = await bearerFor(t.app, 'kota-satu', adminUser.email);
    const agency = await t.app.inject({
      method: 'POST',
      url: '/t/kota-satu/api/v1/agencies',
      headers: admin,
      payload: { code: 'DPUPR', name: 'Dinas PUPR Satu', kind: 'dinas' },
    });
    assert.equal(agency.statusCode, 201, agency.body);
    dpuprName = agency.json().name;
    const categories: Array<[string, Json]> = [
      ['roads', { name: { id: 'Jalan rusak', en: 'Damaged roads' }, agencyId: agency.json().id }],
      ['sanitation', { name: { id: 'Kebersihan', en: 'Sanitation' } }],
      ['retired', { name: { id: 'Lama', en: 'Old' }, active: false }],
    ];
    for (const [code, body] of categories) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/t/kota-satu/api/v1/reports/categories/${code}`,
        headers: admin,
        payload: body,
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const integration = await makeStaff(t.platform, satuId, ['integration']);
    apiKey = (await bearerFor(t.app, 'kota-satu', integration.email)).authorization.slice('Bearer '.length);
    const register = await t.app.inject({
      method: 'POST',
      url: '/t/kota-satu/api/v1/auth/register',
      payload: { displayName: 'Warga Satu', email: 'warga@satu.example.id', password: 'rahasia-warga-1' },
    });
    assert.equal(register.statusCode, 201, register.body);
    citizenKey = (
      await bearerFor(t.app, 'kota-satu', 'warga@satu.example.id', 'rahasia-warga-1')
    ).authorization.slice('Bearer '.length);

    for (const [slug, tenantId] of [
      ['kota-dua', duaId],
      ['kota-banyak', banyakId],
    ] as const) {
      const other = await makeStaff(t.platform, tenantId, ['tenant_admin', 'integration']);
      const h = await bearerFor(t.app, slug, other.email);
      if (slug === 'kota-dua') duaKey = h.authorization.slice('Bearer '.length);
      const res = await t.app.inject({
        method: 'PUT',
        url: `/t/${slug}/api/v1/reports/categories/roads`,
        headers: h,
        payload: { name: { id: 'Jalan', en: 'Roads' } },
      });
      assert.equal(res.statusCode, 200, res.body);
    }
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
    assert.equal(names.filter((n) => n === 'value').length, 3);

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
