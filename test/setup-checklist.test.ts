/**
 * The apps' setup checklists (`AppManifest.setup`, `GET /api/v1/setup`): each live app's items,
 * checked in the tenant's scope, become done as the tenant sets the app up (LAKSA: agencies and
 * routed categories; SEGAR: markets, commodities, an officer for every market); an app that is not
 * live is not listed and its checklist is not found; another tenant's work never shows, and only
 * the tenant's administrators read it. Also SEGAR's lists for its setup screens.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import marketPricesApp from '../src/modules/market-prices/index.ts';
import reportsApp from '../src/modules/reports/index.ts';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from './support/harness.ts';

type Item = {
  id: string;
  label: string;
  screen: string;
  done: boolean;
  count: number | null;
  missing: number | null;
};
type AppList = { app: string; name: string; done: boolean; items: Item[] };

describe(`apps' setup checklists (${DB_KIND})`, () => {
  let t: TestContext;
  let adminA: Json;
  let adminB: Json;
  let officerA: { id: string; email: string };

  const call = async (method: string, url: string, headers: Json, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.json() as Json, raw: res.body };
  };
  const checklists = async (slug: string, who: Json, query = '') => {
    const res = await call('GET', `/t/${slug}/api/v1/setup${query}`, who);
    assert.equal(res.status, 200, res.raw);
    return res.body.items as AppList[];
  };
  const item = (lists: AppList[], app: string, id: string) => {
    const found = lists.find((l) => l.app === app)?.items.find((i) => i.id === id);
    assert.ok(found, `${app}.${id} is listed`);
    return found;
  };

  before(async () => {
    t = await startTest({ modules: [reportsApp, marketPricesApp] });
    const a = await makeTenant(t.platform, 'kota-siap');
    const b = await makeTenant(t.platform, 'kota-sebelah');
    await makeLive(t.platform, a.id, 'reports');
    await makeLive(t.platform, a.id, 'market-prices');
    await makeLive(t.platform, b.id, 'market-prices');
    adminA = await bearerFor(t.app, 'kota-siap', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    adminB = await bearerFor(
      t.app,
      'kota-sebelah',
      (await makeStaff(t.platform, b.id, ['tenant_admin'])).email,
    );
    officerA = await makeStaff(t.platform, a.id, ['officer'], undefined, 'Petugas Pasar A');
  });
  after(() => t?.close());

  test('a new tenant sees every live app’s items, none done, in its language, each with its screen', async () => {
    const lists = await checklists('kota-siap', adminA);
    // In the order of the installed apps (here as the suite passes them).
    assert.deepEqual(
      lists.map((l) => [l.app, l.done, l.items.map((i) => [i.id, i.done])]),
      [
        [
          'reports',
          false,
          [
            ['agencies', false],
            ['categories', false],
          ],
        ],
        [
          'market-prices',
          false,
          [
            ['markets', false],
            ['commodities', true],
            ['officers', false],
          ],
        ],
      ],
    );
    // The national list was written when the app went live: commodities are there from the start.
    assert.ok((item(lists, 'market-prices', 'commodities').count ?? 0) > 20);
    assert.equal(item(lists, 'market-prices', 'markets').screen, '/admin/price-markets');
    assert.equal(item(lists, 'reports', 'categories').screen, '/admin/categories');
    assert.match(item(lists, 'market-prices', 'markets').label, /^Tambahkan pasar/);
    const english = await checklists('kota-siap', adminA, '?lang=en');
    assert.match(item(english, 'market-prices', 'markets').label, /^Add the markets/);
  });

  test('only live apps: kota-sebelah lists SEGAR alone, and LAKSA’s checklist is not found there', async () => {
    const lists = await checklists('kota-sebelah', adminB);
    assert.deepEqual(
      lists.map((l) => l.app),
      ['market-prices'],
    );
    const reports = await call('GET', '/t/kota-sebelah/api/v1/setup/reports', adminB);
    assert.equal(reports.status, 404, reports.raw);
    const unknown = await call('GET', '/t/kota-sebelah/api/v1/setup/no-such-app', adminB);
    assert.equal(unknown.status, 404, unknown.raw);
    const one = await call('GET', '/t/kota-sebelah/api/v1/setup/market-prices', adminB);
    assert.equal(one.status, 200, one.raw);
    assert.equal((one.body as AppList).app, 'market-prices');
  });

  test('only the tenant’s administrators read it; another tenant’s token is refused', async () => {
    const officer = await bearerFor(t.app, 'kota-siap', officerA.email);
    assert.equal((await call('GET', '/t/kota-siap/api/v1/setup', officer)).status, 403);
    assert.equal((await call('GET', '/t/kota-siap/api/v1/setup', {})).status, 401);
    const foreign = await call('GET', '/t/kota-siap/api/v1/setup', adminB);
    assert.ok([401, 403].includes(foreign.status), foreign.raw);
  });

  test('items become done as the tenant sets the apps up, and another tenant’s work never counts', async () => {
    const agency = await call('POST', '/t/kota-siap/api/v1/agencies', adminA, {
      code: 'DISPERINDAG',
      name: 'Dinas Perindustrian dan Perdagangan',
      kind: 'dinas',
    });
    assert.equal(agency.status, 201, agency.raw);
    const agencyId = agency.body.id as string;
    // A category without an agency: categories exist but one is not routed.
    const unrouted = await call('PUT', '/t/kota-siap/api/v1/reports/categories/jalan', adminA, {
      name: { id: 'Jalan rusak', en: 'Damaged road' },
    });
    assert.equal(unrouted.status, 200, unrouted.raw);
    let lists = await checklists('kota-siap', adminA);
    assert.deepEqual(item(lists, 'reports', 'agencies'), {
      ...item(lists, 'reports', 'agencies'),
      done: true,
      count: 1,
    });
    assert.deepEqual(
      [
        item(lists, 'reports', 'categories').done,
        item(lists, 'reports', 'categories').count,
        item(lists, 'reports', 'categories').missing,
      ],
      [false, 1, 1],
    );
    const routed = await call('PUT', '/t/kota-siap/api/v1/reports/categories/jalan', adminA, {
      name: { id: 'Jalan rusak', en: 'Damaged road' },
      agencyId,
    });
    assert.equal(routed.status, 200, routed.raw);

    // Kota sebelah sets SEGAR up entirely: nothing of it counts for kota-siap.
    const bOfficer = await makeStaff(t.platform, t.platform.directory.bySlug('kota-sebelah')!.id, [
      'officer',
    ]);
    const bMarket = await call('PUT', '/t/kota-sebelah/api/v1/market-prices/markets/pasar-b', adminB, {
      name: 'Pasar Sebelah',
    });
    assert.equal(bMarket.status, 200, bMarket.raw);
    const bOfficers = await call(
      'PUT',
      '/t/kota-sebelah/api/v1/market-prices/markets/pasar-b/officers',
      adminB,
      {
        userIds: [bOfficer.id],
      },
    );
    assert.equal(bOfficers.status, 200, bOfficers.raw);
    assert.equal((await checklists('kota-sebelah', adminB))[0]?.done, true);
    lists = await checklists('kota-siap', adminA);
    assert.equal(lists.find((l) => l.app === 'reports')?.done, true);
    assert.deepEqual(
      [item(lists, 'market-prices', 'markets').count, item(lists, 'market-prices', 'officers').done],
      [0, false],
    );

    // Two markets, one with an officer: the officers item counts the one missing.
    for (const [code, name] of [
      ['pasar-anyar', 'Pasar Anyar'],
      ['pasar-baru', 'Pasar Baru'],
    ]) {
      const res = await call('PUT', `/t/kota-siap/api/v1/market-prices/markets/${code}`, adminA, {
        name,
        address: 'Jl. Ki Samaun',
        lat: -6.1766,
        lng: 106.6318,
        agencyId,
      });
      assert.equal(res.status, 200, res.raw);
    }
    const assigned = await call(
      'PUT',
      '/t/kota-siap/api/v1/market-prices/markets/pasar-anyar/officers',
      adminA,
      {
        userIds: [officerA.id],
      },
    );
    assert.equal(assigned.status, 200, assigned.raw);
    lists = await checklists('kota-siap', adminA);
    assert.deepEqual(
      [item(lists, 'market-prices', 'officers').done, item(lists, 'market-prices', 'officers').missing],
      [false, 1],
    );
    // A retired market needs no officer.
    const retired = await call('PUT', '/t/kota-siap/api/v1/market-prices/markets/pasar-baru', adminA, {
      name: 'Pasar Baru',
      active: false,
    });
    assert.equal(retired.status, 200, retired.raw);
    lists = await checklists('kota-siap', adminA);
    assert.equal(lists.find((l) => l.app === 'market-prices')?.done, true);
  });

  test('SEGAR’s setup lists: retired markets with officers, all commodities, the national list, the candidates', async () => {
    const base = '/t/kota-siap/api/v1/market-prices/reference';
    const markets = await call('GET', `${base}/markets`, adminA);
    assert.equal(markets.status, 200, markets.raw);
    const byCode = new Map((markets.body.items as Json[]).map((m) => [m.code, m]));
    assert.deepEqual((byCode.get('pasar-anyar') as Json).officers, [
      { id: officerA.id, name: 'Petugas Pasar A' },
    ]);
    assert.equal((byCode.get('pasar-baru') as Json).active, false, 'a retired market is listed');
    assert.ok(!markets.raw.includes('Pasar Sebelah'), 'nothing of kota-sebelah');

    const retire = await call('PUT', '/t/kota-siap/api/v1/market-prices/commodities/beras-super', adminA, {
      name: { id: 'Beras kualitas super', en: 'Rice, super quality' },
      group: 'beras',
      grade: 'super',
      unit: 'kg',
      minPrice: 8000,
      maxPrice: 40000,
      active: false,
    });
    assert.equal(retire.status, 200, retire.raw);
    const all = await call('GET', `${base}/commodities`, adminA);
    assert.equal(all.status, 200, all.raw);
    const superRice = (all.body.items as Json[]).find((c) => c.code === 'beras-super');
    assert.equal(superRice?.active, false);
    assert.equal(typeof superRice?.sort, 'number');

    const national = await call('GET', `${base}/national-commodities`, adminA);
    assert.equal(national.status, 200, national.raw);
    assert.ok(
      (national.body.items as Json[]).every((c) => c.added === true),
      'the whole list was written at go-live',
    );

    const candidates = await call('GET', `${base}/officer-candidates`, adminA);
    assert.equal(candidates.status, 200, candidates.raw);
    assert.deepEqual(candidates.body.items, [
      { id: officerA.id, name: 'Petugas Pasar A', agencyIds: [null] },
    ]);

    const officer = await bearerFor(t.app, 'kota-siap', officerA.email);
    assert.equal((await call('GET', `${base}/markets`, officer)).status, 403);
    assert.equal((await call('GET', `${base}/officer-candidates`, officer)).status, 403);
  });

  test('a market’s place: a latitude without a longitude is refused, never stored at 0; null clears both', async () => {
    const url = '/t/kota-siap/api/v1/market-prices/markets/pasar-tanpa-titik';
    const half = await call('PUT', url, adminA, { name: 'Pasar Tanpa Titik', lat: -6.2, lng: null });
    assert.equal(half.status, 400, half.raw);
    assert.deepEqual(
      (half.body.errors as Json[]).map((e) => e.path),
      ['/body/lng'],
    );
    const placed = await call('PUT', url, adminA, { name: 'Pasar Tanpa Titik', lat: 0, lng: 109.3 });
    assert.equal(placed.status, 200, placed.raw);
    assert.deepEqual([placed.body.lat, placed.body.lng], [0, 109.3], 'the equator is a place (Pontianak)');
    const cleared = await call('PUT', url, adminA, { name: 'Pasar Tanpa Titik', lat: null, lng: null });
    assert.equal(cleared.status, 200, cleared.raw);
    assert.deepEqual([cleared.body.lat, cleared.body.lng], [null, null]);
  });
});
