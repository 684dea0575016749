/**
 * What people type, read the way they meant it: a phone number written in groups, a coordinate
 * with a decimal comma (as Indonesian keyboards and spreadsheets write it), a tracking number in
 * lower case or with spaces. Used by the form's fields (`form-fields.ts`) and the lookups.
 */

/**
 * A phone number without the separators people write between its groups (spaces, dashes, dots,
 * brackets): `0812-3456-7890`, `0812 3456 7890` and `(021) 555.1234` become digits, a leading `+`
 * kept. Anything else is left as typed, for the schema to refuse.
 */
export function normalizePhone(text: string): string {
  const trimmed = text.trim();
  if (!/^\+?[0-9\s().-]+$/.test(trimmed)) return trimmed;
  return trimmed.replace(/[\s().-]/g, '');
}

/**
 * A coordinate typed as text: `-6,1783` and `106,63` (decimal comma) as well as `-6.1783`. Returns
 * undefined for text that is not one decimal number (`106,6,3`, `1e5`, `12°`, thousands groups).
 */
export function parseCoordinate(text: string): number | undefined {
  const t = text.trim().replace(/^([+-]?\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A tracking number as stored (`261123-AB3CD`) from what was typed: spaces anywhere, lower case,
 * a missing dash, a dash of another kind (– or —). Other text comes back trimmed and upper-cased,
 * for the format check to refuse.
 */
export function normalizeTrackingNo(text: string): string {
  const compact = text
    .replace(/\s+/g, '')
    .replace(/[‐‑‒–—]/g, '-')
    .toUpperCase();
  const m = /^(\d{6})-?([0-9A-Z]{5})$/.exec(compact);
  return m ? `${m[1]}-${m[2]}` : compact;
}
