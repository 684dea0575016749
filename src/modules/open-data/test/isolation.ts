/** What the tenant isolation suite (test/isolation.test.ts) needs of this app (filled with the routes). */
import type { IsolationFixture } from '../../../../test/support/isolation.ts';

const fixture: IsolationFixture = {
  samples: {},
  async setup() {
    return {};
  },
  leaks: [],
  fill: (path) => (path.startsWith('/api/v1/open-data/') ? path : undefined),
};

export default fixture;
