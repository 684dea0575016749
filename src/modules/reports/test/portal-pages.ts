/**
 * The reports app's citizen pages in the portal's budget suite (test/portal-budget.test.ts): the
 * report form and the list carry the map; the tracking page, a report's page and the follow pages
 * do not.
 */
import assert from 'node:assert/strict';
import type { PortalPagesFixture } from '../../../../test/support/portal-pages.ts';
import { SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';

const fixture: PortalPagesFixture = {
  async setup({ t, tenant, admin }) {
    const api = `/t/${tenant.slug}/api/v1/reports`;
    const category = await t.app.inject({
      method: 'PUT',
      url: `${api}/categories/roads`,
      headers: admin,
      payload: { name: { id: 'Jalan rusak', en: 'Damaged roads' } },
    });
    assert.equal(category.statusCode, 200, category.body);
    const filed = await t.app.inject({
      method: 'POST',
      url: api,
      payload: {
        type: 'complaint',
        category: 'roads',
        description: 'Jalan berlubang di depan pasar, berbahaya untuk pengendara motor.',
        address: 'Jl. Pasar Baru',
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { trackingNo } = filed.json() as { trackingNo: string };
    const follow = await t.app.inject({
      method: 'POST',
      url: `${api}/${trackingNo}/followers`,
      payload: { email: 'pemantau@example.id' },
    });
    assert.equal(follow.statusCode, 201, follow.body);
    const [confirmation] = await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('notification_outbox')
        .select('body')
        .where('tenant_id', '=', tenant.id)
        .where('recipient', '=', 'pemantau@example.id')
        .execute(),
    );
    const token = /\/ikuti\/konfirmasi\/(\S+)/.exec(confirmation!.body)![1]!;
    return [
      ['follow a report', `/laporan/${trackingNo}/ikuti`],
      ['follow an area', '/ikuti-area'],
      ['stop following', `/ikuti/berhenti/${token}`],
      ['report form', '/lapor', { map: true }],
      ['track', '/lacak'],
      ['list', '/laporan', { map: true }],
      ['report page', `/laporan/${trackingNo}`],
    ];
  },
};

export default fixture;
