import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bboxPolygon, ckanTime, licenseList, packageDict, searchResult, stableId } from './dicts.ts';
import { DATASETS } from './test-catalog.ts';

describe('CKAN dicts', () => {
  test('instants in CKAN’s format: UTC, no zone, microseconds', () => {
    assert.equal(ckanTime('2026-12-06T10:00:00Z'), '2026-12-06T10:00:00.000000');
    assert.equal(ckanTime('2026-12-06T17:00:00.250+07:00'), '2026-12-06T10:00:00.250000');
    assert.equal(ckanTime(null), null);
    assert.equal(ckanTime('not a date'), null);
  });

  test('a keyword’s id is a stable version-5-shaped UUID, different per keyword', () => {
    assert.equal(stableId('tag', 'pasar'), stableId('tag', 'pasar'));
    assert.notEqual(stableId('tag', 'pasar'), stableId('tag', 'harga'));
    assert.match(
      stableId('tag', 'pasar'),
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  test('the spatial extra is a closed GeoJSON polygon of the box', () => {
    const polygon = JSON.parse(bboxPolygon([106.56, -6.27, 106.72, -6.13]));
    assert.equal(polygon.type, 'Polygon');
    const ring = polygon.coordinates[0];
    assert.equal(ring.length, 5);
    assert.deepEqual(ring[0], ring[4]);
    assert.deepEqual(ring[2], [106.72, -6.13]);
  });

  test('extras are text and never empty; a link resource has no url_type, no size and no versions', () => {
    const p = packageDict(DATASETS[1]!);
    for (const e of p.extras as { key: string; value: unknown }[]) {
      assert.equal(typeof e.value, 'string', e.key);
      assert.notEqual(e.value, '', e.key);
    }
    const r = (p.resources as Record<string, unknown>[])[0]!;
    assert.equal(r.url_type, null);
    assert.equal(r.size, null);
    assert.equal(r.hash, '');
    assert.deepEqual(r.versions, []);
  });

  test('license_list: CKAN’s register with its flags as text, then licences only the catalogue uses', () => {
    const list = licenseList([{ name: 'ogl-id', displayName: 'Lisensi Data Terbuka Indonesia', count: 3 }]);
    const odbl = list.find((l) => l.id === 'odc-odbl')!;
    assert.equal(odbl.domain_data, 'True');
    assert.equal(odbl.domain_software, 'False');
    assert.equal(odbl.status, 'active');
    const own = list.at(-1)!;
    assert.equal(own.id, 'ogl-id');
    assert.equal(own.title, 'Lisensi Data Terbuka Indonesia');
    assert.equal(list.filter((l) => l.id === 'cc-by').length, 1);
  });

  test('search facets below facet.mincount are left out of both forms', () => {
    const result = searchResult(
      {
        count: 3,
        datasets: [],
        facets: {
          tags: [
            { name: 'pasar', displayName: 'pasar', count: 2 },
            { name: 'harga', displayName: 'harga', count: 1 },
          ],
        },
      },
      'name asc',
      ['tags'],
      2,
    );
    assert.deepEqual(result.facets, { tags: { pasar: 2 } });
    assert.deepEqual(result.search_facets, {
      tags: { title: 'tags', items: [{ name: 'pasar', display_name: 'pasar', count: 2 }] },
    });
  });
});
