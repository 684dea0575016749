/**
 * OGC API – Features – Part 1: Core (OGC 17-069r4) at `/t/<slug>/ogc`, checked against the
 * standard's requirements, each test naming those it checks (`/req/core/…`, `/req/geojson/…`,
 * `/req/html/…`, `/req/oas30/…`), in the order of its abstract test suite (Annex A). The
 * collections are an uploaded layer (with a time property) and a live app's layer offered through
 * the kernel; staff-only layers of both kinds are seen only with a token holding their permission.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, grantRole } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';
import { healthCentres, upload } from './fixtures.ts';
import { layersApp, REPORTS } from './layers-app.ts';

type Link = { href: string; rel: string; type: string };

const BASE = '/t/kota-a/ogc';
const GEOJSON = 'application/geo+json';
const OPENAPI = 'application/vnd.oai.openapi+json;version=3.0';
const CENTRES = healthCentres(25).features;

describe(`OGC API Features conformance (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  let agencyAdmin: Record<string, string>;

  /** GET of a path under the service, or of a link's absolute href. */
  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'GET',
      url: path.startsWith('http')
        ? new URL(path).pathname + new URL(path).search
        : path.startsWith('/t/')
          ? path
          : `${BASE}${path}`,
      headers,
    });
  const json = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    assert.equal(res.statusCode, 200, `${path}: ${res.body.slice(0, 300)}`);
    return res.json() as Json;
  };
  const link = (doc: Json, rel: string, type?: string): Link => {
    const found = (doc.links as Link[]).find((l) => l.rel === rel && (!type || l.type === type));
    assert.ok(found, `no ${rel} link${type ? ` of ${type}` : ''}`);
    return found;
  };
  const everyLinkTyped = (doc: Json) => {
    for (const l of doc.links as Link[])
      assert.ok(l.rel && l.type && l.href.startsWith('http'), JSON.stringify(l));
  };
  const ids = (doc: Json) => (doc.features as Json[]).map((f) => f.id);

  before(async () => {
    t = await startTest({ modules: [app, layersApp] });
    const a = await makeTenant(t.platform, 'kota-a');
    await makeLive(t.platform, a.id, 'maps');
    await makeLive(t.platform, a.id, 'uji-lapisan');
    admin = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    viewer = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['viewer'])).email);
    const agency = await t.platform.inTenant(a.id, SYSTEM_ACTOR, (scope) =>
      createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    );
    const head = await makeStaff(t.platform, a.id, []);
    await t.platform.inTenant(a.id, SYSTEM_ACTOR, (scope) =>
      grantRole(scope, head.id, { role: 'agency_admin', agencyId: agency.id }),
    );
    agencyAdmin = await bearerFor(t.app, 'kota-a', head.email);
    const pub = await upload(
      t.app,
      'kota-a',
      admin,
      {
        title: 'Puskesmas',
        name: 'puskesmas',
        access: 'public',
        timeProperty: 'dibuka',
        licence: 'CC-BY-4.0',
      },
      JSON.stringify({ type: 'FeatureCollection', features: CENTRES }),
    );
    assert.equal(pub.statusCode, 201, pub.body);
    const staff = await upload(
      t.app,
      'kota-a',
      admin,
      { title: 'Aset rahasia', name: 'aset', access: 'staff' },
      JSON.stringify(healthCentres(3)),
    );
    assert.equal(staff.statusCode, 201, staff.body);
  });
  after(() => t.close());

  test('/req/core/root-op, /req/core/root-success: the landing page links the API definition, conformance and data', async () => {
    const doc = await json('');
    assert.ok(doc.title && doc.description);
    link(doc, 'self');
    link(doc, 'alternate', 'text/html');
    link(doc, 'service-desc', OPENAPI);
    link(doc, 'service-doc', 'text/html');
    link(doc, 'conformance');
    link(doc, 'data');
    everyLinkTyped(doc);
    const slash = await get('/t/kota-a/ogc/?f=json');
    assert.equal(slash.statusCode, 301);
    assert.match(String(slash.headers.location), /\/t\/kota-a\/ogc\?f=json$/);
  });

  test('/req/core/api-definition-op, /req/core/api-definition-success, /req/oas30/oas-definition-1, /req/oas30/oas-definition-2: the OpenAPI 3.0 definition, and its HTML', async () => {
    const landing = await json('');
    const desc = link(landing, 'service-desc');
    const res = await get(desc.href, { accept: desc.type });
    assert.equal(res.statusCode, 200);
    assert.match(
      String(res.headers['content-type']),
      /^application\/vnd\.oai\.openapi\+json; ?version="?3\.0/,
    );
    const api = res.json();
    assert.match(api.openapi, /^3\.0\.\d$/);
    assert.ok(api.info.title && api.info.version);
    for (const path of [
      '/',
      '/conformance',
      '/api',
      '/collections',
      '/collections/{collectionId}',
      '/collections/{collectionId}/items',
      '/collections/{collectionId}/items/{featureId}',
    ])
      assert.ok(api.paths[path]?.get?.responses?.['200'], `no ${path}`);
    const doc = link(landing, 'service-doc');
    const html = await get(doc.href, { accept: 'text/html' });
    assert.equal(html.statusCode, 200);
    assert.match(String(html.headers['content-type']), /^text\/html/);
    assert.match(html.body, /getFeatures/);
  });

  test('/req/oas30/completeness, /req/oas30/security, /req/core/fc-limit-definition, /req/core/fc-bbox-definition, /req/core/fc-time-definition: the definition names every status, the bearer scheme and the items parameters', async () => {
    const api = await json('/api?f=json');
    const items = api.paths['/collections/{collectionId}/items'].get;
    assert.deepEqual(Object.keys(items.responses).sort(), ['200', '400', '404', '500']);
    assert.equal(api.components.securitySchemes.bearer.scheme, 'bearer');
    const param = (name: string) => {
      const ref = items.parameters.find((p: Json) => p.$ref.endsWith(`/${name}`));
      assert.ok(ref, `no ${name}`);
      return api.components.parameters[name];
    };
    assert.deepEqual(param('limit').schema, { type: 'integer', minimum: 1, maximum: 10000, default: 10 });
    assert.deepEqual(
      [param('limit').in, param('limit').required, param('limit').style, param('limit').explode],
      ['query', false, 'form', false],
    );
    assert.equal(param('bbox').schema.type, 'array');
    assert.equal(param('bbox').schema.minItems, 4);
    assert.equal(param('datetime').schema.type, 'string');
    assert.deepEqual(api.components.parameters.collectionId.schema.enum.sort(), [
      'puskesmas',
      'uji-lapisan_laporan',
    ]);
  });

  test('/req/core/conformance-op, /req/core/conformance-success: core, OpenAPI 3.0, GeoJSON and HTML', async () => {
    const doc = await json('/conformance');
    for (const c of ['core', 'oas30', 'geojson', 'html'])
      assert.ok(doc.conformsTo.includes(`http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/${c}`), c);
  });

  test('/req/core/query-param-unknown: a parameter the definition does not name is 400', async () => {
    for (const path of [
      '?foo=1',
      '/conformance?foo=1',
      '/collections?limit=5',
      '/collections/puskesmas?bbox=1,2,3,4',
      '/collections/puskesmas/items?filter=x',
      '/collections/puskesmas/items/1?limit=1',
    ]) {
      const res = await get(path);
      assert.equal(res.statusCode, 400, path);
      assert.match(String(res.headers['content-type']), /problem\+json/);
    }
  });

  test('/req/core/query-param-invalid: an invalid value is 400 (a bbox of 3 or 6 numbers, limit 0, a bad datetime or format)', async () => {
    const items = '/collections/puskesmas/items';
    for (const q of [
      'bbox=106,-6,107',
      'bbox=a,b,c,d',
      'bbox=106,-6,0,107,-5,0',
      'bbox=106,-5,107,-6',
      'bbox=200,-6,201,-5',
      'limit=0',
      'limit=abc',
      'offset=-1',
      'datetime=kemarin',
      'datetime=2026-03-01',
      'datetime=../..',
      'datetime=2026-05-01T00:00:00Z/2026-01-01T00:00:00Z',
      'f=xml',
    ]) {
      const res = await get(`${items}?${q}`, { 'accept-language': 'en' });
      assert.equal(res.statusCode, 400, q);
    }
    const six = await get(`${items}?bbox=106,-6.3,0,107,-6,10`, { 'accept-language': 'en' });
    assert.match(six.json().errors[0].message, /six-number bbox .* not supported/);
  });

  test('/req/core/fc-md-op, /req/core/fc-md-success, /req/core/fc-md-links, /req/core/fc-md-items, /req/core/fc-md-items-links, /req/core/fc-md-extent: the collections, each with items links and an extent holding all its features', async () => {
    const doc = await json('/collections');
    link(doc, 'self', 'application/json');
    link(doc, 'alternate', 'text/html');
    everyLinkTyped(doc);
    assert.deepEqual(
      doc.collections.map((c: Json) => c.id),
      ['puskesmas', 'uji-lapisan_laporan'],
    );
    for (const c of doc.collections) {
      link(c, 'items', GEOJSON);
      link(c, 'items', 'text/html');
      everyLinkTyped(c);
      assert.equal(c.extent.spatial.crs, 'http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    }
    const [w, s, e, n] = doc.collections[0].extent.spatial.bbox[0];
    for (const f of CENTRES) {
      const [x, y] = f.geometry.coordinates as [number, number];
      assert.ok(x >= w && x <= e && y >= s && y <= n, 'every feature inside the extent');
    }
    const [start, end] = doc.collections[0].extent.temporal.interval[0];
    const times = CENTRES.map((f) => new Date(f.properties.dibuka as string).getTime());
    assert.equal(new Date(start).getTime(), Math.min(...times));
    assert.equal(new Date(end).getTime(), Math.max(...times));
    assert.deepEqual(doc.collections[1].extent.temporal.interval[0], [
      REPORTS[0]!.properties.at,
      REPORTS.at(-1)!.properties.at,
    ]);
  });

  test('/req/core/sfc-md-op, /req/core/sfc-md-success: each collection alone says what the list says; an unknown one is 404', async () => {
    const list = await json('/collections');
    for (const c of list.collections) {
      const one = await json(`/collections/${c.id}`);
      for (const key of ['id', 'title', 'description', 'extent']) assert.deepEqual(one[key], c[key], key);
      link(one, 'self');
      link(one, 'alternate', 'text/html');
    }
    assert.equal((await get('/collections/tidak-ada')).statusCode, 404);
    assert.equal((await get('/collections/tidak-ada/items')).statusCode, 404);
  });

  test('/req/core/fc-op, /req/core/fc-response, /req/core/fc-limit-response-1: 10 by default, the limit asked, and a limit above 10,000 is not an error', async () => {
    assert.equal((await json('/collections/puskesmas/items')).features.length, 10);
    assert.equal((await json('/collections/puskesmas/items?limit=7')).features.length, 7);
    const big = await json('/collections/puskesmas/items?limit=50000');
    assert.equal(big.features.length, 25);
    assert.ok(!(big.links as Link[]).some((l) => l.rel === 'next'));
    assert.equal((await json('/collections/uji-lapisan_laporan/items?limit=4')).features.length, 4);
  });

  test('/req/core/fc-bbox-response, /req/core/crs84: only features in the box, in CRS84 as uploaded', async () => {
    const box = [106.62, -6.2, 106.7, -6.18];
    const expected = CENTRES.map((f, i) => ({ f, id: String(i + 1) })).filter(({ f }) => {
      const [x, y] = f.geometry.coordinates as [number, number];
      return x >= box[0]! && x <= box[2]! && y >= box[1]! && y <= box[3]!;
    });
    assert.ok(expected.length > 2 && expected.length < CENTRES.length);
    const doc = await json(`/collections/puskesmas/items?bbox=${box.join(',')}&limit=100`);
    assert.deepEqual(
      ids(doc),
      expected.map((e) => e.id),
    );
    assert.deepEqual(doc.features[0].geometry, expected[0]!.f.geometry);
    assert.equal(doc.numberMatched, expected.length);
    const reports = await json(
      `/collections/uji-lapisan_laporan/items?bbox=106.6,-6.25,106.62,-6.2&limit=100`,
    );
    assert.deepEqual(ids(reports), ['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  test('/req/core/fc-time-response: an instant, closed and open intervals (.. and empty)', async () => {
    const at = (f: Json) => new Date(f.properties.dibuka).getTime();
    const count = async (q: string) =>
      (await json(`/collections/puskesmas/items?limit=100&datetime=${encodeURIComponent(q)}`)).numberMatched;
    const march = [Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-05-31T23:59:59Z')];
    const within = CENTRES.filter((f) => at(f) >= march[0]! && at(f) <= march[1]!).length;
    assert.ok(within > 0 && within < CENTRES.length);
    assert.equal(await count('2026-03-01T00:00:00Z/2026-05-31T23:59:59Z'), within);
    const after = CENTRES.filter((f) => at(f) >= march[0]!).length;
    assert.equal(await count('2026-03-01T00:00:00Z/..'), after);
    assert.equal(await count('2026-03-01T00:00:00Z/'), after);
    assert.equal(await count('../2026-05-31T23:59:59Z'), CENTRES.filter((f) => at(f) <= march[1]!).length);
    assert.equal(
      await count('2026-03-15T08:00:00+07:00'),
      CENTRES.filter((f) => at(f) === Date.parse('2026-03-15T01:00:00Z')).length,
    );
    const reports = await json(
      `/collections/uji-lapisan_laporan/items?datetime=${encodeURIComponent('2026-11-10T00:00:00Z/2026-11-12T23:00:00Z')}`,
    );
    assert.deepEqual(ids(reports), ['r10', 'r11', 'r12']);
  });

  test('/req/core/fc-links, /req/core/fc-rel-type, /req/core/fc-timeStamp, /req/core/fc-numberMatched, /req/core/fc-numberReturned: paging by next links gives every feature once', async () => {
    let doc = await json('/collections/puskesmas/items?limit=10&bbox=106,-7,108,-6');
    const seen: string[] = [];
    const started = Date.now();
    for (;;) {
      everyLinkTyped(doc);
      link(doc, 'self', GEOJSON);
      link(doc, 'alternate', 'text/html');
      assert.equal(doc.numberMatched, 25);
      assert.equal(doc.numberReturned, doc.features.length);
      assert.ok(Math.abs(Date.parse(doc.timeStamp) - started) < 60_000);
      seen.push(...ids(doc));
      const next = (doc.links as Link[]).find((l) => l.rel === 'next');
      if (!next) break;
      assert.match(next.href, /bbox=106%2C-7%2C108%2C-6|bbox=106,-7,108,-6/);
      doc = await json(next.href);
      link(doc, 'prev', GEOJSON);
    }
    assert.deepEqual(
      seen,
      CENTRES.map((_, i) => String(i + 1)),
    );
  });

  test('/req/core/f-op, /req/core/f-success, /req/core/f-links: one feature with self, alternate and collection links; an unknown one is 404', async () => {
    const res = await get('/collections/puskesmas/items/3');
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.equal(doc.type, 'Feature');
    assert.equal(doc.id, '3');
    assert.deepEqual(doc.properties, CENTRES[2]!.properties);
    link(doc, 'self', GEOJSON);
    link(doc, 'alternate', 'text/html');
    link(doc, 'collection', 'application/json');
    everyLinkTyped(doc);
    assert.equal((await json('/collections/uji-lapisan_laporan/items/r7')).properties.status, 'baru');
    for (const id of ['99', '0', 'abc', '1e3'])
      assert.equal((await get(`/collections/puskesmas/items/${id}`)).statusCode, 404, id);
    assert.equal((await get('/collections/uji-lapisan_laporan/items/r99')).statusCode, 404);
  });

  test('/req/geojson/definition, /req/geojson/content: features as application/geo+json, the rest as application/json', async () => {
    const types = async (path: string) => String((await get(path)).headers['content-type']);
    assert.match(await types('/collections/puskesmas/items'), /^application\/geo\+json/);
    assert.match(await types('/collections/puskesmas/items/1'), /^application\/geo\+json/);
    for (const path of ['', '/conformance', '/collections', '/collections/puskesmas'])
      assert.match(await types(path), /^application\/json/, path);
    const fc = await json('/collections/puskesmas/items', { accept: GEOJSON });
    assert.equal(fc.type, 'FeatureCollection');
    assert.ok(Array.isArray(fc.links));
  });

  test('/req/html/definition, /req/html/content: every resource as an HTML 5 page, by f=html or by Accept, its links as <a>', async () => {
    for (const path of [
      '',
      '/conformance',
      '/api',
      '/collections',
      '/collections/puskesmas',
      '/collections/puskesmas/items',
      '/collections/puskesmas/items/1',
    ]) {
      for (const [query, headers] of [
        ['?f=html', {}],
        ['', { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }],
      ] as const) {
        const res = await get(`${path}${query}`, headers);
        assert.equal(res.statusCode, 200, path);
        assert.match(String(res.headers['content-type']), /^text\/html/, path);
        assert.match(res.body, /^<!doctype html>/i);
        assert.match(res.body, /<a href="http[^"]+" rel="self"/);
      }
    }
    const items = await get('/collections/puskesmas/items?f=html');
    assert.match(items.body, /Puskesmas 1/);
    assert.match(items.body, /rel="next"/);
  });

  test('staff-only layers: hidden from the public (not listed, 404), seen with a token that holds their permission', async () => {
    const listed = async (headers: Record<string, string> = {}) =>
      (await json('/collections', headers)).collections.map((c: Json) => c.id);
    assert.deepEqual(await listed(), ['puskesmas', 'uji-lapisan_laporan']);
    assert.equal((await get('/collections/aset')).statusCode, 404);
    assert.equal((await get('/collections/aset/items')).statusCode, 404);
    assert.equal((await get('/collections/uji-lapisan_internal/items')).statusCode, 404);
    // A viewer reads the app's uploaded layers, not the other app's staff layer.
    assert.deepEqual((await listed(viewer)).sort(), ['aset', 'puskesmas', 'uji-lapisan_laporan']);
    assert.equal((await get('/collections/uji-lapisan_internal', viewer)).statusCode, 404);
    // The permission held for one agency does not open a layer of the whole tenant's data.
    assert.ok(!(await listed(agencyAdmin)).includes('uji-lapisan_internal'));
    assert.equal((await get('/collections/uji-lapisan_internal/items', agencyAdmin)).statusCode, 404);
    assert.deepEqual((await listed(admin)).sort(), [
      'aset',
      'puskesmas',
      'uji-lapisan_internal',
      'uji-lapisan_laporan',
    ]);
    const items = await get('/collections/aset/items', admin);
    assert.equal(items.statusCode, 200);
    assert.equal(items.json().numberMatched, 3);
    assert.match(String(items.headers['cache-control']), /private/);
    assert.equal((await json('/collections/uji-lapisan_internal/items', admin)).numberMatched, 3);
  });
});
