import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CkanBadRequest, CkanError } from './errors.ts';
import { bodyData, datastoreArgs, packageSearchArgs, packageSort, parseFq } from './params.ts';

/** The Validation Error's dict of a call that must fail. */
function fieldsOf(fn: () => unknown): Record<string, string[]> {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof CkanError, `not a CkanError: ${error}`);
    assert.equal(error.type, 'Validation Error');
    return Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, v.map((s) => s.key)]));
  }
  assert.fail('no error');
}

describe('CKAN package_search parameters', () => {
  test('CKAN’s defaults: 10 rows from the start, score then newest', () => {
    const args = packageSearchArgs({});
    assert.equal(args.search.limit, 10);
    assert.equal(args.search.offset, 0);
    assert.equal(args.search.sort, 'score desc');
    assert.equal(args.sortText, 'score desc, metadata_modified desc');
    assert.equal(args.search.text, undefined);
    assert.equal(args.search.facets, undefined);
  });

  test('rows and start as text or numbers; rows above 1000 is 1000, as CKAN clamps it', () => {
    assert.equal(packageSearchArgs({ rows: '25', start: '50' }).search.limit, 25);
    assert.equal(packageSearchArgs({ rows: 25, start: 50 }).search.offset, 50);
    assert.equal(packageSearchArgs({ rows: '5000' }).search.limit, 1000);
    assert.equal(packageSearchArgs({ rows: '0' }).search.limit, 0);
  });

  test('bad rows and start are Validation Errors naming each, all at once', () => {
    assert.deepEqual(
      fieldsOf(() => packageSearchArgs({ rows: '-1' })),
      { rows: ['naturalNumber'] },
    );
    assert.deepEqual(
      fieldsOf(() => packageSearchArgs({ rows: 'abc', start: '1.5' })),
      {
        rows: ['invalidInteger'],
        start: ['invalidInteger'],
      },
    );
    assert.deepEqual(
      fieldsOf(() => packageSearchArgs({ start: '99999999999' })),
      { start: ['invalidInteger'] },
    );
  });

  test('q: free text, and *:* is everything', () => {
    assert.equal(packageSearchArgs({ q: 'puskesmas' }).search.text, 'puskesmas');
    assert.equal(packageSearchArgs({ q: '*:*' }).search.text, undefined);
    assert.equal(packageSearchArgs({ q: '' }).search.text, undefined);
  });

  test('sorts as CKAN writes them map to ours; the harvester’s id asc is name asc; others refused', () => {
    assert.equal(packageSort('metadata_modified desc').sort, 'metadata_modified desc');
    assert.equal(packageSort('  metadata_modified   DESC ').sort, 'metadata_modified desc');
    assert.equal(packageSort('score desc, metadata_modified desc').sort, 'score desc');
    assert.equal(packageSort('id asc').sort, 'name asc');
    assert.equal(packageSort('title_string asc').sort, 'title_string asc');
    assert.equal(packageSort('id asc').text, 'id asc');
    assert.deepEqual(
      fieldsOf(() => packageSort('views_recent desc')),
      { sort: ['unknownSort'] },
    );
  });

  test('facet.field as a JSON list, a list, or one field; unknown fields refused', () => {
    assert.deepEqual(packageSearchArgs({ 'facet.field': '["organization","tags"]' }).search.facets, [
      'organization',
      'tags',
    ]);
    assert.deepEqual(packageSearchArgs({ 'facet.field': ['groups'] }).search.facets, ['groups']);
    assert.equal(packageSearchArgs({ 'facet.field': '["tags"]' }).search.facetLimit, 50);
    assert.equal(packageSearchArgs({ 'facet.field': '["tags"]', 'facet.limit': '5' }).search.facetLimit, 5);
    assert.equal(packageSearchArgs({ 'facet.field': '["tags"]', facet: 'false' }).search.facets, undefined);
    assert.deepEqual(
      fieldsOf(() => packageSearchArgs({ 'facet.field': '["author"]' })),
      {
        'facet.field': ['unknownFacet'],
      },
    );
    assert.deepEqual(
      fieldsOf(() => packageSearchArgs({ 'facet.field': '["tags"' })),
      { 'facet.field': ['notJson'] },
    );
  });
});

