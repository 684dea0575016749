import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  entryErrors,
  errorCount,
  formatPercent,
  previewMedian,
  quotesChanged,
  quoteTexts,
  quoteValue,
  typedQuotes,
} from './quotes.ts';

describe('the price entry screen’s arithmetic', () => {
  test('a typed quote is sent as the whole number written, or as its text for the API to refuse', () => {
    assert.equal(quoteValue('12500'), 12_500);
    assert.equal(quoteValue(' 12.500 '), 12_500);
    assert.equal(quoteValue('Rp 12.500'), 12_500);
    assert.equal(quoteValue('-5'), -5);
    assert.equal(quoteValue('0'), 0);
    assert.equal(quoteValue('12,5'), '12,5');
    assert.equal(quoteValue('abc'), 'abc');
    assert.equal(quoteValue('   '), null);
  });

  test('empty inputs send nothing, and every value sent remembers its input', () => {
    assert.deepEqual(typedQuotes(['', '13000', ' ', '0']), { values: [13_000, 0], inputs: [1, 3] });
  });

  test('the median shows while every typed quote is a positive whole number', () => {
    assert.equal(previewMedian(['13000', '14000', '13500']), 13_500);
    assert.equal(previewMedian(['12000', '12500']), 12_250);
    assert.equal(previewMedian(['12001', '12002']), 12_002, 'rounded half up, as the server does');
    assert.equal(previewMedian(['12000', '']), 12_000);
    assert.equal(previewMedian(['', '']), null);
    assert.equal(previewMedian(['12000', '0']), null);
    assert.equal(previewMedian(['12000', '-1']), null);
    assert.equal(previewMedian(['12000', 'abc']), null);
  });

  test('a row is changed when its quotes differ from those saved', () => {
    assert.equal(quotesChanged(['13000', ''], [13_000]), false);
    assert.equal(quotesChanged(['13.000', ''], [13_000]), false);
    assert.equal(quotesChanged(['13000', '13500'], [13_000]), true);
    assert.equal(quotesChanged(['', ''], [13_000]), true, 'clearing a draft removes it');
    assert.equal(quotesChanged(['', ''], []), false);
    assert.deepEqual(quoteTexts([]), ['', '']);
    assert.deepEqual(quoteTexts([1, 2, 3]), ['1', '2', '3']);
  });

  test('the API’s refusals land on the input they name, counted once each', () => {
    const sent = [
      { commodity: 'beras', inputs: [0, 1] },
      { commodity: 'cabai', inputs: [1, 2] },
    ];
    const e = entryErrors(
      [
        { path: '/body/items/0/quotes/1', message: 'nol' },
        { path: '/body/items/1/quotes/0', message: 'rentang' },
        { path: '/body/items/1/quotes', message: 'terlalu banyak' },
        { path: '/body/items/1/commodity', message: 'duplikat' },
        { path: '/params/day', message: 'belum tiba' },
        { path: '/body/items/7/quotes/0', message: 'lain' },
      ],
      sent,
    );
    assert.deepEqual(e.quotes, { beras: { 1: 'nol' }, cabai: { 1: 'rentang' } });
    assert.deepEqual(e.rows, { cabai: 'terlalu banyak' });
    assert.equal(e.day, 'belum tiba');
    assert.deepEqual(e.other, ['lain']);
    assert.equal(errorCount(e), 5);
  });

  test('percentages are written in the console’s language, with their sign', () => {
    assert.equal(formatPercent(12.5, 'id'), '+12,5%');
    assert.equal(formatPercent(-3, 'en'), '−3%');
    assert.equal(formatPercent(0, 'en'), '0%');
  });
});
