/**
 * The CKAN Action API over the sample catalogue, through a small Fastify instance that mounts the
 * routes as the platform does (under `/t/:tenant`, the tenant and language on the request), with a
 * `readerFor` that hands out the in-memory reader. No database: what the database reader answers
 * is its own suite's; this one holds the CKAN side — shapes, paging, errors, GET and POST.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Platform, pickLanguage } from '../../../platform/sdk/index.ts';
import type { CatalogReader } from '../catalog/reader.ts';
import type { CatalogDataset } from '../catalog/view.ts';
import { type ReaderFor, registerCkanRoutes } from './routes.ts';
import { DATASETS, manyDatasets, SITE, testCatalog } from './test-catalog.ts';

const TENANT = {
  id: '11111111-2222-4333-8444-555555555555',
  slug: 'kota-tangerang',
  name: 'Kota Tangerang',
  defaultLanguage: 'id',
};
const BASE = `/t/${TENANT.slug}`;

type Reader = ReturnType<typeof testCatalog>;

async function ckanApp(reader: CatalogReader): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.decorateRequest('tenant', null);
  app.decorateRequest('lang', 'id');
  app.addHook('onRequest', async (request) => {
    request.lang = pickLanguage(undefined, request.headers['accept-language'], 'id');
  });
  const platform = { config: { publicUrl: SITE } } as unknown as Platform;
  const readerFor: ReaderFor = (_request, fn) => fn(reader);
  await app.register(
    async (tenantApp) => {
      tenantApp.addHook('onRequest', async (request) => {
        (request as unknown as { tenant: unknown }).tenant = TENANT;
      });
      await registerCkanRoutes(tenantApp, platform, readerFor);
      // Another route of the app beside the CKAN ones: it keeps Fastify's own JSON parser.
      tenantApp.post('/api/v1/open-data/items', async (request) => ({ got: request.body }));
    },
    { prefix: '/t/:tenant' },
  );
  await app.ready();
  return app;
}

/** An answer as a client reads it: any JSON under `result` and `error`. */
// biome-ignore lint/suspicious/noExplicitAny: the tests walk CKAN's JSON freely, as a Python client does
type Json = any;
type Envelope = { help: string; success: boolean; result?: Json; error?: Json };

