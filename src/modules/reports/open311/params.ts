/**
 * The arguments of Open311 requests, read as the spec says: an empty argument is the same as an
 * absent one, lists are comma-separated, dates are W3C date-times; what is wrong answers a 400 with
 * the spec's error, never a guess.
 */
import { FINAL_STATUSES, STATUSES, type Status } from '../lifecycle.ts';
import type { PublicQuery } from '../services/lists.ts';
import { parseW3 } from './views.ts';

/** An error the Open311 interface answers in the spec's format: `[{code, description}]`. */
export class Open311Error extends Error {
  readonly status: 400 | 403 | 404;
  /** Message key under `reports.open311.error`. */
  readonly key: string;
  readonly params: Record<string, unknown>;

  constructor(status: 400 | 403 | 404, key: string, params: Record<string, unknown> = {}) {
    super(key);
    this.name = 'Open311Error';
    this.status = status;
    this.key = key;
    this.params = params;
  }
}

export const WINDOW_DAYS = 90;
export const MAX_ITEMS = 1000;
export const MAX_PAGE = 10_000;
const DAY_MS = 86_400_000;

/** The argument's text, or undefined when it is absent or empty (the spec's "optional"). */
export function arg(source: unknown, name: string): string | undefined {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  const one = Array.isArray(value) ? value[0] : value;
  if (one === undefined || one === null) return undefined;
  const text = String(one).trim();
  return text === '' ? undefined : text;
}

/** A comma-separated argument as a list without empty items; undefined when nothing is left. */
export function list(source: unknown, name: string): string[] | undefined {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  const parts = (Array.isArray(value) ? value : [value])
    .filter((v) => v !== undefined && v !== null)
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return parts.length ? parts : undefined;
}

function positive(text: string | undefined, name: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const n = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= max)) throw new Open311Error(400, name, { max });
  return n;
}

/** The arguments of GET requests that shape the answer, normalised (also the cache key). */
export type RequestsArgs = {
  ids?: string[];
  codes?: string[];
  start?: string;
  end?: string;
  status?: Array<'open' | 'closed'>;
  page: number;
  pageSize: number;
};

/** Reads and checks GET requests' arguments (all but the dates' meaning, which needs the clock). */
export function requestsArgs(query: unknown): RequestsArgs {
  const ids = list(query, 'service_request_id');
  if (ids && ids.length > MAX_ITEMS) throw new Open311Error(400, 'too_many_ids', { max: MAX_ITEMS });
  const status = list(query, 'status')?.map((s) => s.toLowerCase());
  if (status?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status');
  return {
    ...(ids ? { ids: [...new Set(ids.map((i) => i.toUpperCase()))] } : {}),
    ...(list(query, 'service_code') ? { codes: [...new Set(list(query, 'service_code'))] } : {}),
    ...(arg(query, 'start_date') ? { start: arg(query, 'start_date') } : {}),
    ...(arg(query, 'end_date') ? { end: arg(query, 'end_date') } : {}),
    ...(status ? { status: [...new Set(status)] as Array<'open' | 'closed'> } : {}),
    page: positive(arg(query, 'page'), 'page', 1, MAX_PAGE),
    pageSize: positive(arg(query, 'page_size'), 'page_size', MAX_ITEMS, MAX_ITEMS),
  };
}

/** Balai's statuses behind Open311's open and closed. */
export function statusesOf(wanted: ReadonlyArray<'open' | 'closed'>): Status[] {
  return STATUSES.filter((s) => wanted.includes(FINAL_STATUSES.includes(s) ? 'closed' : 'open'));
}

/**
 * The query for GET requests at `now`. `service_request_id` overrides every other argument. The
 * filing window is at most 90 days: the most recent 90 without dates, 90 from start_date or up to
 * end_date when only one is given; a longer span, or an end before the start, is refused.
 */
export function publicQueryOf(args: RequestsArgs, timeZone: string, now: Date): PublicQuery {
  if (args.ids) return { trackingNos: args.ids, limit: MAX_ITEMS, offset: 0 };
  const parse = (text: string | undefined, field: string) => {
    if (text === undefined) return undefined;
    const at = parseW3(text, timeZone);
    if (!at) throw new Open311Error(400, 'date', { field });
    return at;
  };
  let from = parse(args.start, 'start_date');
  let to = parse(args.end, 'end_date');
  const span = WINDOW_DAYS * DAY_MS;
  if (from && to) {
    if (from.getTime() > to.getTime()) throw new Open311Error(400, 'date_order');
    if (to.getTime() - from.getTime() > span) throw new Open311Error(400, 'date_span', { days: WINDOW_DAYS });
  } else if (from) {
    to = new Date(from.getTime() + span);
  } else if (to) {
    from = new Date(to.getTime() - span);
  } else {
    to = now;
    from = new Date(now.getTime() - span);
  }
  return {
    from,
    to,
    ...(args.codes ? { categories: args.codes } : {}),
    ...(args.status ? { statuses: statusesOf(args.status) } : {}),
    limit: args.pageSize,
    offset: (args.page - 1) * args.pageSize,
  };
}
