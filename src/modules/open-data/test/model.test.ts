/**
 * The catalogue's tables on the database the suite runs on: a dataset with a versioned resource
 * and its datastore rows is kept, its checks refuse what the model forbids, and another tenant's
 * scope sees none of it (row-level security under the queries' own tenant filter).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DB_KIND, makeTenant, startTest, type TestContext } from '../../../../test/support/harness.ts';
import { newId, SYSTEM_ACTOR } from '../../../platform/sdk/index.ts';
import app from '../index.ts';
import { tx } from '../tables.ts';

describe(`Satu Data's tables (${DB_KIND})`, () => {
  let t: TestContext;
  let a: { id: string };
  let b: { id: string };
  const datasetId = newId();
  const versionId = newId();

  before(async () => {
    t = await startTest({ modules: [app] });
    a = await makeTenant(t.platform, 'kota-a');
    b = await makeTenant(t.platform, 'kota-b');
  });
  after(() => t.close());

  const dataset = (tenantId: string, over: Record<string, unknown> = {}) => ({
    tenant_id: tenantId,
    id: newId(),
    name: 'jumlah-penduduk',
    title: 'Jumlah penduduk per kecamatan',
    description: 'Jumlah penduduk menurut kecamatan dan jenis kelamin.',
    state: 'draft' as const,
    classification: 'open' as const,
    license_id: 'cc-by',
    frequency: 'annual' as const,
    contact_name: 'Disdukcapil',
    keywords: JSON.stringify(['penduduk']),
    ...over,
  });

  test('a dataset, its resource, a version and its rows are kept', async () => {
    await t.platform.inTenant(a.id, SYSTEM_ACTOR, async (scope) => {
      const db = tx(scope);
      await db
        .insertInto('open_data_datasets')
        .values({ ...dataset(a.id), id: datasetId, spatial_bbox: JSON.stringify([106.5, -6.3, 106.8, -6.1]) })
        .execute();
      const resourceId = newId();
      await db
        .insertInto('open_data_resources')
        .values({
          tenant_id: a.id,
          id: resourceId,
          dataset_id: datasetId,
          name: 'Data 2025',
          kind: 'upload',
          format: 'CSV',
          current_version: 1,
        })
        .execute();
      await db
        .insertInto('open_data_resource_versions')
        .values({
          tenant_id: a.id,
          id: versionId,
          resource_id: resourceId,
          version: 1,
          file_key: 'x/y.csv',
          file_name: 'penduduk.csv',
          format: 'CSV',
          media_type: 'text/csv',
          byte_size: 10,
          checksum: 'a'.repeat(64),
          row_count: 2,
          columns: JSON.stringify([
            { name: 'jumlah', type: 'int', label: 'Jumlah', description: null, unit: 'jiwa' },
          ]),
        })
        .execute();
      await db
        .insertInto('open_data_rows')
        .values([
          {
            tenant_id: a.id,
            version_id: versionId,
            row_no: 1,
            data: JSON.stringify({ kecamatan: 'Ciledug', jumlah: 150000 }),
          },
          {
            tenant_id: a.id,
            version_id: versionId,
            row_no: 2,
            data: JSON.stringify({ kecamatan: 'Karawaci', jumlah: 98000 }),
          },
        ])
        .execute();
      const row = await db
        .selectFrom('open_data_datasets')
        .selectAll()
        .where('tenant_id', '=', a.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row.keywords, ['penduduk']);
      assert.deepEqual(row.spatial_bbox, [106.5, -6.3, 106.8, -6.1]);
      const sorted = await db
        .selectFrom('open_data_rows')
        .select('data')
        .where('tenant_id', '=', a.id)
        .where('version_id', '=', versionId)
        .orderBy((eb) => eb.ref('data', '->').key('jumlah'), 'asc')
        .execute();
      assert.deepEqual(
        sorted.map((r) => r.data.kecamatan),
        ['Karawaci', 'Ciledug'],
      );
    });
  });

  test('the checks refuse a published dataset never published, and a bad name', async () => {
    for (const over of [{ state: 'published' }, { name: 'Bukan Nama' }, { classification: 'secret' }]) {
      await assert.rejects(
        t.platform.inTenant(a.id, SYSTEM_ACTOR, (scope) =>
          tx(scope)
            .insertInto('open_data_datasets')
            .values(dataset(a.id, { name: 'lain', ...over }))
            .execute(),
        ),
      );
    }
  });

  test("another tenant's scope sees nothing of it, even unfiltered", async () => {
    await t.platform.inTenant(b.id, SYSTEM_ACTOR, async (scope) => {
      for (const table of [
        'open_data_datasets',
        'open_data_resources',
        'open_data_resource_versions',
        'open_data_rows',
      ] as const) {
        const rows = await tx(scope).selectFrom(table).select('tenant_id').execute();
        assert.equal(rows.length, 0, table);
      }
    });
  });
});
