/** Queries on resources and their versions. */
import type { Selectable } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type ResourcesTable, type ResourceVersionsTable, type StoredColumn, tx } from '../tables.ts';

export type ResourceRow = Selectable<ResourcesTable>;
export type VersionRow = Selectable<ResourceVersionsTable>;

export async function findResource(scope: TenantScope, id: string): Promise<ResourceRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_resources')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

/** Locks the resource's row: two uploads at once get versions n and n+1, never both n. */
export async function lockResource(scope: TenantScope, id: string): Promise<ResourceRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_resources')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()) ?? null
  );
}

export function resourcesOfDatasets(
  scope: TenantScope,
  datasetIds: readonly string[],
): Promise<ResourceRow[]> {
  if (datasetIds.length === 0) return Promise.resolve([]);
  return tx(scope)
    .selectFrom('open_data_resources')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('dataset_id', 'in', [...datasetIds])
    .orderBy('sort')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function insertResource(
  scope: TenantScope,
  r: Omit<ResourceRow, 'tenant_id' | 'created_at' | 'modified_at' | 'sort'> & { modified_at: Date },
): Promise<ResourceRow> {
  return tx(scope)
    .insertInto('open_data_resources')
    .values({ tenant_id: scope.tenantId, ...r })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateResource(
  scope: TenantScope,
  id: string,
  changes: Partial<
    Pick<ResourceRow, 'name' | 'description' | 'format' | 'media_type' | 'url' | 'current_version'>
  > & {
    modified_at: Date;
  },
): Promise<ResourceRow> {
  return tx(scope)
    .updateTable('open_data_resources')
    .set(changes)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Every version of these resources, newest first. */
export function versionsOf(scope: TenantScope, resourceIds: readonly string[]): Promise<VersionRow[]> {
  if (resourceIds.length === 0) return Promise.resolve([]);
  return tx(scope)
    .selectFrom('open_data_resource_versions')
    .selectAll()
    .where('tenant_id', '=', scope.tenantId)
    .where('resource_id', 'in', [...resourceIds])
    .orderBy('resource_id')
    .orderBy('version', 'desc')
    .execute();
}

export async function findVersion(
  scope: TenantScope,
  resourceId: string,
  version: number,
): Promise<VersionRow | null> {
  return (
    (await tx(scope)
      .selectFrom('open_data_resource_versions')
      .selectAll()
      .where('tenant_id', '=', scope.tenantId)
      .where('resource_id', '=', resourceId)
      .where('version', '=', version)
      .executeTakeFirst()) ?? null
  );
}

export function insertVersion(
  scope: TenantScope,
  v: Omit<VersionRow, 'tenant_id' | 'created_at' | 'columns'> & { columns: StoredColumn[] | null },
): Promise<VersionRow> {
  return tx(scope)
    .insertInto('open_data_resource_versions')
    .values({ tenant_id: scope.tenantId, ...v, columns: v.columns ? JSON.stringify(v.columns) : null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setVersionColumns(
  scope: TenantScope,
  versionId: string,
  columns: StoredColumn[],
): Promise<void> {
  await tx(scope)
    .updateTable('open_data_resource_versions')
    .set({ columns: JSON.stringify(columns) })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', versionId)
    .execute();
}
