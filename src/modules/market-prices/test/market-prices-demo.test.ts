/**
 * The demo's market prices: Kota Tangerang's markets with three weeks of published weekday prices,
 * written through the market prices service, a chilli spike that raised alerts, and today's prices
 * waiting for the supervisor; the demo officer and supervisor sign in with the printed credentials.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  type Json,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../platform/sdk/testing.ts';
import { marketPricesApp } from '../index.ts';

describe(`market prices demo data (${DB_KIND})`, () => {
  let t: TestContext;
  const base = '/t/kota-tangerang/api/v1/market-prices';
  before(async () => {
    t = await startTest({ modules: [marketPricesApp] });
    assert.equal(await seedDemo(t.platform), true);
  });
  after(() => t?.close());

  test('the public sees six markets’ published prices with their changes, and the chilli spike', async () => {
    const today = (await t.app.inject(`${base}/today`)).json() as Json;
    const T = localDateOf(new Date(), 'Asia/Jakarta');
    assert.ok(today.day < T, 'today’s prices are not published yet');
    assert.equal(today.markets.length, 6);
    assert.ok(today.city.length >= 25);
    assert.ok(today.compared.yesterday && today.compared.week);
    const chilli = today.city.find((r: Json) => r.commodity.code === 'cabai-rawit-merah');
    assert.ok(chilli.change.week.percent > 10, `chilli rose ${chilli.change.week.percent}%`);
    const url = `${base}/history?commodity=beras-medium-1&from=${today.compared.week}&to=${T}`;
    const history = (await t.app.inject(url)).json() as Json;
    assert.ok(history.points.length >= 5);
  });

  test('the spike raised alerts for the supervisor, and today waits for review', async () => {
    const supervisor = await bearerFor(
      t.app,
      'kota-tangerang',
      'disperindag@tangerang.balai.test',
      DEMO_PASSWORD,
    );
    const alerts = (await t.app.inject({ url: `${base}/alerts`, headers: supervisor })).json() as Json;
    assert.ok(alerts.items.length > 0);
    assert.ok(alerts.items.every((a: Json) => a.commodity.code === 'cabai-rawit-merah'));
    const T = localDateOf(new Date(), 'Asia/Jakarta');
    const review = (await t.app.inject({ url: `${base}/review/${T}`, headers: supervisor })).json() as Json;
    assert.equal(review.dayStatus, 'open');
    assert.equal(review.markets.length, 6);
    assert.ok(review.counts.draft >= 6 * 25);
    const officer = await bearerFor(t.app, 'kota-tangerang', 'pasar@tangerang.balai.test', DEMO_PASSWORD);
    const sheet = await t.app.inject({ url: `${base}/entry/pasar-anyar/${T}`, headers: officer });
    assert.equal(sheet.statusCode, 200);
    assert.ok(sheet.json().items.every((i: Json) => i.previous !== null));
  });
});
