/**
 * A compiled query's `$n` parameters written into its text as escaped literals, so that it can
 * travel in the simple protocol with other statements in one round trip (transaction-hooks.ts sends
 * a transaction's BEGIN and tenant binding with its first query).
 *
 * The values go through node-postgres's own conversion (`utils.prepareValue`, what it does for a
 * parameter) and `escapeLiteral`; each becomes an untyped literal, which PostgreSQL types from its
 * context exactly as it types an untyped parameter. The text is scanned as PostgreSQL's lexer
 * would — quoted strings (with `E''` escapes), quoted identifiers, dollar quotes, comments (nested)
 * — so that a `$1` inside any of them stays as it is. Anything the scanner is unsure of gives
 * `null`, and the caller sends the query with its parameters instead; so do binary values (node-
 * postgres sends a Buffer in binary, which a hex literal is not for every type) and text with a NUL
 * character (which ends a simple-protocol message: the whole round trip, BEGIN included, would be
 * refused, where a parameter is refused alone with an error the app answers as a 400).
 *
 * Two consequences for whoever writes SQL: a literal is more forgiving than a parameter (`$1 is
 * null` fails as a parameter, "could not determine data type", and passes as a literal), so a query
 * that works as a transaction's first on PostgreSQL must be tested elsewhere too — the suites run
 * on PGlite, which never inlines; and the values are in the statement's text, which PostgreSQL shows
 * in `pg_stat_activity` and logs with an error (docs/scaling.md, the server's settings).
 */
import pg from 'pg';

/** Beyond this many characters of literals, the query goes with its parameters. */
const MAX_INLINED_CHARS = 64 * 1024;

const prepareValue = (pg as unknown as { utils: { prepareValue(v: unknown): unknown } }).utils.prepareValue;

/**
 * `value` as an SQL literal, as node-postgres would have sent it as a parameter, or null for a value
 * that cannot be one: binary, or text holding a NUL.
 */
export function sqlLiteral(value: unknown): string | null {
  const prepared = prepareValue(value);
  if (prepared === null || prepared === undefined) return 'NULL';
  if (typeof prepared !== 'string') return null;
  if (prepared.includes('\0')) return null;
  return pg.escapeLiteral(prepared);
}

const isIdentifierChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/** `sql` with `$1`… replaced by `parameters` as literals, or null when that cannot be done safely. */
export function inlineParameters(sql: string, parameters: readonly unknown[]): string | null {
  if (parameters.length === 0) return sql;
  const literals: string[] = [];
  let size = 0;
  for (const value of parameters) {
    const literal = sqlLiteral(value);
    if (literal === null) return null;
    size += literal.length;
    if (size > MAX_INLINED_CHARS) return null;
    literals.push(literal);
  }
  // Only a text that will be inlined is scanned and kept (not a bulk insert's, say).
  const template = templateOf(sql);
  if (!template) return null;
  let out = template.texts[0]!;
  for (let k = 0; k < template.slots.length; k++) {
    const literal = literals[template.slots[k]!];
    if (literal === undefined) return null;
    out += literal + template.texts[k + 1]!;
  }
  return out;
}

/** A query's text cut at its parameters: `texts[0] $slots[0] texts[1] …`, parameters counted from 0. */
type Template = Readonly<{ texts: readonly string[]; slots: readonly number[] }>;

/**
 * The templates of the texts seen last: a query of one shape is compiled to the same text every
 * time, so its text is scanned once. Bounded; the oldest goes first.
 */
const templates = new Map<string, Template | null>();
const MAX_TEMPLATES = 2_000;

function templateOf(sql: string): Template | null {
  let template = templates.get(sql);
  if (template === undefined) {
    template = scanParameters(sql);
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value!);
    templates.set(sql, template);
  }
  return template;
}

/** Where `$n` parameters stand in `sql`, read as PostgreSQL's lexer reads it; null when unsure. */
function scanParameters(sql: string): Template | null {
  const texts: string[] = [];
  const slots: number[] = [];
  let from = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'") {
      const escapes = (sql[i - 1] === 'E' || sql[i - 1] === 'e') && !isIdentifierChar(sql[i - 2]);
      i = endOfQuoted(sql, i, "'", escapes);
    } else if (c === '"') {
      i = endOfQuoted(sql, i, '"', false);
    } else if (c === '-' && sql[i + 1] === '-') {
      // A line comment ends at a newline or a carriage return.
      const end = sql.slice(i).search(/[\n\r]/);
      i = end < 0 ? n : i + end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      i = endOfBlockComment(sql, i);
    } else if (c === '$') {
      if (isIdentifierChar(sql[i - 1])) {
        i += 1; // part of an identifier such as a$1
        continue;
      }
      const digits = /^\$(\d+)/.exec(sql.slice(i, i + 12));
      // After `U&` a literal would become a Unicode string constant: not what the parameter was.
      if (digits && /[uU]&$/.test(sql.slice(Math.max(0, i - 2), i))) return null;
      if (digits) {
        texts.push(sql.slice(from, i));
        slots.push(Number(digits[1]) - 1);
        i += digits[0].length;
        if (isIdentifierChar(sql[i])) return null; // $1abc: not something Kysely writes
        from = i;
        continue;
      }
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66));
      if (!tag) return null;
      const close = sql.indexOf(tag[0], i + tag[0].length);
      if (close < 0) return null;
      i = close + tag[0].length;
    } else {
      i += 1;
    }
    if (i < 0) return null;
  }
  texts.push(sql.slice(from));
  return { texts, slots };
}

/** The index after a quoted string or identifier opening at `start`, or -1 when it never closes. */
function endOfQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return -1;
}

/** The index after a block comment opening at `start` (they nest in PostgreSQL), or -1. */
function endOfBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth += 1;
      i += 2;
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return -1;
}
