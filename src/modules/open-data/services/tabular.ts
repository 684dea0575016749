/**
 * An uploaded data file read before any transaction: its format decided by its content (never by
 * its name or the browser's word), and a tabular file (CSV, XLSX, a JSON array of flat objects)
 * turned into typed columns and rows for the datastore. Everything wrong with a file is a 400
 * naming the row and the column, so that nothing is stored from a file the producer must fix.
 */
import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { type AppError, type DataColumnType, invalid } from '../../../platform/sdk/index.ts';
import type { CellValue, StoredColumn } from '../tables.ts';
import { XLSX_LIMITS, xlsxBoundsProblem } from './xlsx-bounds.ts';

/** Limits of one upload (docs/apps/open-data/datastore.md gives the reasons). */
export const LIMITS = {
  bytes: 20 * 1024 * 1024,
  rows: 100_000,
  columns: 100,
  cellChars: 10_000,
} as const;

export type UploadFormat = 'CSV' | 'XLSX' | 'JSON' | 'GeoJSON';

export const MEDIA_TYPES: Record<UploadFormat, string> = {
  CSV: 'text/csv',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  JSON: 'application/json',
  GeoJSON: 'application/geo+json',
};

export type Table = { columns: StoredColumn[]; rows: Record<string, CellValue>[] };

export type ReadUpload = {
  format: UploadFormat;
  mediaType: string;
  /** The rows for the datastore, or null for a file kept only as a file (GeoJSON, other JSON). */
  table: Table | null;
};

const FIELD = '/body/file';

/** A refusal of the file, on its field, naming the row (1 = the first data row) and the column. */
function fileError(code: string, params: Record<string, unknown> = {}): AppError {
  return invalid({ path: FIELD, code: `data_${code}`, params });
}

/** A cell of a parsed file before typing. */
type Raw = string | number | boolean | Date | null;

/** What a file holds: named columns and rows of raw cells, by column position. */
type RawTable = { headers: string[]; rows: Raw[][]; firstLine: number };

/** Reads the upload; `overrides` gives a column (by its name) the type the producer says it has. */
export async function readDataUpload(
  bytes: Uint8Array,
  overrides: Readonly<Record<string, DataColumnType>> = {},
): Promise<ReadUpload> {
  if (bytes.byteLength === 0) throw fileError('empty');
  if (bytes.byteLength > LIMITS.bytes) throw fileError('too_large', { limit: LIMITS.bytes / 1024 / 1024 });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A zip container: the only one accepted is a workbook.
  if (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04) {
    return {
      format: 'XLSX',
      mediaType: MEDIA_TYPES.XLSX,
      table: typeTable(await readXlsx(buffer), overrides),
    };
  }
  const text = decodeText(buffer);
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') return readJson(text, overrides);
  return { format: 'CSV', mediaType: MEDIA_TYPES.CSV, table: typeTable(readCsv(text), overrides) };
}

/** UTF-8 text (a BOM dropped); anything else is not a format this app reads. */
function decodeText(buffer: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw fileError('unknown_format');
  }
  if (text.includes('\u0000')) throw fileError('unknown_format');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw fileError('empty');
  return text;
}

/** A CSV, its delimiter (`,`, `;` as Excel writes it in Indonesian, or a tab) read from its header. */
function readCsv(text: string): RawTable {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    firstLine.split(d).length > firstLine.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: LIMITS.cellChars * LIMITS.columns,
      to_line: LIMITS.rows + 2,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw fileError('csv_unreadable', { line: typeof line === 'number' ? line : 0, column: '' });
  }
  const [headers, ...rows] = records;
  if (!headers || rows.length === 0) throw fileError('no_rows');
  rows.forEach((r, i) => {
    // A ragged row shifts every value after it into the wrong column: refused, never guessed.
    if (r.length !== headers.length) {
      throw fileError('ragged', {
        row: i + 1,
        line: i + 2,
        column: '',
        expected: headers.length,
        found: r.length,
      });
    }
  });
  return { headers, rows: rows.map((r) => r.map((v) => (v.trim() === '' ? null : v.trim()))), firstLine: 2 };
}

