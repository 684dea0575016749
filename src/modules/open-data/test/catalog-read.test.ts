/**
 * The catalogue reader (catalog/read.ts) on the database the suite runs on: only published
 * datasets, searched by text, filters and modified range, sorted, paged and faceted; organizations,
 * themes and keywords with their counts; a datastore resource's rows only for an open dataset;
 * another tenant's reader sees none of it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import {
  bearerFor,
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { AppError, type AppManifest, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { createAgency } from '../../../platform/sdk/testing.ts';
import { catalogReader } from '../catalog/read.ts';
import type { CatalogReader, DatasetSearch } from '../catalog/reader.ts';
import { readerFor as readerForPlatform } from '../catalog/reader-for.ts';
import app from '../index.ts';
import { csvUpload, metadata } from './fixtures.ts';

const API = '/api/v1/open-data';

/** A stand-in for the outward formats' routes, reading through `readerFor`. */
const PROBE: AppManifest = {
  code: 'catalog-probe',
  name: 'Probe',
  category: 'e-government',
  channels: ['web'],
  version: '0.1.0',
  description: { id: 'Uji', en: 'Test' },
  routes: (fastify, platform) => {
    const readerFor = readerForPlatform(platform);
    fastify.get('/api/v1/catalog-probe', { config: { auth: 'optional' } }, (request) =>
      readerFor(request, async (r) => ({ names: await r.datasetNames(10, 0), url: (await r.catalog()).url })),
    );
  },
};
const BASE_URL = 'https://data.kota-a.test';

