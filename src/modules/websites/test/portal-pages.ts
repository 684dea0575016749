/**
 * The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts): the list of
 * sites, and the tenant site's PPID menu and request form. It ships no script of its own.
 */
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';

const fixture: PortalPagesFixture = {
  async setup() {
    return [
      ['websites', '/situs'],
      ['websites-ppid', '/situs/utama/ppid'],
      ['websites-ppid-form', '/situs/utama/ppid/permohonan'],
    ];
  },
};

export default fixture;
