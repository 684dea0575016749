/**
 * Reading a datastore version: filters, text, sort and paging checked against the version's
 * columns (an unknown column is a 400 naming it; a filter value must fit its column's type), then
 * asked of the rows table. The staff preview and the catalogue's `datastore_search` both use it.
 */

import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type AppError, invalid } from '../../../platform/sdk/index.ts';
import { queryRows, type RowQuery } from '../repo/datastore.ts';
import type { CellValue, StoredColumn } from '../tables.ts';
import { convert } from './tabular.ts';

export type RowsAsk = {
  text?: string;
  filters?: Readonly<Record<string, string | number | null>>;
  fields?: readonly string[];
  sort?: readonly { column: string; direction: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
};

function unknownColumn(path: string, column: string): AppError {
  return invalid({ path, code: 'data_unknown_column', params: { column: column.slice(0, 80) } });
}

/** The page of rows, each with `_id` (its row number) first, and the total matching. */
export async function readRows(
  scope: TenantScope,
  versionId: string,
  columns: readonly StoredColumn[],
  ask: RowsAsk,
  paths: { filters: string; fields: string; sort: string } = {
    filters: '/query/filters',
    fields: '/query/fields',
    sort: '/query/sort',
  },
): Promise<{ columns: StoredColumn[]; records: Record<string, CellValue>[]; total: number }> {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const filters: RowQuery['filters'] = Object.entries(ask.filters ?? {}).map(([name, raw]) => {
    const column = byName.get(name);
    if (!column) throw unknownColumn(paths.filters, name);
    const value =
      raw === null ? null : convert(typeof raw === 'number' ? raw : String(raw).trim(), column.type);
    if (value === undefined) {
      throw invalid({ path: paths.filters, code: `data_filter_${column.type}`, params: { column: name } });
    }
    return { column: name, value };
  });
  for (const s of ask.sort ?? [])
    if (!byName.has(s.column) && s.column !== '_id') throw unknownColumn(paths.sort, s.column);
  const shown = ask.fields ? [...ask.fields] : columns.map((c) => c.name);
  for (const f of shown) if (!byName.has(f) && f !== '_id') throw unknownColumn(paths.fields, f);
  const text = ask.text?.trim();
  const { total, rows } = await queryRows(scope, versionId, {
    filters,
    ...(text
      ? { text: { value: text, columns: columns.filter((c) => c.type === 'text').map((c) => c.name) } }
      : {}),
    sort: ask.sort ?? [],
    limit: ask.limit,
    offset: ask.offset,
  });
  const names = shown.filter((f) => f !== '_id');
  return {
    columns: names.map((n) => byName.get(n)!),
    records: rows.map((r) =>
      Object.fromEntries([['_id', r.row_no], ...names.map((n) => [n, r.data[n] ?? null])]),
    ),
    total,
  };
}

/** `kecamatan:Ciledug` pairs, as the preview's `filter` parameters give them. */
export function parseFilterParams(raw: string | readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw) {
    const at = pair.indexOf(':');
    if (at < 1) throw invalid({ path: '/query/filter', code: 'data_filter_pair' });
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** `jumlah desc, kecamatan` as the preview's `sort` gives it. */
export function parseSortParam(raw: string | undefined): { column: string; direction: 'asc' | 'desc' }[] {
  if (!raw?.trim()) return [];
  return raw.split(',').map((part) => {
    const [column = '', dir = 'asc', ...rest] = part.trim().split(/\s+/);
    const direction = dir.toLowerCase();
    if (!column || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
      throw invalid({ path: '/query/sort', code: 'data_sort' });
    }
    return { column, direction };
  });
}
