/**
 * Workbooks are bounded before the spreadsheet reader inflates them: by their entries, by the
 * sizes their headers declare, and by what each entry really inflates to.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, deflateRawSync } from 'node:zlib';
import { xlsxBoundsProblem } from './xlsx-bounds.ts';

type Entry = { name: string; data: Buffer; declared?: number };

/** A ZIP of deflated entries; `declared` makes an entry's header lie about its inflated size. */
function zip(entries: Entry[]): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declared } of entries) {
    const packed = deflateRawSync(data);
    const size = declared ?? data.length;
    const nameBytes = Buffer.from(name);
    const head = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const at = central ? 2 : 0;
      if (central) b.writeUInt16LE(20, 4);
      b.writeUInt16LE(20, 4 + at);
      b.writeUInt16LE(8, 8 + at);
      b.writeUInt32LE(crc32(data), 14 + at);
      b.writeUInt32LE(packed.length, 18 + at);
      b.writeUInt32LE(size, 22 + at);
      b.writeUInt16LE(nameBytes.length, 26 + at);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    centrals.push(head(true), nameBytes);
    parts.push(head(false), nameBytes, packed);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

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