describe('CKAN fq', () => {
  test('field:value terms AND together, quoted and + forms too', () => {
    const fq = parseFq(
      'organization:dinas-kesehatan +tags:"fasilitas kesehatan" res_format:CSV tags:puskesmas',
    );
    assert.deepEqual(fq.filters, {
      organization: ['dinas-kesehatan'],
      tags: ['fasilitas kesehatan', 'puskesmas'],
      res_format: ['CSV'],
    });
  });

  test('the harvester’s included organizations (OR of one field) and excluded groups (-field)', () => {
    const fq = parseFq(
      'organization:dinkes OR organization:"dinas pupr" -groups:kesehatan -groups:ekonomi metadata_modified:[2026-12-01T00:00:00Z TO *]',
    );
    assert.deepEqual(fq.anyOf, { organization: ['dinkes', 'dinas pupr'] });
    assert.deepEqual(fq.exclude, { groups: ['kesehatan', 'ekonomi'] });
    assert.deepEqual(fq.filters, {});
    assert.equal(fq.modifiedSince, '2026-12-01T00:00:00.000Z');
  });

  test('the harvester’s incremental range, with its microseconds and Z', () => {
    const fq = parseFq('metadata_modified:[2026-12-01T08:15:30.123456Z TO *]');
    assert.equal(fq.modifiedSince, '2026-12-01T08:15:30.123Z');
    assert.equal(fq.modifiedUntil, undefined);
    const both = parseFq('metadata_modified:[* TO 2026-12-31T00:00:00Z]');
    assert.equal(both.modifiedSince, undefined);
    assert.equal(both.modifiedUntil, '2026-12-31T00:00:00.000Z');
  });

  test('CKAN’s own capacity:public and state:active pass; other values match nothing', () => {
    assert.equal(parseFq('+capacity:public +state:active dataset_type:dataset').matchesNothing, false);
    assert.equal(parseFq('capacity:private').matchesNothing, true);
  });

  test('owner_org ids are kept to be read as names', () => {
    assert.deepEqual(parseFq('+owner_org:"0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b01"').ownerOrgs, [
      '0b9c1a52-6f1e-4c0e-9a43-1d2f3e4a5b01',
    ]);
  });

  test('an unknown field is a Validation Error on fq naming it', () => {
    try {
      parseFq('author:budi');
      assert.fail('no error');
    } catch (error) {
      assert.ok(error instanceof CkanError);
      assert.equal(error.fields.fq?.[0]?.key, 'unknownFqField');
      assert.equal(error.fields.fq?.[0]?.params?.field, 'author');
    }
  });

  test('OR, negation, wildcards, groups and bad ranges are refused, never half-read', () => {
    for (const fq of [
      'organization:a OR tags:b',
      'organization:a OR',
      'OR organization:a',
      '-organization:a OR organization:b',
      '-metadata_modified:[* TO *]',
      'tags:pus*',
      'tags:(a b)',
      'metadata_modified:[NOW-1DAY TO *]',
      'metadata_modified:2026-01-01',
      'justtext',
    ]) {
      assert.ok(fieldsOf(() => parseFq(fq)).fq, fq);
    }
  });
});

describe('CKAN request bodies', () => {
  test('a JSON object, a form, CKAN’s JSON-as-the-only-form-key, or empty', () => {
    assert.deepEqual(bodyData('{"id":"a","rows":5}', 'application/json'), { id: 'a', rows: 5 });
    assert.deepEqual(bodyData('id=a&fq=tags%3Apasar', 'application/x-www-form-urlencoded'), {
      id: 'a',
      fq: 'tags:pasar',
    });
    assert.deepEqual(bodyData('%7B%22id%22%3A%22a%22%7D=1', 'application/x-www-form-urlencoded'), {
      id: 'a',
    });
    assert.deepEqual(bodyData('', 'application/json'), {});
  });

  test('malformed JSON and JSON that is not an object are CKAN’s Bad request', () => {
    assert.throws(() => bodyData('{"id":', 'application/json'), CkanBadRequest);
    assert.throws(() => bodyData('[1,2]', 'application/json'), CkanBadRequest);
    assert.throws(() => bodyData('"text"', 'application/json'), CkanBadRequest);
  });
});

describe('CKAN datastore_search parameters', () => {
  test('defaults 100 rows, at most 32000; filters, fields and sort read as CKAN writes them', () => {
    const a = datastoreArgs({ resource_id: 'r1' });
    assert.equal(a.query.limit, 100);
    assert.equal(a.includeTotal, true);
    const b = datastoreArgs({
      id: 'r1',
      limit: '50000',
      offset: '10',
      filters: '{"pasar":"Pasar Anyar"}',
      fields: 'tanggal, harga',
      sort: 'harga desc, tanggal',
      include_total: 'false',
    });
    assert.equal(b.resourceId, 'r1');
    assert.equal(b.query.limit, 32000);
    assert.equal(b.query.offset, 10);
    assert.deepEqual(b.query.filters, { pasar: 'Pasar Anyar' });
    assert.deepEqual(b.query.fields, ['tanggal', 'harga']);
    assert.deepEqual(b.query.sort, [
      { column: 'harga', direction: 'desc' },
      { column: 'tanggal', direction: 'asc' },
    ]);
    assert.equal(b.includeTotal, false);
  });

  test('a missing resource_id, bad filters and other formats are refused by name', () => {
    assert.deepEqual(
      fieldsOf(() => datastoreArgs({})),
      { resource_id: ['missing'] },
    );
    assert.deepEqual(
      fieldsOf(() => datastoreArgs({ resource_id: 'r', filters: '{x' })),
      { filters: ['notJson'] },
    );
    assert.deepEqual(
      fieldsOf(() => datastoreArgs({ resource_id: 'r', filters: '[1]' })),
      { filters: ['notObject'] },
    );
    assert.deepEqual(
      fieldsOf(() => datastoreArgs({ resource_id: 'r', records_format: 'csv' })),
      {
        records_format: ['unsupportedFormat'],
      },
    );
    assert.deepEqual(
      fieldsOf(() => datastoreArgs({ resource_id: 'r', limit: '-5' })),
      { limit: ['naturalNumber'] },
    );
  });
});

describe('CKAN parameters against hostile input', () => {
  test('lists nested ten thousand deep are refused, not printed or walked', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    assert.throws(() => bodyData(deep, 'application/json'), CkanBadRequest);
    const body = bodyData(
      `{"all_fields":${deep},"rows":${deep},"q":${deep},"facet.field":${deep}}`,
      'application/json',
    );
    assert.deepEqual(
      fieldsOf(() => packageSearchArgs(body)),
      {
        q: ['notText'],
        rows: ['invalidInteger'],
        'facet.field': ['notListOfStrings'],
      },
    );
    assert.deepEqual(
      fieldsOf(() => datastoreArgs({ resource_id: 'r', include_total: JSON.parse(deep) })),
      {
        include_total: ['notBoolean'],
      },
    );
  });
});
