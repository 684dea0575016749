/**
 * The arithmetic of market prices, pure: the market price of a commodity is the median of its
 * traders' quotes; a change is measured against the latest published day on or before a date;
 * a value "jumps" or raises an alert when it moves more than a percentage. No database, no clock.
 */
import { LOCALES, type LocalDate, type LocaleLanguage } from '../../platform/sdk/shared.ts';

/** At most this many traders' quotes per commodity, market and day (PIHPS surveys 2 fixed traders). */
export const MAX_QUOTES = 5;

/** The median of whole-rupiah quotes, rounded to the rupiah (half up); null for no quotes. */
export function medianPrice(quotes: readonly number[]): number | null {
  if (quotes.length === 0) return null;
  const sorted = [...quotes].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Why a quote is refused, or null when it is a plausible price for the commodity. */
export function quoteProblem(
  quote: number,
  range: Readonly<{ min: number; max: number }>,
): 'price_integer' | 'price_positive' | 'price_range' | null {
  if (!Number.isSafeInteger(quote)) return 'price_integer';
  if (quote <= 0) return 'price_positive';
  if (quote < range.min || quote > range.max) return 'price_range';
  return null;
}

/** Moves `day` by `days` calendar days. */
export function addDays(day: LocalDate, days: number): LocalDate {
  const ms = Date.parse(`${day}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How far back each comparison looks, in calendar days. */
export const COMPARISONS = { yesterday: 1, week: 7, month: 30 } as const;
export type Comparison = keyof typeof COMPARISONS;

/**
 * The days `day` is compared with: for each comparison, the latest published day on or before
 * `day` minus its span, from `publishedDesc` (published days, newest first), or null.
 */
export function comparisonDays(
  day: LocalDate,
  publishedDesc: readonly LocalDate[],
): Record<Comparison, LocalDate | null> {
  const pick = (span: number) => {
    const target = addDays(day, -span);
    return publishedDesc.find((d) => d <= target) ?? null;
  };
  return {
    yesterday: pick(COMPARISONS.yesterday),
    week: pick(COMPARISONS.week),
    month: pick(COMPARISONS.month),
  };
}

/** A change from `previous` to `current`: the difference in rupiah and in percent (one decimal). */
export type Change = Readonly<{ day: LocalDate; price: number; diff: number; percent: number }>;

export function changeFrom(current: number, previous: number, previousDay: LocalDate): Change {
  return {
    day: previousDay,
    price: previous,
    diff: current - previous,
    percent: percentChange(current, previous),
  };
}

/** The change in percent, rounded to one decimal. */
export function percentChange(current: number, previous: number): number {
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

/** Whether the value moved (up or down) by more than `percent` from the previous one. */
export function jumps(current: number, previous: number | null, percent: number): boolean {
  if (previous === null || previous <= 0) return false;
  return Math.abs(current - previous) * 100 > previous * percent;
}

/** Whether the value rose by more than `percent` over the previous one (the alert rule). */
export function risesAbove(current: number, previous: number | null, percent: number): boolean {
  if (previous === null || previous <= 0) return false;
  return (current - previous) * 100 > previous * percent;
}

/** The city-wide figures of one commodity on one day, from each market's price. */
export type Rollup = Readonly<{
  avg: number;
  min: number;
  max: number;
  markets: number;
  cheapestMarketId: string;
}>;

/** Averages (rounded to the rupiah) and extremes over the markets' prices; ties go to the first market id. */
export function rollup(prices: ReadonlyArray<{ marketId: string; price: number }>): Rollup | null {
  if (prices.length === 0) return null;
  let sum = 0;
  let cheapest = prices[0]!;
  let max = prices[0]!.price;
  for (const p of prices) {
    sum += p.price;
    if (p.price < cheapest.price || (p.price === cheapest.price && p.marketId < cheapest.marketId))
      cheapest = p;
    if (p.price > max) max = p.price;
  }
  return {
    avg: Math.round(sum / prices.length),
    min: cheapest.price,
    max,
    markets: prices.length,
    cheapestMarketId: cheapest.marketId,
  };
}

/**
 * A price written in a CSV cell: digits, optionally grouped in thousands with dots or commas as
 * Indonesian spreadsheets write them (12.500), optionally after "Rp". Null when it is not a
 * whole number; negative numbers come back negative so that the caller can say so.
 */
export function parsePriceText(text: string): number | null {
  const t = text.trim().replace(/^rp\.?\s*/i, '');
  const m = /^(-?)(\d{1,3}(?:([.,])\d{3})(?:\3\d{3})*|\d+)$/.exec(t);
  if (!m) return null;
  const n = Number(m[2]!.replace(/[.,]/g, ''));
  return m[1] ? -n : n;
}

const rupiahFormats = new Map<LocaleLanguage, Intl.NumberFormat>();

/** Whole rupiah as the language writes them: `Rp12.500` (id), `Rp12,500` (en). */
export function formatRupiah(n: number, lang: LocaleLanguage = 'id'): string {
  let format = rupiahFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 });
    rupiahFormats.set(lang, format);
  }
  return `Rp${format.format(n)}`;
}
