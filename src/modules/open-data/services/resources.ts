/**
 * A dataset's resources: a link, or an upload (its first version), a new version of an upload,
 * the versions listed, a version's file, the data dictionary of the current version. Files are
 * parsed and stored before the transaction (services/tabular.ts, the route); here only rows.
 */
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  invalid,
  newId,
  notFound,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { findDataset, touchDataset } from '../repo/datasets.ts';
import {
  findResource,
  findVersion,
  insertResource,
  lockResource,
  type ResourceRow,
  setVersionColumns,
  updateResource,
  versionsOf,
} from '../repo/resources.ts';
import type { DictionaryInputType, LinkInputType, ResourceType, VersionType } from '../schemas.ts';
import { assertNotFed, datasetFor } from './access.ts';
import { keepVersion, latestVersion, type StoredUpload } from './versions.ts';
import { resourceView, versionView } from './views.ts';

/** A dataset whose data a producer may change now: theirs, not fed, not under review. */
async function writableDataset(scope: TenantScope, datasetId: string, access: AgencyAccess) {
  const dataset = await datasetFor(scope, datasetId, access, { lock: true });
  assertNotFed(dataset);
  if (dataset.state === 'submitted')
    throw new AppError('invalid_transition', { detailKey: 'open_data_in_review' });
  return dataset;
}

/** The resource and its (locked) dataset, when the caller may change them. */
async function writableResource(scope: TenantScope, id: string, access: AgencyAccess): Promise<ResourceRow> {
  const found = await findResource(scope, id);
  if (!found) throw notFound('open-data.resource');
  await writableDataset(scope, found.dataset_id, access);
  return (await lockResource(scope, id))!;
}

async function announce(scope: TenantScope, action: string, resource: ResourceRow, after: object) {
  await recordAudit(scope, {
    action: `open-data.resource.${action}`,
    entityType: 'open-data.resource',
    entityId: resource.id,
    after,
  });
  await emitEvent(scope, {
    type: 'open-data.resource.changed',
    entityType: 'open-data.resource',
    entityId: resource.id,
  });
}

export async function addLink(
  scope: TenantScope,
  datasetId: string,
  input: LinkInputType,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<ResourceType> {
  await writableDataset(scope, datasetId, access);
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (name.length < 2) throw invalid({ path: '/body/name', code: 'minLength', params: { limit: 2 } });
  const row = await insertResource(scope, {
    id: newId(),
    dataset_id: datasetId,
    name,
    description: input.description?.trim() || null,
    kind: 'link',
    format: input.format?.toUpperCase() ?? 'HTML',
    media_type: null,
    url: input.url,
    current_version: null,
    modified_at: now,
  });
  await touchDataset(scope, datasetId, now);
  const view = resourceView(base, row, undefined);
  await announce(scope, 'create', row, view);
  return view;
}

/** An upload's first version, as a new resource of the dataset. */
export async function addUpload(
  scope: TenantScope,
  datasetId: string,
  form: { name: string; description: string | null },
  upload: StoredUpload,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<ResourceType> {
  await writableDataset(scope, datasetId, access);
  const resource = await insertResource(scope, {
    id: newId(),
    dataset_id: datasetId,
    name: form.name,
    description: form.description,
    kind: 'upload',
    format: upload.format,
    media_type: upload.mediaType,
    url: null,
    current_version: null,
    modified_at: now,
  });
  const version = await keepVersion(scope, resource, upload, now);
  const view = resourceView(base, (await findResource(scope, resource.id))!, version);
  await announce(scope, 'create', resource, view);
  return view;
}

/** A new version of an upload resource: the earlier ones stay. */
export async function addVersion(
  scope: TenantScope,
  resourceId: string,
  upload: StoredUpload,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<ResourceType> {
  const resource = await writableResource(scope, resourceId, access);
  if (resource.kind !== 'upload')
    throw new AppError('conflict', { detailKey: 'open_data_link_has_no_versions' });
  const version = await keepVersion(scope, resource, upload, now);
  const view = resourceView(base, (await findResource(scope, resourceId))!, version);
  await announce(scope, 'version', resource, { version: version.version, checksum: version.checksum });
  return view;
}

/** The resource's versions, newest first (staff of its agency). */
export async function versionsView(
  scope: TenantScope,
  resourceId: string,
  access: AgencyAccess,
  base: string,
): Promise<{ versions: VersionType[] }> {
  const resource = await findResource(scope, resourceId);
  if (!resource) throw notFound('open-data.resource');
  await datasetFor(scope, resource.dataset_id, access);
  return { versions: (await versionsOf(scope, [resourceId])).map((v) => versionView(base, v)) };
}

/** Labels, descriptions and units of the current version's columns (types stay as uploaded). */
export async function setDictionary(
  scope: TenantScope,
  resourceId: string,
  input: DictionaryInputType,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<ResourceType> {
  const found = await findResource(scope, resourceId);
  if (!found) throw notFound('open-data.resource');
  // The dictionary describes data, not changes it: a fed dataset's dictionary may be refined too.
  const dataset = await datasetFor(scope, found.dataset_id, access, { lock: true });
  if (dataset.state === 'submitted')
    throw new AppError('invalid_transition', { detailKey: 'open_data_in_review' });
  const current = await latestVersion(scope, resourceId);
  if (!current?.columns) throw new AppError('conflict', { detailKey: 'open_data_no_datastore' });
  const columns = current.columns.map((c) => ({ ...c }));
  input.columns.forEach((entry, i) => {
    const column = columns.find((c) => c.name === entry.name);
    if (!column)
      throw invalid({
        path: `/body/columns/${i}/name`,
        code: 'data_unknown_column',
        params: { column: entry.name },
      });
    column.label = entry.label.trim() || column.label;
    if (entry.description !== undefined) column.description = entry.description?.trim() || null;
    if (entry.unit !== undefined) column.unit = entry.unit?.trim() || null;
  });
  await setVersionColumns(scope, current.id, columns);
  const row = await updateResource(scope, resourceId, { modified_at: now });
  await touchDataset(scope, found.dataset_id, now);
  const view = resourceView(base, row, { ...current, columns });
  await announce(scope, 'dictionary', row, { columns });
  return view;
}

/** The stored file of a version, when the caller may read it (`visible` says the dataset's public). */
export async function versionFile(
  scope: TenantScope,
  resourceId: string,
  version: number,
  mayRead: (dataset: { agency_id: string | null; state: string; classification: string }) => boolean,
) {
  const resource = await findResource(scope, resourceId);
  if (!resource) throw notFound('open-data.resource');
  const dataset = await findDataset(scope, resource.dataset_id);
  if (!dataset || !mayRead(dataset)) throw notFound('open-data.resource');
  const v = await findVersion(scope, resourceId, version);
  if (!v) throw notFound('open-data.version');
  return v;
}
