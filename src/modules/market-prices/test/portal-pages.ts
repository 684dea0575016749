/**
 * The market prices app's citizen pages in the portal's budget suite (test/portal-budget.test.ts):
 * today's prices and a commodity's history, over a day of published prices. Neither has a map.
 */
import assert from 'node:assert/strict';
import { bearerFor, makeStaff } from '../../../../test/support/harness.ts';
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant, admin }) {
    const api = `/t/${tenant.slug}/api/v1/market-prices`;
    const market = await t.app.inject({
      method: 'PUT',
      url: `${api}/markets/pasar-baru`,
      headers: admin,
      payload: { name: 'Pasar Baru' },
    });
    assert.equal(market.statusCode, 200, market.body);
    const officer = await makeStaff(t.platform, tenant.id, ['officer']);
    const assigned = await t.app.inject({
      method: 'PUT',
      url: `${api}/markets/pasar-baru/officers`,
      headers: admin,
      payload: { userIds: [officer.id] },
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    // Yesterday's prices, published: both pages show them (the history as its chart).
    const day = localDateOf(new Date(Date.now() - 24 * 3600 * 1000), 'Asia/Jakarta');
    const entered = await t.app.inject({
      method: 'PUT',
      url: `${api}/entry/pasar-baru/${day}`,
      headers: await bearerFor(t.app, tenant.slug, officer.email),
      payload: { items: [{ commodity: 'beras-premium', quotes: [15000, 15500] }] },
    });
    assert.equal(entered.statusCode, 200, entered.body);
    for (const step of ['verify', 'publish']) {
      const res = await t.app.inject({ method: 'POST', url: `${api}/review/${day}/${step}`, headers: admin });
      assert.equal(res.statusCode, 200, res.body);
    }
    return [
      ['prices today', '/harga'],
      ['price history', '/harga/riwayat?commodity=beras-premium'],
    ];
  },
};

export default fixture;
