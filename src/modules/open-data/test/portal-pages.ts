/** The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts). It ships no script. */
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';

const fixture: PortalPagesFixture = {
  async setup() {
    return [['open-data', '/open-data']];
  },
};

export default fixture;
