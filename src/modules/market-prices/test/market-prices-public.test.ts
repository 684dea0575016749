/**
 * The market prices app through the API once days are published (set up by `publishTheStory`):
 * the public views (change against yesterday, last week, last month; cheapest market; history from
 * the rollup; gzip and caching; CSV downloads), corrections with a reason in the audit trail, the
 * alerts listed for staff, publication at the tenant's publication time and the leaders' daily
 * summary. Entry, import and review are in market-prices-entry.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { DB_KIND, type Json } from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import { localInstant } from '../../../platform/sdk/shared.ts';
import { parseCsv } from '../csv.ts';
import { addDays } from '../prices.ts';
import { runDailySummary } from '../services/daily-summary.ts';
import { todayView } from '../services/public-views.ts';
import { publishDay, verifyDay } from '../services/review.ts';
import { todayOf } from '../services/today.ts';
import { tx } from '../tables.ts';
import {
  avg,
  B,
  base,
  C,
  CSV_DAY,
  D0,
  D1,
  D2,
  D3,
  type MarketPricesContext,
  pct,
  publishTheStory,
  startMarketPrices,
  T,
} from './setup.ts';

describe(`market prices app (${DB_KIND})`, () => {
  let t: MarketPricesContext['t'];
  let tenant: MarketPricesContext['tenant'];
  let admin: MarketPricesContext['admin'];
  let supervisor: MarketPricesContext['supervisor'];
  let supervisorId: MarketPricesContext['supervisorId'];
  let officerA: MarketPricesContext['officerA'];
  let officerB: MarketPricesContext['officerB'];
  let viewer: MarketPricesContext['viewer'];
  let supervisorEmail: MarketPricesContext['supervisorEmail'];
  let call: MarketPricesContext['call'];
  let enter: MarketPricesContext['enter'];
  let outbox: MarketPricesContext['outbox'];
  let publishedDay: MarketPricesContext['publishedDay'];

  before(async () => {
    ({
      t,
      tenant,
      admin,
      supervisor,
      supervisorId,
      officerA,
      officerB,
      viewer,
      supervisorEmail,
      call,
      enter,
      outbox,
      publishedDay,
    } = await startMarketPrices());
    await publishTheStory({ call, enter, publishedDay, officerA, officerB, supervisor });
  });
  after(() => t?.close());

  test('the public sees the day per market and city-wide, its changes and the cheapest market', async () => {
    const res = await call('GET', `/today?day=${D3}`);
    assert.equal(res.status, 200);
    const view = res.body;
    assert.equal(view.day, D3);
    assert.deepEqual(view.compared, { yesterday: D2, week: D1, month: D0 });
    const rice = view.city.find((r: Json) => r.commodity.code === B);
    const riceNow = avg(13_500, 12_250, 12_300);
    assert.equal(rice.price, riceNow);
    assert.equal(rice.min, 12_250);
    assert.equal(rice.max, 13_500);
    assert.equal(rice.markets, 3);
    assert.deepEqual(rice.cheapest, { code: 'pasar-b', name: 'Pasar B', price: 12_250 });
    const riceD2 = avg(13_000, 13_000);
    assert.deepEqual(rice.change.yesterday, {
      day: D2,
      price: riceD2,
      diff: riceNow - riceD2,
      percent: pct(riceNow, riceD2),
    });
    assert.equal(rice.change.week.price, avg(12_500, 12_800));
    assert.equal(rice.change.month.price, avg(12_000, 12_400));
    const chilli = view.city.find((r: Json) => r.commodity.code === C);
    assert.equal(chilli.cheapest.code, 'pasar-a');
    const pasarB = view.markets.find((m: Json) => m.code === 'pasar-b');
    const chilliB = pasarB.items.find((i: Json) => i.commodity === C);
    assert.equal(chilliB.price, 80_000);
    assert.equal(chilliB.change.week.percent, pct(80_000, 50_000));
    const pasarC = view.markets.find((m: Json) => m.code === 'pasar-c');
    assert.equal(pasarC.items.find((i: Json) => i.commodity === B).change.yesterday, null);
    // Without a day: the latest published day up to today.
    assert.equal((await call('GET', '/today')).body.day, D3);
    // Nothing published yet on or before D0's eve.
    const empty = await call('GET', `/today?day=${addDays(D0, -1)}`);
    assert.deepEqual([empty.body.day, empty.body.city], [null, []]);
  });

  test('history comes from the rollup city-wide and from the entries per market', async () => {
    const city = await call('GET', `/history?commodity=${C}&from=${D0}&to=${T}`);
    assert.equal(city.status, 200, JSON.stringify(city.body));
    assert.deepEqual(
      city.body.points.map((p: Json) => [p.day, p.price, p.markets]),
      [
        [D0, avg(50_000, 52_000), 2],
        [D1, 50_000, 2],
        [D2, avg(52_000, 54_000), 2],
        [D3, avg(54_000, 80_000, 60_000), 3],
      ],
    );
    const rows = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      tx(scope).selectFrom('price_rollups').select('day').where('tenant_id', '=', tenant.id).execute(),
    );
    assert.equal(rows.length, 8, 'one rollup row per commodity and published day');
    const market = await call('GET', `/history?commodity=${C}&market=pasar-b&from=${D0}&to=${T}`);
    assert.deepEqual(
      market.body.points.map((p: Json) => [p.day, p.price]),
      [
        [D0, 52_000],
        [D1, 50_000],
        [D2, 54_000],
        [D3, 80_000],
      ],
    );
    const reversed = await call('GET', `/history?commodity=${C}&from=${T}&to=${D0}`);
    assert.equal(reversed.status, 400);
    assert.equal(reversed.body.errors[0].code, 'date_order');
    const long = await call('GET', `/history?commodity=${C}&from=${addDays(T, -800)}&to=${T}`);
    assert.equal(long.body.errors[0].code, 'range_too_long');
    const unknown = await call('GET', `/history?commodity=kopi&market=pasar-z`);
    assert.deepEqual(
      unknown.body.errors.map((e: Json) => e.path),
      ['/querystring/commodity', '/querystring/market'],
    );
  });

  test('a client that accepts gzip gets the same JSON gzipped; others get it as it is', async () => {
    // The latest prices (cached, gzipped once) and the same day asked by date (read each time).
    for (const url of [`${base}/today`, `${base}/today?day=${T}`]) {
      const plain = await t.app.inject({ url });
      assert.equal(plain.statusCode, 200);
      assert.ok(plain.rawPayload.length >= 1024, `${url} is large enough to be worth gzip`);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(String(plain.headers.vary), /accept-encoding/i);
      assert.match(String(plain.headers['content-type']), /^application\/json/);
      // Served twice more from the cache: gzipped when accepted (named, or `*`), never when refused.
      for (const accept of ['gzip, deflate, br, zstd', '*', 'br;q=1, gzip;q=0.5']) {
        const packed = await t.app.inject({ url, headers: { 'accept-encoding': accept } });
        assert.equal(packed.headers['content-encoding'], 'gzip', accept);
        assert.match(String(packed.headers['content-type']), /^application\/json/);
        assert.ok(packed.rawPayload.length < plain.rawPayload.length, 'smaller gzipped');
        assert.deepEqual(JSON.parse(gunzipSync(packed.rawPayload).toString('utf8')), plain.json(), accept);
      }
      for (const accept of ['gzip;q=0', 'br', 'identity', '*;q=0']) {
        const asIs = await t.app.inject({ url, headers: { 'accept-encoding': accept } });
        assert.equal(asIs.headers['content-encoding'], undefined, accept);
        assert.equal(asIs.body, plain.body, accept);
      }
    }
    // Under 1 kB, gzip would save less than it costs: a day of one market's history goes as it is.
    const url = `${base}/history?commodity=${C}&market=pasar-a&from=${D3}&to=${D3}`;
    const plain = await t.app.inject({ url });
    assert.equal(plain.statusCode, 200);
    assert.ok(plain.rawPayload.length < 1024, 'a small answer');
    const small = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    assert.equal(small.headers['content-encoding'], undefined);
    assert.equal(small.body, plain.body);
  });

  test('the default year of history is cached; a history with a window of its own is read each time', async () => {
    const year = `/history?commodity=${C}`;
    const own = `/history?commodity=${C}&from=${D0}&to=${T}`;
    const cached = await call('GET', year);
    const before = await call('GET', own);
    assert.equal(cached.body.points.at(-1).price, before.body.points.at(-1).price);
    // A change behind the app's back (no invalidation): only the read that is not cached sees it.
    const shift = (by: number) =>
      t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        tx(scope)
          .updateTable('price_rollups')
          .set((eb) => ({ avg_price: eb('avg_price', '+', by) }))
          .where('tenant_id', '=', tenant.id)
          .execute(),
      );
    await shift(1);
    try {
      assert.deepEqual((await call('GET', year)).body, cached.body);
      assert.equal((await call('GET', own)).body.points.at(-1).price, before.body.points.at(-1).price + 1);
    } finally {
      await shift(-1);
    }
  });

  test('CSV downloads are escaped and read back to the same figures', async () => {
    const today = await t.app.inject({ url: `${base}/today.csv?day=${D3}` });
    assert.equal(today.statusCode, 200);
    assert.match(String(today.headers['content-type']), /^text\/csv/);
    assert.match(String(today.headers['content-disposition']), new RegExp(`harga-${D3}\\.csv`));
    const records = parseCsv(today.body);
    assert.equal(records[0]!.cells[0], 'day');
    const lineC = records.find((r) => r.cells[1] === 'pasar-c' && r.cells[3] === B);
    assert.equal(lineC?.cells[2], 'Pasar C, Blok "Timur"');
    assert.ok(today.body.includes('"Pasar C, Blok ""Timur"""'));
    const cityRice = records.find((r) => r.cells[1] === 'city' && r.cells[3] === B);
    assert.equal(Number(cityRice?.cells[6]), avg(13_500, 12_250, 12_300));
    const history = await t.app.inject({
      url: `${base}/history.csv?commodity=${B}&market=pasar-a&from=${D0}&to=${T}`,
    });
    const rows = parseCsv(history.body);
    assert.deepEqual(rows[0]!.cells, [
      'day',
      'commodity',
      'market',
      'unit',
      'price',
      'min',
      'max',
      'markets',
    ]);
    assert.deepEqual(
      rows.slice(1).map((r) => [r.cells[0], Number(r.cells[4])]),
      [
        [D0, 12_000],
        [D1, 12_500],
        [D2, 13_000],
        [D3, 13_500],
      ],
    );
  });

  test('a published day takes no more entries; a supervisor corrects it with a reason, kept in the audit trail', async () => {
    const late = await enter(officerB, 'pasar-b', D3, [[C, [56_000]]]);
    assert.equal(late.status, 409);
    assert.match(late.body.detail, /corrections\/pasar-b/);
    const noReason = await call('POST', `/corrections/pasar-b/${D3}`, supervisor, {
      commodity: C,
      quotes: [56_000],
    });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.errors[0].path, '/body/reason');
    assert.equal(
      (
        await call('POST', `/corrections/pasar-b/${D3}`, officerB, {
          commodity: C,
          quotes: [56_000],
          reason: 'Salah ketik',
        })
      ).status,
      403,
    );
    const absurd = await call('POST', `/corrections/pasar-b/${D3}`, supervisor, {
      commodity: C,
      quotes: [560],
      reason: 'Salah ketik angka nol',
    });
    assert.equal(absurd.status, 400);
    assert.equal(absurd.body.errors[0].path, '/body/quotes/0');
    const reason = 'Petugas salah ketik: 80.000 seharusnya 56.000';
    const fixed = await call('POST', `/corrections/pasar-b/${D3}`, supervisor, {
      commodity: C,
      quotes: [56_000],
      reason,
    });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.deepEqual([fixed.body.before, fixed.body.price], [80_000, 56_000]);
    const audit = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('audit_log')
        .select(['actor_user_id', 'before', 'after'])
        .where('tenant_id', '=', tenant.id)
        .where('action', '=', 'market-prices.price.correct')
        .execute(),
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, supervisorId);
    assert.deepEqual(audit[0]!.before, { quotes: [80_000], price: 80_000, status: 'published' });
    assert.deepEqual(audit[0]!.after, { quotes: [56_000], price: 56_000, reason });
    // The rollup and the cached public views follow the correction.
    const today = await call('GET', `/today?day=${D3}`);
    const chilli = today.body.city.find((r: Json) => r.commodity.code === C);
    assert.equal(chilli.price, avg(54_000, 56_000, 60_000));
    const city = await call('GET', `/history?commodity=${C}&from=${D3}&to=${D3}`);
    assert.equal(city.body.points[0].price, avg(54_000, 56_000, 60_000));
    // Correcting a day that is not published is refused: the daily entry is the way there.
    const notYet = await call('POST', `/corrections/pasar-a/${CSV_DAY}`, supervisor, {
      commodity: C,
      quotes: [50_000],
      reason: 'Belum terbit tetapi dikoreksi',
    });
    assert.equal(notYet.status, 409);
  });

  test('alerts are listed for staff, not for the public', async () => {
    const res = await call('GET', `/alerts?from=${D0}&to=${T}`, viewer);
    assert.equal(res.status, 200);
    const items = res.body.items as Json[];
    assert.equal(items.length, 2);
    const city = items.find((a) => a.market === null)!;
    assert.equal(city.commodity.code, C);
    assert.equal(city.previousDay, D1);
    assert.equal(city.previous, 50_000);
    assert.equal(city.current, avg(54_000, 80_000, 60_000));
    assert.equal(city.percent, pct(avg(54_000, 80_000, 60_000), 50_000));
    const market = items.find((a) => a.market !== null)!;
    assert.deepEqual([market.market.code, market.previous, market.current], ['pasar-b', 50_000, 80_000]);
    assert.equal((await call('GET', '/alerts')).status, 401);
  });

  test('an alert raised by a correction of an earlier day comes first when alerts are asked by when they were raised', async () => {
    // Pasar A's rice on D2 was 14.500, not 13.000: more than 10% above D1's 12.500.
    const fixed = await call('POST', `/corrections/pasar-a/${D2}`, supervisor, {
      commodity: B,
      quotes: [14_500],
      reason: 'Harga beras salah catat',
    });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    const recent = await call('GET', `/alerts?from=${D0}&order=recent&limit=1`, viewer);
    assert.equal(recent.status, 200, JSON.stringify(recent.body));
    assert.deepEqual(
      recent.body.items.map((a: Json) => [a.day, a.commodity.code, a.market?.code, a.previous, a.current]),
      [[D2, B, 'pasar-a', 12_500, 14_500]],
    );
    // By day (the default), the later day's alerts come first and the limit leaves it out.
    const byDay = await call('GET', `/alerts?from=${D0}&limit=1`, viewer);
    assert.equal(byDay.body.items[0].day, D3);
    assert.deepEqual(
      (await call('GET', `/alerts?from=${D0}&order=day`, viewer)).body.items.map((a: Json) => a.day),
      [D3, D3, D2],
    );
    const all = await call('GET', `/alerts?from=${D0}&order=recent`, viewer);
    assert.deepEqual(
      all.body.items.map((a: Json) => a.createdAt),
      [...all.body.items.map((a: Json) => a.createdAt)].sort().reverse(),
    );
    const bad = await call('GET', '/alerts?order=percent', viewer);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, '/querystring/order');
  });

  test('today’s prices are public only from the publication time; the daily summary follows once', async () => {
    const settings = await call('PATCH', '/settings', admin, { publishTime: '13:00', alertPercent: 10 });
    assert.deepEqual(settings.body, { publishTime: '13:00', jumpPercent: 20, alertPercent: 10 });
    assert.equal((await enter(officerA, 'pasar-a', T, [[B, [13_250]]])).status, 200);
    const morning = localInstant(T, '08:30', 'Asia/Jakarta');
    const at = (time: string) => localInstant(T, time, 'Asia/Jakarta');
    const result = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const access = { userId: supervisorId, may: () => true };
      await verifyDay(t.platform, scope, tenant, T, undefined, access, morning);
      return publishDay(t.platform, scope, tenant, T, access, 'id', morning);
    });
    assert.equal(result.publicFrom, at('13:00').toISOString());
    const viewAt = (now: Date) =>
      t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        todayView(t.platform, scope, tenant, undefined, 'id', now),
      );
    // Yesterday was published by `publishTheStory` with the real clock: public from then (or from its
    // own publication time), so at 12:59 today it is the day shown only when that came before.
    const yesterday = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      tx(scope)
        .selectFrom('price_days')
        .select('public_from')
        .where('day', '=', D3)
        .executeTakeFirstOrThrow(),
    );
    const shownBefore = new Date(yesterday.public_from!) <= at('12:59') ? D3 : null;
    assert.equal((await viewAt(at('12:59'))).day, shownBefore);
    assert.equal((await viewAt(at('13:00'))).day, T);
    // Through the API, with the real clock: public exactly when its time has come.
    const expected = Date.now() >= at('13:00').getTime() ? T : D3;
    assert.equal((await call('GET', '/today')).body.day, expected);
    const history = await call('GET', `/history?commodity=${B}&market=pasar-a&from=${T}&to=${T}`);
    assert.equal(history.body.points.length, expected === T ? 1 : 0);
    const summary = (now: Date) =>
      t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
        runDailySummary(t.platform, scope, tenant, now),
      );
    assert.deepEqual(await summary(at('12:30')), { sent: 0 }, 'not before the publication time');
    const before = (await outbox()).length;
    assert.deepEqual(await summary(at('13:10')), { sent: 1 });
    assert.deepEqual(await summary(at('13:20')), { sent: 0 }, 'once a day');
    const mails = (await outbox()).slice(before);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.recipient, supervisorEmail);
    assert.match(mails[0]!.subject ?? '', new RegExp(T));
    assert.match(mails[0]!.body, /Beras kualitas medium I/);
    assert.equal(todayOf(tenant, at('13:10')), T);
  });
});
