/**
 * Publishing part of a day hides nothing (issue #15, item 14): after the story's full day (three
 * markets, two commodities) a supervisor publishes today with one commodity at one market. The
 * public's latest prices are each commodity's latest published price at each market, with its day;
 * the city's figures come from those; and the review warns, before publication, which markets and
 * commodities the day leaves out.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import {
  avg,
  B,
  C,
  D1,
  D3,
  type MarketPricesContext,
  pct,
  publishTheStory,
  startMarketPrices,
  T,
} from './setup.ts';

describe(`market prices: the latest price of each commodity at each market (${DB_KIND})`, () => {
  let ctx: MarketPricesContext;

  before(async () => {
    ctx = await startMarketPrices();
    await publishTheStory(ctx);
    // Public as soon as published, whatever the clock of the test run.
    const s = await ctx.call('PATCH', '/settings', ctx.admin, { publishTime: '00:00' });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal((await ctx.enter(ctx.officerA, 'pasar-a', T, [[B, [13_250]]])).status, 200);
  });
  after(() => ctx?.t.close());

  test('the review names the markets and commodities a publication leaves out', async () => {
    const res = await ctx.call('GET', `/review/${T}`, ctx.supervisor);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byCode = new Map(res.body.markets.map((m: Json) => [m.code, m]));
    const a = byCode.get('pasar-a') as Json;
    assert.ok(a.missingCommodities.some((c: Json) => c.code === C));
    assert.ok(!a.missingCommodities.some((c: Json) => c.code === B));
    assert.equal(a.missingCommodities.length, a.missing);
    for (const code of ['pasar-b', 'pasar-c']) {
      const m = byCode.get(code) as Json;
      assert.equal(m.items.length, 0);
      assert.equal(m.missingCommodities.length, m.missing);
      assert.ok(m.missingCommodities.some((c: Json) => c.code === B));
    }
  });

  test('publishing one commodity at one market keeps every other latest price, each with its day', async () => {
    assert.equal((await ctx.call('POST', `/review/${T}/verify`, ctx.supervisor, {})).status, 200);
    const p = await ctx.call('POST', `/review/${T}/publish`, ctx.supervisor);
    assert.equal(p.status, 200, JSON.stringify(p.body));
    const res = await ctx.call('GET', '/today');
    assert.equal(res.status, 200);
    const view = res.body;
    assert.equal(view.day, T);
    const item = (market: string, commodity: string) =>
      view.markets.find((m: Json) => m.code === market)?.items.find((i: Json) => i.commodity === commodity);
    assert.deepEqual(
      ['pasar-a', 'pasar-b', 'pasar-c'].flatMap((m) =>
        [B, C].map((c) => [m, c, item(m, c)?.price, item(m, c)?.day]),
      ),
      [
        ['pasar-a', B, 13_250, T],
        ['pasar-a', C, 54_000, D3],
        ['pasar-b', B, 12_250, D3],
        ['pasar-b', C, 80_000, D3],
        ['pasar-c', B, 12_300, D3],
        ['pasar-c', C, 60_000, D3],
      ],
    );
    // A change compares with an earlier day than the price's own, never with itself.
    assert.equal(item('pasar-a', B).change.yesterday.price, 13_500);
    assert.equal(item('pasar-a', C).change.yesterday, null);
    assert.equal(item('pasar-a', C).change.week.day, D1);
    assert.equal(item('pasar-a', C).change.week.percent, pct(54_000, 50_000));
    // The city: every market's latest price, the newest of their days.
    const rice = view.city.find((r: Json) => r.commodity.code === B);
    assert.deepEqual(
      [rice.price, rice.min, rice.max, rice.markets, rice.cheapest.code, rice.day],
      [avg(13_250, 12_250, 12_300), 12_250, 13_250, 3, 'pasar-b', T],
    );
    const chilli = view.city.find((r: Json) => r.commodity.code === C);
    assert.deepEqual(
      [chilli.price, chilli.markets, chilli.cheapest.code, chilli.day],
      [avg(54_000, 80_000, 60_000), 3, 'pasar-a', D3],
    );
    // The CSV download and an asked day read the same latest prices.
    const csv = await ctx.call('GET', '/today.csv');
    assert.match(String(csv.body), new RegExp(`${D3},pasar-b,Pasar B,${C},`));
    const asked = await ctx.call('GET', `/today?day=${T}`);
    assert.equal(asked.body.markets.length, 3);
    // The citizen's page of a market that sent nothing today shows its latest prices, dated.
    const page = await ctx.t.app.inject({ url: '/t/kota-segar/harga?market=pasar-b&lang=en' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /80,000/);
    assert.equal(page.body.match(/class="meta-inline own-day"/g)?.length, 2);
    assert.match(page.body, /price of /);
  });
});
