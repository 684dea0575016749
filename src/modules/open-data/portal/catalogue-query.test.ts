import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogueSearch, effectiveSort, readCatalogueQuery } from './catalogue-query.ts';

test('words, order, page and filters are read; repeated filters add up, blanks are dropped', () => {
  const { query, errors } = readCatalogueQuery({
    q: '  penduduk  ',
    sort: 'title_string asc',
    page: '3',
    tags: ['puskesmas', ' kesehatan ', '', 'puskesmas'],
    organization: 'dinkes',
    classification: 'open',
    other: 'x',
  });
  assert.deepEqual(errors, {});
  assert.deepEqual(query, {
    q: 'penduduk',
    sort: 'title_string asc',
    page: 3,
    filters: { organization: ['dinkes'], tags: ['puskesmas', 'kesehatan'] },
  });
  assert.equal(effectiveSort(readCatalogueQuery({}).query), 'score desc');
});

test('what the page cannot answer is an error on its field; unknown values are not', () => {
  const errors = (raw: Record<string, unknown>) => readCatalogueQuery(raw).errors;
  assert.deepEqual(Object.keys(errors({ sort: 'name asc' })), ['sort'], 'an order the page does not offer');
  for (const page of ['0', '-1', '1.5', 'dua', '1001', '99999999']) {
    assert.deepEqual(Object.keys(errors({ page })), ['page'], page);
  }
  assert.deepEqual(Object.keys(errors({ q: 'x'.repeat(201) })), ['q']);
  assert.deepEqual(errors({ q: 'x'.repeat(200), organization: 'tidak-ada' }), {});
  assert.deepEqual(Object.keys(errors({ tags: [...Array(11)].map((_, i) => `t${i}`) })), ['filters']);
  assert.deepEqual(Object.keys(errors({ groups: 'g'.repeat(101) })), ['filters']);
  // A page's own facet is no parameter of it.
  assert.deepEqual(readCatalogueQuery({ organization: 'lain', tags: 'a' }, 'organization').query.filters, {
    tags: ['a'],
  });
});

test('links add and remove one filter value, go back to the first page, and keep the rest', () => {
  const { query } = readCatalogueQuery({
    q: 'data & angka',
    tags: ['a', 'b'],
    page: '2',
    sort: 'score desc',
  });
  assert.equal(catalogueSearch(query), '?q=data+%26+angka&sort=score+desc&tags=a&tags=b');
  assert.equal(
    catalogueSearch(query, { add: ['res_format', 'CSV'] }),
    '?q=data+%26+angka&sort=score+desc&tags=a&tags=b&res_format=CSV',
  );
  assert.equal(catalogueSearch(query, { remove: ['tags', 'a'] }), '?q=data+%26+angka&sort=score+desc&tags=b');
  assert.equal(
    catalogueSearch(query, { add: ['tags', 'a'] }),
    '?q=data+%26+angka&sort=score+desc&tags=a&tags=b',
  );
  assert.equal(
    catalogueSearch(query, { clearFilters: true, page: 4 }),
    '?q=data+%26+angka&sort=score+desc&page=4',
  );
  assert.equal(catalogueSearch(readCatalogueQuery({}).query, { page: 1 }), '');
});
