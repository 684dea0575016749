import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHART_SIZES, priceChartSvg } from './chart.ts';

const legend = { price: 'Rata-rata', min: 'Terendah', max: 'Tertinggi' };
const year = Array.from({ length: 365 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  price: 40_000 + i * 10,
}));

/** The texts the picture shows (axis labels, legend). */
function labels(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

test('a year of prices: rupiah labels in the page’s language, months on the time axis', () => {
  const id = priceChartSvg(year, { lang: 'id', legend, size: 'wide' });
  assert.match(id, /^<svg [^>]*viewBox="0 0 860 340"/);
  assert.ok(
    labels(id).some((l) => /^\d{2}\.000$/.test(l)),
    `Indonesian thousands: ${labels(id)}`,
  );
  assert.ok(labels(id).includes('Mei 26'), `Indonesian months: ${labels(id)}`);
  const en = priceChartSvg(year, { lang: 'en', legend, size: 'wide' });
  assert.ok(labels(en).some((l) => /^\d{2},000$/.test(l)));
  assert.ok(labels(en).includes('May 26'));
  // One series: no legend, no range lines.
  assert.ok(!labels(id).includes('Rata-rata'));
});

test('city-wide points draw the cheapest and dearest market too, with a legend', () => {
  const city = year.map((p) => ({ ...p, min: p.price - 1_000, max: p.price + 1_500 }));
  const svg = priceChartSvg(city, { lang: 'id', legend, size: 'narrow' });
  const { width, height } = CHART_SIZES.narrow;
  assert.match(svg, new RegExp(`viewBox="0 0 ${width} ${height}"`));
  for (const word of ['Rata-rata', 'Terendah', 'Tertinggi']) assert.ok(labels(svg).includes(word), word);
  assert.ok((svg.match(/stroke-dasharray/g) ?? []).length >= 2, 'the range lines are dashed or dotted');
});

test('a short period is labelled by day, and the legend words are escaped', () => {
  const month = year.slice(0, 30).map((p) => ({ ...p, min: p.price - 500, max: p.price + 500 }));
  const svg = priceChartSvg(month, {
    lang: 'id',
    legend: { ...legend, price: '<b>harga</b>' },
    size: 'wide',
  });
  assert.ok(
    labels(svg).some((l) => /^\d{1,2} Jan$/.test(l)),
    `day labels: ${labels(svg)}`,
  );
  assert.ok(labels(svg).includes('&lt;b&gt;harga&lt;/b&gt;'), 'the legend shows the words as text');
  assert.doesNotMatch(svg, /<b>/);
});
