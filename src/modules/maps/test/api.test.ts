/**
 * WebGIS's staff API, on the database the suite runs on: a layer uploaded (fields and file),
 * listed, changed, its data replaced and deleted; a broken file refused with the feature's number
 * in the caller's language and nothing stored; who may do what; another tenant gets nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency, createUser, grantRole } from '../../../platform/sdk/testing.ts';
import app from '../index.ts';
import { healthCentres, point, upload } from './fixtures.ts';

const LAYERS = '/api/v1/maps/layers';
const fixture = (name: string) => readFileSync(new URL(`../formats/fixtures/${name}`, import.meta.url));

describe(`WebGIS staff API (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  let otherAdmin: Record<string, string>;
  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    slug: string,
    path: string,
    headers = {},
    payload?: object,
  ) => t.app.inject({ method, url: `/t/${slug}${path}`, headers, ...(payload ? { payload } : {}) });
  const count = async () => (await call('GET', 'kota-a', LAYERS, admin)).json().layers.length;

  before(async () => {
    t = await startTest({ modules: [app] });
    const a = await makeTenant(t.platform, 'kota-a');
    const b = await makeTenant(t.platform, 'kota-b');
    admin = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    viewer = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['viewer'])).email);
    otherAdmin = await bearerFor(
      t.app,
      'kota-b',
      (await makeStaff(t.platform, b.id, ['tenant_admin'])).email,
    );
    await makeLive(t.platform, b.id, 'maps');
  });
  after(() => t.close());

  test('the app answers 404 until the tenant takes it live', async () => {
    assert.equal((await call('GET', 'kota-a', LAYERS, admin)).statusCode, 404);
    assert.equal((await call('GET', 'kota-a', '/ogc')).statusCode, 404);
    await makeLive(t.platform, t.platform.directory.bySlug('kota-a')!.id, 'maps');
    assert.equal((await call('GET', 'kota-a', LAYERS, admin)).statusCode, 200);
  });

  test('an administrator uploads a layer with its metadata; it is listed with its count, box and properties', async () => {
    const checklist = async () => (await call('GET', 'kota-a', '/api/v1/setup/maps', admin)).json();
    assert.equal((await checklist()).done, false);
    const res = await upload(
      t.app,
      'kota-a',
      admin,
      {
        title: 'Puskesmas Kota A',
        attribution: 'Dinas Kesehatan',
        licence: 'CC-BY-4.0',
        access: 'public',
        color: '#2E7D32',
      },
      JSON.stringify(healthCentres(12)),
    );
    assert.equal(res.statusCode, 201, res.body);
    const layer = res.json();
    assert.equal(layer.name, 'puskesmas-kota-a');
    assert.equal(layer.featureCount, 12);
    assert.equal(layer.geometryType, 'Point');
    assert.equal(layer.style.color, '#2e7d32');
    assert.deepEqual(layer.bbox, [106.6, -6.2, 106.71, -6.189]);
    assert.deepEqual(
      layer.attributes.map((p: { name: string; type: string }) => `${p.name}:${p.type}`),
      ['nama:string', 'jenis:string', 'dibuka:string'],
    );
    const shown = await call('GET', 'kota-a', `${LAYERS}/${layer.id}`, viewer);
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.json().attribution, 'Dinas Kesehatan');
    assert.equal((await checklist()).done, true);
    // Without a title, the file's name names it; a second layer of the same name gets its own.
    const second = await upload(
      t.app,
      'kota-a',
      admin,
      {},
      JSON.stringify(healthCentres(2)),
      'Puskesmas Kota A.geojson',
    );
    assert.equal(second.statusCode, 201, second.body);
    assert.equal(second.json().name, 'puskesmas-kota-a-2');
    assert.equal(second.json().access, 'staff');
  });

  test('a broken file is refused naming the feature, in Indonesian or English, and nothing is stored', async () => {
    const before = await count();
    const broken = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        point(106.6, -6.2),
        point(106.61, -6.21),
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [106.6, -6.2],
                [106.7, -6.2],
                [106.7, -6.3],
              ],
            ],
          },
        },
      ],
    });
    const id = await upload(t.app, 'kota-a', admin, { title: 'Rusak' }, broken);
    assert.equal(id.statusCode, 400, id.body);
    assert.equal(id.json().errors[0].path, '/body/file');
    assert.match(id.json().errors[0].message, /fitur ke-3/);
    const en = await upload(
      t.app,
      'kota-a',
      { ...admin, 'accept-language': 'en' },
      { title: 'Broken' },
      broken,
    );
    assert.match(en.json().errors[0].message, /feature 3/);
    const projected = JSON.stringify({ type: 'FeatureCollection', features: [point(695000, 9315000)] });
    const utm = await upload(t.app, 'kota-a', { ...admin, 'accept-language': 'en' }, {}, projected);
    assert.match(utm.json().errors[0].message, /WGS 84/);
    const zip = await upload(
      t.app,
      'kota-a',
      admin,
      {},
      Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]),
      'a.zip',
    );
    assert.equal(zip.statusCode, 400);
    assert.equal(zip.json().errors[0].code, 'maps_file_zip_corrupt');
    const badField = await upload(
      t.app,
      'kota-a',
      admin,
      { access: 'everyone' },
      JSON.stringify(healthCentres(1)),
    );
    assert.equal(badField.statusCode, 400);
    assert.equal(badField.json().errors[0].path, '/body/access');
    const badTime = await upload(
      t.app,
      'kota-a',
      admin,
      { timeProperty: 'nama' },
      JSON.stringify(healthCentres(2)),
    );
    assert.equal(badTime.statusCode, 400);
    assert.equal(badTime.json().errors[0].code, 'maps_file_time_invalid');
    assert.equal(await count(), before);
  });

  test('metadata, style by property with its legend, and visibility change; the data is replaced; the layer is deleted', async () => {
    const [layer] = (await call('GET', 'kota-a', LAYERS, admin)).json().layers;
    const style = {
      color: '#2e7d32',
      by: {
        property: 'jenis',
        values: [
          { value: 'Puskesmas', color: '#2e7d32', label: { id: 'Puskesmas', en: 'Health centre' } },
          { value: 'Pustu', color: '#ef6c00', label: { id: 'Pustu', en: 'Auxiliary post' } },
        ],
      },
    };
    const changed = await call('PATCH', 'kota-a', `${LAYERS}/${layer.id}`, admin, {
      title: 'Fasilitas kesehatan',
      description: null,
      style,
      access: 'staff',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().title, 'Fasilitas kesehatan');
    assert.equal(changed.json().access, 'staff');
    assert.deepEqual(changed.json().style, style);
    const unknown = await call('PATCH', 'kota-a', `${LAYERS}/${layer.id}`, admin, {
      style: { ...style, by: { ...style.by, property: 'kelas' } },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().errors[0].path, '/body/style/by/property');
    const replaced = await upload(
      t.app,
      'kota-a',
      admin,
      {},
      JSON.stringify(healthCentres(3)),
      'baru.geojson',
      `/t/kota-a${LAYERS}/${layer.id}/data`,
      'PUT',
    );
    assert.equal(replaced.statusCode, 200, replaced.body);
    assert.equal(replaced.json().featureCount, 3);
    assert.equal(replaced.json().title, 'Fasilitas kesehatan');
    const before = await count();
    assert.equal((await call('DELETE', 'kota-a', `${LAYERS}/${layer.id}`, admin)).statusCode, 204);
    assert.equal(await count(), before - 1);
    assert.equal((await call('GET', 'kota-a', `${LAYERS}/${layer.id}`, admin)).statusCode, 404);
  });

  test('a viewer reads but does not manage; nobody signed in reads nothing; another tenant gets nothing of A', async () => {
    assert.equal((await call('GET', 'kota-a', LAYERS, viewer)).statusCode, 200);
    assert.equal((await call('GET', 'kota-a', LAYERS)).statusCode, 401);
    const byViewer = await upload(
      t.app,
      'kota-a',
      viewer,
      { title: 'Dari penonton' },
      JSON.stringify(healthCentres(1)),
    );
    assert.equal(byViewer.statusCode, 403);
    const [layer] = (await call('GET', 'kota-a', LAYERS, admin)).json().layers;
    assert.equal((await call('DELETE', 'kota-a', `${LAYERS}/${layer.id}`, viewer)).statusCode, 403);
    const foreign = await call('GET', 'kota-a', LAYERS, otherAdmin);
    assert.ok([401, 403].includes(foreign.statusCode), foreign.body);
    assert.equal((await call('GET', 'kota-b', `${LAYERS}/${layer.id}`, otherAdmin)).statusCode, 404);
    assert.equal((await call('DELETE', 'kota-b', `${LAYERS}/${layer.id}`, otherAdmin)).statusCode, 404);
    assert.deepEqual((await call('GET', 'kota-b', LAYERS, otherAdmin)).json().layers, []);
  });
  test('an agency administrator manages the layers of their agency only', async () => {
    const tenantId = t.platform.directory.bySlug('kota-a')!.id;
    const { dinkes, dishub, email } = await t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      const dinkes = (await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }))
        .id;
      const dishub = (await createAgency(scope, { code: 'DISHUB', name: 'Dinas Perhubungan', kind: 'dinas' }))
        .id;
      const email = 'admin-dinkes@example.go.id';
      const userId = await createUser(scope, {
        kind: 'staff',
        displayName: 'Admin Dinkes',
        email,
        nip: '198503122011051999',
        password: PASSWORD,
      });
      await grantRole(scope, userId, { role: 'agency_admin', agencyId: dinkes });
      return { dinkes, dishub, email };
    });
    const agencyAdmin = await bearerFor(t.app, 'kota-a', email);
    const file = JSON.stringify(healthCentres(2));
    const own = await upload(
      t.app,
      'kota-a',
      agencyAdmin,
      { title: 'Puskesmas Dinkes', agencyId: dinkes },
      file,
    );
    assert.equal(own.statusCode, 201, own.body);
    const other = await upload(
      t.app,
      'kota-a',
      agencyAdmin,
      { title: 'Halte Dishub', agencyId: dishub },
      file,
    );
    assert.equal(other.statusCode, 400, other.body);
    assert.equal(other.json().errors[0].path, '/body/agencyId');
    const none = await upload(t.app, 'kota-a', agencyAdmin, { title: 'Tanpa instansi' }, file);
    assert.equal(none.statusCode, 400, none.body);
    const byAdmin = await upload(t.app, 'kota-a', admin, { title: 'Halte', agencyId: dishub }, file);
    assert.equal(byAdmin.statusCode, 201, byAdmin.body);
    const path = (id: string) => `${LAYERS}/${id}`;
    assert.equal(
      (await call('PATCH', 'kota-a', path(own.json().id), agencyAdmin, { access: 'public' })).statusCode,
      200,
    );
    assert.equal(
      (await call('PATCH', 'kota-a', path(byAdmin.json().id), agencyAdmin, { access: 'public' })).statusCode,
      403,
    );
    assert.equal((await call('DELETE', 'kota-a', path(byAdmin.json().id), agencyAdmin)).statusCode, 403);
    assert.equal((await call('DELETE', 'kota-a', path(own.json().id), agencyAdmin)).statusCode, 204);
  });

  test('a zipped Shapefile in UTM 48S and a KML become layers in CRS84; a Shapefile without .prj is refused', async () => {
    const shp = await upload(
      t.app,
      'kota-a',
      admin,
      { access: 'public' },
      fixture('points-32748.shp.zip'),
      'titik.zip',
    );
    assert.equal(shp.statusCode, 201, shp.body);
    const expected = JSON.parse(fixture('points-32748.expected.geojson').toString()) as {
      features: { geometry: { coordinates: [number, number] } }[];
    };
    assert.equal(shp.json().featureCount, expected.features.length);
    const items = await t.app.inject({
      url: `/t/kota-a/ogc/collections/${shp.json().name}/items?limit=100`,
      headers: { accept: 'application/geo+json' },
    });
    assert.equal(items.statusCode, 200, items.body);
    const got = items
      .json()
      .features.map((f: { geometry: { coordinates: number[] } }) => f.geometry.coordinates);
    // GDAL's own reprojection of the same points, to a millionth of a degree.
    for (const [i, f] of expected.features.entries()) {
      assert.ok(Math.abs(got[i][0] - f.geometry.coordinates[0]) < 1e-6, `point ${i + 1} longitude`);
      assert.ok(Math.abs(got[i][1] - f.geometry.coordinates[1]) < 1e-6, `point ${i + 1} latitude`);
    }
    const kml = await upload(t.app, 'kota-a', admin, {}, fixture('multigeometry.kml'), 'batas.kml');
    assert.equal(kml.statusCode, 201, kml.body);
    const before = await count();
    const noPrj = await upload(
      t.app,
      'kota-a',
      { ...admin, 'accept-language': 'en' },
      {},
      fixture('points-noprj.shp.zip'),
      'tanpa-prj.zip',
    );
    assert.equal(noPrj.statusCode, 400);
    assert.equal(noPrj.json().errors[0].code, 'maps_file_shapefile_no_projection');
    assert.match(noPrj.json().errors[0].message, /\.prj/);
    assert.equal(await count(), before, 'nothing stored');
  });

  test("a feature's properties shaped like links are shown as data on the HTML pages, never followed", async () => {
    const file = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [106.63, -6.18] },
          properties: {
            nama: 'Titik',
            web: [{ href: 'javascript:alert(document.domain)', rel: 'x', type: 'y' }],
            tanpaJenis: [{ href: 'a', rel: 'b' }],
          },
        },
      ],
    });
    const up = await upload(
      t.app,
      'kota-a',
      admin,
      { access: 'public', title: 'Tautan aneh' },
      file,
      'aneh.geojson',
    );
    assert.equal(up.statusCode, 201, up.body);
    for (const path of ['items?f=html', 'items/1?f=html']) {
      const page = await t.app.inject({ url: `/t/kota-a/ogc/collections/${up.json().name}/${path}` });
      assert.equal(page.statusCode, 200, `${path}: ${page.body.slice(0, 200)}`);
      assert.doesNotMatch(page.body, /href="javascript:/i);
      assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    }
  });
});
