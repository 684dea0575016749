/** Datasets, resources and versions as the staff API answers them. */
import { listAgencies, type TenantScope } from '../../../platform/sdk/index.ts';
import { type DatasetRow, themesOfDatasets } from '../repo/datasets.ts';
import { type ResourceRow, resourcesOfDatasets, type VersionRow, versionsOf } from '../repo/resources.ts';
import type { DatasetType, ResourceType, VersionType } from '../schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Where a version's file is downloaded, under the tenant's base (`/t/<slug>`). */
export function downloadPath(base: string, resourceId: string, version: number): string {
  return `${base}/api/v1/open-data/resources/${resourceId}/versions/${version}/file`;
}

export function versionView(base: string, v: VersionRow): VersionType {
  return {
    version: v.version,
    fileName: v.file_name,
    format: v.format,
    mediaType: v.media_type,
    byteSize: v.byte_size,
    checksum: v.checksum,
    rowCount: v.row_count,
    downloadUrl: downloadPath(base, v.resource_id, v.version),
    createdAt: v.created_at.toISOString(),
  };
}

export function resourceView(base: string, r: ResourceRow, current: VersionRow | undefined): ResourceType {
  return {
    id: r.id,
    datasetId: r.dataset_id,
    name: r.name,
    description: r.description,
    kind: r.kind,
    format: current?.format ?? r.format,
    mediaType: current?.media_type ?? r.media_type,
    url: r.kind === 'link' ? (r.url ?? '') : downloadPath(base, r.id, r.current_version ?? 1),
    currentVersion: r.current_version,
    datastoreActive: current?.row_count !== null && current?.row_count !== undefined,
    columns: current?.columns ?? [],
    createdAt: r.created_at.toISOString(),
    modifiedAt: r.modified_at.toISOString(),
  };
}

/** The datasets with their themes, agency names and resources, in the order given. */
export async function datasetViews(
  scope: TenantScope,
  base: string,
  rows: readonly DatasetRow[],
): Promise<DatasetType[]> {
  const ids = rows.map((r) => r.id);
  // One after another: the queries share the scope's one transaction.
  const themes = await themesOfDatasets(scope, ids);
  const resources = await resourcesOfDatasets(scope, ids);
  const agencies = await listAgencies(scope);
  const versions = await versionsOf(
    scope,
    resources.map((r) => r.id),
  );
  const currentOf = new Map(resources.map((r) => [r.id, r.current_version]));
  const current = new Map(
    versions.filter((v) => currentOf.get(v.resource_id) === v.version).map((v) => [v.resource_id, v]),
  );
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  return rows.map((d) => ({
    id: d.id,
    agencyId: d.agency_id,
    agencyName: d.agency_id ? (agencyName.get(d.agency_id) ?? null) : null,
    name: d.name,
    title: d.title,
    description: d.description,
    state: d.state,
    reviewNote: d.review_note,
    classification: d.classification,
    affairCode: d.affair_code,
    subAffairCode: d.sub_affair_code,
    indicator: d.indicator,
    unit: d.unit,
    definition: d.definition,
    releaseSchedule: d.release_schedule,
    dataStandard: d.data_standard,
    keywords: d.keywords,
    licenseId: d.license_id,
    frequency: d.frequency,
    temporalStart: d.temporal_start,
    temporalEnd: d.temporal_end,
    spatialName: d.spatial_name,
    spatialBbox: d.spatial_bbox,
    contactName: d.contact_name,
    contactEmail: d.contact_email,
    themes: themes.get(d.id) ?? [],
    feed: d.feed,
    createdAt: d.created_at.toISOString(),
    modifiedAt: d.modified_at.toISOString(),
    submittedAt: iso(d.submitted_at),
    reviewedAt: iso(d.reviewed_at),
    firstPublishedAt: iso(d.first_published_at),
    resources: resources
      .filter((r) => r.dataset_id === d.id)
      .map((r) => resourceView(base, r, current.get(r.id))),
  }));
}

export async function datasetView(scope: TenantScope, base: string, row: DatasetRow): Promise<DatasetType> {
  return (await datasetViews(scope, base, [row]))[0]!;
}
