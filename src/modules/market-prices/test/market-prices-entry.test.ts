/**
 * The market prices app through the API, up to a day's publication: three earlier days published,
 * officers entering a day's prices at their own market (median of the traders' quotes, the
 * previous price shown), bad prices refused with their paths, CSV import all or nothing with every
 * row's line, column and reason, and the supervisor's review (jump flags), verification and
 * publication with its alerts mailed to subscribers. Reference data is in
 * market-prices-reference.test.ts; what the public sees, corrections, alerts and the daily summary
 * in market-prices-public.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, type Json, multipartFile } from '../../../../test/support/harness.ts';
import { addDays } from '../prices.ts';
import {
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
  startMarketPrices,
  T,
} from './setup.ts';

describe(`market prices app (${DB_KIND})`, () => {
  let t: MarketPricesContext['t'];
  let supervisor: MarketPricesContext['supervisor'];
  let otherSupervisor: MarketPricesContext['otherSupervisor'];
  let officerA: MarketPricesContext['officerA'];
  let officerB: MarketPricesContext['officerB'];
  let viewer: MarketPricesContext['viewer'];
  let viewerEmail: MarketPricesContext['viewerEmail'];
  let supervisorEmail: MarketPricesContext['supervisorEmail'];
  let events: MarketPricesContext['events'];
  let call: MarketPricesContext['call'];
  let enter: MarketPricesContext['enter'];
  let entryRows: MarketPricesContext['entryRows'];
  let outbox: MarketPricesContext['outbox'];
  let publishedDay: MarketPricesContext['publishedDay'];

  before(async () => {
    ({
      t,
      supervisor,
      otherSupervisor,
      officerA,
      officerB,
      viewer,
      viewerEmail,
      supervisorEmail,
      events,
      call,
      enter,
      entryRows,
      outbox,
      publishedDay,
    } = await startMarketPrices());
  });
  after(() => t?.close());

  test('three earlier days are entered, verified and published', async () => {
    await publishedDay(
      D0,
      [
        [B, [12_000]],
        [C, [50_000]],
      ],
      [
        [B, [12_400]],
        [C, [52_000]],
      ],
    );
    await publishedDay(
      D1,
      [
        [B, [12_500]],
        [C, [50_000]],
      ],
      [
        [B, [12_800]],
        [C, [50_000]],
      ],
    );
    await publishedDay(
      D2,
      [
        [B, [13_000]],
        [C, [52_000]],
      ],
      [
        [B, [13_000]],
        [C, [54_000]],
      ],
    );
    const today = await call('GET', `/today?day=${D2}`);
    assert.equal(today.body.day, D2);
    const alerts = await call('GET', `/alerts?from=${D0}`, supervisor);
    assert.equal(alerts.status, 200);
    assert.deepEqual(alerts.body.items, [], 'no rise beyond 10% against a week before yet');
  });

  test('the officer’s sheet shows the previous published price; the market price is the median', async () => {
    const sheet = await call('GET', `/entry/pasar-a/${D3}`, officerA);
    assert.equal(sheet.status, 200, JSON.stringify(sheet.body));
    const rice = sheet.body.items.find((i: Json) => i.commodity === B);
    assert.deepEqual(rice.previous, { day: D2, price: 13_000 });
    assert.equal(rice.price, null);
    assert.equal(sheet.body.dayStatus, 'open');
    const saved = await enter(officerA, 'pasar-a', D3, [
      [B, [13_000, 14_000, 13_500]],
      [C, [54_000]],
    ]);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const after = saved.body.items.find((i: Json) => i.commodity === B);
    assert.equal(after.price, 13_500);
    assert.equal(after.status, 'draft');
    assert.deepEqual(after.quotes, [13_000, 14_000, 13_500]);
    const b = await enter(officerB, 'pasar-b', D3, [
      [B, [12_000, 12_500]],
      [C, [80_000]],
    ]);
    assert.equal(b.body.items.find((i: Json) => i.commodity === B).price, 12_250);
    assert.equal(
      (
        await enter(officerB, 'pasar-c', D3, [
          [B, [12_300]],
          [C, [60_000]],
        ])
      ).status,
      200,
    );
  });

  test('zero, negative, fractional and absurd prices are refused with their paths, and nothing is saved', async () => {
    const before = await entryRows('pasar-a', CSV_DAY);
    const res = await enter(officerA, 'pasar-a', CSV_DAY, [
      [B, [0, -5]],
      [C, [12_000, 5_500_000]],
      ['beras-tidak-ada', [12_000]],
    ]);
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.errors.map((e: Json) => [e.path, e.code]),
      [
        ['/body/items/0/quotes/0', 'price_positive'],
        ['/body/items/0/quotes/1', 'price_positive'],
        ['/body/items/1/quotes/1', 'price_range'],
        ['/body/items/2/commodity', 'unknown_commodity'],
      ],
    );
    assert.match(res.body.errors[2].message, /8000–300000 rupiah per kg/);
    const fractional = await enter(officerA, 'pasar-a', CSV_DAY, [[B, [12_000.5]]]);
    assert.equal(fractional.status, 400);
    assert.equal(fractional.body.errors[0].path, '/body/items/0/quotes/0');
    assert.deepEqual(await entryRows('pasar-a', CSV_DAY), before);
    assert.equal(before.length, 0);
    const english = await t.app.inject({
      method: 'PUT',
      url: `${base}/entry/pasar-a/${CSV_DAY}`,
      headers: { ...officerA, 'accept-language': 'en' },
      payload: { items: [{ commodity: B, quotes: [0] }] },
    });
    assert.equal(english.json().errors[0].message, 'A price must be more than zero.');
  });

  test('an officer is told which markets are theirs to enter', async () => {
    const codes = async (who: Json) =>
      ((await call('GET', '/entry', who)).body.items as Json[]).map((m) => m.code);
    assert.deepEqual(await codes(officerA), ['pasar-a']);
    assert.deepEqual(await codes(officerB), ['pasar-b', 'pasar-c']);
    // A supervisor verifies these markets but enters none of them; nobody signed in learns nothing.
    assert.deepEqual(await codes(supervisor), []);
    assert.equal((await call('GET', '/entry')).status, 401);
  });

  test('an officer enters prices only for their own market, and never for a day to come', async () => {
    const other = await enter(officerA, 'pasar-b', CSV_DAY, [[B, [12_000]]]);
    assert.equal(other.status, 403);
    assert.match(other.body.detail, /pasar tempat Anda ditugaskan/);
    assert.equal((await call('GET', `/entry/pasar-b/${CSV_DAY}`, officerA)).status, 403);
    assert.equal((await enter(viewer, 'pasar-a', CSV_DAY, [[B, [12_000]]])).status, 403);
    const future = await enter(officerA, 'pasar-a', addDays(T, 1), [[B, [12_000]]]);
    assert.equal(future.status, 400);
    assert.equal(future.body.errors[0].code, 'future_day');
    assert.equal((await entryRows('pasar-b', CSV_DAY)).length, 0);
  });

  test('a CSV file with bad rows lists every line, column and reason, and saves nothing; a good one is saved', async () => {
    const bad = [
      'commodity,price1,price2',
      'beras-tidak-ada,12000,',
      `${B},abc,12000`,
      `${C},50000,0`,
      'bawang-merah-sedang,3800000,38000',
      `${C},51000,`,
      'gula-pasir-lokal,,',
      '',
      'minyak-goreng-curah,17000,17500',
    ].join('\r\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/entry/pasar-a/${CSV_DAY}/csv`,
      headers: { ...officerA, 'content-type': 'text/csv' },
      payload: bad,
    });
    assert.equal(res.statusCode, 400, res.body);
    const errors = res.json().errors as Json[];
    assert.deepEqual(
      errors.map((e) => [e.line, e.column, e.code]),
      [
        [2, 'commodity', 'unknown_commodity'],
        [3, 'price1', 'price_number'],
        [4, 'price2', 'price_positive'],
        [5, 'price1', 'price_range'],
        [6, 'commodity', 'duplicate_line'],
        [7, 'price1', 'required'],
      ],
    );
    assert.ok(errors.every((e) => typeof e.message === 'string' && e.message.length > 5));
    assert.match(errors[4]!.message, /baris 4/);
    assert.equal((await entryRows('pasar-a', CSV_DAY)).length, 0, 'nothing saved');
    // A spreadsheet set to Indonesian: semicolons, thousands with dots, uploaded as a file.
    const good = `commodity;price1;price2\n${B};12.500;13.000\n${C};"50.000";52000\n`;
    const upload = multipartFile('file', 'harga.csv', 'text/csv', Buffer.from(good));
    const ok = await t.app.inject({
      method: 'POST',
      url: `${base}/entry/pasar-a/${CSV_DAY}/csv`,
      headers: { ...officerA, ...upload.headers },
      payload: upload.payload,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().saved, 2);
    const sheet = await call('GET', `/entry/pasar-a/${CSV_DAY}`, officerA);
    const rice = sheet.body.items.find((i: Json) => i.commodity === B);
    assert.deepEqual([rice.quotes, rice.price, rice.status], [[12_500, 13_000], 12_750, 'draft']);
    // A broken file is one error, not a crash; another market's officer cannot import here.
    const broken = await t.app.inject({
      method: 'POST',
      url: `${base}/entry/pasar-a/${CSV_DAY}/csv`,
      headers: { ...officerA, 'content-type': 'text/csv' },
      payload: `commodity,price1\n"${B},12000\n`,
    });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().errors[0].code, 'csv_syntax');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `${base}/entry/pasar-a/${CSV_DAY}/csv`,
      headers: { ...officerB, 'content-type': 'text/csv' },
      payload: good,
    });
    assert.equal(foreign.statusCode, 403);
  });

  test('the supervisor reviews the day with jumps flagged, then verifies and publishes it', async () => {
    // Alerts and the daily summary go to staff who ask for them.
    const sub = await call('PUT', '/alerts/subscription', supervisor, { alerts: true, dailySummary: true });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.deepEqual((await call('GET', '/alerts/subscription', supervisor)).body, {
      alerts: true,
      dailySummary: true,
    });
    const review = await call('GET', `/review/${D3}`, supervisor);
    assert.equal(review.status, 200, JSON.stringify(review.body));
    const item = (market: string, commodity: string) =>
      review.body.markets
        .find((m: Json) => m.code === market)
        .items.find((i: Json) => i.commodity === commodity);
    assert.equal(item('pasar-b', C).jump, true);
    assert.equal(item('pasar-b', C).changePercent, pct(80_000, 54_000));
    assert.deepEqual(item('pasar-b', C).previous, { day: D2, price: 54_000 });
    assert.equal(item('pasar-a', C).jump, false);
    assert.equal(item('pasar-a', B).jump, false);
    assert.equal(item('pasar-c', B).previous, null);
    assert.equal(item('pasar-c', B).jump, false);
    assert.equal(review.body.counts.draft, 6);
    // Another agency's administrator sees none of these markets and cannot publish them.
    const foreign = await call('GET', `/review/${D3}`, otherSupervisor);
    assert.deepEqual(foreign.body.markets, []);
    assert.equal((await call('POST', `/review/${D3}/publish`, otherSupervisor)).status, 403);
    // Not public before publication.
    assert.equal((await call('GET', `/today?day=${D3}`)).body.day, D2);
    const early = await call('POST', `/review/${D3}/publish`, supervisor);
    assert.equal(early.status, 409, 'drafts must be verified first');
    assert.equal(early.body.code, 'conflict');
    const verified = await call('POST', `/review/${D3}/verify`, supervisor, {});
    assert.equal(verified.body.entries, 6);
    assert.equal((await call('POST', `/review/${D3}/publish`, otherSupervisor)).status, 403);
    const mailsBefore = (await outbox()).length;
    const published = await call('POST', `/review/${D3}/publish`, supervisor);
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.entries, 6);
    // A past day is public at once: the later of now and its 13:00.
    assert.ok(Date.parse(published.body.publicFrom) <= Date.now());
    assert.equal(published.body.alerts, 2);
    const mails = (await outbox()).slice(mailsBefore);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.recipient, supervisorEmail);
    assert.match(mails[0]!.body, /Cabai rawit merah/);
    assert.ok(!mails.some((m) => m.recipient === viewerEmail));
    const alertEvents = events.filter((e) => e.type === 'price.alert');
    assert.equal(alertEvents.length, 2);
    assert.ok(
      alertEvents.every(
        (e) => typeof e.data?.percent === 'number' && typeof e.data?.commodityId === 'string',
      ),
    );
  });
});