describe('CKAN Action API', () => {
  let app: FastifyInstance;
  let reader: Reader;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url: `${BASE}${path}`, headers });
    return { status: res.statusCode, body: res.json() as Envelope, headers: res.headers, raw: res.body };
  };
  const post = async (path: string, payload: string | object, contentType = 'application/json') => {
    const res = await app.inject({
      method: 'POST',
      url: `${BASE}${path}`,
      headers: { 'content-type': contentType },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
    return { status: res.statusCode, body: res.json() as Envelope, headers: res.headers, raw: res.body };
  };

  before(async () => {
    reader = testCatalog();
    app = await ckanApp(reader);
  });
  after(() => app.close());

  test('the envelope: help, success and result, JSON, open to every origin', async () => {
    const res = await get('/api/3/action/package_list');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['access-control-allow-origin'], '*');
    assert.equal(res.body.success, true);
    assert.equal(res.body.help, `${SITE}${BASE}/api/3/action/help_show?name=package_list`);
    assert.deepEqual(res.body.result, DATASETS.map((d) => d.name).sort());
  });

  test('/api/action/… and /api/3/action/… answer the same, GET and POST', async () => {
    const a = await get('/api/3/action/package_show?id=harga-bahan-pokok-harian');
    const b = await get('/api/action/package_show?id=harga-bahan-pokok-harian');
    const c = await post('/api/action/package_show', { id: 'harga-bahan-pokok-harian' });
    const d = await post(
      '/api/3/action/package_show',
      'id=harga-bahan-pokok-harian',
      'application/x-www-form-urlencoded',
    );
    for (const res of [a, b, c, d]) assert.equal(res.status, 200);
    assert.deepEqual(b.body, a.body);
    assert.deepEqual(c.body, a.body);
    assert.deepEqual(d.body, a.body);
  });

  test('package_show: a package dict as CKAN’s, with Satu Data’s metadata in extras and versions on the resource', async () => {
    const { body } = await get('/api/3/action/package_show?id=9e8d7c6b-5a49-4382-9170-6f5e4d3c2b03');
    const p = body.result;
    assert.equal(p.name, 'harga-bahan-pokok-harian');
    assert.equal(p.type, 'dataset');
    assert.equal(p.state, 'active');
    assert.equal(p.private, false);
    assert.equal(p.metadata_modified, '2026-12-05T08:30:00.000000');
    assert.equal(p.metadata_created, '2026-01-02T01:00:00.000000');
    assert.equal(p.license_id, 'odc-odbl');
    assert.equal(p.isopen, true);
    assert.equal(p.num_resources, 2);
    assert.equal(p.num_tags, 3);
    assert.equal(p.owner_org, p.organization.id);
    assert.equal(p.organization.name, 'dinas-perindustrian-perdagangan');
    assert.equal(p.organization.is_organization, true);
    assert.deepEqual(
      p.groups.map((g: { name: string }) => g.name),
      ['perdagangan'],
    );
    assert.deepEqual(p.tags[0], {
      display_name: 'harga',
      id: p.tags[0].id,
      name: 'harga',
      state: 'active',
      vocabulary_id: null,
    });
    assert.match(p.tags[0].id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const extras = Object.fromEntries(p.extras.map((e: { key: string; value: string }) => [e.key, e.value]));
    assert.equal(extras.frequency, 'http://publications.europa.eu/resource/authority/frequency/DAILY');
    assert.equal(extras.temporal_start, '2026-01-01');
    assert.equal(extras.temporal_end, undefined, 'an open end is left out, not written empty');
    assert.equal(extras.sdi_classification, 'open');
    assert.equal(extras.sdi_feed, 'market-prices.published-prices');
    assert.equal(JSON.parse(extras.spatial).type, 'Polygon');
    for (const e of p.extras) assert.equal(typeof e.value, 'string');
    const r = p.resources[0];
    assert.equal(r.package_id, p.id);
    assert.equal(r.position, 0);
    assert.equal(p.resources[1].position, 1);
    assert.equal(r.url_type, 'upload');
    assert.equal(r.datastore_active, true);
    assert.equal(r.format, 'CSV');
    assert.equal(r.versions.length, 2);
    assert.equal(r.versions[0].version, 2);
    assert.equal(r.last_modified, '2026-12-05T08:30:00.000000');
  });

  test('package_search: count, results, sort, facets and search_facets as CKAN’s', async () => {
    const { status, body } = await get(
      '/api/3/action/package_search?q=kesehatan&facet.field=["organization","groups"]&rows=1',
    );
    assert.equal(status, 200);
    const r = body.result;
    assert.equal(r.count, 2);
    assert.equal(r.results.length, 1);
    assert.equal(r.sort, 'score desc, metadata_modified desc');
    assert.deepEqual(r.facets.organization, { 'dinas-kesehatan': 2 });
    assert.deepEqual(r.search_facets.organization, {
      title: 'organization',
      items: [{ name: 'dinas-kesehatan', display_name: 'Dinas Kesehatan', count: 2 }],
    });
    assert.equal(r.search_facets.groups.items[0].display_name, 'Kesehatan');
  });

  test('facet.field repeated in the query string is a list, as CKAN reads it', async () => {
    const { status, body } = await get(
      '/api/3/action/package_search?facet.field=tags&facet.field=groups&rows=0',
    );
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body.result.search_facets).sort(), ['groups', 'tags']);
  });

  test('search_facets items come sorted by display name, descending, as CKAN sorts them', async () => {
    const { body } = await get('/api/3/action/package_search?facet.field=["organization"]&rows=0');
    const names = body.result.search_facets.organization.items.map(
      (i: { display_name: string }) => i.display_name,
    );
    assert.deepEqual(names, [...names].sort().reverse());
    assert.equal(body.result.results.length, 0);
    assert.equal(body.result.count, DATASETS.length);
  });

  test('fq filters AND together; CKAN’s owner_org form is read by the organization’s name', async () => {
    const { body } = await get(
      `/api/3/action/package_search?fq=${encodeURIComponent('organization:dinas-kesehatan +res_format:CSV')}`,
    );
    assert.deepEqual(
      body.result.results.map((p: { name: string }) => p.name),
      ['jumlah-puskesmas-per-kecamatan'],
    );
    const byId = await get(
      `/api/3/action/package_search?fq=${encodeURIComponent('+owner_org:"0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b02"')}`,
    );
    assert.equal(byId.body.result.count, 2);
    const none = await get(`/api/3/action/package_search?fq=${encodeURIComponent('owner_org:not-an-org')}`);
    assert.equal(none.body.result.count, 0);
  });

  test('the harvester pages with start/rows and sort=id asc until an empty page, and gets each dataset once', async () => {
    const many = testCatalog(manyDatasets(250));
    const harvested = await ckanApp(many);
    try {
      const seen: string[] = [];
      let start = 0;
      let count = -1;
      for (;;) {
        const res = await harvested.inject(
          `${BASE}/api/3/action/package_search?rows=100&start=${start}&sort=id+asc`,
        );
        assert.equal(res.statusCode, 200);
        const body = res.json() as Envelope;
        count = body.result.count;
        assert.equal(body.result.sort, 'id asc');
        const page = body.result.results as { id: string }[];
        if (page.length === 0) break;
        seen.push(...page.map((p) => p.id));
        start += 100;
      }
      assert.equal(count, 250);
      assert.equal(seen.length, 250);
      assert.equal(new Set(seen).size, 250);
      assert.ok(many.searches.every((s) => s.sort === 'name asc'));
    } finally {
      await harvested.close();
    }
  });

  test('the harvester’s incremental fq: only datasets modified since, the bound included', async () => {
    const datasets: CatalogDataset[] = manyDatasets(30);
    const incremental = await ckanApp(testCatalog(datasets));
    try {
      // The harvester asks from an hour before its last run, in isoformat with microseconds and a Z.
      const since = datasets[20]!.modified.replace('.000Z', '.000000Z');
      const fq = encodeURIComponent(`metadata_modified:[${since} TO *]`);
      const res = await incremental.inject(
        `${BASE}/api/3/action/package_search?fq=${fq}&rows=100&start=0&sort=id+asc`,
      );
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as Envelope;
      assert.equal(body.result.count, 10);
      for (const p of body.result.results) assert.ok(p.metadata_modified >= since.slice(0, -1));
    } finally {
      await incremental.close();
    }
  });

  test('ckanapi’s RemoteCKAN: a POST of JSON, read through success, result and error.__type', async () => {
    // What RemoteCKAN('https://…/t/kota-tangerang').action.package_search(...) sends.
    const call = async (action: string, dataDict: object) => {
      const res = await app.inject({
        method: 'POST',
        url: `${BASE}/api/action/${action}`,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ckanapi/4.7 (+https://github.com/ckan/ckanapi)',
          authorization: 'not-a-balai-token',
        },
        payload: Buffer.from(JSON.stringify(dataDict), 'ascii'),
      });
      const parsed = JSON.parse(res.body);
      if (parsed.success) return parsed.result;
      const type = parsed?.error?.__type;
      throw Object.assign(new Error(type ?? 'CKANAPIError'), {
        status: res.statusCode,
        error: parsed?.error,
      });
    };
    const result = await call('package_search', { fq: 'tags:pasar', rows: 10, 'facet.field': ['tags'] });
    assert.equal(result.count, 2);
    assert.equal(result.search_facets.tags.items.find((i: { name: string }) => i.name === 'pasar').count, 2);
    await assert.rejects(call('package_show', { id: 'tidak-ada' }), (e: Error & { status: number }) => {
      assert.equal(e.message, 'Not Found Error');
      assert.equal(e.status, 404);
      return true;
    });
    await assert.rejects(
      call('package_search', { rows: -1 }),
      (e: Error & { status: number; error: Json }) => {
        assert.equal(e.message, 'Validation Error');
        assert.equal(e.status, 409);
        assert.ok(Array.isArray(e.error.rows));
        return true;
      },
    );
  });

  test('organization_list, organization_show, group_list, group_show', async () => {
    const names = await get('/api/3/action/organization_list');
    assert.deepEqual(names.body.result, [
      'dinas-kependudukan-pencatatan-sipil',
      'dinas-kesehatan',
      'dinas-pendidikan',
      'dinas-perindustrian-perdagangan',
    ]);
    const full = await get('/api/3/action/organization_list?all_fields=true&sort=package_count');
    assert.equal(full.body.result[0].package_count, 2);
    assert.equal(full.body.result[0].type, 'organization');
    assert.equal(full.body.result[0].is_organization, true);
    const one = await get('/api/3/action/organization_show?id=dinas-kesehatan&include_datasets=true');
    assert.equal(one.body.result.title, 'Dinas Kesehatan');
    assert.equal(one.body.result.package_count, 2);
    assert.equal(one.body.result.packages.length, 2);
    const byId = await get(`/api/3/action/organization_show?id=${one.body.result.id}`);
    assert.equal(byId.body.result.name, 'dinas-kesehatan');
    assert.equal(byId.body.result.packages, undefined);
    const groups = await get('/api/3/action/group_list?all_fields=true');
    const kesehatan = groups.body.result.find((g: { name: string }) => g.name === 'kesehatan');
    assert.equal(kesehatan.package_count, 3);
    assert.equal(kesehatan.is_organization, false);
    assert.equal(kesehatan.type, 'group');
    const group = await get('/api/3/action/group_show?id=pendidikan');
    assert.equal(group.body.result.display_name, 'Pendidikan');
    const limited = await get('/api/3/action/group_list?limit=2&offset=1');
    assert.deepEqual(limited.body.result, ['kesehatan', 'pendidikan']);
  });

  test('tag_list, resource_show, license_list, status_show, help_show, site_read', async () => {
    const tags = await get('/api/3/action/tag_list?query=pas');
    assert.deepEqual(tags.body.result, ['pasar']);
    const resource = await get('/api/3/action/resource_show?id=c1a2b3c4-0004-4d5e-8f90-a1b2c3d4e504');
    assert.equal(resource.body.result.format, 'JSON');
    assert.equal(resource.body.result.position, 1);
    assert.equal(resource.body.result.package_id, '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b03');
    const licenses = await get('/api/3/action/license_list');
    const ccBy = licenses.body.result.find((l: { id: string }) => l.id === 'cc-by');
    assert.equal(ccBy.od_conformance, 'approved');
    assert.equal(ccBy.domain_content, 'False', 'CKAN prints a licence’s flags as text');
    assert.ok(licenses.body.result.some((l: { id: string }) => l.id === 'CC-BY-4.0'));
    const status = await get('/api/3/action/status_show');
    assert.equal(status.body.result.ckan_version, '2.10.5');
    assert.equal(status.body.result.site_url, `${SITE}${BASE}`);
    assert.equal(status.body.result.site_title, 'Satu Data Kota Tangerang');
    assert.equal(status.body.result.locale_default, 'id');
    assert.deepEqual(status.body.result.extensions, ['datastore', 'dcat']);
    const help = await get('/api/3/action/help_show?name=package_search');
    assert.match(help.body.result, /fq/);
    assert.equal((await get('/api/3/action/site_read')).body.result, true);
  });

  test('datastore_search: fields with their dictionary, records, total, limit and links', async () => {
    const id = 'c1a2b3c4-0003-4d5e-8f90-a1b2c3d4e503';
    const res = await get(
      `/api/3/action/datastore_search?resource_id=${id}&filters=${encodeURIComponent('{"pasar":"Pasar Anyar"}')}&sort=${encodeURIComponent('harga desc')}&limit=2`,
    );
    assert.equal(res.status, 200);
    const r = res.body.result;
    assert.equal(r.resource_id, id);
    assert.equal(r.total, 4);
    assert.equal(r.limit, 2);
    assert.equal(r.records.length, 2);
    assert.deepEqual(
      r.records.map((x: { harga: number }) => x.harga),
      [55000, 52000],
    );
    assert.deepEqual(r.fields[0], { id: '_id', type: 'int' });
    assert.deepEqual(r.fields[4], {
      id: 'harga',
      type: 'int',
      info: { label: 'Harga', notes: 'Harga eceran rata-rata (Rp/kg)', type_override: '' },
    });
    assert.deepEqual(r.filters, { pasar: 'Pasar Anyar' });
    assert.match(r._links.start, /^\/t\/kota-tangerang\/api\/3\/action\/datastore_search\?/);
    assert.doesNotMatch(r._links.start, /offset=/);
    assert.match(r._links.next, /offset=2/);
    const next = await app.inject(r._links.next);
    assert.equal((next.json() as Envelope).result.records.length, 2);
    const last = await app.inject((next.json() as Envelope).result._links.next);
    assert.equal((last.json() as Envelope).result.records.length, 0);
  });

  test('datastore_search by POST, full text, fields, no total', async () => {
    const res = await post('/api/3/action/datastore_search', {
      id: 'c1a2b3c4-0003-4d5e-8f90-a1b2c3d4e503',
      q: 'bawang',
      fields: ['pasar', 'harga'],
      include_total: false,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.result.fields.map((f: { id: string }) => f.id),
      ['pasar', 'harga'],
    );
    assert.equal(res.body.result.records.length, 2);
    assert.equal(res.body.result.total, undefined);
    assert.match(res.body.result._links.next, /resource_id=c1a2b3c4/);
  });

  test('datastore_search refusals: unknown column by name, no datastore, a limited dataset', async () => {
    const bad = await get(
      `/api/3/action/datastore_search?resource_id=c1a2b3c4-0003-4d5e-8f90-a1b2c3d4e503&sort=nama+desc`,
    );
    assert.equal(bad.status, 409);
    assert.equal(bad.body.error.__type, 'Validation Error');
    assert.match(bad.body.error.sort[0], /nama/);
    for (const id of [
      'c1a2b3c4-0001-4d5e-8f90-a1b2c3d4e501',
      'c1a2b3c4-0006-4d5e-8f90-a1b2c3d4e506',
      'nope',
    ]) {
      const res = await get(`/api/3/action/datastore_search?resource_id=${id}`);
      assert.equal(res.status, 404, id);
      assert.equal(res.body.error.__type, 'Not Found Error');
    }
  });

  test('Not Found Error: 404, the envelope with success false and CKAN’s message prefix', async () => {
    for (const path of [
      '/api/3/action/package_show?id=tidak-ada',
      '/api/3/action/resource_show?id=tidak-ada',
      '/api/3/action/organization_show?id=tidak-ada',
      '/api/3/action/group_show?id=tidak-ada',
    ]) {
      const res = await get(path, { 'accept-language': 'en' });
      assert.equal(res.status, 404, path);
      assert.equal(res.body.success, false);
      assert.equal(res.body.error.__type, 'Not Found Error');
      assert.match(res.body.error.message, /^Not found: No .*(id|name)\./);
      // The id asked for is not repeated: another tenant's id must never come back in an answer.
      assert.doesNotMatch(res.body.error.message, /tidak-ada/);
      assert.match(res.body.help, /help_show\?name=/);
    }
  });

  test('Validation Error: 409 with each bad parameter’s messages, in the caller’s language', async () => {
    const en = await get('/api/3/action/package_search?rows=abc&start=-1&sort=views_recent+desc', {
      'accept-language': 'en',
    });
    assert.equal(en.status, 409);
    assert.equal(en.body.success, false);
    assert.equal(en.body.error.__type, 'Validation Error');
    assert.deepEqual(en.body.error.rows, ['Invalid integer']);
    assert.deepEqual(en.body.error.start, ['Must be a natural number']);
    assert.match(en.body.error.sort[0], /Unknown sort "views_recent desc"/);
    const id = await get('/api/3/action/package_search?rows=-1');
    assert.deepEqual(id.body.error.rows, ['Harus bilangan asli (0 atau lebih)']);
    assert.equal(id.body.error.__type, 'Validation Error', 'the type stays CKAN’s English key');
  });

  test('an unknown fq field is a clear Validation Error naming it and what is supported', async () => {
    const res = await get(`/api/3/action/package_search?fq=${encodeURIComponent('author:budi')}`, {
      'accept-language': 'en',
    });
    assert.equal(res.status, 409);
    assert.match(res.body.error.fq[0], /Unknown field "author" in fq\. Supported: organization, /);
    const or = await get(`/api/3/action/package_search?fq=${encodeURIComponent('tags:a OR groups:b')}`);
    assert.equal(or.status, 409);
    assert.equal(or.body.error.__type, 'Validation Error');
  });

  test('a missing id is a Validation Error on id', async () => {
    const res = await get('/api/3/action/package_show', { 'accept-language': 'en' });
    assert.equal(res.status, 409);
    assert.deepEqual(res.body.error.id, ['Missing value']);
  });

  test('an unknown action is CKAN’s bare "Bad request - Action name not known" with 400', async () => {
    for (const path of ['/api/3/action/package_searh', '/api/action/package_create']) {
      const res = await app.inject({
        method: 'GET',
        url: `${BASE}${path}`,
        headers: { 'accept-language': 'en' },
      });
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.equal(res.json(), `Bad request - Action name not known: ${path.split('/').pop()}`);
    }
    const post1 = await post('/api/3/action/package_delete', { id: 'x' });
    assert.equal(post1.status, 400);
  });

  test('a malformed JSON body is CKAN’s 400 "Bad request - JSON Error", and so is JSON that is not an object', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: `${BASE}/api/3/action/package_search`,
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"rows": 5',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json(), /^Bad request - JSON Error/);
    const list = await post('/api/3/action/package_search', '[1]');
    assert.equal(list.status, 400);
    assert.match(String(list.body), /^Permintaan tidak valid - Galat JSON/);
  });

  test('a GET and a POST of the same search ask the reader the same', async () => {
    reader.searches.length = 0;
    await get(
      `/api/3/action/package_search?q=pasar&fq=${encodeURIComponent('groups:perdagangan')}&rows=5&start=1&sort=${encodeURIComponent('metadata_modified desc')}&facet.field=${encodeURIComponent('["tags"]')}&facet.limit=3`,
    );
    await post('/api/3/action/package_search', {
      q: 'pasar',
      fq: 'groups:perdagangan',
      rows: 5,
      start: 1,
      sort: 'metadata_modified desc',
      'facet.field': ['tags'],
      'facet.limit': 3,
      include_private: true,
    });
    assert.equal(reader.searches.length, 2);
    assert.deepEqual(reader.searches[0], reader.searches[1]);
    assert.deepEqual(reader.searches[0], {
      text: 'pasar',
      filters: { groups: ['perdagangan'] },
      sort: 'metadata_modified desc',
      limit: 5,
      offset: 1,
      facets: ['tags'],
      facetLimit: 3,
    });
  });

  test('an error the reader did not expect is CKAN’s Internal Server Error, without its message', async () => {
    const failing = await ckanApp({
      ...testCatalog(),
      search: async () => {
        throw new Error('connection reset: secret detail');
      },
    });
    try {
      const res = await failing.inject(`${BASE}/api/3/action/package_search`);
      assert.equal(res.statusCode, 500);
      const body = res.json() as Envelope;
      assert.equal(body.error.__type, 'Internal Server Error');
      assert.doesNotMatch(res.body, /secret detail/);
    } finally {
      await failing.close();
    }
  });

  test('the CKAN parser and error answers stay on CKAN’s routes: the app’s other routes keep the platform’s', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `${BASE}/api/v1/open-data/items`,
      headers: { 'content-type': 'application/json' },
      payload: '{"title":',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(typeof res.json(), 'object', 'Fastify’s own error, not CKAN’s bare string');
    assert.notEqual(res.json().success, false);
  });
});
