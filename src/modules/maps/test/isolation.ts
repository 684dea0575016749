/**
 * What the tenant isolation suite (test/isolation.test.ts) needs of this app: a valid body for each
 * of its writes, B's data that nothing on A may show (a public layer of B, which A's OGC API and
 * portal map must not list), and how to fill its paths with B's ids.
 */
import type { IsolationFixture } from '../../../../test/support/isolation.ts';
import { healthCentres, upload } from './fixtures.ts';

const SECRET = 'Rahasia maps kota B';

const fixture: IsolationFixture = {
  samples: {
    // A file that is no layer: the upload is refused, and nothing is written either way.
    'POST /api/v1/maps/layers': 'pdf',
    'PUT /api/v1/maps/layers/{id}/data': 'pdf',
    'PATCH /api/v1/maps/layers/{id}': { title: 'Dari kota A' },
    'DELETE /api/v1/maps/layers/{id}': undefined,
  },
  async setup({ t, b }) {
    const res = await upload(
      t.app,
      b.slug,
      b.admin,
      { title: SECRET, access: 'public' },
      JSON.stringify(healthCentres(3)),
    );
    if (res.statusCode !== 201) throw new Error(`B's layer: ${res.body}`);
    return { B_LAYER: res.json().id, B_COLLECTION: res.json().name };
  },
  leaks: [SECRET],
  fill: (path, ids) => {
    if (path.startsWith('/api/v1/maps/')) return path.replace('{id}', ids.B_LAYER!);
    if (path.startsWith('/ogc'))
      return path.replace('{collectionId}', ids.B_COLLECTION!).replace('{featureId}', '1');
    return undefined;
  },
};

export default fixture;
