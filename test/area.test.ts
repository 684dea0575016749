/**
 * Tenants' areas: set through the settings (or at creation), refused with a clear field error when
 * not a valid polygon, public on the tenant, and looked up by place in the directory.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_AREAS } from '../src/demo/seed.ts';
import {
  type Area,
  checkArea,
  containsPoint,
  type PolygonArea,
  type Position,
} from '../src/platform/tenancy/area.ts';
import { bearerFor, DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

const square = (west: number, south: number, east: number, north: number): PolygonArea => ({
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
});

/** Two neighbours sharing the meridian 106.7 as their border. */
const WEST = square(106.6, -6.3, 106.7, -6.1);
const EAST = square(106.7, -6.3, 106.8, -6.1);

describe(`tenant areas (${DB_KIND})`, () => {
  let t: TestContext;
  let admin: Record<string, string>;
  let platformAdmin: Record<string, string>;
  before(async () => {
    t = await startTest();
    const west = await makeTenant(t.platform, 'kota-barat');
    await makeTenant(t.platform, 'kota-timur');
    admin = await bearerFor(
      t.app,
      'kota-barat',
      (await makeStaff(t.platform, west.id, ['tenant_admin'])).email,
    );
    platformAdmin = await bearerFor(
      t.app,
      'kota-barat',
      (await makeStaff(t.platform, west.id, ['platform_admin'])).email,
    );
  });
  after(() => t.close());

  const settings = (slug: string, payload: object, headers = admin) =>
    t.app.inject({ method: 'PATCH', url: `/t/${slug}/api/v1/settings`, headers, payload });
  const tenantsAt = (lat: number, lng: number) => t.platform.directory.tenantsAt(lat, lng).map((x) => x.slug);

  test('a tenant has no area until one is set; then it is public and places are found in it', async () => {
    assert.equal(t.platform.directory.bySlug('kota-barat')!.area, null);
    assert.deepEqual(tenantsAt(-6.2, 106.65), []);
    const res = await settings('kota-barat', {
      // An altitude and foreign members are dropped: what is stored is [lng, lat] only.
      area: {
        ...WEST,
        bbox: [0, 0, 0, 0],
        coordinates: [WEST.coordinates[0]!.map(([lng, lat]) => [lng, lat, 25])],
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().area, WEST);
    assert.deepEqual(res.json().bbox, [106.6, -6.3, 106.7, -6.1]);

    const own = (await t.app.inject('/t/kota-barat/api/v1')).json();
    assert.deepEqual(own.area, WEST);
    const listed = (await t.app.inject('/api/v1/tenants')).json().items;
    const barat = listed.find((x: { slug: string }) => x.slug === 'kota-barat');
    assert.deepEqual(barat.bbox, [106.6, -6.3, 106.7, -6.1]);
    assert.equal('area' in barat, false, 'the list gives the bounding box, not the outline');
    assert.equal(listed.find((x: { slug: string }) => x.slug === 'kota-timur').bbox, null);

    const directory = t.platform.directory.bySlug('kota-barat')!;
    assert.deepEqual(directory.area, WEST);
    assert.deepEqual(directory.areaBBox, [106.6, -6.3, 106.7, -6.1]);
    assert.deepEqual(tenantsAt(-6.2, 106.65), ['kota-barat']);
    assert.deepEqual(tenantsAt(-6.2, 106.75), [], 'the neighbour has no area yet');
    assert.deepEqual(tenantsAt(-6.35, 106.65), [], 'south of the area');

    const audit = (
      await t.app.inject({ url: '/t/kota-barat/api/v1/audit?action=tenant.update', headers: admin })
    ).json().items;
    assert.deepEqual(audit[0].after.area, WEST, 'the audit keeps the area as stored');
    assert.equal(audit[0].before.area, null);
  });

  test('a place in the neighbour’s area finds the neighbour; on the shared border, both', async () => {
    const timur = t.platform.directory.bySlug('kota-timur')!;
    const timurAdmin = await bearerFor(
      t.app,
      'kota-timur',
      (await makeStaff(t.platform, timur.id, ['tenant_admin'])).email,
    );
    assert.equal((await settings('kota-timur', { area: EAST }, timurAdmin)).statusCode, 200);
    // A report filed with Kota Barat for a place in Kota Timur: a referral to suggest.
    const place = { lat: -6.2, lng: 106.75 };
    const barat = t.platform.directory.bySlug('kota-barat')!;
    assert.equal(containsPoint(barat.area!, place.lat, place.lng), false);
    assert.deepEqual(tenantsAt(place.lat, place.lng), ['kota-timur']);
    assert.deepEqual(tenantsAt(-6.2, 106.7).sort(), ['kota-barat', 'kota-timur']);
  });

  test('an invalid area is refused on /body/area in the caller’s language, and nothing changes', async () => {
    const open: Position[] = [
      [106.6, -6.3],
      [106.7, -6.3],
      [106.7, -6.1],
      [106.6, -6.1],
    ];
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/t/kota-barat/api/v1/settings',
      headers: { ...admin, 'accept-language': 'en' },
      payload: { name: 'Kota Barat Baru', area: { type: 'Polygon', coordinates: [open] } },
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().errors, [
      {
        path: '/body/area',
        code: 'area_ring_open',
        message: 'Ring /coordinates/0 is not closed: its last position must equal its first.',
      },
    ]);
    const inIndonesian = await settings('kota-barat', {
      area: { type: 'Polygon', coordinates: [[...open, [200, -6.3]]] },
    });
    assert.equal(inIndonesian.statusCode, 400);
    assert.equal(inIndonesian.json().errors[0].path, '/body/area');
    assert.equal(inIndonesian.json().errors[0].code, 'area_position');
    assert.match(
      inIndonesian.json().errors[0].message,
      /^Posisi \/coordinates\/0\/4 harus \[bujur, lintang\]/,
    );
    for (const area of [
      'POLYGON((106.6 -6.3, 106.7 -6.3, 106.7 -6.1, 106.6 -6.3))',
      { type: 'Point', coordinates: [106.65, -6.2] },
      {
        type: 'Polygon',
        coordinates: [
          [
            ['106.6', '-6.3'],
            ['106.7', '-6.3'],
            ['106.7', '-6.1'],
            ['106.6', '-6.3'],
          ],
        ],
      },
      { type: 'MultiPolygon', coordinates: WEST.coordinates },
      { type: 'Polygon', coordinates: [] },
      [],
      0,
    ]) {
      const refused = await settings('kota-barat', { area });
      assert.equal(refused.statusCode, 400, JSON.stringify(area));
      assert.deepEqual(
        refused.json().errors.map((e: { path: string }) => e.path),
        ['/body/area'],
      );
    }
    const now = t.platform.directory.bySlug('kota-barat')!;
    assert.equal(now.name, 'Kota kota-barat', 'the name sent alongside was not saved either');
    assert.deepEqual(now.area, WEST);
    const stored = await t.platform.database.db
      .selectFrom('tenants')
      .select(['name', 'area'])
      .where('slug', '=', 'kota-barat')
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, { name: 'Kota kota-barat', area: WEST });
  });

  test('a settings change without an area keeps it; null removes it', async () => {
    assert.equal((await settings('kota-barat', { name: 'Kota Barat' })).statusCode, 200);
    assert.deepEqual(t.platform.directory.bySlug('kota-barat')!.area, WEST);
    assert.deepEqual(tenantsAt(-6.2, 106.65), ['kota-barat']);
    const removed = await settings('kota-barat', { area: null });
    assert.equal(removed.statusCode, 200);
    assert.equal(removed.json().area, null);
    assert.equal(removed.json().bbox, null);
    assert.equal(t.platform.directory.bySlug('kota-barat')!.area, null);
    assert.deepEqual(tenantsAt(-6.2, 106.65), []);
    assert.deepEqual(tenantsAt(-6.2, 106.7), ['kota-timur']);
  });

  test('a tenant may be created with its area; an invalid one creates nothing', async () => {
    const body = {
      slug: 'kabupaten-pulau',
      code: '21.01',
      kind: 'kabupaten',
      name: 'Kabupaten Pulau',
      timeZone: 'Asia/Jakarta',
    };
    const islands: Area = {
      type: 'MultiPolygon',
      coordinates: [square(104, 1, 104.5, 1.5).coordinates, square(105, 1, 105.5, 1.5).coordinates],
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/t/kota-barat/api/v1/platform/tenants',
      headers: platformAdmin,
      payload: { ...body, area: { type: 'MultiPolygon', coordinates: [[[[104, 1]]]] } },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].path, '/body/area');
    assert.equal(t.platform.directory.bySlug('kabupaten-pulau'), undefined);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/t/kota-barat/api/v1/platform/tenants',
      headers: platformAdmin,
      payload: { ...body, area: islands },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(ok.json().area, islands);
    assert.deepEqual(ok.json().bbox, [104, 1, 105.5, 1.5]);
    assert.deepEqual(tenantsAt(1.2, 105.2), ['kabupaten-pulau']);
    assert.deepEqual(tenantsAt(1.2, 104.75), [], 'the sea between the islands');
  });

  test('an area written around the service that is not valid is ignored, not fatal', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      // The database only checks the geometry's type; an open ring gets past it.
      await sql`update tenants set area = ${JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        ],
      })}::jsonb
        where slug = 'kota-timur'`.execute(t.platform.database.db);
      await t.platform.directoryChanged();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(t.platform.directory.bySlug('kota-timur')!.area, null);
      assert.deepEqual(tenantsAt(-6.2, 106.75), []);
      assert.ok(warnings.some((w) => w.includes('kota-timur')));
    } finally {
      process.off('warning', onWarning);
    }
    await assert.rejects(
      sql`update tenants set area = '{"type": "Point", "coordinates": [0, 0]}'::jsonb where slug = 'kota-timur'`.execute(
        t.platform.database.db,
      ),
      'the database refuses what is no polygon geometry at all',
    );
  });
});

