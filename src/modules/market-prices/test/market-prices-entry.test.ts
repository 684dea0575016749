/**
 * The market prices app through the API, up to a day's publication: the tenant's local date,
 * going live, reference data (the national commodity list, a tenant's own commodities), officers
 * entering a day's prices at their own market (median of the traders' quotes, the previous price
 * shown), bad prices refused with their paths, CSV import all or nothing with every row's line,
 * column and reason, and the supervisor's review (jump flags), verification and publication with
 * its alerts mailed to subscribers; the markets an officer is offered. What the public sees,
 * corrections, alerts and the daily summary are in market-prices-public.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeTenant,
  multipartFile,
  PASSWORD,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { createUser, grantRole } from '../../../platform/sdk/testing.ts';
import { addDays } from '../prices.ts';
import { todayOf } from '../services/today.ts';
import { tx } from '../tables.ts';
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
  let tenant: MarketPricesContext['tenant'];
  let admin: MarketPricesContext['admin'];
  let supervisor: MarketPricesContext['supervisor'];
  let otherSupervisor: MarketPricesContext['otherSupervisor'];
  let officerA: MarketPricesContext['officerA'];
  let officerB: MarketPricesContext['officerB'];
  let viewer: MarketPricesContext['viewer'];
  let viewerEmail: MarketPricesContext['viewerEmail'];
  let supervisorEmail: MarketPricesContext['supervisorEmail'];
  let disperindagId: MarketPricesContext['disperindagId'];
  let events: MarketPricesContext['events'];
  let call: MarketPricesContext['call'];
  let enter: MarketPricesContext['enter'];
  let entryRows: MarketPricesContext['entryRows'];
  let outbox: MarketPricesContext['outbox'];
  let publishedDay: MarketPricesContext['publishedDay'];

  before(async () => {
    ({
      t,
      tenant,
      admin,
      supervisor,
      otherSupervisor,
      officerA,
      officerB,
      viewer,
      viewerEmail,
      supervisorEmail,
      disperindagId,
      events,
      call,
      enter,
      entryRows,
      outbox,
      publishedDay,
    } = await startMarketPrices());
  });
  after(() => t?.close());

  test('today is the tenant’s local date on either side of its midnight, in any order asked', () => {
    const jakarta = { ...tenant, timeZone: 'Asia/Jakarta' } as VerifiedTenant;
    const jayapura = { ...tenant, timeZone: 'Asia/Jayapura' } as VerifiedTenant;
    const at = (iso: string) => new Date(iso);
    // Midnight in Jakarta (UTC+7) is 17:00 UTC; in Jayapura (UTC+9) 15:00 UTC.
    assert.equal(todayOf(jakarta, at('2026-12-02T16:59:59.999Z')), '2026-12-02');
    assert.equal(todayOf(jakarta, at('2026-12-02T17:00:00.000Z')), '2026-12-03');
    assert.equal(todayOf(jakarta, at('2026-12-02T16:59:59.999Z')), '2026-12-02', 'back again');
    assert.equal(todayOf(jayapura, at('2026-12-02T15:00:00.000Z')), '2026-12-03');
    assert.equal(todayOf(jakarta, at('2026-12-02T15:00:00.000Z')), '2026-12-02');
    assert.equal(todayOf(jakarta, at('2027-01-01T00:00:00.000Z')), '2027-01-01');
    assert.equal(todayOf(jayapura, at('2026-12-02T14:59:59.999Z')), '2026-12-02');
  });

  test('taking the app live writes its settings and the national list; a read before writes nothing', async () => {
    const bare = await makeTenant(t.platform, 'kota-tanpa-langkah');
    // Live without the adoption's step (a row written by hand): the app's go-live work has not run.
    await t.platform.inTenant(bare.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .insertInto('adoptions')
        .values({
          tenant_id: bare.id,
          app_code: 'market-prices',
          channel: 'web',
          status: 'live',
          origin_tenant_id: null,
          mou_id: null,
          pks_id: null,
          live_since: '2026-01-05',
        })
        .execute(),
    );
    await t.platform.directoryChanged();
    const rows = () =>
      t.platform.inTenant(bare.id, SYSTEM_ACTOR, async (scope) => ({
        settings: (await tx(scope).selectFrom('market_settings').select('tenant_id').execute()).length,
        commodities: (await tx(scope).selectFrom('commodities').select('id').execute()).length,
      }));
    const today = await t.app.inject('/t/kota-tanpa-langkah/api/v1/market-prices/today');
    assert.equal(today.statusCode, 200, today.body);
    assert.deepEqual(await rows(), { settings: 0, commodities: 0 }, 'a read writes nothing');
    await makeLive(t.platform, bare.id, 'market-prices');
    const after = await rows();
    assert.equal(after.settings, 1);
    assert.ok(after.commodities >= 25, `${after.commodities} commodities`);
  });

  test('the national commodity list is there, with grades, units and plausible ranges', async () => {
    const res = await call('GET', '/commodities');
    assert.equal(res.status, 200);
    const items = res.body.items as Json[];
    assert.ok(items.length >= 25, `${items.length} commodities`);
    const rice = items.filter((c) => c.group === 'beras');
    assert.ok(rice.length >= 4, 'several rice grades');
    assert.ok(items.some((c) => c.group === 'minyak-goreng' && c.unit === 'liter'));
    assert.ok(items.every((c) => c.minPrice > 0 && c.maxPrice > c.minPrice));
    const markets = await call('GET', '/markets');
    assert.deepEqual(
      markets.body.items.map((m: Json) => m.code),
      ['pasar-a', 'pasar-b', 'pasar-c'],
    );
  });

  test('a tenant edits its commodities; a range that is upside down is refused', async () => {
    const bad = await call('PUT', '/commodities/tepung-terigu', admin, {
      name: { id: 'Tepung terigu', en: 'Wheat flour' },
      group: 'tepung',
      unit: 'kg',
      minPrice: 20_000,
      maxPrice: 5_000,
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.errors[0].path, '/body/maxPrice');
    const ok = await call('PUT', '/commodities/tepung-terigu', admin, {
      name: { id: 'Tepung terigu', en: 'Wheat flour' },
      group: 'tepung',
      unit: 'kg',
      minPrice: 5_000,
      maxPrice: 30_000,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const list = await call('GET', '/commodities');
    assert.ok(list.body.items.some((c: Json) => c.code === 'tepung-terigu'));
    // An agency's administrator manages its markets, not the city's commodity list.
    const refused = await call('PUT', '/commodities/tepung-terigu', supervisor, {
      name: { id: 'Tepung', en: 'Flour' },
      group: 'tepung',
      unit: 'kg',
      minPrice: 5_000,
      maxPrice: 30_000,
    });
    assert.equal(refused.status, 403);
  });

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

  test('the markets an officer is told to enter are those they still may: the officer role kept, the market active', async () => {
    const email = 'segar-kemarin-petugas@example.go.id';
    const userId = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const id = await createUser(scope, {
        kind: 'staff',
        displayName: 'Petugas Pindahan',
        email,
        nip: '198503122011051999',
        password: PASSWORD,
      });
      await grantRole(scope, id, { role: 'officer', agencyId: disperindagId });
      return id;
    });
    for (const code of ['pasar-d', 'pasar-e']) {
      const m = await call('PUT', `/markets/${code}`, admin, {
        name: `Pasar ${code}`,
        agencyId: disperindagId,
      });
      assert.equal(m.status, 200, JSON.stringify(m.body));
      const o = await call('PUT', `/markets/${code}/officers`, supervisor, { userIds: [userId] });
      assert.equal(o.status, 200, JSON.stringify(o.body));
    }
    const headers = await bearerFor(t.app, 'kota-segar', email);
    const codes = async () =>
      ((await call('GET', '/entry', headers)).body.items as Json[]).map((m) => m.code);
    assert.deepEqual(await codes(), ['pasar-d', 'pasar-e']);
    // A market taken out of use is not offered.
    const off = await call('PUT', '/markets/pasar-e', admin, {
      name: 'Pasar pasar-e',
      agencyId: disperindagId,
      active: false,
    });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.deepEqual(await codes(), ['pasar-d']);
    // The account loses its officer role but stays assigned: the entry would be refused, so the
    // market is not offered either.
    const user = await t.app.inject({ url: `/t/kota-segar/api/v1/users/${userId}`, headers: admin });
    const grant = (user.json().grants as Json[])[0]!.id;
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/t/kota-segar/api/v1/users/${userId}/grants/${grant}`,
      headers: admin,
    });
    assert.equal(revoked.statusCode, 204, revoked.body);
    assert.equal((await enter(headers, 'pasar-d', T, [[B, [12_000]]])).status, 403);
    assert.deepEqual(await codes(), []);
  });
});
