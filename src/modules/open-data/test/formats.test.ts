/**
 * The catalogue's outward formats over a real catalogue, on the database the suite runs on:
 * datasets written through the staff API (drafted, uploaded, submitted, published) are read as
 * CKAN's harvester reads them (paging `package_search` until an empty page, then incrementally by
 * `metadata_modified`), as `ckanapi` reads one (POST JSON), through `datastore_search`, and as
 * DCAT-AP 3 — every page and dataset valid against the release's SHACL shapes. A draft, and a
 * `limited` dataset's rows, never show.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency } from '../../../platform/sdk/testing.ts';
import { assertConforms, parseJsonLd, parseTurtle } from '../dcat/shacl-check.ts';
import app from '../index.ts';
import { csvUpload, metadata } from './fixtures.ts';

const API = '/api/v1/open-data';
const SLUG = 'kota-data';
const DCAT = 'http://www.w3.org/ns/dcat#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
type H = Record<string, string>;

const KECAMATAN = ['Ciledug', 'Karawaci', 'Periuk', 'Cipondoh', 'Tangerang', 'Jatiuwung'];

describe(`the catalogue as CKAN and DCAT over real data (${DB_KIND})`, () => {
  let t: TestContext;
  let walidata: H;
  const published: string[] = [];
  let limitedName = '';
  let draftName = '';

  const call = (method: 'GET' | 'POST' | 'PUT', path: string, headers: H = {}, payload?: object | Buffer) =>
    t.app.inject({ method, url: `/t/${SLUG}${path}`, headers, ...(payload ? { payload } : {}) });
  const ckan = async (action: string, query = '') => {
    const res = await call('GET', `/api/3/action/${action}${query}`);
    return { status: res.statusCode, body: res.json() };
  };

  /** A dataset of `agencyId` with one CSV, published unless `draft`. */
  async function dataset(name: string, agencyId: string, extra: object = {}, draft = false, table?: string) {
    const made = await call('POST', `${API}/datasets`, walidata, {
      ...metadata,
      themes: [],
      agencyId,
      name,
      title: `Data ${name.replaceAll('-', ' ')}`,
      ...extra,
    });
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id as string;
    const csv =
      table ??
      ['Kecamatan,Jumlah Penduduk', ...KECAMATAN.map((k, i) => `${k},${150_000 + i * 1_000}`)].join('\n');
    const form = csvUpload(csv);
    const up = await t.app.inject({
      method: 'POST',
      url: `/t/${SLUG}${API}/datasets/${id}/uploads`,
      headers: { ...walidata, ...form.headers },
      payload: form.payload,
    });
    assert.equal(up.statusCode, 201, up.body);
    if (draft) return id;
    for (const step of ['submit', 'publish']) {
      const res = await call('POST', `${API}/datasets/${id}/${step}`, walidata);
      assert.equal(res.statusCode, 200, `${step}: ${res.body}`);
    }
    return id;
  }

  before(async () => {
    t = await startTest({ modules: [app] });
    const tenant = await makeTenant(t.platform, SLUG);
    await makeLive(t.platform, tenant.id, 'open-data');
    walidata = await bearerFor(t.app, SLUG, (await makeStaff(t.platform, tenant.id, ['tenant_admin'])).email);
    const [dukcapil, dinkes] = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan', kind: 'dinas' }),
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    ]);
    for (let i = 1; i <= 11; i += 1) {
      const name = `penduduk-${String(i).padStart(2, '0')}`;
      await dataset(name, (i % 2 ? dukcapil : dinkes)!.id);
      published.push(name);
    }
    limitedName = 'rekap-terbatas';
    await dataset(limitedName, dinkes!.id, { classification: 'limited' });
    published.push(limitedName);
    draftName = 'masih-draf';
    await dataset(draftName, dinkes!.id, {}, true);
  });
  after(async () => t?.close());

  test("CKAN's harvester pages through package_search until an empty page and gets each published dataset once", async () => {
    const seen: string[] = [];
    let count = -1;
    for (let start = 0; ; start += 5) {
      const { status, body } = await ckan('package_search', `?rows=5&start=${start}&sort=id+asc`);
      assert.equal(status, 200);
      assert.equal(body.success, true);
      count = body.result.count;
      if (body.result.results.length === 0) break;
      seen.push(...body.result.results.map((p: { name: string }) => p.name));
    }
    assert.equal(count, published.length);
    assert.deepEqual([...seen].sort(), [...published].sort());
    assert.ok(!seen.includes(draftName), 'a draft is never in the catalogue');
  });

  test('the incremental harvest asks only what changed since its last run', async () => {
    const since = new Date(Date.now() - 1).toISOString().replace('Z', '');
    const changed = published[3]!;
    const show = await ckan('package_show', `?id=${changed}`);
    const put = await call('PUT', `${API}/datasets/${show.body.result.id}`, walidata, {
      ...metadata,
      themes: [],
      name: changed,
      title: 'Jumlah Penduduk per Kecamatan (diperbarui)',
    });
    assert.equal(put.statusCode, 200, put.body);
    const fq = encodeURIComponent(`metadata_modified:[${since}Z TO *]`);
    const { body } = await ckan('package_search', `?fq=${fq}&rows=100`);
    assert.deepEqual(
      body.result.results.map((p: { name: string }) => p.name),
      [changed],
    );
    assert.equal(body.result.results[0].title, 'Jumlah Penduduk per Kecamatan (diperbarui)');
  });

  test('ckanapi reads a dataset by POST, follows its resource to the file and into the datastore', async () => {
    const res = await call(
      'POST',
      '/api/action/package_show',
      { 'content-type': 'application/json' },
      {
        id: published[0],
      },
    );
    assert.equal(res.statusCode, 200, res.body);
    const pkg = res.json().result;
    assert.equal(pkg.organization.name, 'disdukcapil');
    assert.equal(pkg.num_resources, 1);
    const resource = pkg.resources[0];
    assert.equal(resource.datastore_active, true);
    const file = await t.app.inject({ url: new URL(resource.url).pathname });
    assert.equal(file.statusCode, 200);
    assert.match(file.body, /^Kecamatan,Jumlah Penduduk/);
    const filters = encodeURIComponent(JSON.stringify({ kecamatan: 'Periuk' }));
    const rows = await ckan('datastore_search', `?resource_id=${resource.id}&filters=${filters}`);
    assert.equal(rows.status, 200, JSON.stringify(rows.body));
    assert.equal(rows.body.result.total, 1);
    assert.equal(rows.body.result.records[0].jumlah_penduduk, 152_000);
    const sorted = await ckan(
      'datastore_search',
      `?resource_id=${resource.id}&sort=jumlah_penduduk+desc&limit=2`,
    );
    assert.deepEqual(
      sorted.body.result.records.map((r: { kecamatan: string }) => r.kecamatan),
      ['Jatiuwung', 'Tangerang'],
    );
    const newest = await ckan('datastore_search', `?resource_id=${resource.id}&sort=_id+desc&limit=1`);
    assert.equal(newest.body.result.records[0].kecamatan, 'Jatiuwung', 'the last row first');
  });

  test('datastore_search refuses a sort it cannot read as a Validation Error, never a server error', async () => {
    const pkg = await ckan('package_show', `?id=${published[0]}`);
    const resource = pkg.body.result.resources[0].id as string;
    for (const sort of [
      '',
      ' ',
      ',',
      '"',
      '""',
      'x desc desc',
      '_id desc',
      'jumlah_penduduk  DESC',
      '\u0000',
    ]) {
      const res = await ckan('datastore_search', `?resource_id=${resource}&sort=${encodeURIComponent(sort)}`);
      assert.ok(
        res.status === 200 || res.status === 409,
        `sort=${JSON.stringify(sort)}: ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
  });

  test("a limited dataset's metadata is listed, its rows are not; an unknown fq field is a Validation Error", async () => {
    const pkg = await ckan('package_show', `?id=${limitedName}`);
    assert.equal(pkg.status, 200);
    const rows = await ckan('datastore_search', `?resource_id=${pkg.body.result.resources[0].id}`);
    assert.equal(rows.status, 404);
    assert.equal(rows.body.error.__type, 'Not Found Error');
    const bad = await ckan('package_search', `?fq=${encodeURIComponent('pemilik:dinkes')}`);
    assert.equal(bad.status, 409);
    assert.equal(bad.body.error.__type, 'Validation Error');
    const draft = await ckan('package_show', `?id=${draftName}`);
    assert.equal(draft.status, 404);
  });

  test('organizations and facets count the published datasets of each agency', async () => {
    const orgs = await ckan('organization_list', '?all_fields=true');
    const counts = Object.fromEntries(
      orgs.body.result.map((o: { name: string; package_count: number }) => [o.name, o.package_count]),
    );
    assert.deepEqual(counts, { disdukcapil: 6, dinkes: 6 });
    const facets = await ckan(
      'package_search',
      `?rows=0&facet.field=${encodeURIComponent('["organization"]')}`,
    );
    const items = facets.body.result.search_facets.organization.items as { name: string; count: number }[];
    assert.deepEqual(Object.fromEntries(items.map((i) => [i.name, i.count])), { disdukcapil: 6, dinkes: 6 });
  });

  test("the harvester's organization filters: several included (OR), or some excluded (-)", async () => {
    const names = async (fq: string) => {
      const { status, body } = await ckan('package_search', `?rows=100&fq=${encodeURIComponent(fq)}`);
      assert.equal(status, 200, JSON.stringify(body));
      return body.result.count as number;
    };
    assert.equal(await names('organization:disdukcapil OR organization:dinkes'), published.length);
    assert.equal(await names('organization:disdukcapil OR organization:tidak-ada'), 6);
    assert.equal(await names('-organization:dinkes'), 6);
    assert.equal(await names('-organization:dinkes -organization:disdukcapil'), 0);
  });

  test('DCAT-AP 3: the catalogue and each dataset, in Turtle and JSON-LD, conform to the SHACL shapes', async () => {
    const ttl = await call('GET', '/catalog.ttl');
    assert.equal(ttl.statusCode, 200, ttl.body);
    assert.match(String(ttl.headers['content-type']), /^text\/turtle/);
    const graph = parseTurtle(ttl.body);
    const datasets = graph.getQuads(null, RDF_TYPE, `${DCAT}Dataset`, null).length;
    assert.equal(datasets, published.length);
    await assertConforms(graph, 'the catalogue page in Turtle');
    const jsonld = await call('GET', '/catalog.jsonld');
    assert.equal(jsonld.statusCode, 200);
    await assertConforms(await parseJsonLd(jsonld.body), 'the catalogue page in JSON-LD');
    const one = await call('GET', `/dataset/${published[1]}.ttl`);
    assert.equal(one.statusCode, 200, one.body);
    await assertConforms(parseTurtle(one.body), 'a dataset in Turtle');
    const draft = await call('GET', `/dataset/${draftName}.ttl`);
    assert.equal(draft.statusCode, 404);
  });

  test("a filter on empty cells reads the resource's own rows only, never a draft's", async () => {
    const agencyId = (await ckan('organization_show', '?id=dinkes')).body.result.id as string;
    await dataset('catatan-terbit', agencyId, {}, false, 'Kecamatan,Keterangan\nCiledug,\nKarawaci,ada');
    await dataset('catatan-draf', agencyId, {}, true, 'Kecamatan,Keterangan\nRahasia Draf,\nPeriuk,');
    const pkg = await ckan('package_show', '?id=catatan-terbit');
    const res = await call(
      'POST',
      '/api/3/action/datastore_search',
      { 'content-type': 'application/json' },
      {
        resource_id: pkg.body.result.resources[0].id,
        filters: { keterangan: null },
      },
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().result.total, 1);
    assert.deepEqual(
      res.json().result.records.map((r: { kecamatan: string }) => r.kecamatan),
      ['Ciledug'],
    );
    assert.doesNotMatch(res.body, /Rahasia Draf/);
  });
});
