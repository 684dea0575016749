/**
 * The app's citizen pages in the portal's budget suite (test/portal-budget.test.ts) and the fuzz
 * suite: the catalogue, a dataset's page with its chart and preview, a producer's page and a
 * theme's, over a dataset published through the staff API. None ships a script.
 */
import assert from 'node:assert/strict';
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';
import { makeDataset, populationDataset } from './catalogue-data.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant, admin }) {
    const post = async (path: string, payload: object) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/t/${tenant.slug}${path}`,
        headers: admin,
        payload,
      });
      assert.equal(res.statusCode, 201, `${path}: ${res.body}`);
      return res.json();
    };
    const agency = await post('/api/v1/agencies', {
      code: 'DISDUKCAPIL',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      kind: 'dinas',
    });
    await post('/api/v1/open-data/themes', { name: 'kependudukan', title: 'Kependudukan' });
    const dataset = await makeDataset(t, tenant.slug, admin, populationDataset(agency.id));
    return [
      ['open-data catalogue', '/open-data'],
      ['open-data dataset', `/open-data/dataset/${dataset.name}`],
      ['open-data organization', '/open-data/organization/disdukcapil'],
      ['open-data theme', '/open-data/group/kependudukan'],
    ];
  },
};

export default fixture;