describe('demo areas', () => {
  test('are valid, and hold their region’s places and not the neighbours’', () => {
    for (const [slug, area] of Object.entries(DEMO_AREAS)) assert.ok(checkArea(area).ok, slug);
    const inside = (slug: string, lat: number, lng: number) =>
      Object.entries(DEMO_AREAS)
        .filter(([, area]) => containsPoint(area, lat, lng))
        .map(([s]) => s)
        .join() === slug;
    assert.ok(inside('kota-tangerang', -6.1783, 106.6319), 'Pusat Pemerintahan Kota Tangerang');
    assert.ok(inside('', -6.1754, 106.8272), 'Monas, Jakarta');
    assert.ok(inside('', -6.3, 106.65), 'BSD, Tangerang Selatan');
    assert.ok(inside('kabupaten-badung', -8.7184, 115.1686), 'Kuta');
    assert.ok(inside('kabupaten-badung', -8.5, 115.2), 'Mengwi');
    assert.ok(inside('', -8.65, 115.2167), 'Denpasar');
    assert.ok(inside('kabupaten-bangka-selatan', -3.01, 106.46), 'Toboali');
    assert.ok(inside('kabupaten-bangka-selatan', -2.95, 106.86), 'Pulau Lepar');
    assert.ok(inside('kabupaten-luwu-timur', -2.53, 121.36), 'Sorowako');
    assert.ok(inside('kabupaten-karawang', -6.3, 107.3), 'Karawang');
    assert.ok(inside('', -6.24, 107.0), 'Bekasi');
  });
});
