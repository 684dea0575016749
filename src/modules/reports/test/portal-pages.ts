/**
 * The reports app's citizen pages in the portal's budget suite (test/portal-budget.test.ts): the
 * report form and the list carry the map; the tracking page and a report's page do not.
 */
import assert from 'node:assert/strict';
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant, admin }) {
    const api = `/t/${tenant.slug}/api/v1/reports`;
    const category = await t.app.inject({
      method: 'PUT',
      url: `${api}/categories/roads`,
      headers: admin,
      payload: { name: { id: 'Jalan rusak', en: 'Damaged roads' } },
    });
    assert.equal(category.statusCode, 200, category.body);
    const filed = await t.app.inject({
      method: 'POST',
      url: api,
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan berlubang di depan pasar, berbahaya untuk pengendara motor.',
        address: 'Jl. Pasar Baru',
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { trackingNo } = filed.json() as { trackingNo: string };
    return [
      ['report form', '/lapor', { map: true }],
      ['track', '/lacak'],
      ['list', '/laporan', { map: true }],
      ['report page', `/laporan/${trackingNo}`],
    ];
  },
};

export default fixture;
