/**
 * What the tenant isolation suite (test/isolation.test.ts) needs of this app: a valid body for each
 * of its writes, B's data that nothing on A may show, and how to fill its paths with B's ids.
 */
import { multipartFile, tinyPdf } from '../../../../test/support/harness.ts';
import type { IsolationFixture } from '../../../../test/support/isolation.ts';

const SECRET = 'Situs rahasia kota B';
const PPID_SECRET = 'Informasi rahasia yang diminta warga kota B';

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
    'POST /api/v1/websites/sites/{site}/media': 'pdf',
    'PATCH /api/v1/websites/sites/{site}/media/{id}': { alt: 'Dari kota A' },
    'DELETE /api/v1/websites/sites/{site}/media/{id}': undefined,
    'POST /api/v1/websites/sites/{site}/terms': { kind: 'tag', name: 'Dari kota A' },
    'PATCH /api/v1/websites/sites/{site}/terms/{id}': { name: 'Dari kota A' },
    'DELETE /api/v1/websites/sites/{site}/terms/{id}': undefined,
    // Not an export: refused for A's admin (400), after B's credentials were refused.
    'POST /api/v1/websites/sites/{site}/import': 'pdf',
    'POST /api/v1/websites/sites/{site}/ppid/requests': {
      name: 'Warga A',
      email: 'warga-a@example.id',
      information: 'Informasi yang diminta dari kota A',
      purpose: 'Penelitian',
      delivery: 'email',
    },
    'POST /api/v1/websites/sites/{site}/ppid/status/{number}/objection': {
      ground: 'c',
      reason: 'Permohonan tidak ditanggapi',
    },
    'POST /api/v1/websites/sites/{site}/ppid/requests/{id}/extension': {
      days: 3,
      reason: 'Data masih dihimpun',
    },
    'POST /api/v1/websites/sites/{site}/ppid/requests/{id}/answer': { kind: 'granted', text: 'Dari kota A' },
    'POST /api/v1/websites/sites/{site}/ppid/requests/{id}/objection-answer': { text: 'Dari kota A' },
  },
  // A citizen files a request without an account; the objection needs the request's secret.
  anonymousWrites: [
    'POST /api/v1/websites/sites/{site}/ppid/requests',
    'POST /api/v1/websites/sites/{site}/ppid/status/{number}/objection',
  ],
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
    const ppid = `/t/${b.slug}/api/v1/websites/sites/rahasia-b/ppid`;
    const filed = await t.app.inject({
      method: 'POST',
      url: `${ppid}/requests`,
      payload: {
        name: 'Warga B',
        email: 'warga-b@example.id',
        information: PPID_SECRET,
        purpose: 'Penelitian',
        delivery: 'email',
      },
    });
    if (filed.statusCode !== 201) throw new Error(`B's request: ${filed.body}`);
    const doc = multipartFile('file', 'rahasia.pdf', 'application/pdf', tinyPdf(SECRET));
    const media = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/websites/sites/rahasia-b/media`,
      headers: { ...b.admin, ...doc.headers },
      payload: doc.payload,
    });
    if (media.statusCode !== 201) throw new Error(`B's media: ${media.body}`);
    const term = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/websites/sites/rahasia-b/terms`,
      headers: b.admin,
      payload: { kind: 'category', name: SECRET },
    });
    if (term.statusCode !== 201) throw new Error(`B's term: ${term.body}`);
    const list = await t.app.inject({ url: `${ppid}/requests`, headers: b.admin });
    const item = (list.json().items as { id: string; number: string }[])[0];
    if (!item) throw new Error(`B's requests: ${list.body}`);
    return {
      B_SITE: res.json().id,
      B_POST: post.json().id,
      B_PPIDREQUEST: item.id,
      B_MEDIA: media.json().id,
      B_TERM: term.json().id,
      B_PPIDNUMBER: item.number,
    };
  },
  leaks: [SECRET, PPID_SECRET],
  fill: (path, ids) => {
    if (!path.startsWith('/api/v1/websites/')) return undefined;
    const site = path.replace('{site}', 'rahasia-b');
    // A PPID request's paths name it by id or number; the posts' by id and revision number.
    if (site.includes('/media/')) return site.replace('{id}', ids.B_MEDIA!);
    if (site.includes('/terms/')) return site.replace('{id}', ids.B_TERM!);
    return site.includes('/ppid/')
      ? site.replace('{id}', ids.B_PPIDREQUEST!).replace('{number}', ids.B_PPIDNUMBER!)
      : site.replace('{id}', ids.B_POST!).replace('{number}', '1');
  },
  query: (path) => (path.endsWith('/diff') ? '?from=1&to=1' : undefined),
};

export default fixture;
