/**
 * A day's prices for one market from a CSV file, checked cell by cell and saved all or nothing.
 */

import {
  type FieldError,
  invalid,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { LocalDate } from '../../../platform/sdk/shared.ts';
import { CsvSyntaxError, parseCsv } from '../csv.ts';
import { MAX_QUOTES, parsePriceText, quoteProblem } from '../prices.ts';
import { type Access, type Lang, loadConfig, requireMarket } from './config.ts';
import { type EntryItem, requireEntry, writeDrafts } from './entry.ts';

const PRICE_COLUMNS = Array.from({ length: MAX_QUOTES }, (_, i) => `price${i + 1}`);

/** A CSV problem: the line and column it is on, as a field error. */
function csvError(
  line: number,
  column: string,
  code: string,
  params: Record<string, unknown> = {},
): FieldError {
  return { path: `/body/${line}/${column}`, code, params: { ...params, line, column } };
}

/**
 * A day's prices for one market from a CSV file: a header `commodity,price1[,price2…price5]`,
 * then one line per commodity. All or nothing: every bad cell is reported with its line, column
 * and reason, and nothing is saved unless the whole file is right.
 */
export async function importCsv(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  marketCode: string,
  day: LocalDate,
  text: string,
  access: Access,
  lang: Lang,
  now: Date = new Date(),
): Promise<{ market: string; day: string; saved: number }> {
  const config = await loadConfig(platform, scope);
  const market = requireMarket(config, marketCode);
  await requireEntry(scope, tenant, market, day, access, now);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw invalid(csvError(error.line, '*', 'csv_syntax', { reason: error.message }));
    throw error;
  }
  const header = records[0]?.cells.map((h) => h.trim().toLowerCase()) ?? [];
  const errors: FieldError[] = [];
  const commodityAt = header.indexOf('commodity');
  if (commodityAt < 0) errors.push(csvError(1, 'commodity', 'csv_header'));
  header.forEach((h, k) => {
    if (h !== 'commodity' && !PRICE_COLUMNS.includes(h))
      errors.push(csvError(1, h || String(k + 1), 'csv_column'));
  });
  if (!header.includes('price1')) errors.push(csvError(1, 'price1', 'csv_header'));
  if (errors.length > 0) throw invalid(...errors);
  if (records.length < 2) throw invalid(csvError(1, '*', 'no_rows'));
  const items: EntryItem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records.slice(1)) {
    if (cells.length > header.length) {
      errors.push(csvError(line, String(header.length + 1), 'extra_cell'));
      continue;
    }
    const code = (cells[commodityAt] ?? '').trim();
    const c = config.commodityByCode.get(code);
    if (!c?.active) {
      errors.push(csvError(line, 'commodity', code ? 'unknown_commodity' : 'required', { value: code }));
    } else if (seen.has(c.code)) {
      errors.push(csvError(line, 'commodity', 'duplicate_line', { first: seen.get(c.code) }));
    } else {
      seen.set(c.code, line);
    }
    const quotes: number[] = [];
    header.forEach((h, k) => {
      if (!PRICE_COLUMNS.includes(h)) return;
      const cell = (cells[k] ?? '').trim();
      if (cell === '') return;
      const value = parsePriceText(cell);
      if (value === null) {
        errors.push(csvError(line, h, 'price_number', { value: cell }));
        return;
      }
      if (c) {
        const problem = quoteProblem(value, { min: c.min_price, max: c.max_price });
        if (problem) {
          errors.push(
            csvError(line, h, problem, {
              commodity: c.name[lang],
              min: c.min_price,
              max: c.max_price,
              unit: c.unit,
            }),
          );
          return;
        }
      }
      quotes.push(value);
    });
    const hasPriceError = errors.some((e) => e.params?.line === line && e.path !== `/body/${line}/commodity`);
    if (quotes.length === 0 && !hasPriceError) errors.push(csvError(line, 'price1', 'required'));
    if (c) items.push({ commodity: c, quotes });
  }
  if (errors.length > 0) throw invalid(...errors);
  const saved = await writeDrafts(scope, tenant, market, day, items, access, 'csv');
  return { market: market.code, day, saved };
}
