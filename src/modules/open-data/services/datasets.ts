/**
 * A producer's datasets: create, change, list, read. A producer writes only for the agencies their
 * grant reaches; the region's own datasets (agency none: the feeds') only tenant-wide.
 */
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  invalid,
  listAgencies,
  newId,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { LICENSE_IDS } from '../licenses.ts';
import {
  datasetNameTaken,
  insertDataset,
  listDatasets,
  setDatasetThemes,
  updateDataset,
} from '../repo/datasets.ts';
import { themesNamed } from '../repo/themes.ts';
import type { DatasetInputType, DatasetQueryType, DatasetType, DatasetUpdateType } from '../schemas.ts';
import { datasetFor } from './access.ts';
import { datasetView, datasetViews } from './views.ts';

type Metadata = Omit<DatasetUpdateType, 'name'>;

const clean = (s: string | null | undefined) => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** The metadata as stored, each field checked beyond its schema; every refusal on its field. */
export async function metadataValues(scope: TenantScope, input: Metadata) {
  const title = clean(input.title);
  if (!title || title.length < 2)
    throw invalid({ path: '/body/title', code: 'minLength', params: { limit: 2 } });
  if (!LICENSE_IDS.includes(input.licenseId)) {
    throw invalid({ path: '/body/licenseId', code: 'enum', params: { allowed: LICENSE_IDS.join(', ') } });
  }
  if (input.temporalStart && input.temporalEnd && input.temporalEnd < input.temporalStart) {
    throw invalid({ path: '/body/temporalEnd', code: 'open_data_end_before_start' });
  }
  const bbox = input.spatialBbox ?? null;
  if (bbox) {
    const [w, s, e, n] = bbox as [number, number, number, number];
    if (s < -90 || n > 90 || s > n || w > e)
      throw invalid({ path: '/body/spatialBbox', code: 'open_data_bad_bbox' });
  }
  const sub = input.subAffairCode ?? null;
  if (sub && input.affairCode && !sub.startsWith(`${input.affairCode}.`)) {
    throw invalid({ path: '/body/subAffairCode', code: 'open_data_sub_affair' });
  }
  const names = [...new Set(input.themes ?? [])];
  const themes = await themesNamed(scope, names);
  const unknown = names.find((n) => !themes.some((t) => t.name === n));
  if (unknown)
    throw invalid({ path: '/body/themes', code: 'open_data_unknown_theme', params: { theme: unknown } });
  const keywords = [
    ...new Set(
      (input.keywords ?? []).map((k) => k.replace(/\s+/g, ' ').trim().toLowerCase()).filter(Boolean),
    ),
  ];
  return {
    themeIds: themes.map((t) => t.id),
    values: {
      title,
      description: input.description.trim(),
      classification: input.classification,
      affair_code: input.affairCode ?? null,
      sub_affair_code: sub,
      indicator: clean(input.indicator),
      unit: clean(input.unit),
      definition: input.definition?.trim() || null,
      release_schedule: clean(input.releaseSchedule),
      data_standard: clean(input.dataStandard),
      keywords: JSON.stringify(keywords),
      license_id: input.licenseId,
      frequency: input.frequency,
      temporal_start: input.temporalStart ?? null,
      temporal_end: input.temporalEnd ?? null,
      spatial_name: clean(input.spatialName),
      spatial_bbox: bbox ? JSON.stringify(bbox) : null,
      contact_name: clean(input.contactName) ?? input.contactName,
      contact_email: clean(input.contactEmail),
    },
  };
}

async function assertNameFree(scope: TenantScope, name: string, exceptId?: string) {
  if (await datasetNameTaken(scope, name, exceptId)) throw invalid({ path: '/body/name', code: 'taken' });
}

/** A new draft of an agency the caller writes for. */
export async function createDataset(
  scope: TenantScope,
  input: DatasetInputType,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<DatasetType> {
  if (!(await listAgencies(scope)).some((a) => a.id === input.agencyId)) {
    throw invalid({ path: '/body/agencyId', code: 'unknown' });
  }
  if (!access.may(input.agencyId))
    throw new AppError('forbidden', { detailKey: 'open_data_not_your_agency' });
  await assertNameFree(scope, input.name);
  const { values, themeIds } = await metadataValues(scope, input);
  const row = await insertDataset(scope, {
    id: newId(),
    agency_id: input.agencyId,
    name: input.name,
    state: 'draft',
    created_by: scope.actor.userId,
    created_at: now,
    modified_at: now,
    ...values,
  });
  await setDatasetThemes(scope, row.id, themeIds);
  const view = await datasetView(scope, base, row);
  await recordAudit(scope, {
    action: 'open-data.dataset.create',
    entityType: 'open-data.dataset',
    entityId: row.id,
    after: view,
  });
  await emitEvent(scope, {
    type: 'open-data.dataset.created',
    entityType: 'open-data.dataset',
    entityId: row.id,
  });
  return view;
}

/**
 * Changes a dataset's metadata. Not while the walidata checks it (submitted: what they check must
 * stay what they approve); a published dataset stays published, its change dated — but its
 * classification, which decides who may read its rows and files, only the walidata changes.
 */
export async function changeDataset(
  scope: TenantScope,
  id: string,
  input: DatasetUpdateType,
  access: AgencyAccess,
  base: string,
  mayReview: boolean,
  now = new Date(),
): Promise<DatasetType> {
  const before = await datasetFor(scope, id, access, { lock: true });
  if (before.state === 'submitted')
    throw new AppError('invalid_transition', { detailKey: 'open_data_in_review' });
  if (before.state === 'published' && input.classification !== before.classification && !mayReview)
    throw invalid({ path: '/body/classification', code: 'open_data_classification_review' });
  // A feed's name is its address in every harvester: only its other metadata may change.
  if (before.feed && input.name !== before.name)
    throw invalid({ path: '/body/name', code: 'open_data_fed_name' });
  await assertNameFree(scope, input.name, id);
  const { values, themeIds } = await metadataValues(scope, input);
  const row = await updateDataset(scope, id, { ...values, name: input.name, modified_at: now });
  await setDatasetThemes(scope, id, themeIds);
  const view = await datasetView(scope, base, row);
  await recordAudit(scope, {
    action: 'open-data.dataset.update',
    entityType: 'open-data.dataset',
    entityId: id,
    after: view,
  });
  await emitEvent(scope, {
    type: 'open-data.dataset.changed',
    entityType: 'open-data.dataset',
    entityId: id,
  });
  return view;
}

/** The datasets the caller's grant reaches, newest change first. */
export async function datasetsOf(
  scope: TenantScope,
  query: DatasetQueryType,
  access: AgencyAccess,
  base: string,
): Promise<{ datasets: DatasetType[] }> {
  const rows = await listDatasets(scope, {
    agencies: access.agencies(),
    ...(query.state ? { state: query.state } : {}),
    limit: query.limit ?? 50,
    offset: query.offset ?? 0,
  });
  return { datasets: await datasetViews(scope, base, rows) };
}

export async function datasetOf(
  scope: TenantScope,
  id: string,
  access: AgencyAccess,
  base: string,
): Promise<DatasetType> {
  return datasetView(scope, base, await datasetFor(scope, id, access));
}
