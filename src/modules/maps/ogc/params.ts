/**
 * The OGC API's query parameters, read as the standard defines them (OGC 17-069r4, 7.15): `bbox`
 * (four numbers in CRS84; six, with heights, are refused: no layer here has heights), `datetime`
 * (an RFC 3339 instant or an interval, open ends as `..` or empty), `limit` (above the maximum is
 * the maximum, not an error: /req/core/fc-limit-response-1), and the format (`f`, else Accept).
 * An invalid value is a 400 naming the parameter (/req/core/query-param-invalid).
 */
import { type BBox, invalid } from '../../../platform/sdk/index.ts';

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseBbox(text: string | undefined): BBox | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',');
  if (parts.length === 6 && parts.every((p) => NUMBER.test(p.trim())))
    throw invalid({ path: '/querystring/bbox', code: 'maps_bbox_3d' });
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p.trim())))
    throw invalid({ path: '/querystring/bbox', code: 'maps_bbox' });
  const [w, s, e, n] = parts.map(Number) as [number, number, number, number];
  // West may exceed east (a box over the antimeridian); south may not exceed north.
  const inRange = [w, e].every((x) => x >= -180 && x <= 180) && [s, n].every((y) => y >= -90 && y <= 90);
  if (!inRange || s > n) throw invalid({ path: '/querystring/bbox', code: 'maps_bbox' });
  return [w, s, e, n];
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function instant(text: string): Date {
  const at = DATE_TIME.test(text) ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw invalid({ path: '/querystring/datetime', code: 'maps_datetime' });
  return at;
}

/** The span of `datetime`: an instant is a span of one instant; an open end is undefined. */
export function parseDatetime(text: string | undefined): { start?: Date; end?: Date } {
  if (text === undefined) return {};
  const parts = text.split('/');
  if (parts.length === 1) {
    const at = instant(parts[0]!);
    return { start: at, end: at };
  }
  if (parts.length !== 2) throw invalid({ path: '/querystring/datetime', code: 'maps_datetime' });
  const open = (p: string) => p === '' || p === '..';
  const [a, b] = parts as [string, string];
  if (open(a) && open(b)) throw invalid({ path: '/querystring/datetime', code: 'maps_datetime' });
  const start = open(a) ? undefined : instant(a);
  const end = open(b) ? undefined : instant(b);
  if (start && end && start > end) throw invalid({ path: '/querystring/datetime', code: 'maps_datetime' });
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

export function clampLimit(limit: number | undefined): number {
  return Math.min(limit ?? DEFAULT_LIMIT, MAX_LIMIT);
}

export type Format = 'json' | 'html';

/**
 * The answer's format: `f` when given, else the Accept header's preference between HTML and JSON
 * (a browser asks for HTML first; GIS clients for JSON); JSON when nothing says.
 */
export function formatOf(f: string | undefined, accept: string | undefined): Format {
  if (f === 'json' || f === 'html') return f;
  if (!accept) return 'json';
  let html = -1;
  let json = -1;
  for (const part of accept.split(',')) {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (type === 'text/html') html = Math.max(html, q);
    else if (type.includes('json')) json = Math.max(json, q);
  }
  return html > json && html > 0 ? 'html' : 'json';
}
