/** The demo tenants hold realistic reports in every status, written through the reports service. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { readAcrossTenants } from '../../../platform/sdk/index.ts';
import { seedDemo } from '../../../platform/sdk/testing.ts';
import { reportsApp } from '../index.ts';
import { STATUSES } from '../lifecycle.ts';
import type { tx } from '../tables.ts';

describe(`reports demo data (${DB_KIND})`, () => {
  let t: TestContext;
  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    assert.equal(await seedDemo(t.platform), true);
  });
  after(() => t?.close());

  test('every status appears, Kota Tangerang has a few weeks of reports, and they read through the API', async () => {
    const rows = await readAcrossTenants(t.platform.database.db, (trx) =>
      (trx as unknown as ReturnType<typeof tx>).selectFrom('reports').select('status').execute(),
    );
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of STATUSES) assert.ok(statuses.has(s), `no demo report is ${s}`);
    const list = await t.app.inject({ url: '/t/kota-tangerang/api/v1/reports?limit=100' });
    assert.equal(list.statusCode, 200);
    assert.ok(list.json().total >= 15, `only ${list.json().total} public reports`);
    const stats = await t.app.inject({ url: '/t/kota-tangerang/api/v1/reports/stats/agencies' });
    assert.equal(stats.statusCode, 200);
    assert.ok(stats.json().agencies.length >= 3);
    const search = await t.app.inject({ url: '/t/kota-tangerang/api/v1/reports?q=lubang' });
    assert.ok(search.json().total >= 2, 'lubang finds the reports of holes');
  });
});
