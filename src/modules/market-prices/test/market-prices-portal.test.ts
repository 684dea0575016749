/**
 * The market prices app's citizen pages, through `app.inject()` on the demo data: today's prices
 * city-wide and at one market with their changes and the cheapest market, the history page with
 * its server-drawn chart, summary and table, bad queries answered in the visitor's language with
 * the error beside its field, a correction showing at once on a cached page, and another tenant
 * seeing none of it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeTenant,
  signIn,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { localDateOf, localInstant } from '../../../platform/sdk/shared.ts';
import { DEMO_PASSWORD, seedDemo } from '../../../platform/sdk/testing.ts';
import { marketPricesApp } from '../index.ts';

/** The page's text without markup, spaces folded: what a reader of the page sees. */
function text(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The rows of the table with the given class (or the first table), as cell texts. */
function rows(html: string, tableClass = 'table'): string[][] {
  const table = html.match(new RegExp(`<table class="${tableClass}"[\\s\\S]*?</table>`))?.[0] ?? '';
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!).trim()),
  );
}

describe(`market prices portal pages (${DB_KIND})`, () => {
  let t: TestContext;
  const slug = 'kota-tangerang';
  const page = (url: string) => t.app.inject({ url: `/t/${slug}${url}` });
  let api: Json;

  before(async () => {
    t = await startTest({ modules: [marketPricesApp] });
    assert.equal(await seedDemo(t.platform), true);
    api = (await t.app.inject(`/t/${slug}/api/v1/market-prices/today`)).json();
  });
  after(() => t?.close());

  test('the home page leads to the prices page', async () => {
    const home = await page('/');
    assert.match(home.body, new RegExp(`href="/t/${slug}/harga"`));
  });

  test('today’s page shows the latest published city prices, their changes and the cheapest market', async () => {
    const res = await page('/harga');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const body = text(res.body);
    // The demo's prices of today wait for the supervisor: the page shows the latest and says why —
    // before 13:00 WIB that today's come at 13:00, after it that none came out today.
    const T = localDateOf(new Date(), 'Asia/Jakarta');
    if (new Date() < localInstant(T, '13:00', 'Asia/Jakarta')) {
      assert.match(body, /Harga hari ini belum diterbitkan \(terbit pukul 13:00 WIB\)/);
    } else {
      assert.match(body, /Tidak ada harga terbit pada .*Berikut harga terakhir sebelumnya/);
    }
    const table = rows(res.body, 'table prices');
    assert.equal(table.length, api.city.length, 'one line per commodity');
    const chilli = api.city.find((r: Json) => r.commodity.code === 'cabai-rawit-merah');
    const line = table.find((cells) => cells[0]!.startsWith(chilli.commodity.name));
    assert.ok(line, 'the chilli has its line');
    assert.equal(line[1], `Rp${chilli.price.toLocaleString('id-ID')}`);
    // Against last week: an arrow and the percentage, and in words for a screen reader.
    const percent = Math.abs(chilli.change.week.percent).toLocaleString('id-ID', {
      maximumFractionDigits: 1,
    });
    assert.match(
      line[3]!,
      new RegExp(`▲ ${percent.replace('.', '\\.')}% naik ${percent.replace('.', '\\.')}%`),
    );
    assert.ok(line[5]!.startsWith(chilli.cheapest.name), 'the cheapest market is named');
    // Downloads: the same day's CSV and JSON.
    assert.match(res.body, new RegExp(`/api/v1/market-prices/today\\.csv\\?day=${api.day}&amp;lang=id`));
    const csv = await t.app.inject(`/t/${slug}/api/v1/market-prices/today.csv?day=${api.day}&lang=id`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
  });

  test('in English, at one market, and on an earlier day', async () => {
    const market = api.markets[0];
    const res = await page(`/harga?market=${market.code}&lang=en`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en"/);
    const body = text(res.body);
    assert.match(body, new RegExp(`Prices at ${market.name}`));
    assert.equal(rows(res.body, 'table prices').length, market.items.length);
    const first = rows(res.body, 'table prices')[0]!;
    assert.equal(first[1], `Rp${market.items[0].price.toLocaleString('en-GB')}`);
    // A Sunday of the demo (weekday prices only) shows the Friday before it, and says so.
    const sunday = [1, 2, 3, 4, 5, 6, 7]
      .map((n) => addDays(api.day, -n))
      .find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 0)!;
    const friday = addDays(sunday, -2);
    const weekend = await page(`/harga?day=${sunday}`);
    assert.equal(weekend.statusCode, 200);
    const said = text(weekend.body);
    assert.match(said, /Tidak ada harga terbit pada .* Berikut harga terakhir sebelumnya/);
    const [y, m, d] = friday.split('-').map(Number) as [number, number, number];
    const fridayText = new Intl.DateTimeFormat('id-ID', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y, m - 1, d)));
    assert.match(said, new RegExp(`Harga tanggal ${fridayText}`));
    // Before any data: nothing published.
    const before = await page('/harga?day=2020-01-06');
    assert.equal(before.statusCode, 200);
    assert.match(text(before.body), /Belum ada harga yang diterbitkan/);
    assert.equal(rows(before.body, 'table prices').length, 0);
  });

  test('a bad day or an unknown market is refused beside its field, in the visitor’s language', async () => {
    const res = await page('/harga?day=2026-02-30&market=pasar-tidak-ada');
    assert.equal(res.statusCode, 400);
    const body = text(res.body);
    assert.match(body, /Tanggal tidak valid \(format TTTT-BB-HH\)/);
    assert.match(body, /Pasar tidak dikenal/);
    assert.match(res.body, /id="day"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="day"/);
    const future = await page('/harga?day=2999-01-01&lang=en');
    assert.equal(future.statusCode, 400);
    assert.match(text(future.body), /This day has not come yet/);
    // A parameter given twice counts once (its first value), never a server error.
    const twice = await page('/harga?day=tidak&day=2026-01-05');
    assert.equal(twice.statusCode, 400);
    assert.match(text(twice.body), /Tanggal tidak valid/);
    const history = await page('/harga/riwayat?commodity=cabai-rawit-merah&commodity=x&period=30&period=x');
    assert.equal(history.statusCode, 200);
  });

  test('the history page draws the chart on the server and gives the same figures as a table', async () => {
    const T = localDateOf(new Date(), 'Asia/Jakarta');
    const res = await page('/harga/riwayat?commodity=cabai-rawit-merah&period=30');
    assert.equal(res.statusCode, 200);
    const history = (
      await t.app.inject(
        `/t/${slug}/api/v1/market-prices/history?commodity=cabai-rawit-merah&from=${addDays(T, -29)}&to=${T}`,
      )
    ).json() as Json;
    assert.ok(history.points.length >= 10);
    // Two pictures (phone and wide screen), each an image with the chart's story as its name.
    assert.equal(res.body.match(/<svg /g)?.length, 2);
    // No script draws it: the page's only script is the portal's service-worker registration.
    const scripts = res.body.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(
      scripts.filter((s) => !s.includes('data-sw=')),
      [],
    );
    const max = Math.max(...history.points.map((p: Json) => p.price));
    const label = res.body.match(/role="img" aria-label="([^"]+)"/)?.[1] ?? '';
    assert.match(label, new RegExp(`tertinggi Rp${max.toLocaleString('id-ID').replace('.', '\\.')}`));
    // The table holds every point, newest first.
    const table = rows(res.body);
    assert.equal(table.length, history.points.length);
    assert.equal(table[0]![1], `Rp${history.points.at(-1).price.toLocaleString('id-ID')}`);
    // At one market, with its own line.
    const market = await page('/harga/riwayat?commodity=cabai-rawit-merah&market=pasar-anyar&period=90');
    assert.equal(market.statusCode, 200);
    assert.match(text(market.body), /di Pasar Anyar/);
    assert.match(market.body, /history\.csv\?commodity=cabai-rawit-merah&amp;market=pasar-anyar/);
  });

  test('history: an unknown commodity or period is refused beside its field', async () => {
    const res = await page('/harga/riwayat?commodity=emas-batangan&market=pasar-entah&period=7');
    assert.equal(res.statusCode, 400);
    const body = text(res.body);
    // Every bad field is named at once.
    assert.match(body, /Nilai tidak valid/);
    assert.match(body, /Komoditas tidak dikenal/);
    assert.match(body, /Pasar tidak dikenal/);
    assert.doesNotMatch(res.body, /<svg /);
    const unknown = await page('/harga/riwayat?commodity=emas-batangan&lang=en');
    assert.equal(unknown.statusCode, 400);
    assert.match(text(unknown.body), /Unknown commodity/);
  });

  test('a cached page carries nobody’s own: the signed-in visitor’s name and form stay theirs, a stray query stays out', async () => {
    // A signed-in visitor is the first to ask for this page: what is kept must not be theirs.
    const url = `/t/${slug}/harga?market=${api.markets[2].code}`;
    const session = await signIn(t.app, slug, 'disperindag@tangerang.balai.test', DEMO_PASSWORD);
    const mine = await t.app.inject({ url, headers: { cookie: session.cookie } });
    assert.equal(mine.statusCode, 200);
    assert.match(text(mine.body), /Masuk sebagai Penyelia Harga Disperindag/);
    assert.match(mine.body, new RegExp(`name="_csrf" value="${session['x-csrf-token']}"`));
    const next = await t.app.inject(url);
    assert.doesNotMatch(next.body, new RegExp(session['x-csrf-token']));
    assert.doesNotMatch(text(next.body), /Masuk sebagai/);
    assert.deepEqual(rows(mine.body, 'table prices'), rows(next.body, 'table prices'), 'the same prices');
    // The first anonymous visitor's stray query does not reach the next one's links.
    const other = `/t/${slug}/harga?market=${api.markets[3].code}`;
    const stray = await t.app.inject(`${other}&utm_source=jejak-rahasia`);
    assert.equal(stray.statusCode, 200);
    assert.doesNotMatch((await t.app.inject(other)).body, /jejak-rahasia/);
    assert.doesNotMatch(stray.body, /jejak-rahasia/, 'the kept page is drawn for the canonical address');
  });

  test('a browser gets the pages gzipped: the cached page in its language, a drawn one, and HEAD alike', async () => {
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const unpack = (res: { rawPayload: Buffer }) => gunzipSync(res.rawPayload).toString('utf8');
    for (const [url, lang] of [
      ['/harga', 'id'],
      ['/harga?lang=en', 'en'],
      [`/harga?day=${api.day}`, 'id'],
    ] as const) {
      const plain = await page(url);
      assert.equal(plain.statusCode, 200);
      assert.equal(plain.headers['content-encoding'], undefined);
      for (let visit = 0; visit < 2; visit++) {
        const packed = await t.app.inject({ url: `/t/${slug}${url}`, headers: gzip });
        assert.equal(packed.statusCode, 200);
        assert.equal(packed.headers['content-encoding'], 'gzip', url);
        assert.match(String(packed.headers.vary), /accept-encoding/);
        assert.ok(packed.rawPayload.length * 3 < plain.rawPayload.length, `${url}: a third or less`);
        const html = unpack(packed);
        assert.equal(html, plain.body, `${url}: the same page`);
        assert.match(html, new RegExp(`<html lang="${lang}"`));
      }
      const head = await t.app.inject({ method: 'HEAD', url: `/t/${slug}${url}`, headers: gzip });
      assert.equal(head.headers['content-encoding'], 'gzip');
      assert.equal(head.body, '');
    }
    // A signed-in visitor's page (the kept content in a layout drawn for them) is gzipped too.
    const session = await signIn(t.app, slug, 'disperindag@tangerang.balai.test', DEMO_PASSWORD);
    const mine = await t.app.inject({
      url: `/t/${slug}/harga`,
      headers: { ...gzip, cookie: session.cookie },
    });
    assert.equal(mine.headers['content-encoding'], 'gzip');
    assert.match(text(unpack(mine)), /Masuk sebagai Penyelia Harga Disperindag/);
  });

  test('a supervisor’s correction shows at once on the cached pages', async () => {
    const market = api.markets[0];
    const item = market.items[0];
    const url = `/harga?market=${market.code}`;
    const before = rows((await page(url)).body, 'table prices')[0]!;
    assert.equal(before[1], `Rp${item.price.toLocaleString('id-ID')}`);
    const supervisor = await bearerFor(t.app, slug, 'disperindag@tangerang.balai.test', DEMO_PASSWORD);
    const corrected = item.price + 500;
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/${slug}/api/v1/market-prices/corrections/${market.code}/${api.day}`,
      headers: supervisor,
      payload: { commodity: item.commodity, quotes: [corrected], reason: 'Salah ketik petugas pasar' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const after = rows((await page(url)).body, 'table prices')[0]!;
    assert.equal(after[1], `Rp${corrected.toLocaleString('id-ID')}`);
  });

  test('another tenant sees none of it; a tenant without the app has no prices page', async () => {
    const other = await makeTenant(t.platform, 'kota-tetangga');
    const none = await t.app.inject('/t/kota-tetangga/harga');
    assert.equal(none.statusCode, 404);
    await makeLive(t.platform, other.id, 'market-prices');
    const empty = await t.app.inject('/t/kota-tetangga/harga');
    assert.equal(empty.statusCode, 200);
    assert.match(text(empty.body), /Belum ada harga yang diterbitkan/);
    assert.doesNotMatch(empty.body, /Pasar Anyar/);
    const history = await t.app.inject(
      '/t/kota-tetangga/harga/riwayat?commodity=cabai-rawit-merah&market=pasar-anyar',
    );
    assert.equal(history.statusCode, 400, 'Tangerang’s market is unknown here');
    assert.doesNotMatch(history.body, /<svg /);
    const nothing = await t.app.inject('/t/kota-tetangga/harga/riwayat?commodity=cabai-rawit-merah');
    assert.equal(nothing.statusCode, 200);
    assert.match(text(nothing.body), /Belum ada harga terbit untuk Cabai rawit merah rata-rata kota/);
    assert.doesNotMatch(nothing.body, /<svg /);
  });

  test('a deactivated market keeps its prices in the city figures but has no page to link to', async () => {
    const supervisor = await bearerFor(t.app, slug, 'disperindag@tangerang.balai.test', DEMO_PASSWORD);
    const city = (await t.app.inject(`/t/${slug}/api/v1/market-prices/today`)).json() as Json;
    const cheapest = city.city[0].cheapest;
    const markets = (await t.app.inject(`/t/${slug}/api/v1/market-prices/markets`)).json() as Json;
    const m = markets.items.find((x: Json) => x.code === cheapest.code);
    const off = await t.app.inject({
      method: 'PUT',
      url: `/t/${slug}/api/v1/market-prices/markets/${cheapest.code}`,
      headers: supervisor,
      payload: { name: m.name, agencyId: m.agencyId, active: false },
    });
    assert.equal(off.statusCode, 200, off.body);
    const res = await page('/harga');
    assert.equal(res.statusCode, 200);
    assert.ok(text(res.body).includes(cheapest.name), 'still named as the cheapest');
    assert.doesNotMatch(res.body, new RegExp(`market=${cheapest.code}`), 'but not linked');
    assert.equal((await page(`/harga?market=${cheapest.code}`)).statusCode, 400);
  });
});

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
