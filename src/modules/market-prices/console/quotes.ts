/**
 * What the price screens compute as the officer types, pure: the value a typed quote is sent as,
 * the market price shown beside the inputs (the median, by the app's own function, so the console
 * and the server agree to the rupiah), and which input a refusal of the API belongs to. The console
 * never refuses a price itself: the API says what is wrong, and its message goes beside the input.
 */
import { LOCALES, type LocaleLanguage } from '../../../platform/sdk/console.ts';
import { medianPrice, parsePriceText } from '../prices.ts';

/**
 * The value a typed quote is sent as: a whole number as the officer wrote it (`12500`, `12.500`,
 * `Rp 12.500`, `-5`), or else the text itself (`12,5`, `abc`), which the API refuses with its reason.
 * Null for an empty input, which sends nothing.
 */
export function quoteValue(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parsePriceText(trimmed) ?? trimmed;
}

/** The quotes a row of inputs sends, in order, with the index of the input each came from. */
export function typedQuotes(texts: readonly string[]): { values: Array<number | string>; inputs: number[] } {
  const values: Array<number | string> = [];
  const inputs: number[] = [];
  texts.forEach((text, i) => {
    const v = quoteValue(text);
    if (v === null) return;
    values.push(v);
    inputs.push(i);
  });
  return { values, inputs };
}

/**
 * The market price to show while typing: the median of the typed quotes, or null while any of
 * them is not a positive whole number (the API will say why) or none is typed.
 */
export function previewMedian(texts: readonly string[]): number | null {
  const { values } = typedQuotes(texts);
  if (values.some((v) => typeof v !== 'number' || v <= 0)) return null;
  return medianPrice(values as number[]);
}

/** Whether a row of inputs now says something other than the quotes saved before. */
export function quotesChanged(texts: readonly string[], saved: readonly number[]): boolean {
  const { values } = typedQuotes(texts);
  return values.length !== saved.length || values.some((v, i) => v !== saved[i]);
}

/** The inputs' texts for saved quotes: at least `min` inputs (two fixed traders, as PIHPS surveys). */
export function quoteTexts(saved: readonly number[], min = 2): string[] {
  const texts = saved.map(String);
  while (texts.length < min) texts.push('');
  return texts;
}

/** Where a refusal of a daily entry belongs: a commodity's input, the commodity as a whole, or the day. */
export type EntryErrors = {
  /** By commodity code, then by input index. */
  quotes: Record<string, Record<number, string>>;
  /** By commodity code: a refusal of the commodity or of its list of quotes. */
  rows: Record<string, string>;
  day?: string;
  /** Refusals that name no field of the form. */
  other: string[];
};

/**
 * Sorts the API's field errors of `PUT …/entry/<market>/<day>` onto the form: `items/<i>` is the
 * i-th item sent, `quotes/<j>` its j-th quote, which came from input `inputs[j]`.
 */
export function entryErrors(
  fields: ReadonlyArray<{ path: string; message: string }>,
  sent: ReadonlyArray<{ commodity: string; inputs: readonly number[] }>,
): EntryErrors {
  const out: EntryErrors = { quotes: {}, rows: {}, other: [] };
  for (const f of fields) {
    if (f.path === '/params/day') {
      out.day ??= f.message;
      continue;
    }
    const m = /^\/body\/items\/(\d+)(?:\/(quotes|commodity)(?:\/(\d+))?)?$/.exec(f.path);
    const item = m ? sent[Number(m[1])] : undefined;
    if (!m || !item) {
      out.other.push(f.message);
      continue;
    }
    const input = m[3] !== undefined ? item.inputs[Number(m[3])] : undefined;
    if (input !== undefined) {
      const row = out.quotes[item.commodity] ?? {};
      row[input] ??= f.message;
      out.quotes[item.commodity] = row;
    } else out.rows[item.commodity] ??= f.message;
  }
  return out;
}

/** How many refusals the form shows. */
export function errorCount(e: EntryErrors): number {
  return (
    Object.values(e.quotes).reduce((n, row) => n + Object.keys(row).length, 0) +
    Object.keys(e.rows).length +
    (e.day ? 1 : 0) +
    e.other.length
  );
}

const percentFormats = new Map<LocaleLanguage, Intl.NumberFormat>();

/** A change in percent with its sign, one decimal at most: `+12,5%`, `−3%`. */
export function formatPercent(value: number, lang: LocaleLanguage): string {
  let format = percentFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
    percentFormats.set(lang, format);
  }
  const text = format.format(Math.abs(value));
  if (value > 0) return `+${text}%`;
  if (value < 0) return `−${text}%`;
  return `${text}%`;
}
