/**
 * The market prices app through the API, before and around the day's work: the tenant's local
 * date on either side of its midnight, going live (settings and the national commodity list written
 * then, not on a read), the national list with its grades, units and ranges, a tenant's own
 * commodities, the markets an officer is offered (only while they still may enter them), and
 * another tenant seeing none of it. Entry, import and review are in market-prices-entry.test.ts;
 * what follows publication in market-prices-public.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  bearerFor,
  DB_KIND,
  type Json,
  makeLive,
  makeTenant,
  PASSWORD,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { createUser, grantRole } from '../../../platform/sdk/testing.ts';
import { todayOf } from '../services/today.ts';
import { tx } from '../tables.ts';
import { B, D3, type MarketPricesContext, startMarketPrices, T } from './setup.ts';

describe(`market prices app (${DB_KIND})`, () => {
  let t: MarketPricesContext['t'];
  let tenant: MarketPricesContext['tenant'];
  let admin: MarketPricesContext['admin'];
  let supervisor: MarketPricesContext['supervisor'];
  let officerA: MarketPricesContext['officerA'];
  let disperindagId: MarketPricesContext['disperindagId'];
  let call: MarketPricesContext['call'];
  let enter: MarketPricesContext['enter'];

  before(async () => {
    ({ t, tenant, admin, supervisor, officerA, disperindagId, call, enter } = await startMarketPrices());
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
