import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addDays,
  changeFrom,
  comparisonDays,
  daysBetween,
  formatRupiah,
  jumps,
  medianPrice,
  parsePriceText,
  quoteProblem,
  risesAbove,
  rollup,
} from './prices.ts';

describe('market price arithmetic', () => {
  test('the median of an odd number of quotes is the middle one, whatever the order', () => {
    assert.equal(medianPrice([13_000]), 13_000);
    assert.equal(medianPrice([14_000, 12_000, 13_000]), 13_000);
    assert.equal(medianPrice([50_000, 10_000, 12_000, 11_000, 13_000]), 12_000);
  });

  test('the median of an even number of quotes is the mean of the middle two, rounded half up', () => {
    assert.equal(medianPrice([12_000, 13_000]), 12_500);
    assert.equal(medianPrice([12_001, 12_000]), 12_001);
    assert.equal(medianPrice([1, 2, 3, 100]), 3);
    assert.equal(medianPrice([]), null);
  });

  test('quotes must be positive whole rupiah within the commodity’s plausible range', () => {
    const range = { min: 8_000, max: 30_000 };
    assert.equal(quoteProblem(12_000, range), null);
    assert.equal(quoteProblem(8_000, range), null);
    assert.equal(quoteProblem(0, range), 'price_positive');
    assert.equal(quoteProblem(-5, range), 'price_positive');
    assert.equal(quoteProblem(12_000.5, range), 'price_integer');
    assert.equal(quoteProblem(7_999, range), 'price_range');
    assert.equal(quoteProblem(1_200_000, range), 'price_range');
  });

  test('days move across months and years', () => {
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(addDays('2024-03-01', -1), '2024-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(daysBetween('2026-01-01', '2026-03-01'), 59);
  });

  test('comparison days are the latest published days on or before 1, 7 and 30 days earlier', () => {
    const published = ['2026-03-20', '2026-03-19', '2026-03-16', '2026-03-12', '2026-02-18', '2026-02-17'];
    assert.deepEqual(comparisonDays('2026-03-20', published), {
      yesterday: '2026-03-19',
      week: '2026-03-12',
      month: '2026-02-18',
    });
    // A weekend without publication: "yesterday" of a Monday is the Friday.
    assert.deepEqual(comparisonDays('2026-03-18', published), {
      yesterday: '2026-03-16',
      week: '2026-02-18',
      month: null,
    });
    assert.deepEqual(comparisonDays('2026-02-17', published), { yesterday: null, week: null, month: null });
  });

  test('a change carries the previous day, the difference and the percentage', () => {
    assert.deepEqual(changeFrom(55_000, 50_000, '2026-03-12'), {
      day: '2026-03-12',
      price: 50_000,
      diff: 5_000,
      percent: 10,
    });
    assert.equal(changeFrom(12_000, 13_000, '2026-03-12').percent, -7.7);
  });

  test('a jump is a move either way beyond the percentage; an alert only a rise', () => {
    assert.equal(jumps(12_000, 10_000, 20), false);
    assert.equal(jumps(12_001, 10_000, 20), true);
    assert.equal(jumps(7_999, 10_000, 20), true);
    assert.equal(jumps(50_000, null, 20), false);
    assert.equal(risesAbove(11_001, 10_000, 10), true);
    assert.equal(risesAbove(11_000, 10_000, 10), false);
    assert.equal(risesAbove(5_000, 10_000, 10), false);
  });

  test('the city rollup averages the markets and names the cheapest', () => {
    assert.deepEqual(
      rollup([
        { marketId: 'b', price: 13_000 },
        { marketId: 'a', price: 12_000 },
        { marketId: 'c', price: 12_000 },
        { marketId: 'd', price: 14_001 },
      ]),
      { avg: 12_750, min: 12_000, max: 14_001, markets: 4, cheapestMarketId: 'a' },
    );
    assert.equal(rollup([]), null);
  });

  test('prices in CSV cells may be grouped in thousands or carry Rp', () => {
    assert.equal(parsePriceText('12500'), 12_500);
    assert.equal(parsePriceText('12.500'), 12_500);
    assert.equal(parsePriceText('1.250.000'), 1_250_000);
    assert.equal(parsePriceText('Rp 12.500'), 12_500);
    assert.equal(parsePriceText(' 12,500 '), 12_500);
    assert.equal(parsePriceText('-3000'), -3_000);
    assert.equal(parsePriceText('12.5'), null);
    assert.equal(parsePriceText('12.500,50'), null);
    assert.equal(parsePriceText('1.2500'), null);
    assert.equal(parsePriceText('dua belas'), null);
    assert.equal(parsePriceText(''), null);
  });

  test('whole rupiah are written in the language asked', () => {
    assert.equal(formatRupiah(12_500, 'id'), 'Rp12.500');
    assert.equal(formatRupiah(12_500, 'en'), 'Rp12,500');
    assert.equal(formatRupiah(1_250_000), 'Rp1.250.000');
  });
});
