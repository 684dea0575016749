/**
 * What the reports app offers other apps through the kernel: its data feeds (public reports per
 * category, agency and month; per kelurahan) and its map layers (the public reports, every report
 * for staff), read the way a catalogue or map app reads them (`offeredDataFeeds`,
 * `offeredMapLayers`). Months are the tenant's, a confidential report, one set aside and one not yet
 * verified (when the tenant publishes only verified reports) are never public, a box includes its
 * edge, pages are stable, and another tenant's reports never show.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND } from '../../../../test/support/harness.ts';
import {
  type BBox,
  type LayerQuery,
  newId,
  offeredDataFeeds,
  offeredMapLayers,
  SYSTEM_ACTOR,
} from '../../../platform/sdk/index.ts';
import { insertReport } from '../repo/reports.ts';
import { type ReportsContext, startReports } from './reports-setup.ts';

type Seed = {
  no: string;
  at: string;
  category?: string;
  agency?: 'dpupr' | 'dlh' | null;
  place?: [lng: number, lat: number] | null;
  status?: 'received' | 'in_progress' | 'done' | 'closed' | 'rejected';
  doneAfterDays?: number;
  kelurahan?: string;
  confidential?: boolean;
  setAside?: boolean;
  verified?: boolean;
};

describe(`reports' data feeds and map layers (${DB_KIND})`, () => {
  let ctx: ReportsContext;
  let otherId: string;
  const ids = new Map<string, string>();

  async function seed(tenantId: string, s: Seed) {
    const id = newId();
    ids.set(s.no, id);
    const at = new Date(s.at);
    const agency = s.agency === undefined ? 'dpupr' : s.agency;
    await ctx.t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      insertReport(scope, {
        id,
        tracking_no: s.no,
        type: 'complaint',
        category_code: s.category ?? 'roads',
        description: `Laporan ${s.no}`,
        status: s.status ?? 'received',
        channel: 'web',
        lng: s.place === null ? null : (s.place?.[0] ?? 106.605),
        lat: s.place === null ? null : (s.place?.[1] ?? -6.195),
        address: s.place === null ? 'Jl. Tanpa Titik 1' : null,
        kelurahan: s.kelurahan ?? null,
        agency_id: tenantId === ctx.tenantId && agency ? ctx[agency] : null,
        public: !s.setAside,
        confidential: s.confidential ?? false,
        verified_at: s.verified ? at : null,
        first_done_at:
          s.doneAfterDays === undefined ? null : new Date(at.getTime() + s.doneAfterDays * 86_400_000),
        created_at: at,
      }),
    );
  }

  before(async () => {
    ctx = await startReports();
    otherId = ctx.t.platform.directory.bySlug('kota-tetangga')!.id;
    // 23:30 WIB on 31 January: January in the tenant's zone (already 1 February nowhere yet).
    await seed(ctx.tenantId, {
      no: 'A1',
      at: '2026-01-31T16:30:00Z',
      place: [106.6, -6.2],
      status: 'done',
      doneAfterDays: 2,
      kelurahan: 'Sukasari',
      verified: true,
    });
    await seed(ctx.tenantId, {
      no: 'A2',
      at: '2026-01-10T03:00:00Z',
      place: [106.61, -6.19],
      status: 'closed',
      doneAfterDays: 4,
      kelurahan: ' sukasari ',
    });
    // 00:10 WIB on 1 February: February, though still 31 January in UTC.
    await seed(ctx.tenantId, { no: 'A3', at: '2026-01-31T17:10:00Z', kelurahan: 'Babakan', verified: true });
    await seed(ctx.tenantId, { no: 'A4', at: '2026-01-15T05:00:00Z', confidential: true, doneAfterDays: 1 });
    await seed(ctx.tenantId, { no: 'A5', at: '2026-01-16T05:00:00Z', setAside: true, status: 'rejected' });
    await seed(ctx.tenantId, {
      no: 'A6',
      at: '2026-03-05T01:00:00Z',
      category: 'sanitation',
      agency: 'dlh',
      place: [106.7, -6.3],
      status: 'in_progress',
    });
    await seed(ctx.tenantId, {
      no: 'A7',
      at: '2026-01-20T05:00:00Z',
      category: 'other',
      agency: null,
      place: null,
    });
    // The neighbour's report, at the same place and in the same month.
    await seed(otherId, { no: 'B1', at: '2026-01-12T05:00:00Z', agency: null, kelurahan: 'Sukasari' });
  });
  after(() => ctx?.t.close());

  const tenantOf = (id: string) => ctx.t.platform.directory.all().find((t) => t.id === id)!;

  async function feedRows(tenantId: string, feedId: string) {
    const offered = offeredDataFeeds(ctx.t.platform, tenantId).find((f) => f.id === feedId);
    assert.ok(offered, `${feedId} offered`);
    return ctx.t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      offered.feed.rows(scope, ctx.t.platform, tenantOf(tenantId)),
    );
  }

  function layerOf(tenantId: string, layerId: string) {
    const offered = offeredMapLayers(ctx.t.platform, tenantId).find((l) => l.id === layerId);
    assert.ok(offered, `${layerId} offered`);
    const { layer } = offered;
    const platform = ctx.t.platform;
    return {
      layer,
      page: (q: Partial<LayerQuery> = {}) =>
        platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
          layer.features(scope, platform, { limit: 10, offset: 0, ...q }),
        ),
      nos: async (q: Partial<LayerQuery> = {}) => {
        const page = await platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
          layer.features(scope, platform, { limit: 10, offset: 0, ...q }),
        );
        return page.features.map((f) => f.properties.trackingNo);
      },
      one: (id: string) =>
        platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) => layer.feature(scope, platform, id)),
      extent: () => platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) => layer.extent(scope, platform)),
    };
  }

  test('reports per category, agency and month: public reports only, months in the tenant’s zone', async () => {
    const rows = await feedRows(ctx.tenantId, 'reports.reports-per-category-month');
    assert.deepEqual(rows, [
      // A7 has no place and no agency: it counts all the same.
      {
        month: '2026-01-01',
        category_code: 'other',
        category: 'other',
        agency_code: null,
        agency: null,
        filed: 1,
        done: 0,
        median_days_to_done: null,
      },
      // A1 (23:30 WIB on the 31st) and A2; not the confidential A4 nor A5, set aside.
      {
        month: '2026-01-01',
        category_code: 'roads',
        category: 'roads',
        agency_code: 'DPUPR',
        agency: 'Dinas DPUPR',
        filed: 2,
        done: 2,
        median_days_to_done: 3,
      },
      {
        month: '2026-02-01',
        category_code: 'roads',
        category: 'roads',
        agency_code: 'DPUPR',
        agency: 'Dinas DPUPR',
        filed: 1,
        done: 0,
        median_days_to_done: null,
      },
      {
        month: '2026-03-01',
        category_code: 'sanitation',
        category: 'sanitation',
        agency_code: 'DLH',
        agency: 'Dinas DLH',
        filed: 1,
        done: 0,
        median_days_to_done: null,
      },
    ]);
    const feed = offeredDataFeeds(ctx.t.platform, ctx.tenantId).find(
      (f) => f.id === 'reports.reports-per-category-month',
    )!.feed;
    assert.deepEqual(
      Object.keys(rows[0]!),
      feed.columns.map((c) => c.name),
    );
  });

  test('reports per kelurahan and month: spellings counted together, none under null', async () => {
    const rows = await feedRows(ctx.tenantId, 'reports.reports-per-area-month');
    assert.deepEqual(rows, [
      {
        month: '2026-01-01',
        kelurahan: 'Sukasari',
        category_code: 'roads',
        category: 'roads',
        filed: 2,
        done: 2,
      },
      { month: '2026-01-01', kelurahan: null, category_code: 'other', category: 'other', filed: 1, done: 0 },
      {
        month: '2026-02-01',
        kelurahan: 'Babakan',
        category_code: 'roads',
        category: 'roads',
        filed: 1,
        done: 0,
      },
      {
        month: '2026-03-01',
        kelurahan: null,
        category_code: 'sanitation',
        category: 'sanitation',
        filed: 1,
        done: 0,
      },
    ]);
  });

  test('the neighbour’s feeds hold its own report only', async () => {
    const rows = await feedRows(otherId, 'reports.reports-per-category-month');
    assert.deepEqual(
      rows.map((r) => [r.month, r.category_code, r.filed]),
      [['2026-01-01', 'roads', 1]],
    );
  });

  test('a box includes its edges; the public layer never shows a confidential or set-aside report', async () => {
    const pub = layerOf(ctx.tenantId, 'reports.reports');
    const box: BBox = [106.6, -6.2, 106.61, -6.19];
    // A1 and A2 lie on opposite corners; ordered by longitude, latitude, id.
    assert.deepEqual(await pub.nos({ bbox: box }), ['A1', 'A3', 'A2']);
    assert.equal((await pub.page({ bbox: box })).numberMatched, 3);
    assert.deepEqual(await pub.nos({ bbox: [106.6001, -6.2, 106.61, -6.19] }), ['A3', 'A2']);
    assert.deepEqual(await pub.nos({ bbox: [106.0, -7.0, 106.5, -6.9] }), []);
    const staff = layerOf(ctx.tenantId, 'reports.reports-all');
    assert.deepEqual((await staff.nos({ bbox: box })).sort(), ['A1', 'A2', 'A3', 'A4', 'A5']);
    assert.equal(await pub.one(ids.get('A4')!), null);
    assert.equal(await pub.one(ids.get('A5')!), null);
    assert.equal(await pub.one('A1'), null);
    assert.ok(await staff.one(ids.get('A4')!));
  });

  test('a public feature: its number, category, status, filing time and page', async () => {
    const f = await layerOf(ctx.tenantId, 'reports.reports').one(ids.get('A1')!);
    assert.ok(f);
    assert.deepEqual(f.geometry, { type: 'Point', coordinates: [106.6, -6.2] });
    assert.deepEqual(
      { ...f.properties, url: undefined },
      {
        trackingNo: 'A1',
        categoryCode: 'roads',
        category: 'roads',
        status: 'done',
        filedAt: '2026-01-31T16:30:00.000Z',
        url: undefined,
      },
    );
    assert.match(String(f.properties.url), /\/t\/kota-lapor\/laporan\/A1$/);
  });

  test('time filter (both ends inclusive) and stable pages', async () => {
    const pub = layerOf(ctx.tenantId, 'reports.reports');
    const start = new Date('2026-01-31T16:30:00Z');
    assert.deepEqual(await pub.nos({ start, end: new Date('2026-02-28T00:00:00Z') }), ['A1', 'A3']);
    assert.deepEqual(await pub.nos({ start, end: new Date('2026-01-31T17:10:00Z') }), ['A1', 'A3']);
    assert.deepEqual(await pub.nos({ start: new Date('2026-03-01T00:00:00Z') }), ['A6']);
    const all = await pub.nos();
    assert.deepEqual(all, ['A1', 'A3', 'A2', 'A6']);
    const first = await pub.page({ limit: 2, offset: 0 });
    const second = await pub.page({ limit: 2, offset: 2 });
    assert.equal(first.numberMatched, 4);
    assert.equal(second.numberMatched, 4);
    assert.deepEqual(
      [...first.features, ...second.features].map((f) => f.properties.trackingNo),
      all,
    );
    const past = await pub.page({ limit: 2, offset: 4 });
    assert.deepEqual([past.features, past.numberMatched], [[], 4]);
    const last = await pub.page({ limit: 3, offset: 3 });
    assert.deepEqual([last.features.map((f) => f.properties.trackingNo), last.numberMatched], [['A6'], 4]);
  });

  test('extent: the public reports’ box and time span; the neighbour’s layer has its own', async () => {
    assert.deepEqual(await layerOf(ctx.tenantId, 'reports.reports').extent(), {
      bbox: [106.6, -6.3, 106.7, -6.19],
      interval: ['2026-01-10T03:00:00.000Z', '2026-03-05T01:00:00.000Z'],
    });
    const theirs = layerOf(otherId, 'reports.reports');
    assert.deepEqual(await theirs.nos(), ['B1']);
    assert.equal(await theirs.one(ids.get('A1')!), null);
    assert.deepEqual(await layerOf(otherId, 'reports.reports-all').nos(), ['B1']);
    assert.ok(!(await layerOf(ctx.tenantId, 'reports.reports-all').nos()).includes('B1'));
  });

  test('a tenant that publishes only verified reports: the layer and the counts shrink to them', async () => {
    const set = await ctx.call('PATCH', '/reports/settings', ctx.admin, { verifyBeforePublic: true });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    try {
      const pub = layerOf(ctx.tenantId, 'reports.reports');
      assert.deepEqual(await pub.nos(), ['A1', 'A3']);
      assert.equal(await pub.one(ids.get('A2')!), null);
      const rows = await feedRows(ctx.tenantId, 'reports.reports-per-category-month');
      assert.deepEqual(
        rows.map((r) => [r.month, r.category_code, r.filed]),
        [
          ['2026-01-01', 'roads', 1],
          ['2026-02-01', 'roads', 1],
        ],
      );
    } finally {
      await ctx.call('PATCH', '/reports/settings', ctx.admin, { verifyBeforePublic: false });
    }
  });
});
