/**
 * The setup checklist and the demo data on the database the suite runs on: a region with a tenant
 * administrator has its walidata, not yet a theme; the demo seeds the themes and two published
 * datasets whose CSV rows are in the datastore.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DB_KIND,
  makeLive,
  makeStaff,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { createAgency } from '../../../platform/sdk/testing.ts';
import { catalogReader } from '../catalog/read.ts';
import { seedDemo } from '../demo.ts';
import app from '../index.ts';
import { setup } from '../setup.ts';

describe(`Satu Data's setup and demo (${DB_KIND})`, () => {
  let t: TestContext;
  let tenant: VerifiedTenant;
  const checks = () =>
    t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) =>
      Object.fromEntries(
        await Promise.all(setup.map(async (s) => [s.id, (await s.check(scope, t.platform)).done])),
      ),
    );

  before(async () => {
    t = await startTest({ modules: [app] });
    tenant = await makeTenant(t.platform, 'kota-tangerang');
    await makeLive(t.platform, tenant.id, 'open-data');
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      await createAgency(scope, {
        code: 'DISDUKCAPIL',
        name: 'Dinas Kependudukan dan Pencatatan Sipil',
        kind: 'dinas',
      });
      await createAgency(scope, { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' });
    });
  });
  after(() => t.close());

  test('the checklist: no walidata and no theme at first', async () => {
    assert.deepEqual(await checks(), { custodian: false, theme: false });
    await makeStaff(t.platform, tenant.id, ['operator']);
    assert.equal((await checks()).custodian, false, 'an operator is no walidata');
    await makeStaff(t.platform, tenant.id, ['tenant_admin']);
    assert.equal((await checks()).custodian, true);
  });

  test('the demo publishes two datasets with their rows, and the themes', async () => {
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, (scope) => seedDemo(t.platform, scope, tenant));
    assert.deepEqual(await checks(), { custodian: true, theme: true });
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const reader = catalogReader(scope, { tenant, baseUrl: 'https://data.test' });
      const page = await reader.search({ sort: 'name asc', limit: 10, offset: 0 });
      assert.deepEqual(
        page.datasets.map((d) => [d.name, d.organization.name]),
        [
          ['fasilitas-kesehatan', 'dinkes'],
          ['jumlah-penduduk-per-kecamatan', 'disdukcapil'],
        ],
      );
      const population = page.datasets[1]!.resources[0]!;
      assert.equal(population.columns.find((c) => c.name === 'jumlah_penduduk')?.type, 'int');
      const rows = await reader.datastore(population.id, {
        sort: [{ column: 'jumlah_penduduk', direction: 'desc' }],
        limit: 1,
        offset: 0,
      });
      assert.equal(rows?.total, 13);
      assert.equal(rows?.records[0]?.kecamatan, 'Cipondoh');
      const health = page.datasets[0]!.resources[0]!;
      assert.equal(health.columns.find((c) => c.name === 'tanggal_izin')?.type, 'date');
      assert.equal(health.columns.find((c) => c.name === 'lintang')?.type, 'numeric');
    });
  });
});
