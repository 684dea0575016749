/**
 * The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts): the list of
 * sites. It ships no script of its own.
 */
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';

const fixture: PortalPagesFixture = {
  async setup() {
    return [['websites', '/situs']];
  },
};

export default fixture;
