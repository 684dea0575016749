/**
 * The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts): the map page,
 * with a public layer to show.
 */
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';
import { healthCentres, upload } from './fixtures.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant, admin }) {
    const res = await upload(
      t.app,
      tenant.slug,
      admin,
      { title: 'Puskesmas', access: 'public' },
      JSON.stringify(healthCentres(5)),
    );
    if (res.statusCode !== 201) throw new Error(res.body);
    return [['maps', '/peta', { map: true }]];
  },
};

export default fixture;
