/** Queries on datasets and their themes. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type DatasetState, type DatasetsTable, tx } from '../tables.ts';
import type { ThemeRow } from './themes.ts';

export type DatasetRow = Selectable<DatasetsTable>;
export type DatasetValues = Omit<Insertable<DatasetsTable>, 'tenant_id'>;
export type DatasetChanges = Updateable<DatasetsTable>;

/**
 * Every column of a dataset row but the stored search vector (`search`, migration 0150): a
 * `select *` would carry each row's vector to the server for nothing.
 */
export const DATASET_COLUMNS = [
  'tenant_id',
  'id',
  'agency_id',
  'name',
  'title',
  'description',
  'state',
  'review_note',
  'classification',
  'affair_code',
  'sub_affair_code',
  'indicator',
  'unit',
  'definition',
  'release_schedule',
  'data_standard',
  'keywords',
  'license_id',
  'frequency',
  'temporal_start',
  'temporal_end',
  'spatial_name',
  'spatial_bbox',
  'contact_name',
  'contact_email',
  'feed',
  'created_by',
  'created_at',
  'modified_at',
  'submitted_at',
  'reviewed_by',
  'reviewed_at',
  'first_published_at',
] as const satisfies readonly (keyof DatasetsTable)[];

export async function findDataset(scope: TenantScope, id: string): Promise<DatasetRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_datasets')
      .select(DATASET_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** Locks the dataset's row for a change of state or content (two reviewers cannot both act). */
export async function lockDataset(scope: TenantScope, id: string): Promise<DatasetRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_datasets')
      .select(DATASET_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export async function findDatasetByFeed(scope: TenantScope, feed: string): Promise<DatasetRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_datasets')
      .select(DATASET_COLUMNS)
      .where('tenant_id', '=', scope.tenantId)
      .where('feed', '=', feed)
      .executeTakeFirst()) ?? null
  );
}

export async function datasetNameTaken(
  scope: TenantScope,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let q = tx(scope)
    .selectFrom('open_data_datasets')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('name', '=', name);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/**
 * The staff's list: newest change first, of these agencies (null: every one, the region's own
 * datasets included), in a state when asked.
 */
export function listDatasets(
  scope: TenantScope,
  filter: { agencies: readonly string[] | null; state?: DatasetState; limit: number; offset: number },
): Promise<DatasetRow[]> {
  let q = tx(scope)
    .selectFrom('open_data_datasets')
    .select(DATASET_COLUMNS)
    .where('tenant_id', '=', scope.tenantId);
  if (filter.agencies !== null) {
    if (filter.agencies.length === 0) return Promise.resolve([]);
    q = q.where('agency_id', 'in', [...filter.agencies]);
  }
  if (filter.state) q = q.where('state', '=', filter.state);
  return q.orderBy('modified_at', 'desc').orderBy('id').limit(filter.limit).offset(filter.offset).execute();
}

export function insertDataset(scope: TenantScope, values: DatasetValues): Promise<DatasetRow> {
  return tx(scope)
    .insertInto('open_data_datasets')
    .values({ tenant_id: scope.tenantId, ...values })
    .returning(DATASET_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateDataset(scope: TenantScope, id: string, changes: DatasetChanges): Promise<DatasetRow> {
  return tx(scope)
    .updateTable('open_data_datasets')
    .set(changes)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .returning(DATASET_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Marks a dataset changed now (a new resource or version changes its `metadata_modified`). */
export async function touchDataset(scope: TenantScope, id: string, now: Date): Promise<void> {
  await tx(scope)
    .updateTable('open_data_datasets')
    .set({ modified_at: now })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

/** The theme names of each dataset. */
export async function themesOfDatasets(
  scope: TenantScope,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await tx(scope)
    .selectFrom('open_data_dataset_themes as dt')
    .innerJoin('open_data_themes as th', (j) =>
      j.onRef('th.tenant_id', '=', 'dt.tenant_id').onRef('th.id', '=', 'dt.theme_id'),
    )
    .select(['dt.dataset_id', 'th.name'])
    .where('dt.tenant_id', '=', scope.tenantId)
    .where('dt.dataset_id', 'in', [...ids])
    .orderBy('th.name')
    .execute();
  for (const r of rows) out.set(r.dataset_id, [...(out.get(r.dataset_id) ?? []), r.name]);
  return out;
}

/** The themes of each dataset, whole (the catalogue's views), by name. */
export async function themeRowsOfDatasets(
  scope: TenantScope,
  ids: readonly string[],
): Promise<Map<string, ThemeRow[]>> {
  const out = new Map<string, ThemeRow[]>();
  if (ids.length === 0) return out;
  const rows = await tx(scope)
    .selectFrom('open_data_dataset_themes as dt')
    .innerJoin('open_data_themes as th', (j) =>
      j.onRef('th.tenant_id', '=', 'dt.tenant_id').onRef('th.id', '=', 'dt.theme_id'),
    )
    .selectAll('th')
    .select('dt.dataset_id')
    .where('dt.tenant_id', '=', scope.tenantId)
    .where('dt.dataset_id', 'in', [...ids])
    .orderBy('th.name')
    .execute();
  for (const { dataset_id, ...theme } of rows) {
    const list = out.get(dataset_id) ?? [];
    list.push(theme);
    out.set(dataset_id, list);
  }
  return out;
}

export async function setDatasetThemes(
  scope: TenantScope,
  datasetId: string,
  themeIds: readonly string[],
): Promise<void> {
  await tx(scope)
    .deleteFrom('open_data_dataset_themes')
    .where('tenant_id', '=', scope.tenantId)
    .where('dataset_id', '=', datasetId)
    .execute();
  if (themeIds.length === 0) return;
  await tx(scope)
    .insertInto('open_data_dataset_themes')
    .values(themeIds.map((theme_id) => ({ tenant_id: scope.tenantId, dataset_id: datasetId, theme_id })))
    .execute();
}

export async function countDatasets(scope: TenantScope, state?: DatasetState): Promise<number> {
  let q = tx(scope)
    .selectFrom('open_data_datasets')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', scope.tenantId);
  if (state) q = q.where('state', '=', state);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