describe(`The catalogue reader (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantA: { id: string; slug: string; name: string };
  let tenantB: { id: string; slug: string; name: string };
  let admin: Record<string, string>;
  const ids: Record<string, string> = {};
  const resources: Record<string, string> = {};
  let sinceSecond = '';

  const call = async (method: string, path: string, payload?: object, expect = 200) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/t/kota-a${path}`,
      headers: admin,
      ...(payload ? { payload } : {}),
    });
    assert.equal(res.statusCode, expect, `${method} ${path}: ${res.body}`);
    return res.json();
  };
  const withReader = <T>(
    tenant: { id: string; slug: string; name: string },
    fn: (r: CatalogReader) => Promise<T>,
  ) =>
    t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      fn(catalogReader(scope, { tenant, baseUrl: BASE_URL })),
    );
  const search = (over: Partial<DatasetSearch> = {}) =>
    withReader(tenantA, (r) => r.search({ sort: 'name asc', limit: 20, offset: 0, ...over }));

  /** A dataset with a CSV resource, taken as far as `state`. */
  async function dataset(
    key: string,
    agencyId: string,
    over: Record<string, unknown>,
    state: 'draft' | 'published',
  ) {
    const d = await call('POST', `${API}/datasets`, { ...metadata, agencyId, name: key, ...over }, 201);
    ids[key] = d.id;
    const form = csvUpload('Kecamatan,Jumlah\nCiledug,151204\nKarawaci,188342\nPeriuk,142118');
    const up = await t.app.inject({
      method: 'POST',
      url: `/t/kota-a${API}/datasets/${d.id}/uploads`,
      headers: { ...admin, ...form.headers },
      payload: form.payload,
    });
    assert.equal(up.statusCode, 201, up.body);
    resources[key] = up.json().id;
    if (state === 'published') {
      await call('POST', `${API}/datasets/${d.id}/submit`);
      await call('POST', `${API}/datasets/${d.id}/publish`);
    }
  }

  before(async () => {
    t = await startTest({ modules: [app, PROBE] });
    const a = await makeTenant(t.platform, 'kota-a');
    const b = await makeTenant(t.platform, 'kota-b');
    tenantA = { id: a.id, slug: a.slug, name: a.name };
    tenantB = { id: b.id, slug: b.slug, name: b.name };
    await makeLive(t.platform, a.id, 'open-data');
    await makeLive(t.platform, a.id, 'catalog-probe');
    admin = await bearerFor(t.app, 'kota-a', (await makeStaff(t.platform, a.id, ['tenant_admin'])).email);
    const [x, y] = await t.platform.inTenant(a.id, SYSTEM_ACTOR, async (scope) => [
      await createAgency(scope, {
        code: 'DISDUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'dinas',
      }),
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }),
    ]);
    await call('POST', `${API}/themes`, { name: 'kependudukan', title: 'Kependudukan' }, 201);
    await call('POST', `${API}/themes`, { name: 'kesehatan', title: 'Kesehatan' }, 201);
    await dataset('penduduk-kecamatan', x!.id, {}, 'published');
    sinceSecond = new Date().toISOString();
    await dataset(
      'fasilitas-kesehatan',
      y!.id,
      {
        title: 'Fasilitas Kesehatan',
        description: 'Puskesmas dan rumah sakit.',
        keywords: ['puskesmas', 'kesehatan'],
        themes: ['kesehatan'],
        licenseId: 'odc-odbl',
        classification: 'limited',
      },
      'published',
    );
    await dataset('rancangan', x!.id, { title: 'Rancangan rahasia' }, 'draft');
  });
  after(() => t.close());

  test('only published datasets are found, with their full view', async () => {
    const page = await search();
    assert.equal(page.count, 2);
    assert.deepEqual(
      page.datasets.map((d) => d.name),
      ['fasilitas-kesehatan', 'penduduk-kecamatan'],
    );
    const d = page.datasets[1]!;
    assert.equal(d.url, `${BASE_URL}/open-data/dataset/penduduk-kecamatan`);
    assert.equal(d.organization.name, 'disdukcapil');
    assert.equal(d.license.url, 'https://creativecommons.org/licenses/by/4.0/');
    assert.equal(d.sdi.producer, 'Dinas Kependudukan dan Pencatatan Sipil');
    assert.deepEqual(
      d.themes.map((x) => x.name),
      ['kependudukan'],
    );
    const r = d.resources[0]!;
    assert.equal(r.datastoreActive, true);
    assert.match(
      r.url,
      /^https:\/\/data\.kota-a\.test\/api\/v1\/open-data\/resources\/.+\/versions\/1\/file$/,
    );
    assert.equal(r.versions.length, 1);
    assert.equal(r.columns.length, 2);
    assert.equal(await withReader(tenantA, (rd) => rd.dataset('rancangan')), null);
    assert.equal(await withReader(tenantA, (rd) => rd.dataset(ids.rancangan!)), null);
    assert.equal(
      (await withReader(tenantA, (rd) => rd.dataset(ids['penduduk-kecamatan']!)))?.name,
      'penduduk-kecamatan',
    );
  });

  test('text, filters, modified range, sort and paging', async () => {
    assert.deepEqual(
      (await search({ text: 'puskesmas' })).datasets.map((d) => d.name),
      ['fasilitas-kesehatan'],
    );
    assert.deepEqual(
      (await search({ text: 'Kependudukan dan' })).datasets.map((d) => d.name),
      ['penduduk-kecamatan'],
    );
    assert.equal((await search({ text: 'rahasia' })).count, 0);
    const by = async (filters: DatasetSearch['filters']) =>
      (await search({ filters })).datasets.map((d) => d.name);
    assert.deepEqual(await by({ organization: ['dinkes'] }), ['fasilitas-kesehatan']);
    assert.deepEqual(await by({ groups: ['kependudukan'] }), ['penduduk-kecamatan']);
    assert.deepEqual(await by({ tags: ['puskesmas', 'kesehatan'] }), ['fasilitas-kesehatan']);
    assert.deepEqual(await by({ tags: ['puskesmas', 'penduduk'] }), []);
    assert.deepEqual(await by({ res_format: ['csv'] }), ['fasilitas-kesehatan', 'penduduk-kecamatan']);
    assert.deepEqual(await by({ license_id: ['odc-odbl'] }), ['fasilitas-kesehatan']);
    assert.deepEqual(await by({ classification: ['open'] }), ['penduduk-kecamatan']);
    assert.deepEqual(await by({ organization: ['tidak-ada'] }), []);
    assert.deepEqual(
      (await search({ modifiedSince: sinceSecond })).datasets.map((d) => d.name),
      ['fasilitas-kesehatan'],
    );
    assert.deepEqual(
      (await search({ modifiedUntil: sinceSecond })).datasets.map((d) => d.name),
      ['penduduk-kecamatan'],
    );
    assert.deepEqual(
      (await search({ sort: 'name desc' })).datasets.map((d) => d.name),
      ['penduduk-kecamatan', 'fasilitas-kesehatan'],
    );
    assert.deepEqual(
      (await search({ sort: 'metadata_modified desc' })).datasets.map((d) => d.name)[0],
      'fasilitas-kesehatan',
    );
    const second = await search({ limit: 1, offset: 1 });
    assert.equal(second.count, 2);
    assert.deepEqual(
      second.datasets.map((d) => d.name),
      ['penduduk-kecamatan'],
    );
  });

  test('words are matched in Indonesian: by stem, anywhere in the text, ranked for score desc', async () => {
    const names = async (text: string, sort: DatasetSearch['sort'] = 'name asc') =>
      (await search({ text, sort })).datasets.map((d) => d.name);
    // Every word must occur, not the phrase as typed ("Jumlah Penduduk per Kecamatan").
    assert.deepEqual(await names('penduduk kecamatan'), ['penduduk-kecamatan']);
    assert.deepEqual(await names('kesehatan puskesmas'), ['fasilitas-kesehatan']);
    // Stems: "sehat" is the stem of "Kesehatan", "camat" of "kecamatan".
    assert.deepEqual(await names('sehat'), ['fasilitas-kesehatan']);
    assert.deepEqual(await names('camat'), ['penduduk-kecamatan']);
    // The organization's name: only the agency's ("Dinas Kependudukan dan Pencatatan Sipil").
    assert.deepEqual(await names('pencatatan sipil'), ['penduduk-kecamatan']);
    // Web search syntax: `or`, and `-word` to leave out.
    assert.deepEqual(await names('puskesmas or kecamatan'), ['fasilitas-kesehatan', 'penduduk-kecamatan']);
    assert.deepEqual(await names('data -puskesmas'), ['penduduk-kecamatan']);
    // Words, not fragments: a word's beginning alone does not match.
    assert.equal((await search({ text: 'pusk' })).count, 0);
    // Best match first: "kecamatan" in the title and keywords outweighs "puskesmas" in the
    // keywords and description, though fasilitas-kesehatan changed last.
    assert.deepEqual(await names('puskesmas or kecamatan', 'score desc'), [
      'penduduk-kecamatan',
      'fasilitas-kesehatan',
    ]);
    assert.deepEqual(await names('', 'score desc'), ['fasilitas-kesehatan', 'penduduk-kecamatan']);
  });

  test("words read the tenant's GIN index under row-level security; a deep page is right", async () => {
    // 2,000 published datasets, one of which speaks of a "biawak": the planner reaches it through
    // the (tenant_id, search) GIN index only when `@@` may run ahead of the RLS policy (ADR 0012).
    // (The harvester's count reads the partial index of published names when the tenant is one of
    // many; alone in a table this small, a sequential scan is the right plan, so no assertion.)
    const big = await makeTenant(t.platform, 'kota-cari');
    await t.platform.inTenant(big.id, SYSTEM_ACTOR, async (scope) => {
      await sql`insert into open_data_datasets (tenant_id, id, name, title, description, state,
          classification, license_id, frequency, contact_name, first_published_at)
        select ${big.id}, gen_random_uuid(), 'data-' || n,
          case when n = 777 then 'Populasi biawak di sungai' else 'Jumlah penduduk nomor ' || n end,
          'Data ' || n, 'published', 'open', 'cc-by', 'annual', 'Bidang Data', now()
        from generate_series(1, 2000) n`.execute(scope.trx);
    });
    // VACUUM moves the new rows out of the GIN pending list, as autovacuum does in production.
    await sql`vacuum analyze open_data_datasets`.execute(t.platform.database.db);
    const plan = (query: string) =>
      t.platform.inTenant(big.id, SYSTEM_ACTOR, async (scope) => {
        const rows = await sql<{ 'QUERY PLAN': string }>`${sql.raw(`explain ${query}`)}`.execute(scope.trx);
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const words = await plan(`select id from open_data_datasets where tenant_id = '${big.id}'
      and state = 'published' and search @@ websearch_to_tsquery('indonesian', 'biawak')`);
    assert.match(words, /open_data_datasets_search/, words);
    await withReader({ id: big.id, slug: big.slug, name: big.name }, async (r) => {
      const found = await r.search({ text: 'biawak', sort: 'score desc', limit: 10, offset: 0 });
      assert.deepEqual(
        found.datasets.map((d) => d.name),
        ['data-777'],
      );
      const deep = await r.search({ sort: 'name asc', limit: 100, offset: 1900 });
      assert.equal(deep.count, 2000);
      assert.equal(deep.datasets[0]?.name, [...Array(2000)].map((_, i) => `data-${i + 1}`).sort()[1900]);
    });
  });

  test('facets count over every match', async () => {
    const page = await search({
      facets: ['organization', 'groups', 'tags', 'res_format', 'license_id', 'classification'],
    });
    assert.deepEqual(
      page.facets.organization?.map((f) => [f.name, f.count]),
      [
        ['dinkes', 1],
        ['disdukcapil', 1],
      ],
    );
    assert.deepEqual(page.facets.res_format, [{ name: 'CSV', displayName: 'CSV', count: 2 }]);
    assert.equal(page.facets.tags?.find((f) => f.name === 'kecamatan')?.count, 1);
    assert.equal(page.facets.groups?.find((f) => f.name === 'kesehatan')?.displayName, 'Kesehatan');
    assert.deepEqual(page.facets.classification?.map((f) => f.name).sort(), ['limited', 'open']);
  });

  test('names, organizations, themes, keywords, resources', async () => {
    await withReader(tenantA, async (r) => {
      assert.deepEqual(await r.datasetNames(10, 0), ['fasilitas-kesehatan', 'penduduk-kecamatan']);
      assert.deepEqual(await r.datasetNames(10, 1), ['penduduk-kecamatan']);
      assert.deepEqual(
        (await r.organizations()).map((o) => [o.name, o.datasetCount]),
        [
          ['dinkes', 1],
          ['disdukcapil', 1],
        ],
      );
      assert.equal((await r.organization('dinkes'))?.title, 'Dinas Kesehatan');
      assert.equal(await r.organization('tidak-ada'), null);
      assert.deepEqual(
        (await r.themes()).map((x) => [x.name, x.datasetCount]),
        [
          ['kependudukan', 1],
          ['kesehatan', 1],
        ],
      );
      assert.equal((await r.theme('kesehatan'))?.datasetCount, 1);
      assert.deepEqual(await r.keywords('p'), ['penduduk', 'puskesmas']);
      assert.equal((await r.resource(resources['penduduk-kecamatan']!))?.format, 'CSV');
      assert.equal(await r.resource(resources.rancangan!), null);
      assert.equal(await r.resource('bukan-uuid'), null);
      // A limited dataset's resource is described, its rows never served.
      assert.equal((await r.resource(resources['fasilitas-kesehatan']!))?.datastoreActive, false);
    });
  });

  test('datastore: rows of an open dataset, filtered, sorted, paged; nothing of others', async () => {
    await withReader(tenantA, async (r) => {
      const page = await r.datastore(resources['penduduk-kecamatan']!, {
        sort: [{ column: 'jumlah', direction: 'desc' }],
        limit: 2,
        offset: 0,
      });
      assert.equal(page?.total, 3);
      assert.deepEqual(
        page?.columns.map((c) => [c.name, c.type]),
        [
          ['_id', 'int'],
          ['kecamatan', 'text'],
          ['jumlah', 'int'],
        ],
      );
      assert.deepEqual(page?.records, [
        { _id: 2, kecamatan: 'Karawaci', jumlah: 188342 },
        { _id: 1, kecamatan: 'Ciledug', jumlah: 151204 },
      ]);
      const filtered = await r.datastore(resources['penduduk-kecamatan']!, {
        filters: { kecamatan: 'Periuk' },
        fields: ['jumlah'],
        limit: 10,
        offset: 0,
      });
      assert.deepEqual(filtered?.records, [{ _id: 3, jumlah: 142118 }]);
      const text = await r.datastore(resources['penduduk-kecamatan']!, {
        text: 'cile',
        limit: 10,
        offset: 0,
      });
      assert.equal(text?.total, 1);
      await assert.rejects(
        r.datastore(resources['penduduk-kecamatan']!, { filters: { penduduk: 1 }, limit: 10, offset: 0 }),
        (e: unknown) => e instanceof AppError && e.fields[0]?.params?.column === 'penduduk',
      );
      assert.equal(await r.datastore(resources['fasilitas-kesehatan']!, { limit: 10, offset: 0 }), null);
      assert.equal(await r.datastore(resources.rancangan!, { limit: 10, offset: 0 }), null);
    });
  });

  test('datastore sums: a numeric column summed by another in the database, cut to a limit', async () => {
    // Prices per market and day: one price left empty (not summed), one market left empty (a group).
    const form = csvUpload(
      [
        'Tanggal,Pasar,Harga',
        '2026-01-02,Pasar Baru,15000',
        '2026-01-01,Pasar Baru,14000',
        '2026-01-01,Pasar Anyar,14500',
        '2026-01-03,,16000',
        '2026-01-03,Pasar Anyar,',
      ].join('\n'),
      { name: 'Harga beras' },
      'harga.csv',
    );
    const up = await t.app.inject({
      method: 'POST',
      url: `/t/kota-a${API}/datasets/${ids['penduduk-kecamatan']}/uploads`,
      headers: { ...admin, ...form.headers },
      payload: form.payload,
    });
    assert.equal(up.statusCode, 201, up.body);
    const prices = up.json().id as string;
    await withReader(tenantA, async (r) => {
      // By a date: the last groups, in order.
      const byDay = await r.datastoreSums(prices, { groupBy: 'tanggal', measure: 'harga', limit: 2 });
      assert.equal(byDay?.groupCount, 3);
      assert.deepEqual(byDay?.groups, [
        { key: '2026-01-02', sum: 15000, rows: 1 },
        { key: '2026-01-03', sum: 16000, rows: 1 },
      ]);
      assert.equal(byDay?.measure.type, 'int');
      // By text: the largest sums first; rows without a market are one group.
      const byMarket = await r.datastoreSums(prices, { groupBy: 'pasar', measure: 'harga', limit: 50 });
      assert.deepEqual(byMarket?.groups, [
        { key: 'Pasar Baru', sum: 29000, rows: 2 },
        { key: null, sum: 16000, rows: 1 },
        { key: 'Pasar Anyar', sum: 14500, rows: 1 },
      ]);
      assert.equal(
        (await r.datastoreSums(prices, { groupBy: 'pasar', measure: 'harga', limit: 10_000 }))?.groups.length,
        3,
        'the limit is bounded, not refused',
      );
      await assert.rejects(
        r.datastoreSums(prices, { groupBy: 'pasar', measure: 'pasar', limit: 5 }),
        (e: unknown) => e instanceof AppError && e.fields[0]?.code === 'data_not_numeric',
      );
      await assert.rejects(
        r.datastoreSums(prices, { groupBy: "x' or 1=1", measure: 'harga', limit: 5 }),
        (e: unknown) => e instanceof AppError && e.fields[0]?.code === 'data_unknown_column',
      );
      // Nothing of a limited dataset, a draft, or another tenant.
      const q = { groupBy: 'kecamatan', measure: 'jumlah', limit: 5 };
      assert.equal(await r.datastoreSums(resources['fasilitas-kesehatan']!, q), null);
      assert.equal(await r.datastoreSums(resources.rancangan!, q), null);
    });
    await withReader(tenantB, async (r) => {
      assert.equal(await r.datastoreSums(prices, { groupBy: 'pasar', measure: 'harga', limit: 5 }), null);
    });
  });

  test("a route's reader is the request's tenant's, its addresses from the portal's", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/t/kota-a/api/v1/catalog-probe' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().names, ['fasilitas-kesehatan', 'penduduk-kecamatan']);
    assert.match(res.json().url, /^https?:\/\/.+\/t\/kota-a\/open-data$/);
  });

  test("another tenant's reader sees none of it", async () => {
    await withReader(tenantB, async (r) => {
      assert.equal((await r.search({ sort: 'name asc', limit: 10, offset: 0 })).count, 0);
      assert.equal(await r.dataset('penduduk-kecamatan'), null);
      assert.equal(await r.resource(resources['penduduk-kecamatan']!), null);
      assert.equal(await r.datastore(resources['penduduk-kecamatan']!, { limit: 10, offset: 0 }), null);
      assert.deepEqual(await r.organizations(), []);
      assert.deepEqual(await r.keywords(), []);
      assert.equal((await r.catalog()).modified, null);
    });
  });
});
