/** Who may act on a dataset: its agency's producers, and whoever holds the permission tenant-wide. */
import { type AgencyAccess, AppError, notFound, type TenantScope } from '../../../platform/sdk/index.ts';
import { type DatasetRow, findDataset, lockDataset } from '../repo/datasets.ts';

/** Whether the access reaches the dataset's agency (the region's own datasets: tenant-wide only). */
export function reaches(access: AgencyAccess, agencyId: string | null): boolean {
  return agencyId === null ? access.everywhere : access.may(agencyId);
}

/**
 * The dataset, when the caller may act on it. Another agency's dataset answers as missing, so that
 * a producer learns nothing of what other agencies are still drafting.
 */
export async function datasetFor(
  scope: TenantScope,
  id: string,
  access: AgencyAccess,
  options: { lock?: boolean } = {},
): Promise<DatasetRow> {
  const row = options.lock ? await lockDataset(scope, id) : await findDataset(scope, id);
  if (!row || !reaches(access, row.agency_id)) throw notFound('open-data.dataset');
  return row;
}

/** A feed's dataset is written by its feed only: producers and reviewers change its metadata, not its data. */
export function assertNotFed(row: DatasetRow): void {
  if (row.feed)
    throw new AppError('conflict', { detailKey: 'open_data_fed_dataset', params: { feed: row.feed } });
}
