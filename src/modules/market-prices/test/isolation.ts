/**
 * The market prices app in the tenant isolation suite (test/isolation.test.ts): a sample for each
 * of its mutations, and B's market with its officer, a published day and an alert subscription,
 * which nothing on A may reach or change.
 */
import assert from 'node:assert/strict';
import { bearerFor, makeStaff } from '../../../../test/support/harness.ts';
import type { IsolationFixture } from '../../../../test/support/isolation.ts';

/** B's market and a day of B's published prices. */
const B_MARKET = 'pasar-rahasia-b';
const B_DAY = '2026-11-02';

const fixture: IsolationFixture = {
  samples: {
    'PUT /api/v1/market-prices/markets/{code}': { name: 'Pasar Dari A', agencyId: 'B_AGENCY' },
    'PUT /api/v1/market-prices/markets/{code}/officers': { userIds: ['B_USER'] },
    'PUT /api/v1/market-prices/commodities/{code}': {
      name: { id: 'Beras', en: 'Rice' },
      group: 'beras',
      unit: 'kg',
      minPrice: 1000,
      maxPrice: 90000,
    },
    'PATCH /api/v1/market-prices/settings': { publishTime: '09:00' },
    'PUT /api/v1/market-prices/entry/{market}/{day}': {
      items: [{ commodity: 'beras-premium', quotes: [15000] }],
    },
    'POST /api/v1/market-prices/entry/{market}/{day}/csv': 'csv',
    'POST /api/v1/market-prices/review/{day}/verify': {},
    'POST /api/v1/market-prices/review/{day}/publish': undefined,
    'POST /api/v1/market-prices/corrections/{market}/{day}': {
      commodity: 'beras-premium',
      quotes: [99000],
      reason: 'Koreksi dari daerah lain',
    },
    'PUT /api/v1/market-prices/alerts/subscription': { alerts: false, dailySummary: false },
  },
  signedInReads: [
    'GET /api/v1/market-prices/markets/{code}/officers',
    'GET /api/v1/market-prices/reference/markets',
    'GET /api/v1/market-prices/reference/commodities',
    'GET /api/v1/market-prices/reference/national-commodities',
    'GET /api/v1/market-prices/reference/officer-candidates',
  ],
  async setup({ t, b, ids }) {
    const prices = `/t/${b.slug}/api/v1/market-prices`;
    const market = await t.app.inject({
      method: 'PUT',
      url: `${prices}/markets/${B_MARKET}`,
      headers: b.admin,
      payload: { name: 'Pasar Rahasia B', agencyId: ids.B_AGENCY },
    });
    assert.equal(market.statusCode, 200, market.body);
    const officer = await makeStaff(t.platform, b.id, ['officer'], undefined, 'Petugas Rahasia B');
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `${prices}/markets/${B_MARKET}/officers`,
      headers: b.admin,
      payload: { userIds: [officer.id] },
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const entered = await t.app.inject({
      method: 'PUT',
      url: `${prices}/entry/${B_MARKET}/${B_DAY}`,
      headers: await bearerFor(t.app, b.slug, officer.email),
      payload: { items: [{ commodity: 'beras-premium', quotes: [15000, 15500] }] },
    });
    assert.equal(entered.statusCode, 200, entered.body);
    for (const step of ['verify', 'publish']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${prices}/review/${B_DAY}/${step}`,
        headers: b.admin,
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const subscribed = await t.app.inject({
      method: 'PUT',
      url: `${prices}/alerts/subscription`,
      headers: b.admin,
      payload: { alerts: true, dailySummary: true },
    });
    assert.equal(subscribed.statusCode, 200, subscribed.body);
    return { B_OFFICER: officer.id };
  },
  leaks: ['Pasar Rahasia B', 'Petugas Rahasia B'],
  fill(path) {
    if (!path.startsWith('/api/v1/market-prices/')) return undefined;
    const code = path.startsWith('/api/v1/market-prices/commodities/') ? 'beras-premium' : B_MARKET;
    return path.replace('{market}', B_MARKET).replace('{day}', B_DAY).replace('{code}', code);
  },
  query(path) {
    return path.startsWith('/api/v1/market-prices/history') ? '?commodity=beras-premium' : undefined;
  },
};

export default fixture;
