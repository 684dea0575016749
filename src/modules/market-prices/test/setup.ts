/**
 * What the market prices API tests share: a platform with the app live in kota-segar (and
 * kota-lain, where it is not yet), its administrator, two agencies (DISPERINDAG with a supervisor
 * and two officers, DISPERTAN with another supervisor), a viewer, three markets and their officers;
 * the days of the story counted back from today; calls to the app's API, an officer's entry, the
 * stored entries and outbox, and a day entered, verified and published. `publishTheStory` brings a
 * fresh platform to where the entry tests leave it, for the tests of what follows.
 */
import assert from 'node:assert/strict';
import {
  bearerFor,
  type Json,
  makeLive,
  makeStaff,
  makeTenant,
  PASSWORD,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { createUser, type DomainEvent, grantRole } from '../../../platform/sdk/testing.ts';
import { marketPricesApp } from '../index.ts';
import { addDays } from '../prices.ts';
import { tx } from '../tables.ts';

export const B = 'beras-medium-1';
export const C = 'cabai-rawit-merah';
export const pct = (cur: number, prev: number) => Math.round(((cur - prev) / prev) * 1000) / 10;
export const avg = (...xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);

export const base = '/t/kota-segar/api/v1/market-prices';
// The days of the story, counted back from today in the tenant's zone (Asia/Jakarta).
export const T = localDateOf(new Date(), 'Asia/Jakarta');
export const D0 = addDays(T, -40);
export const D1 = addDays(T, -9);
export const D2 = addDays(T, -2);
export const D3 = addDays(T, -1);
export const CSV_DAY = addDays(T, -5);

export type MarketPricesContext = Awaited<ReturnType<typeof startMarketPrices>>;

/** Boots the platform with the tenants, accounts and markets above; `t.close()` ends it. */
export async function startMarketPrices() {
  let t: TestContext;
  let tenant: VerifiedTenant;
  let admin: Json;
  let supervisor: Json;
  let officerA: Json;
  let officerB: Json;
  const events: DomainEvent[] = [];

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
  const disperindagId = disperindag;
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
  const supervisorId = sup.id;
  const supervisorEmail = sup.email;
  const otherSupervisor = (await staff('agency_admin', dispertan)).headers;
  const oa = await staff('officer', disperindag);
  const ob = await staff('officer', disperindag);
  officerA = oa.headers;
  officerB = ob.headers;
  const v = await staff('viewer', null);
  const viewer = v.headers;
  const viewerEmail = v.email;
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
  return {
    t,
    tenant,
    admin,
    supervisor,
    supervisorId,
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
  };
}

/**
 * Where market-prices-entry.test.ts leaves the story, without its checks: three earlier days
 * published, D3 entered at the three markets (Pasar B's chilli jumping to 80.000), the supervisor
 * subscribed to alerts and the daily summary, then D3 verified and published, in the same figures.
 */
export async function publishTheStory({
  call,
  enter,
  publishedDay,
  officerA,
  officerB,
  supervisor,
}: Pick<MarketPricesContext, 'call' | 'enter' | 'publishedDay' | 'officerA' | 'officerB' | 'supervisor'>) {
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
  const d3: Array<[Json, string, Array<[string, number[]]>]> = [
    [
      officerA,
      'pasar-a',
      [
        [B, [13_000, 14_000, 13_500]],
        [C, [54_000]],
      ],
    ],
    [
      officerB,
      'pasar-b',
      [
        [B, [12_000, 12_500]],
        [C, [80_000]],
      ],
    ],
    [
      officerB,
      'pasar-c',
      [
        [B, [12_300]],
        [C, [60_000]],
      ],
    ],
  ];
  for (const [who, market, items] of d3) {
    const res = await enter(who, market, D3, items);
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  const sub = await call('PUT', '/alerts/subscription', supervisor, { alerts: true, dailySummary: true });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  assert.equal((await call('POST', `/review/${D3}/verify`, supervisor, {})).status, 200);
  const published = await call('POST', `/review/${D3}/publish`, supervisor);
  assert.equal(published.status, 200, JSON.stringify(published.body));
}
