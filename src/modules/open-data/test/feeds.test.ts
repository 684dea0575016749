/**
 * The feeds consumer on the database the suite runs on, with a stand-in app offering a feed: the
 * first refresh makes a published open dataset of the region with one datastore resource; a
 * refresh with the same rows keeps no version; changed rows make version 2, the first kept; a
 * tenant where the stand-in is not live gets nothing; the dataset's data is not changed by hand.
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
import { type AppManifest, type DataRow, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import type { JobRunner } from '../../../platform/sdk/testing.ts';
import { catalogReader } from '../catalog/read.ts';
import app, { refreshFeedsTask } from '../index.ts';
import { csvUpload } from './fixtures.ts';

let feedRows: DataRow[] = [
  { bulan: '2026-10-01', kategori: 'Jalan rusak', jumlah: 42 },
  { bulan: '2026-10-01', kategori: 'Sampah', jumlah: 17 },
];

const STATS_APP: AppManifest = {
  code: 'stats-stand-in',
  name: 'Statistik Uji',
  category: 'e-government',
  channels: ['web'],
  version: '0.1.0',
  description: { id: 'Aplikasi uji yang menawarkan umpan data', en: 'A test app offering a data feed' },
  dataFeeds: [
    {
      id: 'reports-per-month',
      title: { id: 'Laporan warga per kategori dan bulan', en: 'Reports per category and month' },
      description: {
        id: 'Jumlah laporan warga menurut kategori, per bulan.',
        en: 'Reports by category, per month.',
      },
      frequency: 'daily',
      keywords: ['laporan', 'Pengaduan'],
      indicator: { id: 'Jumlah laporan', en: 'Number of reports' },
      unit: 'laporan',
      columns: [
        { name: 'bulan', type: 'date', label: { id: 'Bulan', en: 'Month' } },
        { name: 'kategori', type: 'text', label: { id: 'Kategori', en: 'Category' } },
        {
          name: 'jumlah',
          type: 'int',
          label: { id: 'Jumlah laporan', en: 'Reports' },
          description: { id: 'Laporan yang masuk pada bulan itu', en: 'Reports received that month' },
          unit: 'laporan',
        },
      ],
      rows: async () => feedRows,
    },
  ],
};

describe(`Data feeds kept as datasets (${DB_KIND})`, () => {
  let t: TestContext;
  let a: { id: string; slug: string; name: string };
  let b: { id: string; slug: string; name: string };
  const refresh = () => refreshFeedsTask.run({ platform: t.platform, runner: {} as JobRunner });
  const reader = <T>(tenant: typeof a, fn: (r: ReturnType<typeof catalogReader>) => Promise<T>) =>
    t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      fn(catalogReader(scope, { tenant, baseUrl: 'https://data.test' })),
    );

  before(async () => {
    t = await startTest({ modules: [app, STATS_APP] });
    a = await makeTenant(t.platform, 'kota-a');
    b = await makeTenant(t.platform, 'kota-b');
    for (const tenant of [a, b]) await makeLive(t.platform, tenant.id, 'open-data');
    await makeLive(t.platform, a.id, 'stats-stand-in');
  });
  after(() => t.close());

  test('the first refresh makes a published open dataset of the region with the rows', async () => {
    await refresh();
    const d = await reader(a, (r) => r.dataset('stats-stand-in-reports-per-month'));
    assert.ok(d, 'the fed dataset is published');
    assert.equal(d.feed, 'stats-stand-in.reports-per-month');
    assert.equal(d.sdi.classification, 'open');
    assert.equal(d.organization.name, 'kota-a');
    assert.deepEqual(d.keywords, ['laporan', 'pengaduan']);
    assert.equal(d.resources.length, 1);
    const r = d.resources[0]!;
    assert.equal(r.versions.length, 1);
    assert.deepEqual(
      r.columns.map((c) => [c.name, c.type, c.unit]),
      [
        ['bulan', 'date', null],
        ['kategori', 'text', null],
        ['jumlah', 'int', 'laporan'],
      ],
    );
    const rows = await reader(a, (rd) => rd.datastore(r.id, { limit: 10, offset: 0 }));
    assert.deepEqual(rows?.records[0], { _id: 1, bulan: '2026-10-01', kategori: 'Jalan rusak', jumlah: 42 });
    const file = await t.app.inject({
      method: 'GET',
      url: `/t/kota-a/api/v1/open-data/resources/${r.id}/versions/1/file`,
    });
    assert.equal(file.statusCode, 200);
    assert.equal(file.body, 'bulan,kategori,jumlah\r\n2026-10-01,Jalan rusak,42\r\n2026-10-01,Sampah,17\r\n');
  });

  test('identical rows keep no version; changed rows make the next, the first kept', async () => {
    await refresh();
    let d = await reader(a, (r) => r.dataset('stats-stand-in-reports-per-month'));
    assert.equal(d?.resources[0]?.versions.length, 1);
    feedRows = [...feedRows, { bulan: '2026-11-01', kategori: 'Sampah', jumlah: 9 }];
    await refresh();
    d = await reader(a, (r) => r.dataset('stats-stand-in-reports-per-month'));
    assert.deepEqual(
      d?.resources[0]?.versions.map((v) => v.version),
      [2, 1],
    );
    const rows = await reader(a, (rd) => rd.datastore(d!.resources[0]!.id, { limit: 10, offset: 0 }));
    assert.equal(rows?.total, 3);
    await refresh();
    d = await reader(a, (r) => r.dataset('stats-stand-in-reports-per-month'));
    assert.equal(d?.resources[0]?.versions.length, 2);
  });

  test('a tenant where the app is not live gets no dataset', async () => {
    assert.equal((await reader(b, (r) => r.search({ sort: 'name asc', limit: 10, offset: 0 }))).count, 0);
  });

  test("the fed dataset's data is not changed by hand", async () => {
    const admin = await bearerFor(
      t.app,
      'kota-a',
      (await makeStaff(t.platform, a.id, ['tenant_admin'])).email,
    );
    const d = await reader(a, (r) => r.dataset('stats-stand-in-reports-per-month'));
    const form = csvUpload('a,b\n1,2');
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/kota-a/api/v1/open-data/resources/${d!.resources[0]!.id}/versions`,
      headers: { ...admin, ...form.headers },
      payload: form.payload,
    });
    assert.equal(res.statusCode, 409, res.body);
    const list = await t.app.inject({
      method: 'GET',
      url: '/t/kota-a/api/v1/open-data/datasets',
      headers: admin,
    });
    assert.equal(list.json().datasets[0].feed, 'stats-stand-in.reports-per-month');
  });

  test('a feed whose value does not fit its column fails the refresh and keeps nothing new', async () => {
    feedRows = [{ bulan: 'Oktober', kategori: 'Sampah', jumlah: 1 }];
    await assert.rejects(refresh(), /row 1, column bulan/);
    const d = await reader(a, (r) => r.dataset('stats-stand-in-reports-per-month'));
    assert.equal(d?.resources[0]?.versions.length, 2);
  });
});
