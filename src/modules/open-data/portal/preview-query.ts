/**
 * The dataset page's preview parameters, read and checked (pure): which datastore resource they
 * are for (`resource`, its id; the first previewable one when absent), the page of its rows
 * (`page`, from 1) and the column it is sorted by (`sort`, a column's name, and `order`, `asc` or
 * `desc`). The other resources' previews show their first rows in their own order.
 */
import type { CatalogResource } from '../catalog/view.ts';

/** Rows a page of a preview. */
export const ROWS_PER_PAGE = 20;
/** The last page a visitor may ask for: a datastore holds at most 100,000 rows. */
export const MAX_ROW_PAGE = 5000;

export type PreviewSort = Readonly<{ column: string; direction: 'asc' | 'desc' }>;

export type PreviewQuery = Readonly<{
  /** The resource the page and order are for, or undefined when the dataset has none to preview. */
  resourceId: string | undefined;
  page: number;
  sort: PreviewSort | undefined;
}>;

export type PreviewErrors = Partial<
  Record<'resource' | 'page' | 'sort' | 'order', Readonly<{ key: string; params?: Record<string, unknown> }>>
>;

function first(raw: unknown): string | undefined {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Reads the preview parameters against the dataset's resources. A part in error is left at its
 * default (the first page, the rows' own order), so that the page can still show the data beside
 * what was wrong.
 */
export function readPreviewQuery(
  raw: Readonly<Record<string, unknown>>,
  resources: readonly CatalogResource[],
): { query: PreviewQuery; errors: PreviewErrors } {
  const errors: PreviewErrors = {};
  const previewable = resources.filter((r) => r.datastoreActive);
  let target = previewable[0];
  const resourceText = first(raw.resource);
  if (resourceText !== undefined) {
    const found = previewable.find((r) => r.id === resourceText);
    if (found) target = found;
    else errors.resource = { key: 'resource' };
  }
  if (!target) return { query: { resourceId: undefined, page: 1, sort: undefined }, errors };

  let page = 1;
  const pageText = first(raw.page);
  if (pageText !== undefined) {
    const n = /^\d{1,7}$/.test(pageText) ? Number(pageText) : Number.NaN;
    if (n >= 1 && n <= MAX_ROW_PAGE) page = n;
    else errors.page = { key: 'rowsPage', params: { max: MAX_ROW_PAGE } };
  }

  const orderText = first(raw.order);
  let direction: 'asc' | 'desc' = 'asc';
  if (orderText === 'desc' || orderText === 'asc') direction = orderText;
  else if (orderText !== undefined) errors.order = { key: 'order' };

  let sort: PreviewSort | undefined;
  const sortText = first(raw.sort);
  if (sortText !== undefined) {
    if (sortText === '_id' || target.columns.some((c) => c.name === sortText)) {
      sort = { column: sortText, direction };
    } else {
      errors.sort = { key: 'sortColumn', params: { column: sortText.slice(0, 80) } };
    }
  }
  return { query: { resourceId: target.id, page, sort }, errors };
}

/** The dataset page's query for a preview's page and order, with the anchor of its table. */
export function previewSearch(resourceId: string, page: number, sort: PreviewSort | undefined): string {
  const params = new URLSearchParams({ resource: resourceId });
  if (page > 1) params.set('page', String(page));
  if (sort) {
    params.set('sort', sort.column);
    params.set('order', sort.direction);
  }
  return `?${params}#preview-${resourceId}`;
}
