/**
 * What the DCAT addresses answer, read through the catalogue reader: a page of the catalogue
 * (newest change first, as ckanext-dcat pages it, optionally only what changed since an instant)
 * and one dataset. Serialising is the route's; the graph is the same for every format.
 */
import type { Store } from 'n3';
import { invalid, notFound } from '../../../platform/sdk/index.ts';
import type { CatalogReader } from '../catalog/reader.ts';
import { catalogGraph, datasetGraph, type GraphContext } from './graph.ts';

/** Datasets per page, ckanext-dcat's default (`ckanext.dcat.datasets_per_page`). */
export const PAGE_SIZE = 100;
/** The highest page asked for that the route accepts (a million datasets at 100 a page). */
export const MAX_PAGE = 10_000;

export type CatalogPageQuery = Readonly<{ page?: number; modified_since?: string; q?: string }>;

/**
 * `modified_since` as ckanext-dcat takes it: a day (`2026-01-31`, its start in UTC) or an instant
 * with its offset (`2026-01-31T08:00:00+07:00`); null when absent, a 400 when it is neither.
 */
export function parseModifiedSince(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/.test(value);
  const time = day || instant ? Date.parse(day ? `${value}T00:00:00Z` : value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw invalid({ path: '/querystring/modified_since', code: 'format', params: { format: 'date-time' } });
  }
  return new Date(time).toISOString();
}

/**
 * One page of the catalogue. `pageUrl` writes the address of a page with the same query (Hydra's
 * links); a page past the last is not found, the first page of an empty catalogue is empty.
 */
export async function catalogPage(
  reader: CatalogReader,
  query: CatalogPageQuery,
  pageUrl: (page: number) => string,
  ctx: Omit<GraphContext, 'lang' | 'catalogUrl'>,
): Promise<Store> {
  const page = query.page ?? 1;
  if (!Number.isSafeInteger(page) || page < 1 || page > MAX_PAGE) {
    const code = page < 1 ? 'minimum' : 'maximum';
    throw invalid({ path: '/querystring/page', code, params: { limit: page < 1 ? 1 : MAX_PAGE } });
  }
  const modifiedSince = parseModifiedSince(query.modified_since);
  const text = query.q?.trim();
  const [catalog, found] = await Promise.all([
    reader.catalog(),
    reader.search({
      sort: 'metadata_modified desc',
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
      ...(modifiedSince ? { modifiedSince } : {}),
      ...(text ? { text } : {}),
    }),
  ]);
  const last = Math.max(1, Math.ceil(found.count / PAGE_SIZE));
  if (page > last) throw notFound('page');
  return catalogGraph(
    catalog,
    found.datasets,
    {
      self: pageUrl(page),
      first: pageUrl(1),
      last: pageUrl(last),
      previous: page > 1 ? pageUrl(page - 1) : null,
      next: page < last ? pageUrl(page + 1) : null,
      totalItems: found.count,
      itemsPerPage: PAGE_SIZE,
    },
    { ...ctx, lang: languageOf(catalog.language), catalogUrl: catalog.url },
  );
}

/** One published dataset by its name (or id), or a 404. */
export async function datasetDocument(
  reader: CatalogReader,
  name: string,
  ctx: Omit<GraphContext, 'lang' | 'catalogUrl'>,
): Promise<Store> {
  const [catalog, dataset] = await Promise.all([reader.catalog(), reader.dataset(name)]);
  if (!dataset) throw notFound('dataset');
  return datasetGraph(dataset, { ...ctx, lang: languageOf(catalog.language), catalogUrl: catalog.url });
}

const languageOf = (languages: readonly string[]) => languages[0] ?? 'id';
