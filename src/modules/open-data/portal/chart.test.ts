import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DatastoreSums } from '../catalog/reader.ts';
import type { CatalogColumn } from '../catalog/view.ts';
import { chartPlan, sumsChartSvg } from './chart.ts';

const column = (name: string, type: CatalogColumn['type'], label = name): CatalogColumn => ({
  name,
  type,
  label,
  description: null,
  unit: null,
});

/** The texts the picture shows. */
function labels(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

test('a chart sums the first measure by the first date or text column; codes and years are not measures', () => {
  const plan = (columns: CatalogColumn[]) => {
    const p = chartPlan(columns);
    return p && [p.groupBy.name, p.measure.name, p.kind];
  };
  assert.deepEqual(
    plan([column('no', 'int'), column('tahun', 'int'), column('kecamatan', 'text'), column('jumlah', 'int')]),
    ['kecamatan', 'jumlah', 'bars'],
  );
  assert.deepEqual(plan([column('tanggal', 'date'), column('pasar', 'text'), column('harga', 'numeric')]), [
    'tanggal',
    'harga',
    'line',
  ]);
  assert.deepEqual(plan([column('thn', 'int', 'Tahun'), column('realisasi', 'numeric')]), [
    'thn',
    'realisasi',
    'columns',
  ]);
  assert.equal(plan([column('kecamatan', 'text'), column('kode_wilayah', 'int')]), null, 'only a code');
  assert.equal(plan([column('jumlah', 'int'), column('luas', 'numeric')]), null, 'nothing to group by');
});

test('bars by a text column beside a year or a date draw one period: the plan names it', () => {
  const period = (columns: CatalogColumn[]) => chartPlan(columns)?.period?.name ?? null;
  assert.equal(
    period([column('tahun', 'int'), column('kecamatan', 'text'), column('jumlah', 'int')]),
    'tahun',
  );
  assert.equal(
    period([column('kecamatan', 'text'), column('per_tanggal', 'timestamp'), column('jumlah', 'int')]),
    'per_tanggal',
  );
  assert.equal(period([column('kecamatan', 'text'), column('jumlah', 'int')]), null, 'one period only');
  assert.equal(
    period([column('tanggal', 'date'), column('harga', 'numeric')]),
    null,
    'a series is drawn over its dates',
  );
});

const sums = (groups: DatastoreSums['groups'], kind: CatalogColumn['type'] = 'text'): DatastoreSums => ({
  resourceId: 'r',
  groupBy: column('kecamatan', kind),
  measure: column('jumlah', 'int'),
  groups,
  groupCount: groups.length,
});

test("bars: the data's own labels escaped, empty values named, numbers in the page's language", () => {
  const svg = sumsChartSvg(
    sums([
      { key: '<script>alert(1)</script>', sum: 251347, rows: 2 },
      { key: null, sum: 1000.5, rows: 1 },
    ]),
    { kind: 'bars', lang: 'id', size: 'wide', empty: '(kosong)' },
  );
  assert.match(svg, /^<svg [^>]*viewBox="0 0 860 /);
  assert.doesNotMatch(svg, /<script/);
  assert.ok(labels(svg).includes('&lt;script&gt;alert(1)&lt;/script&gt;'), labels(svg).join('|'));
  assert.ok(labels(svg).includes('(kosong)'));
  assert.ok(labels(svg).includes('251.347'), 'the bar says its figure');
  assert.ok(
    labels(
      sumsChartSvg(sums([{ key: 'A', sum: 1500, rows: 1 }]), {
        kind: 'bars',
        lang: 'en',
        size: 'narrow',
        empty: '',
      }),
    ).includes('1,500'),
  );
});

test('a line over dates, and columns over years', () => {
  const days = Array.from({ length: 30 }, (_, i) => ({
    key: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
    sum: 15000 + i * 50,
    rows: 3,
  }));
  const line = sumsChartSvg(sums(days, 'date'), { kind: 'line', lang: 'id', size: 'narrow', empty: '' });
  assert.match(line, /viewBox="0 0 360 260"/);
  assert.ok(
    labels(line).some((l) => /^\d{1,2} Jan$/.test(l)),
    labels(line).join('|'),
  );
  const years = sums(
    [2023, 2024, 2025].map((y) => ({ key: y, sum: y * 10, rows: 1 })),
    'int',
  );
  const columns = sumsChartSvg(years, { kind: 'columns', lang: 'id', size: 'wide', empty: '' });
  assert.ok(labels(columns).includes('2024'), 'a year as written, not 2.024');
});
