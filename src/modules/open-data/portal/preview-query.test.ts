import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CatalogColumn, CatalogResource } from '../catalog/view.ts';
import { previewSearch, readPreviewQuery } from './preview-query.ts';

const column = (name: string, type: CatalogColumn['type'] = 'text'): CatalogColumn => ({
  name,
  type,
  label: name,
  description: null,
  unit: null,
});
const resource = (id: string, datastoreActive: boolean, columns: CatalogColumn[] = []) =>
  ({ id, datastoreActive, columns }) as unknown as CatalogResource;
const resources = [
  resource('file', false),
  resource('a', true, [column('kecamatan'), column('jumlah', 'int')]),
  resource('b', true, [column('tanggal', 'date')]),
];

test("the parameters are the first previewable resource's unless they name another", () => {
  assert.deepEqual(readPreviewQuery({}, resources), {
    query: { resourceId: 'a', page: 1, sort: undefined },
    errors: {},
  });
  assert.deepEqual(
    readPreviewQuery({ resource: 'b', page: '4', sort: 'tanggal', order: 'desc' }, resources),
    {
      query: { resourceId: 'b', page: 4, sort: { column: 'tanggal', direction: 'desc' } },
      errors: {},
    },
  );
  assert.deepEqual(readPreviewQuery({ sort: '_id' }, resources).query.sort, {
    column: '_id',
    direction: 'asc',
  });
  assert.deepEqual(readPreviewQuery({ page: '2' }, [resources[0]!]), {
    query: { resourceId: undefined, page: 1, sort: undefined },
    errors: {},
  });
});

test('each part in error is named and left at its default', () => {
  const read = (raw: Record<string, unknown>) => readPreviewQuery(raw, resources);
  assert.deepEqual(read({ resource: 'file' }).errors, { resource: { key: 'resource' } });
  assert.equal(read({ resource: 'file' }).query.resourceId, 'a');
  const bad = read({ resource: 'a', page: '0', sort: 'tanggal', order: 'up' });
  assert.deepEqual(Object.keys(bad.errors).sort(), ['order', 'page', 'sort']);
  assert.deepEqual(bad.query, { resourceId: 'a', page: 1, sort: undefined });
  assert.equal(read({ page: '5001' }).errors.page?.key, 'rowsPage');
  assert.equal(read({ sort: 'x'.repeat(300) }).errors.sort?.params?.column, 'x'.repeat(80));
});

test("a preview's links name their resource and come back to its table", () => {
  assert.equal(previewSearch('a', 1, undefined), '?resource=a#preview-a');
  assert.equal(
    previewSearch('a', 3, { column: 'jumlah penduduk', direction: 'desc' }),
    '?resource=a&page=3&sort=jumlah+penduduk&order=desc#preview-a',
  );
});