/** The first sheet of a workbook: its first row the headers. */
async function readXlsx(buffer: Buffer): Promise<RawTable> {
  const problem = await xlsxBoundsProblem(buffer);
  if (problem) throw fileError(problem, { max: XLSX_LIMITS.bytes / (1024 * 1024) });
  let data: Raw[][];
  try {
    data = (await readSheet(buffer)) as unknown as Raw[][];
  } catch {
    throw fileError('xlsx_unreadable');
  }
  const rows = data.filter((r) => r.some((v) => v !== null && v !== ''));
  const [headers, ...body] = rows;
  if (!headers || body.length === 0) throw fileError('no_rows');
  // A sheet comes back as wide as its widest row: the table is as wide as its last header.
  let width = headers.length;
  while (width > 0 && (headers[width - 1] === null || headers[width - 1] === '')) width--;
  return {
    headers: headers.slice(0, width).map((h) => (h === null ? '' : String(h))),
    // A workbook's rows are as wide as its widest: cells past the headers must be empty.
    rows: body.map((r, i) => {
      if (r.slice(width).some((v) => v !== null && v !== '')) {
        throw fileError('ragged', { row: i + 1, line: i + 2, column: '', expected: width, found: r.length });
      }
      return Array.from({ length: width }, (_, c) => {
        const v = r[c] ?? null;
        return typeof v === 'string' ? (v.trim() === '' ? null : v.trim()) : v;
      });
    }),
    firstLine: 2,
  };
}

/** JSON: an array of flat objects is a table; GeoJSON and other JSON are kept as files only. */
function readJson(text: string, overrides: Readonly<Record<string, DataColumnType>>): ReadUpload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw fileError('json_unreadable');
  }
  const type = (value as { type?: unknown } | null)?.type;
  if (!Array.isArray(value) && (type === 'FeatureCollection' || type === 'Feature')) {
    return { format: 'GeoJSON', mediaType: MEDIA_TYPES.GeoJSON, table: null };
  }
  const flat = (v: unknown) =>
    v !== null &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x));
  if (!Array.isArray(value) || value.length === 0 || !value.every(flat)) {
    return { format: 'JSON', mediaType: MEDIA_TYPES.JSON, table: null };
  }
  const headers: string[] = [];
  for (const o of value as Record<string, unknown>[]) {
    for (const k of Object.keys(o)) if (!headers.includes(k)) headers.push(k);
    if (headers.length > LIMITS.columns) throw fileError('too_many_columns', { limit: LIMITS.columns });
  }
  const rows = (value as Record<string, Raw>[]).map((o) =>
    headers.map((h) => {
      const v = o[h] ?? null;
      return typeof v === 'string' && v.trim() === '' ? null : v;
    }),
  );
  return {
    format: 'JSON',
    mediaType: MEDIA_TYPES.JSON,
    table: typeTable({ headers, rows, firstLine: 1 }, overrides),
  };
}

/** A header as a column name: lower-case snake case, unique (`Jumlah Penduduk` → `jumlah_penduduk`). */
export function columnName(header: string, taken: ReadonlySet<string>, position: number): string {
  const base =
    header
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || `kolom_${position + 1}`;
  const name = /^[0-9]/.test(base) ? `k_${base}` : base;
  let unique = name;
  for (let n = 2; taken.has(unique) || unique === '_id'; n++) unique = `${name}_${n}`;
  return unique;
}

