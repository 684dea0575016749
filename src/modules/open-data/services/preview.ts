/**
 * Who reads a dataset's data outside the producer's screens, and the preview of its rows: anyone
 * for a published open dataset; its agency's producers and the walidata for the rest.
 */
import { type AgencyAccess, notFound, type TenantScope } from '../../../platform/sdk/index.ts';
import { findDataset } from '../repo/datasets.ts';
import { findResource, findVersion } from '../repo/resources.ts';
import type { RowsQueryType, RowsType } from '../schemas.ts';
import { reaches } from './access.ts';
import { parseFilterParams, parseSortParam, readRows } from './rows.ts';

export type Readers = { write: AgencyAccess; review: AgencyAccess };

/** Whether the caller may read this dataset's files and rows. */
export function mayRead(
  readers: Readers,
  dataset: { agency_id: string | null; state: string; classification: string },
) {
  if (dataset.state === 'published' && dataset.classification === 'open') return true;
  return readers.review.everywhere || reaches(readers.write, dataset.agency_id);
}

export async function previewRows(
  scope: TenantScope,
  resourceId: string,
  query: RowsQueryType,
  readers: Readers,
): Promise<RowsType> {
  const resource = await findResource(scope, resourceId);
  const dataset = resource ? await findDataset(scope, resource.dataset_id) : null;
  if (!resource || !dataset || !mayRead(readers, dataset)) throw notFound('open-data.resource');
  const number = query.version ?? resource.current_version;
  const version = number ? await findVersion(scope, resourceId, number) : null;
  if (!version) throw notFound('open-data.version');
  if (!version.columns) throw notFound('open-data.datastore');
  const page = await readRows(
    scope,
    version.id,
    version.columns,
    {
      ...(query.q ? { text: query.q } : {}),
      filters: parseFilterParams(query.filter),
      sort: parseSortParam(query.sort),
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    },
    { filters: '/query/filter', fields: '/query/fields', sort: '/query/sort' },
  );
  return { resourceId, version: version.version, ...page };
}
