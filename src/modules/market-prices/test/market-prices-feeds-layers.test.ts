/**
 * What the market prices app offers other apps through the kernel, read the way a catalogue or map
 * app reads it (`offeredDataFeeds`, `offeredMapLayers`): the published prices per day, market and
 * commodity over the feed's window — never a draft, a verified day not published, or a published
 * day still waiting for its time — and the active markets as map points; another tenant's never.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, makeLive } from '../../../../test/support/harness.ts';
import {
  type LayerQuery,
  newId,
  offeredDataFeeds,
  offeredMapLayers,
  SYSTEM_ACTOR,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { addDays } from '../prices.ts';
import { FEED_DAYS } from '../services/data-feeds.ts';
import { tx } from '../tables.ts';
import {
  B,
  C,
  D0,
  D1,
  D2,
  D3,
  type MarketPricesContext,
  publishTheStory,
  startMarketPrices,
  T,
} from './setup.ts';

describe(`market prices' data feed and map layer (${DB_KIND})`, () => {
  let ctx: MarketPricesContext;
  let other: VerifiedTenant;
  const WAITING = addDays(T, -4);
  const VERIFIED_ONLY = addDays(T, -3);
  const OLDEST = addDays(T, -(FEED_DAYS - 1));
  const TOO_OLD = addDays(T, -FEED_DAYS);

  const scoped = <R>(
    tenantId: string,
    fn: (scope: Parameters<Parameters<typeof ctx.t.platform.inTenant>[2]>[0]) => Promise<R>,
  ) => ctx.t.platform.inTenant(tenantId, SYSTEM_ACTOR, fn);

  /** Writes a published price directly, at a day no publication reaches (the window's edges). */
  async function publishedAt(
    tenantId: string,
    market: string,
    commodity: string,
    day: string,
    price: number,
  ) {
    await scoped(tenantId, async (scope) => {
      const db = tx(scope);
      const m = await db
        .selectFrom('markets')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('code', '=', market)
        .executeTakeFirstOrThrow();
      const c = await db
        .selectFrom('commodities')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('code', '=', commodity)
        .executeTakeFirstOrThrow();
      await db
        .insertInto('price_entries')
        .values({
          tenant_id: tenantId,
          market_id: m.id,
          commodity_id: c.id,
          day,
          quotes: JSON.stringify([price]),
          price,
          status: 'published',
          published_at: new Date(),
        })
        .execute();
    });
  }

  before(async () => {
    ctx = await startMarketPrices();
    await publishTheStory(ctx);
    // A day published but waiting for its publication time, one verified only, today's draft.
    await ctx.publishedDay(WAITING, [[B, [11_111]]], [[B, [11_112]]]);
    await scoped(ctx.tenant.id, (scope) =>
      tx(scope)
        .updateTable('price_days')
        .set({ public_from: new Date(Date.now() + 3_600_000) })
        .where('tenant_id', '=', ctx.tenant.id)
        .where('day', '=', WAITING)
        .execute(),
    );
    assert.equal((await ctx.enter(ctx.officerA, 'pasar-a', VERIFIED_ONLY, [[B, [22_222]]])).status, 200);
    assert.equal((await ctx.call('POST', `/review/${VERIFIED_ONLY}/verify`, ctx.supervisor, {})).status, 200);
    assert.equal((await ctx.enter(ctx.officerA, 'pasar-a', T, [[B, [33_333]]])).status, 200);
    await publishedAt(ctx.tenant.id, 'pasar-a', C, OLDEST, 44_444);
    await publishedAt(ctx.tenant.id, 'pasar-a', C, TOO_OLD, 55_555);
    // The neighbour, live with a market of its own at the same place and a published price.
    other = ctx.t.platform.directory.bySlug('kota-lain')!;
    await makeLive(ctx.t.platform, other.id, 'market-prices');
    await scoped(other.id, (scope) =>
      tx(scope)
        .insertInto('markets')
        .values({
          tenant_id: other.id,
          id: newId(),
          code: 'pasar-lain',
          name: 'Pasar Lain',
          lat: -6.18,
          lng: 106.63,
        })
        .execute(),
    );
    await publishedAt(other.id, 'pasar-lain', B, D2, 66_666);
  });
  after(() => ctx?.t.close());

  async function feedRows(tenantId: string) {
    const offered = offeredDataFeeds(ctx.t.platform, tenantId).find(
      (f) => f.id === 'market-prices.prices-daily',
    );
    assert.ok(offered);
    const tenant = ctx.t.platform.directory.all().find((t) => t.id === tenantId)!;
    return scoped(tenantId, (scope) => offered.feed.rows(scope, ctx.t.platform, tenant));
  }

  test('the published prices of the window, by day; nothing unpublished or waiting', async () => {
    const rows = await feedRows(ctx.tenant.id);
    const d3 = async (market: string, commodity: 'B' | 'C') => {
      const stored = await ctx.entryRows(market, D3);
      // entryRows gives no commodity; the story's chilli prices are far above its rice.
      const prices = stored.map((r) => r.price).sort((a, b) => a - b);
      return commodity === 'B' ? prices[0]! : prices[1]!;
    };
    const key = (r: Record<string, unknown>) => `${r.date} ${r.market_code} ${r.commodity_code} ${r.price}`;
    const expected = [
      [OLDEST, 'pasar-a', C, 44_444],
      [D0, 'pasar-a', B, 12_000],
      [D0, 'pasar-a', C, 50_000],
      [D0, 'pasar-b', B, 12_400],
      [D0, 'pasar-b', C, 52_000],
      [D1, 'pasar-a', B, 12_500],
      [D1, 'pasar-a', C, 50_000],
      [D1, 'pasar-b', B, 12_800],
      [D1, 'pasar-b', C, 50_000],
      [D2, 'pasar-a', B, 13_000],
      [D2, 'pasar-a', C, 52_000],
      [D2, 'pasar-b', B, 13_000],
      [D2, 'pasar-b', C, 54_000],
      [D3, 'pasar-a', B, await d3('pasar-a', 'B')],
      [D3, 'pasar-a', C, 54_000],
      [D3, 'pasar-b', B, await d3('pasar-b', 'B')],
      [D3, 'pasar-b', C, 80_000],
      [D3, 'pasar-c', B, 12_300],
      [D3, 'pasar-c', C, 60_000],
    ].map(([date, market_code, commodity_code, price]) => key({ date, market_code, commodity_code, price }));
    assert.deepEqual(rows.map(key).sort(), expected.sort());
    // Oldest day first.
    const dates = rows.map((r) => String(r.date));
    assert.deepEqual(dates, [...dates].sort());
    const first = rows.find((r) => r.date === D0 && r.market_code === 'pasar-a' && r.commodity_code === B)!;
    assert.equal(first.market, 'Pasar A');
    assert.equal(first.unit, 'kg');
    assert.equal(typeof first.commodity, 'string');
    assert.equal(typeof first.price, 'number');
    const feed = offeredDataFeeds(ctx.t.platform, ctx.tenant.id).find(
      (f) => f.id === 'market-prices.prices-daily',
    )!.feed;
    assert.deepEqual(
      Object.keys(first),
      feed.columns.map((c) => c.name),
    );
  });

  test('a waiting day appears once its publication time has come', async () => {
    await scoped(ctx.tenant.id, (scope) =>
      tx(scope)
        .updateTable('price_days')
        .set({ public_from: new Date(Date.now() - 1000) })
        .where('tenant_id', '=', ctx.tenant.id)
        .where('day', '=', WAITING)
        .execute(),
    );
    const rows = await feedRows(ctx.tenant.id);
    assert.deepEqual(
      rows.filter((r) => r.date === WAITING).map((r) => [r.market_code, r.price]),
      [
        ['pasar-a', 11_111],
        ['pasar-b', 11_112],
      ],
    );
  });

  test('the neighbour’s feed holds its own price only', async () => {
    const rows = await feedRows(other.id);
    assert.deepEqual(
      rows.map((r) => [r.date, r.market_code, r.price]),
      [[D2, 'pasar-lain', 66_666]],
    );
    assert.ok(!(await feedRows(ctx.tenant.id)).some((r) => r.market_code === 'pasar-lain'));
  });

  function layerOf(tenantId: string) {
    const offered = offeredMapLayers(ctx.t.platform, tenantId).find((l) => l.id === 'market-prices.markets');
    assert.ok(offered);
    const platform = ctx.t.platform;
    return {
      page: (q: Partial<LayerQuery> = {}) =>
        scoped(tenantId, (scope) => offered.layer.features(scope, platform, { limit: 10, offset: 0, ...q })),
      one: (id: string) => scoped(tenantId, (scope) => offered.layer.feature(scope, platform, id)),
      extent: () => scoped(tenantId, (scope) => offered.layer.extent(scope, platform)),
    };
  }

  test('the active markets as points: box edges inside, pages, extent, the neighbour’s apart', async () => {
    const put = (code: string, body: Record<string, unknown>) =>
      ctx.call('PUT', `/markets/${code}`, ctx.admin, {
        name: code === 'pasar-b' ? 'Pasar B' : 'Pasar C',
        ...body,
      });
    assert.equal((await put('pasar-b', { address: 'Jl. Pasar B', lat: -6.2, lng: 106.65 })).status, 200);
    assert.equal((await put('pasar-c', { lat: -6.1, lng: 106.7, active: false })).status, 200);
    const layer = layerOf(ctx.tenant.id);
    const codes = async (q: Partial<LayerQuery> = {}) =>
      (await layer.page(q)).features.map((f) => f.properties.code);
    assert.deepEqual(await codes(), ['pasar-a', 'pasar-b']);
    // Pasar A at (106.63, -6.18) and Pasar B at (106.65, -6.2) on the box's corners.
    assert.deepEqual(await codes({ bbox: [106.63, -6.2, 106.65, -6.18] }), ['pasar-a', 'pasar-b']);
    assert.deepEqual(await codes({ bbox: [106.6301, -6.2, 106.65, -6.18] }), ['pasar-b']);
    // Across the antimeridian: from 106.64° east round the world to 106.631° east.
    assert.deepEqual(await codes({ bbox: [106.64, -6.2, 106.631, -6.18] }), ['pasar-a', 'pasar-b']);
    assert.deepEqual(await codes({ bbox: [106.66, -6.2, 106.62, -6.18] }), []);
    const second = await layer.page({ limit: 1, offset: 1 });
    assert.deepEqual(
      second.features.map((f) => f.properties.code),
      ['pasar-b'],
    );
    assert.equal(second.numberMatched, 2);
    const b = second.features[0]!;
    assert.deepEqual(b.geometry, { type: 'Point', coordinates: [106.65, -6.2] });
    assert.equal(b.properties.name, 'Pasar B');
    assert.equal(b.properties.address, 'Jl. Pasar B');
    assert.match(String(b.properties.url), /\/t\/kota-segar\/harga\?market=pasar-b$/);
    assert.deepEqual(await layer.one(b.id), b);
    assert.deepEqual(await layer.extent(), { bbox: [106.63, -6.2, 106.65, -6.18], interval: null });
    // The inactive market is nowhere; the neighbour's market only in its own layer.
    const c = await scoped(ctx.tenant.id, (scope) =>
      tx(scope)
        .selectFrom('markets')
        .select('id')
        .where('tenant_id', '=', ctx.tenant.id)
        .where('code', '=', 'pasar-c')
        .executeTakeFirstOrThrow(),
    );
    assert.equal(await layer.one(c.id), null);
    assert.equal(await layer.one('pasar-a'), null);
    const theirs = layerOf(other.id);
    const their = await theirs.page();
    assert.deepEqual(
      their.features.map((f) => f.properties.code),
      ['pasar-lain'],
    );
    assert.equal(await layer.one(their.features[0]!.id), null);
  });
});
