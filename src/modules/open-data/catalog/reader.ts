/**
 * What the catalogue's outward formats ask of the published catalogue of one tenant. The CKAN
 * Action API, DCAT and the portal read only through it; `catalog/read.ts` answers it from the
 * tables, in the tenant's scope, showing only published datasets (and only `open` ones' data).
 */
import type {
  CatalogColumn,
  CatalogDataset,
  CatalogOrganization,
  CatalogResource,
  CatalogTheme,
  CatalogView,
} from './view.ts';

/** Fields a search may filter on exactly (CKAN's `fq`) and count values of (its facets). */
export const FACET_FIELDS = [
  'organization',
  'groups',
  'tags',
  'res_format',
  'license_id',
  'classification',
] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** Orders a search may ask for (CKAN's `sort`). */
export const SORTS = [
  'score desc',
  'metadata_modified desc',
  'metadata_modified asc',
  'metadata_created desc',
  'metadata_created asc',
  'title_string asc',
  'title_string desc',
  'name asc',
  'name desc',
] as const;
export type Sort = (typeof SORTS)[number];

export type DatasetSearch = Readonly<{
  /** Free text over title, description, keywords and organization (the tenant's language). */
  text?: string;
  /** Exact filters: every listed value of a field must match (AND), fields AND together. */
  filters?: Readonly<Partial<Record<FacetField, readonly string[]>>>;
  /** At least one listed value of a field must match (a harvester's `organization:a OR organization:b`). */
  anyOf?: Readonly<Partial<Record<FacetField, readonly string[]>>>;
  /** No listed value of a field may match (a harvester's `-organization:x`). */
  exclude?: Readonly<Partial<Record<FacetField, readonly string[]>>>;
  /** Only datasets whose metadata changed in this span (the harvester's incremental read). */
  modifiedSince?: string;
  modifiedUntil?: string;
  sort: Sort;
  limit: number;
  offset: number;
  /** Facet fields to count over all matches, each to at most `facetLimit` values. */
  facets?: readonly FacetField[];
  facetLimit?: number;
}>;

export type FacetCount = Readonly<{ name: string; displayName: string; count: number }>;

export type DatasetPage = Readonly<{
  count: number;
  datasets: readonly CatalogDataset[];
  facets: Readonly<Partial<Record<FacetField, readonly FacetCount[]>>>;
}>;

export type DatastoreQuery = Readonly<{
  /** Full text over every text column. */
  text?: string;
  /** Exact matches by column. */
  filters?: Readonly<Record<string, string | number | null>>;
  /** Columns to return, all when absent. */
  fields?: readonly string[];
  sort?: readonly Readonly<{ column: string; direction: 'asc' | 'desc' }>[];
  limit: number;
  offset: number;
}>;

export type DatastorePage = Readonly<{
  resourceId: string;
  /** `_id` first (the row's number), then the resource's columns. */
  columns: readonly CatalogColumn[];
  records: readonly Readonly<Record<string, string | number | null>>[];
  total: number;
}>;

export type SumsQuery = Readonly<{
  /** The column whose values make the groups. */
  groupBy: string;
  /** A numeric column (`int`, `numeric`) summed in each group; rows without a number in it are left out. */
  measure: string;
  /** At most this many groups (1 to {@link SUMS_LIMIT_MAX}). */
  limit: number;
  /** Only the rows whose `column` holds exactly `value` (one period of a table of several). */
  within?: Readonly<{ column: string; value: string | number }>;
}>;

/** The most groups a sum answers: enough for a chart or a table a person reads. */
export const SUMS_LIMIT_MAX = 100;

export type DatastoreSum = Readonly<{
  /** The group's value (null: rows without one). */
  key: string | number | null;
  sum: number;
  /** How many rows were summed. */
  rows: number;
}>;

export type DatastoreSums = Readonly<{
  resourceId: string;
  groupBy: CatalogColumn;
  measure: CatalogColumn;
  /**
   * By a `date`, `timestamp`, `int` or `numeric` column, the last `limit` groups in ascending
   * order (a series); by a `text` column, the `limit` largest sums, largest first.
   */
  groups: readonly DatastoreSum[];
  /** How many groups there are in all (more than `groups` holds when cut to `limit`). */
  groupCount: number;
}>;

export interface CatalogReader {
  catalog(): Promise<CatalogView>;
  search(query: DatasetSearch): Promise<DatasetPage>;
  /** A published dataset by its id or name, or null. */
  dataset(idOrName: string): Promise<CatalogDataset | null>;
  /** Names of the published datasets, by name, a page at a time. */
  datasetNames(limit: number, offset: number): Promise<readonly string[]>;
  organizations(): Promise<readonly (CatalogOrganization & { datasetCount: number })[]>;
  organization(idOrName: string): Promise<(CatalogOrganization & { datasetCount: number }) | null>;
  themes(): Promise<readonly (CatalogTheme & { datasetCount: number })[]>;
  theme(idOrName: string): Promise<(CatalogTheme & { datasetCount: number }) | null>;
  /** Keywords of published datasets, those starting with `prefix` when given. */
  keywords(prefix?: string): Promise<readonly string[]>;
  /** A resource of a published dataset, or null. */
  resource(id: string): Promise<CatalogResource | null>;
  /**
   * Rows of a datastore resource of a published open dataset; null when there is no such
   * resource. Unknown columns in `filters`, `fields` or `sort` are the caller's error, thrown as
   * an `AppError` naming the column.
   */
  datastore(resourceId: string, query: DatastoreQuery): Promise<DatastorePage | null>;
  /**
   * A numeric column of a datastore resource summed by the values of another, computed by the
   * database over every row of the current version; null as for `datastore`. An unknown column,
   * or a measure that is not numeric, is the caller's error (an `AppError` naming it).
   */
  datastoreSums(resourceId: string, query: SumsQuery): Promise<DatastoreSums | null>;
}
