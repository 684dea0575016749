/**
 * Workbooks are bounded before the spreadsheet reader inflates them: by their entries, by the
 * sizes their headers declare, and by what each entry really inflates to.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildZip } from '../../../../test/support/zip-writer.ts';
import { xlsxBoundsProblem } from './xlsx-bounds.ts';

/** A ZIP of deflated entries; `declared` makes an entry's header lie about its inflated size. */
const zip = (entries: { name: string; data: Buffer; declared?: number }[]) =>
  Buffer.from(buildZip(entries.map(({ name, data, declared }) => ({ name, data, declaredSize: declared }))));

const limits = { entries: 5, bytes: 1024 * 1024 };

describe('workbook bounds', () => {
  test('a workbook within its bounds passes', async () => {
    const book = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]);
    assert.equal(await xlsxBoundsProblem(book, limits), null);
  });

  test('a bomb is refused from its declared sizes, before it is inflated', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * 1024 * 1024) }]);
    assert.ok(bomb.length < 10_000, 'two megabytes of zeros pack small');
    assert.equal(await xlsxBoundsProblem(bomb, limits), 'xlsx_too_large');
  });

  test('an entry that lies about its size is stopped where it outgrows it', async () => {
    const liar = zip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(2 * 1024 * 1024), declared: 100 },
    ]);
    assert.equal(await xlsxBoundsProblem(liar, limits), 'xlsx_unreadable');
  });

  test('too many entries, and what is not a zip, are refused', async () => {
    const many = zip(Array.from({ length: 6 }, (_, i) => ({ name: `x${i}.xml`, data: Buffer.from('a') })));
    assert.equal(await xlsxBoundsProblem(many, limits), 'xlsx_too_large');
    assert.equal(
      await xlsxBoundsProblem(Buffer.from('PK\u0003\u0004 not really'), limits),
      'xlsx_unreadable',
    );
  });
});
