/**
 * The catalogue page's query string, read and checked (pure): the words `q`, the order `sort`, the
 * page `page` and the facet filters, named as CKAN's own portal names them (`organization`,
 * `groups`, `tags`, `res_format`, `license_id`; a name given twice filters on both values). An
 * unknown filter value is no error, it just matches nothing; what is refused is what the page
 * cannot answer (an order it does not offer, a page that is not a number) or input too large to
 * be a person's (over-long words, dozens of filters).
 */
import type { FacetField, Sort } from '../catalog/reader.ts';

/** The facets the page shows and filters on, in the order shown. */
export const PORTAL_FACETS = ['organization', 'groups', 'tags', 'res_format', 'license_id'] as const;
export type PortalFacet = (typeof PORTAL_FACETS)[number] & FacetField;

/** The orders the page offers, in the order of its list; the first is the default. */
export const PORTAL_SORTS = [
  'score desc',
  'metadata_modified desc',
  'metadata_created desc',
  'title_string asc',
  'title_string desc',
] as const satisfies readonly Sort[];
export type PortalSort = (typeof PORTAL_SORTS)[number];

/** Datasets a page. */
export const PAGE_SIZE = 10;
/** The last page a visitor may ask for (10,000 datasets deep). */
export const MAX_PAGE = 1000;
/** The longest search a person types. */
export const MAX_WORDS = 200;
/** At most this many values of one filter, each at most this long. */
export const MAX_FILTER_VALUES = 10;
export const MAX_FILTER_LENGTH = 100;

export type CatalogueQuery = Readonly<{
  q: string | undefined;
  /** The order asked for, or undefined for the page's default (the best match). */
  sort: PortalSort | undefined;
  page: number;
  filters: Readonly<Partial<Record<PortalFacet, readonly string[]>>>;
}>;

/** What is wrong with the query, by the page's field: a message key of the app and its values. */
export type QueryErrors = Partial<
  Record<'q' | 'sort' | 'page' | 'filters', Readonly<{ key: string; params?: Record<string, unknown> }>>
>;

/** The values of a parameter: one text or several (a repeated name), trimmed, empty ones left out. */
function values(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
}

/** Reads the catalogue page's query; `fixed` is a facet the page itself filters on (an organization's page), ignored here. */
export function readCatalogueQuery(
  raw: Readonly<Record<string, unknown>>,
  fixed?: PortalFacet,
): { query: CatalogueQuery; errors: QueryErrors } {
  const errors: QueryErrors = {};
  const q = values(raw.q)[0] || undefined;
  if (q !== undefined && q.length > MAX_WORDS) errors.q = { key: 'qTooLong', params: { max: MAX_WORDS } };

  const sortText = values(raw.sort)[0] || undefined;
  const sort = PORTAL_SORTS.find((s) => s === sortText);
  if (sortText !== undefined && !sort) errors.sort = { key: 'sort' };

  const pageText = values(raw.page)[0] || undefined;
  let page = 1;
  if (pageText !== undefined) {
    const n = /^\d{1,7}$/.test(pageText) ? Number(pageText) : Number.NaN;
    if (!(n >= 1 && n <= MAX_PAGE)) errors.page = { key: 'page', params: { max: MAX_PAGE } };
    else page = n;
  }

  const filters: Partial<Record<PortalFacet, string[]>> = {};
  for (const field of PORTAL_FACETS) {
    if (field === fixed) continue;
    const given = [...new Set(values(raw[field]).filter((v) => v !== ''))];
    if (given.length === 0) continue;
    if (given.length > MAX_FILTER_VALUES || given.some((v) => v.length > MAX_FILTER_LENGTH)) {
      errors.filters = {
        key: 'filters',
        params: { max: MAX_FILTER_VALUES, length: MAX_FILTER_LENGTH },
      };
      continue;
    }
    filters[field] = given;
  }
  return { query: { q, sort, page, filters }, errors };
}

/**
 * The order a search runs in: the one asked for, else the best match (which, without words, is
 * the newest change first).
 */
export function effectiveSort(query: CatalogueQuery): PortalSort {
  return query.sort ?? 'score desc';
}

/**
 * The query string of the catalogue with `change` applied: a filter value added or removed, a
 * page, words. The page goes back to the first unless given; the page's default order and page
 * are left out, so that each view has one address.
 */
export function catalogueSearch(
  query: CatalogueQuery,
  change: Readonly<{
    add?: readonly [PortalFacet, string];
    remove?: readonly [PortalFacet, string];
    clearFilters?: boolean;
    page?: number;
  }> = {},
): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  for (const field of PORTAL_FACETS) {
    if (change.clearFilters) break;
    let list = [...(query.filters[field] ?? [])];
    if (change.remove?.[0] === field) list = list.filter((v) => v !== change.remove![1]);
    if (change.add?.[0] === field && !list.includes(change.add[1])) list.push(change.add[1]);
    for (const v of list) params.append(field, v);
  }
  if (change.page !== undefined && change.page > 1) params.set('page', String(change.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}
