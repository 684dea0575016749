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
    'POST /api/v1/websites/sites/{site}/posts': { kind: 'news', title: 'Dari kota A', body: '<p>A</p>' },
    'PUT /api/v1/websites/sites/{site}/posts/{id}': { kind: 'news', title: 'Dari kota A', body: '<p>A</p>' },
    'POST /api/v1/websites/sites/{site}/posts/{id}/submit': { revision: 1 },
    'POST /api/v1/websites/sites/{site}/posts/{id}/reviews': { decision: 'approve', revision: 1 },
    'POST /api/v1/websites/sites/{site}/posts/{id}/publish': { revision: 1 },
    'POST /api/v1/websites/sites/{site}/posts/{id}/unpublish': undefined,
    'POST /api/v1/websites/sites/{site}/posts/{id}/revisions/{number}/restore': undefined,
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
    const post = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/websites/sites/rahasia-b/posts`,
      headers: b.admin,
      payload: { kind: 'news', title: SECRET, body: `<p>${SECRET}</p>` },
    });
    if (post.statusCode !== 201) throw new Error(`B's post: ${post.body}`);
    return { B_SITE: res.json().id, B_POST: post.json().id };
  },
  leaks: [SECRET],
  fill: (path, ids) =>
    path.startsWith('/api/v1/websites/')
      ? path.replace('{site}', 'rahasia-b').replace('{id}', ids.B_POST!).replace('{number}', '1')
      : undefined,
  query: (path) => (path.endsWith('/diff') ? '?from=1&to=1' : undefined),
};

export default fixture;
