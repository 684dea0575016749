/**
 * What the tenant isolation suite (test/isolation.test.ts) needs of this app: a valid body for each
 * of its writes, B's data that nothing on A may show, and how to fill its paths with B's ids.
 */
import type { IsolationFixture } from '../../../../test/support/isolation.ts';

const SECRET = 'Situs rahasia kota B';

const fixture: IsolationFixture = {
  samples: {
    'POST /api/v1/websites/sites': { slug: 'dari-a', name: 'Dari kota A', agencyId: 'B_AGENCY' },
    'PATCH /api/v1/websites/sites/{site}': { tagline: 'Dari kota A' },
    // Not an export: refused for A's admin (400), after B's credentials were refused.
    'POST /api/v1/websites/sites/{site}/import': 'pdf',
  },
  async setup({ t, b, ids }) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/websites/sites`,
      headers: b.admin,
      payload: { slug: 'rahasia-b', name: SECRET, agencyId: ids.B_AGENCY },
    });
    if (res.statusCode !== 201) throw new Error(`B's site: ${res.body}`);
    return { B_SITE: res.json().id };
  },
  leaks: [SECRET],
  fill: (path) => (path.startsWith('/api/v1/websites/') ? path.replace('{site}', 'rahasia-b') : undefined),
};

export default fixture;
