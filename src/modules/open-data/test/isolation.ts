/**
 * What the tenant isolation suite (test/isolation.test.ts) needs of this app: a valid body for each
 * of its writes, B's data that nothing on A may show, and how to fill its paths with B's ids.
 */
import type { IsolationFixture } from '../../../../test/support/isolation.ts';

const SECRET = 'Rahasia open-data kota B';

const fixture: IsolationFixture = {
  samples: { 'POST /api/v1/open-data/items': { title: 'Dari kota A' } },
  async setup({ t, b }) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}/api/v1/open-data/items`,
      headers: b.admin,
      payload: { title: SECRET },
    });
    if (res.statusCode !== 201) throw new Error(`B's item: ${res.body}`);
    return { B_OPENDATAITEM: res.json().id };
  },
  leaks: [SECRET],
  fill: (path) => (path.startsWith('/api/v1/open-data/') ? path : undefined),
};

export default fixture;
