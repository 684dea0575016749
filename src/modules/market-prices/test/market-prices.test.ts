/**
 * The market prices app end to end through the API: reference data, officers entering a day's
 * prices at their own market (median of the traders' quotes, the previous price shown), bad prices
 * refused with their paths, CSV import all or nothing with every row's line, column and reason,
 * the supervisor's review (jump flags), verification and publication at the tenant's publication
 * time, the public views (change against yesterday, last week, last month; cheapest market;
 * history from the rollup; CSV downloads), corrections with a reason in the audit trail, alerts
 * mailed to subscribers and the leaders' daily summary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  multipartFile,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { localDateOf, localInstant } from '../../../platform/sdk/shared.ts';
import { createUser, type DomainEvent, grantRole } from '../../../platform/sdk/testing.ts';
import { parseCsv } from '../csv.ts';
import { marketPricesApp } from '../index.ts';
import { addDays } from '../prices.ts';
import { runDailySummary } from '../services/daily-summary.ts';
import { todayView } from '../services/public-views.ts';
import { publishDay, verifyDay } from '../services/review.ts';
import { todayOf } from '../services/today.ts';
import { tx } from '../tables.ts';

const B = 'beras-medium-1';
const C = 'cabai-rawit-merah';
const pct = (cur: number, prev: number) => Math.round(((cur - prev) / prev) * 1000) / 10;
const avg = (...xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

describe(`market prices app (${DB_KIND})`, () => {
  let t: TestContext;
  let tenant: VerifiedTenant;
  let admin: Json;
  let supervisor: Json;
  let supervisorId: string;
  let otherSupervisor: Json;
  let officerA: Json;
  let officerB: Json;
  let viewer: Json;
  let viewerEmail: string;
  let supervisorEmail: string;
  let disperindagId: string;
  const base = '/t/kota-segar/api/v1/market-prices';
  const events: DomainEvent[] = [];
  // The days of the story, counted back from today in the tenant's zone (Asia/Jakarta).
  const T = localDateOf(new Date(), 'Asia/Jakarta');
  const D0 = addDays(T, -40);
  const D1 = addDays(T, -9);
  const D2 = addDays(T, -2);
  const D3 = addDays(T, -1);
  const CSV_DAY = addDays(T, -5);

  const call = async (method: string, url: string, headers: Json = {}, payload?: unknown) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `${base}${url}`,
      headers,
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: res.statusCode,
      body: res.headers['content-type']?.includes('json') ? res.json() : res.body,
      headers: res.headers,
    };
  };
  const enter = (who: Json, market: string, day: string, items: Array<[string, number[]]>) =>
    call('PUT', `/entry/${market}/${day}`, who, {
      items: items.map(([commodity, quotes]) => ({ commodity, quotes })),
    });
  const entryRows = (market: string, day: string) =>
    t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) =>
      tx(scope)
        .selectFrom('price_entries as e')
        .innerJoin('markets as m', (j) =>
          j.onRef('m.tenant_id', '=', 'e.tenant_id').onRef('m.id', '=', 'e.market_id'),
        )
        .select(['e.price', 'e.status', 'e.quotes'])
        .where('e.tenant_id', '=', tenant.id)
        .where('m.code', '=', market)
        .where('e.day', '=', day)
        .execute(),
    );
  const outbox = () =>
    t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select(['recipient', 'subject', 'body'])
        .where('tenant_id', '=', tenant.id)
        .execute(),
    );

  /** An officer enters, the supervisor verifies and publishes: one past day of the story. */
  async function publishedDay(day: string, a: Array<[string, number[]]>, b: Array<[string, number[]]>) {
    assert.equal((await enter(officerA, 'pasar-a', day, a)).status, 200);
    assert.equal((await enter(officerB, 'pasar-b', day, b)).status, 200);
    const v = await call('POST', `/review/${day}/verify`, supervisor, {});
    assert.equal(v.status, 200, JSON.stringify(v.body));
    const p = await call('POST', `/review/${day}/publish`, supervisor);
    assert.equal(p.status, 200, JSON.stringify(p.body));
    return p.body;
  }

  before(async () => {
    t = await startTest({ modules: [marketPricesApp] });
    tenant = await makeTenant(t.platform, 'kota-segar');
    await makeTenant(t.platform, 'kota-lain');
    await makeLive(t.platform, tenant.id, 'market-prices');
    t.platform.events.subscribe(tenant.id, (e) => events.push(e));
    const adminUser = await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    admin = await bearerFor(t.app, 'kota-segar', adminUser.email);
    const agency = async (code: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/t/kota-segar/api/v1/agencies',
        headers: admin,
        payload: { code, name: `Dinas ${code}`, kind: 'dinas' },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const disperindag = await agency('DISPERINDAG');
    disperindagId = disperindag;
    const dispertan = await agency('DISPERTAN');
    let seq = 0;
    const staff = async (role: 'officer' | 'agency_admin' | 'viewer', agencyId: string | null) => {
      seq += 1;
      const email = `segar-${role}-${seq}@example.go.id`;
      const id = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        const userId = await createUser(scope, {
          kind: 'staff',
          displayName: `Staf ${role} ${seq}`,
          email,
          nip: `198503122011051${String(seq).padStart(3, '0')}`,
          password: PASSWORD,
        });
        await grantRole(scope, userId, { role, agencyId });
        return userId;
      });
      return { id, email, headers: await bearerFor(t.app, 'kota-segar', email) };
    };
    const sup = await staff('agency_admin', disperindag);
    supervisor = sup.headers;
    supervisorId = sup.id;
    supervisorEmail = sup.email;
    otherSupervisor = (await staff('agency_admin', dispertan)).headers;
    const oa = await staff('officer', disperindag);
    const ob = await staff('officer', disperindag);
    officerA = oa.headers;
    officerB = ob.headers;
    const v = await staff('viewer', null);
    viewer = v.headers;
    viewerEmail = v.email;
    for (const [code, name] of [
      ['pasar-a', 'Pasar A'],
      ['pasar-b', 'Pasar B'],
      ['pasar-c', 'Pasar C, Blok "Timur"'],
    ] as const) {
      const res = await call('PUT', `/markets/${code}`, admin, {
        name,
        address: `Jl. ${name}`,
        lat: -6.18,
        lng: 106.63,
        agencyId: disperindag,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
    for (const [market, ids] of [
      ['pasar-a', [oa.id]],
      ['pasar-b', [ob.id]],
      ['pasar-c', [ob.id]],
    ] as const) {
      const res = await call('PUT', `/markets/${market}/officers`, supervisor, { userIds: ids });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
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
    // Yesterday was published by an earlier test with the real clock: public from then (or from its
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

  test('another tenant sees none of it', async () => {
    await makeLive(t.platform, (await t.platform.directory.bySlug('kota-lain'))!.id, 'market-prices');
    const res = await t.app.inject({ url: `/t/kota-lain/api/v1/market-prices/today?day=${D3}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().day, null);
    const markets = await t.app.inject({ url: '/t/kota-lain/api/v1/market-prices/markets' });
    assert.deepEqual(markets.json().items, []);
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/t/kota-lain/api/v1/market-prices/entry/pasar-a/${D3}`,
      headers: officerA,
      payload: { items: [{ commodity: B, quotes: [12_000] }] },
    });
    assert.equal(foreign.statusCode, 401);
  });
});