const INT = /^[-+]?\d{1,15}$/;
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** The type every non-empty value of a column fits, narrowest first (a column of blanks is text). */
function inferType(values: readonly Raw[]): DataColumnType {
  const present = values.filter((v) => v !== null);
  if (present.length === 0) return 'text';
  const all = (test: (v: Raw) => boolean) => present.every(test);
  if (
    all((v) => (typeof v === 'number' && Number.isSafeInteger(v)) || (typeof v === 'string' && INT.test(v)))
  )
    return 'int';
  if (all((v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMERIC.test(v))))
    return 'numeric';
  const midnight = (d: Date) =>
    d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() === 0;
  // A value shaped as a date types the column a date, so that a 2025-02-30 among them is refused
  // (and not the whole column quietly kept as text).
  if (all((v) => (v instanceof Date && midnight(v)) || (typeof v === 'string' && DATE.test(v))))
    return 'date';
  if (all((v) => v instanceof Date || (typeof v === 'string' && TIMESTAMP.test(v)))) return 'timestamp';
  return 'text';
}

/** A value as its column's type stores it, or undefined when it does not fit. */
export function convert(v: Raw, type: DataColumnType): CellValue | undefined {
  if (v === null) return null;
  switch (type) {
    case 'text':
      return v instanceof Date ? v.toISOString() : String(v);
    case 'int': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && INT.test(v) ? Number(v) : Number.NaN;
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'numeric': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && NUMERIC.test(v) ? Number(v) : Number.NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date': {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
      if (typeof v !== 'string' || !DATE.test(v)) return undefined;
      const d = new Date(`${v}T00:00:00Z`);
      // `new Date` rolls 2025-02-30 over to March: the round trip catches it.
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
    }
    case 'timestamp': {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString();
      if (typeof v !== 'string' || !TIMESTAMP.test(v)) return undefined;
      // Without an offset, an instant is read as UTC (a file says nothing of the writer's zone).
      const iso = v.replace(' ', 'T');
      const d = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
      if (Number.isNaN(d.getTime()) || convert(iso.slice(0, 10), 'date') === undefined) return undefined;
      return d.toISOString();
    }
  }
}

/** Names, types and converts every column; a value that does not fit its type is refused. */
function typeTable(raw: RawTable, overrides: Readonly<Record<string, DataColumnType>>): Table {
  if (raw.headers.length > LIMITS.columns) throw fileError('too_many_columns', { limit: LIMITS.columns });
  if (raw.rows.length > LIMITS.rows) throw fileError('too_many_rows', { limit: LIMITS.rows });
  const taken = new Set<string>();
  const columns: StoredColumn[] = raw.headers.map((header, c) => {
    const name = columnName(header, taken, c);
    taken.add(name);
    const type = overrides[name] ?? inferType(raw.rows.map((r) => r[c] ?? null));
    const label = header.trim().slice(0, 200) || name;
    return { name, type, label, description: null, unit: null };
  });
  for (const name of Object.keys(overrides)) {
    if (!taken.has(name))
      throw invalid({ path: '/body/types', code: 'data_unknown_column', params: { column: name } });
  }
  const rows = raw.rows.map((r, i) => {
    const row: Record<string, CellValue> = {};
    columns.forEach((col, c) => {
      const v = r[c] ?? null;
      if (typeof v === 'string' && v.length > LIMITS.cellChars) {
        throw fileError('cell_too_long', {
          row: i + 1,
          line: i + raw.firstLine,
          column: col.label,
          limit: LIMITS.cellChars,
        });
      }
      const value = convert(typeof v === 'boolean' ? String(v) : v, col.type);
      if (value === undefined) {
        throw fileError(`bad_${col.type}`, {
          row: i + 1,
          line: i + raw.firstLine,
          column: col.label,
          value: String(v).slice(0, 40),
        });
      }
      row[col.name] = value;
    });
    return row;
  });
  return { columns, rows };
}

/** A fingerprint of a table's content: a new version is kept only when it changes (feeds). */
export function tableHash(
  columns: readonly Pick<StoredColumn, 'name' | 'type'>[],
  rows: readonly object[],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(columns.map((c) => [c.name, c.type])));
  for (const row of rows) hash.update(`\n${JSON.stringify(row)}`);
  return hash.digest('hex');
}

/** SHA-256 of a file, hex. */
export function fileChecksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
