/**
 * The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts): its list page,
 * with an item to show. It ships no script of its own.
 */
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant, admin }) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/${tenant.slug}/api/v1/open-data/items`,
      headers: admin,
      payload: { title: 'Contoh untuk halaman' },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return [['open-data', '/open-data']];
  },
};

export default fixture;
