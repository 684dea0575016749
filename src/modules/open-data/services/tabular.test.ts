/**
 * Reading uploads: the format from the content, CSV with its delimiters, a workbook's first sheet,
 * a JSON array of flat objects, GeoJSON kept as a file; types inferred and overridden; every
 * refusal naming its row and column.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeZip as zip } from '../../../../test/support/zip-writer.ts';
import { AppError } from '../../../platform/sdk/index.ts';
import { columnName, readDataUpload, tableHash } from './tabular.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** A workbook of one sheet; a cell is inline text or a number. */
function xlsx(rows: (string | number | null)[][]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const sheetRows = rows
    .map(
      (r, y) =>
        `<row r="${y + 1}">${r
          .map((v, x) =>
            v === null
              ? ''
              : typeof v === 'number'
                ? `<c r="${col(x)}${y + 1}"><v>${v}</v></c>`
                : `<c r="${col(x)}${y + 1}" t="inlineStr"><is><t>${v}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml':
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}

/** The refusal's field code and params. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; params: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return { code: e.fields[0]!.code, params: e.fields[0]!.params ?? {} };
  }
  assert.fail('not refused');
}

describe('reading uploads', () => {
  test('a CSV with semicolons, types inferred', async () => {
    const r = await readDataUpload(
      enc('\ufeffNama;Jumlah;Rasio;Tanggal;Waktu\nA;1;0.5;2025-01-31;2025-01-31T08:00:00+07:00\nB;;1e3;;\n'),
    );
    assert.equal(r.format, 'CSV');
    assert.deepEqual(
      r.table?.columns.map((c) => [c.name, c.type, c.label]),
      [
        ['nama', 'text', 'Nama'],
        ['jumlah', 'int', 'Jumlah'],
        ['rasio', 'numeric', 'Rasio'],
        ['tanggal', 'date', 'Tanggal'],
        ['waktu', 'timestamp', 'Waktu'],
      ],
    );
    assert.deepEqual(r.table?.rows[0], {
      nama: 'A',
      jumlah: 1,
      rasio: 0.5,
      tanggal: '2025-01-31',
      waktu: '2025-01-31T01:00:00.000Z',
    });
    assert.deepEqual(r.table?.rows[1], { nama: 'B', jumlah: null, rasio: 1000, tanggal: null, waktu: null });
  });

  test('an override types a column, and a value that does not fit it is refused', async () => {
    const ok = await readDataUpload(enc('kode,n\n3671,1\n3672,2\n'), { kode: 'text' });
    assert.deepEqual(ok.table?.rows[0], { kode: '3671', n: 1 });
    const bad = await refusal(readDataUpload(enc('kode,n\n3671,1\nx,2\n'), { kode: 'int' }));
    assert.deepEqual(
      [bad.code, bad.params.row, bad.params.column, bad.params.value],
      ['data_bad_int', 2, 'kode', 'x'],
    );
    const unknown = await refusal(readDataUpload(enc('a\n1\n'), { b: 'int' }));
    assert.equal(unknown.code, 'data_unknown_column');
  });

  test('a workbook: its first sheet, numbers as numbers', async () => {
    const r = await readDataUpload(
      xlsx([
        ['Kecamatan', 'Jumlah'],
        ['Ciledug', 151204],
        ['Karawaci', 188342],
      ]),
    );
    assert.equal(r.format, 'XLSX');
    assert.deepEqual(r.table?.rows, [
      { kecamatan: 'Ciledug', jumlah: 151204 },
      { kecamatan: 'Karawaci', jumlah: 188342 },
    ]);
    const ragged = await refusal(readDataUpload(xlsx([['A'], ['x', 'lebih']])));
    assert.equal(ragged.code, 'data_ragged');
    const broken = await refusal(readDataUpload(zip({ 'a.txt': 'bukan workbook' })));
    assert.equal(broken.code, 'data_xlsx_unreadable');
  });

  test('JSON: an array of flat objects is a table; GeoJSON and other JSON are files', async () => {
    const r = await readDataUpload(enc('[{"a":1,"b":"x"},{"a":2,"c":true}]'));
    assert.equal(r.format, 'JSON');
    assert.deepEqual(r.table?.rows, [
      { a: 1, b: 'x', c: null },
      { a: 2, b: null, c: 'true' },
    ]);
    const geo = await readDataUpload(enc('{"type":"FeatureCollection","features":[]}'));
    assert.deepEqual([geo.format, geo.table], ['GeoJSON', null]);
    const nested = await readDataUpload(enc('[{"a":{"b":1}}]'));
    assert.deepEqual([nested.format, nested.table], ['JSON', null]);
    assert.equal((await refusal(readDataUpload(enc('[{"a":1},')))).code, 'data_json_unreadable');
  });

  test('empty, binary, ragged and unclosed files are refused', async () => {
    assert.equal((await refusal(readDataUpload(new Uint8Array()))).code, 'data_empty');
    assert.equal((await refusal(readDataUpload(enc('  \n')))).code, 'data_empty');
    assert.equal(
      (await refusal(readDataUpload(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff])))).code,
      'data_unknown_format',
    );
    const ragged = await refusal(readDataUpload(enc('a,b\n1,2\n3\n')));
    assert.deepEqual([ragged.code, ragged.params.row, ragged.params.line], ['data_ragged', 2, 3]);
    assert.equal((await refusal(readDataUpload(enc('a,b\n"1,2\n')))).code, 'data_csv_unreadable');
  });

  test('column names: snake case, unique, never _id', () => {
    const taken = new Set(['jumlah']);
    assert.equal(columnName('Jumlah', taken, 0), 'jumlah_2');
    assert.equal(columnName('Luas (km²)', new Set(), 0), 'luas_km2');
    assert.equal(columnName('2025', new Set(), 0), 'k_2025');
    assert.equal(columnName('', new Set(), 3), 'kolom_4');
    assert.equal(columnName('_id', new Set(), 0), 'id');
  });

  test('the table hash changes with a value, not with nothing', () => {
    const columns = [{ name: 'a', type: 'int' as const }];
    assert.equal(tableHash(columns, [{ a: 1 }]), tableHash(columns, [{ a: 1 }]));
    assert.notEqual(tableHash(columns, [{ a: 1 }]), tableHash(columns, [{ a: 2 }]));
  });
});
