/**
 * What the tenant isolation suite (test/isolation.test.ts) needs of this app: a valid body for each
 * of its writes, B's data that nothing on A may show, and how to fill its paths with B's ids.
 */
import type { IsolationFixture } from '../../../../test/support/isolation.ts';
import { CKAN_POST_READS, ckanFill, ckanQuery } from '../ckan/isolation.ts';
import { csvUpload, metadata } from './fixtures.ts';

const SECRET = 'Data rahasia kota B';
const API = '/api/v1/open-data';

const fixture: IsolationFixture = {
  samples: {
    [`POST ${API}/datasets`]: { ...metadata, themes: [], agencyId: 'B_AGENCY', name: 'dari-a' },
    [`PUT ${API}/datasets/{id}`]: { ...metadata, themes: [], name: 'dari-a' },
    [`POST ${API}/datasets/{id}/submit`]: undefined,
    [`POST ${API}/datasets/{id}/publish`]: undefined,
    [`POST ${API}/datasets/{id}/return`]: { note: 'Dari kota A' },
    [`POST ${API}/datasets/{id}/unpublish`]: { note: 'Dari kota A' },
    [`POST ${API}/datasets/{id}/links`]: { name: 'Dari kota A', url: 'https://example.org/a' },
    // Not a data file: refused for A's admin (400), after B's credentials were refused.
    [`POST ${API}/datasets/{id}/uploads`]: 'pdf',
    [`POST ${API}/resources/{id}/versions`]: 'pdf',
    [`PUT ${API}/resources/{id}/dictionary`]: { columns: [{ name: 'kecamatan', label: 'Dari kota A' }] },
    [`POST ${API}/themes`]: { name: 'dari-a', title: 'Dari kota A' },
    [`PUT ${API}/themes/{id}`]: { name: 'dari-a', title: 'Dari kota A' },
    [`DELETE ${API}/themes/{id}`]: undefined,
  },
  async setup({ t, b, ids }) {
    const theme = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}${API}/themes`,
      headers: b.admin,
      payload: { name: 'rahasia', title: SECRET },
    });
    if (theme.statusCode !== 201) throw new Error(`B's theme: ${theme.body}`);
    const dataset = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}${API}/datasets`,
      headers: b.admin,
      payload: { ...metadata, themes: ['rahasia'], agencyId: ids.B_AGENCY, name: 'rahasia-b', title: SECRET },
    });
    if (dataset.statusCode !== 201) throw new Error(`B's dataset: ${dataset.body}`);
    const form = csvUpload(`kecamatan,catatan\nCiledug,${SECRET}\n`, { name: SECRET });
    const upload = await t.app.inject({
      method: 'POST',
      url: `/t/${b.slug}${API}/datasets/${dataset.json().id}/uploads`,
      headers: { ...b.admin, ...form.headers },
      payload: form.payload,
    });
    if (upload.statusCode !== 201) throw new Error(`B's upload: ${upload.body}`);
    // Published, so that B's catalogue (CKAN, DCAT) holds it: A's must still show nothing of it.
    for (const step of ['submit', 'publish']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/t/${b.slug}${API}/datasets/${dataset.json().id}/${step}`,
        headers: b.admin,
      });
      if (res.statusCode !== 200) throw new Error(`B's dataset ${step}: ${res.body}`);
    }
    return {
      B_DATASET: dataset.json().id,
      B_RESOURCE: upload.json().id,
      B_THEME: theme.json().id,
      B_ORGANIZATION: ids.B_AGENCY!,
    };
  },
  leaks: [SECRET],
  postReads: CKAN_POST_READS,
  query: ckanQuery,
  fill: (path, ids) => {
    const ckan = ckanFill(path);
    if (ckan) return ckan;
    if (path.startsWith('/catalog.')) return path;
    // B's dataset by its name, which is B's alone.
    if (path.startsWith('/dataset/')) return path.replace('{name}', 'rahasia-b');
    if (!path.startsWith(`${API}/`)) return undefined;
    if (path.startsWith(`${API}/datasets/`)) return path.replace('{id}', ids.B_DATASET!);
    if (path.startsWith(`${API}/resources/`))
      return path.replace('{id}', ids.B_RESOURCE!).replace('{version}', '1');
    if (path.startsWith(`${API}/themes/`)) return path.replace('{id}', ids.B_THEME!);
    return path;
  },
};

export default fixture;
