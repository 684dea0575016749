/** Row types of the app's tables, as Kysely sees them (beside the platform's). */
import type { ColumnType, Transaction } from 'kysely';
import type { DataColumnType, PlatformTables, TenantScope } from '../../platform/sdk/index.ts';
import type { Classification, Frequency } from './catalog/view.ts';

type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A `date` column: read as `YYYY-MM-DD` text (the pools parse no dates), written as such. */
type LocalDate = ColumnType<string, string, string>;

export interface ThemesTable {
  tenant_id: string;
  id: string;
  name: string;
  title: string;
  description: string | null;
  sort: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: Instant;
}

/** Where a dataset is in its review: a producer writes, the walidata checks and publishes. */
export const DATASET_STATES = ['draft', 'submitted', 'returned', 'published', 'unpublished'] as const;
export type DatasetState = (typeof DATASET_STATES)[number];

export interface DatasetsTable {
  tenant_id: string;
  id: string;
  /** The producing agency; null for the region itself (the feeds' datasets). */
  agency_id: string | null;
  name: string;
  title: string;
  description: string;
  state: DatasetState;
  review_note: string | null;
  classification: Classification;
  affair_code: string | null;
  sub_affair_code: string | null;
  indicator: string | null;
  unit: string | null;
  definition: string | null;
  release_schedule: string | null;
  data_standard: string | null;
  keywords: ColumnType<string[], string | undefined, string>;
  license_id: string;
  frequency: Frequency;
  temporal_start: LocalDate | null;
  temporal_end: LocalDate | null;
  spatial_name: string | null;
  /** [west, south, east, north], CRS84. */
  spatial_bbox: ColumnType<[number, number, number, number] | null, string | null | undefined, string | null>;
  contact_name: string;
  contact_email: string | null;
  /** The data feed that fills it (`<app>.<feed>`), or null for a producer's own. */
  feed: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  modified_at: Instant;
  submitted_at: Instant | null;
  reviewed_by: string | null;
  reviewed_at: Instant | null;
  first_published_at: Instant | null;
}

export interface DatasetThemesTable {
  tenant_id: string;
  dataset_id: string;
  theme_id: string;
}

export interface ResourcesTable {
  tenant_id: string;
  id: string;
  dataset_id: string;
  name: string;
  description: string | null;
  kind: 'upload' | 'link';
  format: string;
  media_type: string | null;
  /** A link's address; null for an upload (its versions hold the files). */
  url: string | null;
  /** The version shown and downloaded by default (an upload's newest). */
  current_version: number | null;
  sort: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  modified_at: Instant;
}

/** A column of a datastore version: its type and its data dictionary entry. */
export type StoredColumn = {
  name: string;
  type: DataColumnType;
  label: string;
  description: string | null;
  unit: string | null;
};

export interface ResourceVersionsTable {
  tenant_id: string;
  id: string;
  resource_id: string;
  version: number;
  file_key: string;
  file_name: string;
  format: string;
  media_type: string;
  byte_size: number;
  /** SHA-256 of the file, hex. */
  checksum: string;
  /** Rows in the datastore (a tabular version), else null. */
  row_count: number | null;
  columns: ColumnType<StoredColumn[] | null, string | null, string | null>;
  /** SHA-256 of the rows as stored (a feed keeps a new version only when it changes). */
  rows_hash: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** A value in the datastore: numbers as JSON numbers, dates `YYYY-MM-DD`, instants ISO 8601 UTC. */
export type CellValue = string | number | null;

export interface RowsTable {
  tenant_id: string;
  version_id: string;
  row_no: number;
  data: ColumnType<Record<string, CellValue>, string, never>;
}

export interface AppTables extends PlatformTables {
  open_data_themes: ThemesTable;
  open_data_datasets: DatasetsTable;
  open_data_dataset_themes: DatasetThemesTable;
  open_data_resources: ResourcesTable;
  open_data_resource_versions: ResourceVersionsTable;
  open_data_rows: RowsTable;
}

/** The scope's transaction, typed with the app's tables. */
export function tx(scope: TenantScope): Transaction<AppTables> {
  return scope.trx as unknown as Transaction<AppTables>;
}
