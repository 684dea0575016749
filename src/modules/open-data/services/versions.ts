/**
 * Keeping a new version of an upload resource: its file already stored (outside the transaction),
 * its rows (a tabular file) written to the datastore, the resource pointed at it. Earlier versions
 * and their rows stay: every one is downloadable and previewable.
 */
import { newId, type TenantScope } from '../../../platform/sdk/index.ts';
import { touchDataset } from '../repo/datasets.ts';
import { insertRows } from '../repo/datastore.ts';
import {
  insertVersion,
  type ResourceRow,
  updateResource,
  type VersionRow,
  versionsOf,
} from '../repo/resources.ts';
import type { StoredColumn } from '../tables.ts';
import { type Table, tableHash } from './tabular.ts';

export type StoredUpload = {
  key: string;
  fileName: string;
  format: string;
  mediaType: string;
  byteSize: number;
  checksum: string;
  table: Table | null;
};

/** The new columns, keeping the dictionary written for the same columns of the version before. */
function inheritDictionary(columns: StoredColumn[], previous: StoredColumn[] | null): StoredColumn[] {
  if (!previous) return columns;
  return columns.map((c) => {
    const p = previous.find((q) => q.name === c.name);
    return p ? { ...c, label: p.label, description: p.description, unit: p.unit } : c;
  });
}

/** The resource's latest version, or undefined. */
export async function latestVersion(scope: TenantScope, resourceId: string): Promise<VersionRow | undefined> {
  return (await versionsOf(scope, [resourceId]))[0];
}

/** Writes version n+1 of the (locked) resource and makes it current. */
export async function keepVersion(
  scope: TenantScope,
  resource: ResourceRow,
  upload: StoredUpload,
  now: Date,
  options: { inherit?: boolean } = {},
): Promise<VersionRow> {
  const previous = await latestVersion(scope, resource.id);
  const columns = upload.table
    ? options.inherit === false
      ? upload.table.columns
      : inheritDictionary(upload.table.columns, previous?.columns ?? null)
    : null;
  const version = await insertVersion(scope, {
    id: newId(),
    resource_id: resource.id,
    version: (previous?.version ?? 0) + 1,
    file_key: upload.key,
    file_name: upload.fileName,
    format: upload.format,
    media_type: upload.mediaType,
    byte_size: upload.byteSize,
    checksum: upload.checksum,
    row_count: upload.table ? upload.table.rows.length : null,
    columns,
    rows_hash: upload.table ? tableHash(upload.table.columns, upload.table.rows) : null,
    created_by: scope.actor.userId,
  });
  if (upload.table) await insertRows(scope, version.id, upload.table.rows);
  await updateResource(scope, resource.id, {
    current_version: version.version,
    format: upload.format,
    media_type: upload.mediaType,
    modified_at: now,
  });
  await touchDataset(scope, resource.dataset_id, now);
  return version;
}
