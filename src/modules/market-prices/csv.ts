/**
 * CSV as RFC 4180 writes it, small and pure: reading an upload into records that know the line
 * they started on (so that every error can name it), and writing cells escaped so that a value
 * never breaks a row or runs as a spreadsheet formula. Written here rather than taken from a
 * library: the whole need is these two functions, and their tests sit beside them.
 */

/** One record of a CSV file: its cells and the 1-based line of the file it starts on. */
export type CsvRecord = Readonly<{ line: number; cells: string[] }>;

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/**
 * Reads CSV text: fields separated by `,` (or by `;` when the header line has semicolons and no
 * commas, as spreadsheets set to Indonesian write it), quoted with `"` where they hold separators,
 * quotes (doubled) or line breaks; CRLF or LF line ends; a leading byte-order mark is dropped.
 * Blank lines are skipped. Throws CsvSyntaxError on an unterminated quote or text after one.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const sep = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    while (!ended) {
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (i >= src.length) throw new CsvSyntaxError(start, 'unterminated_quote');
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        const next = src[i];
        if (next !== undefined && next !== sep && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'text_after_quote');
        }
      }
      while (i < src.length && src[i] !== sep && src[i] !== '\n' && src[i] !== '\r') cell += src[i++];
      cells.push(cell);
      cell = '';
      if (i >= src.length) ended = true;
      else if (src[i] === sep) i++;
      else {
        i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      }
    }
    if (!(cells.length === 1 && cells[0]!.trim() === '')) records.push({ line: start, cells });
  }
  return records;
}

/** A cell's text as written to a CSV file, quoted only when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A text starting like a formula would be run by a spreadsheet (CSV injection): make it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV document (CRLF line ends, as RFC 4180 says) from a header and rows. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  return [header, ...rows]
    .map((r) => r.map(csvCell).join(','))
    .join('\r\n')
    .concat('\r\n');
}
