import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CsvSyntaxError, csvCell, parseCsv, toCsv } from './csv.ts';

describe('CSV', () => {
  test('reads plain records with the line each starts on, skipping blank lines', () => {
    assert.deepEqual(parseCsv('commodity,price1\r\nberas-medium,13000\r\n\r\nbawang-merah,38000\n'), [
      { line: 1, cells: ['commodity', 'price1'] },
      { line: 2, cells: ['beras-medium', '13000'] },
      { line: 4, cells: ['bawang-merah', '38000'] },
    ]);
  });

  test('reads quoted fields with separators, doubled quotes and line breaks; counts lines inside them', () => {
    const records = parseCsv('a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,"",\n');
    assert.deepEqual(records, [
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 5, cells: ['last', '', ''] },
    ]);
  });

  test('takes semicolons when the header has them and no commas; drops a byte-order mark', () => {
    assert.deepEqual(parseCsv('\uFEFFcommodity;price1;price2\ngula-pasir-lokal;17.500;18.000'), [
      { line: 1, cells: ['commodity', 'price1', 'price2'] },
      { line: 2, cells: ['gula-pasir-lokal', '17.500', '18.000'] },
    ]);
  });

  test('an unterminated quote or text after a closing quote is a syntax error with its line', () => {
    assert.throws(
      () => parseCsv('a,b\n1,"open\n2,3\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 2 && e.message === 'unterminated_quote',
    );
    assert.throws(
      () => parseCsv('a,b\n"x"y,1\n'),
      (e: unknown) => e instanceof CsvSyntaxError && e.line === 2 && e.message === 'text_after_quote',
    );
  });

  test('writes cells quoted only when needed, and never as a formula', () => {
    assert.equal(csvCell('Pasar Anyar'), 'Pasar Anyar');
    assert.equal(csvCell('Beras, medium'), '"Beras, medium"');
    assert.equal(csvCell('Cabai "keriting"'), '"Cabai ""keriting"""');
    assert.equal(csvCell('dua\nbaris'), '"dua\nbaris"');
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(null), '');
    assert.equal(
      toCsv(
        ['a', 'b'],
        [
          ['x', 1],
          [null, 'y,z'],
        ],
      ),
      'a,b\r\nx,1\r\n,"y,z"\r\n',
    );
  });

  test('what it writes, it reads back', () => {
    const rows = [['Pasar "Baru"', 'a,b;c', 'x\r\ny', '']];
    const back = parseCsv(toCsv(['p', 'q', 'r', 's'], rows));
    assert.deepEqual(back[1]?.cells, rows[0]);
  });
});
