/**
 * A dataset's way to publication, and back:
 *
 *   draft ──submit──▶ submitted ──publish──▶ published ──unpublish──▶ unpublished
 *     ▲                 │                                                 │
 *     └── (edit) ◀─ returned (with the walidata's note)  ◀────────────────┘ submit again
 *
 * Producers submit (their agency's datasets, with at least one resource); the walidata (the
 * review permission, tenant-wide) publishes, returns with a note, or unpublishes. Every step is
 * audited and announced; a step from the wrong state is a 409 and changes nothing.
 */
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { type DatasetRow, updateDataset } from '../repo/datasets.ts';
import { resourcesOfDatasets } from '../repo/resources.ts';
import type { DatasetType } from '../schemas.ts';
import type { DatasetState } from '../tables.ts';
import { datasetFor } from './access.ts';
import { datasetView } from './views.ts';

const FROM: Record<'submit' | 'publish' | 'return' | 'unpublish', readonly DatasetState[]> = {
  submit: ['draft', 'returned', 'unpublished'],
  publish: ['submitted'],
  return: ['submitted'],
  unpublish: ['published'],
};

function assertFrom(step: keyof typeof FROM, row: DatasetRow) {
  if (!FROM[step].includes(row.state)) {
    throw new AppError('invalid_transition', {
      detailKey: 'open_data_wrong_state',
      params: { state: row.state, allowed: FROM[step].join(', ') },
    });
  }
}

async function finish(scope: TenantScope, base: string, step: string, before: DatasetRow, after: DatasetRow) {
  const view = await datasetView(scope, base, after);
  await recordAudit(scope, {
    action: `open-data.dataset.${step}`,
    entityType: 'open-data.dataset',
    entityId: after.id,
    before: { state: before.state },
    after: { state: after.state, note: after.review_note },
  });
  await emitEvent(scope, {
    type: `open-data.dataset.${after.state}`,
    entityType: 'open-data.dataset',
    entityId: after.id,
  });
  return view;
}

/** A producer sends the dataset to the walidata. */
export async function submitDataset(
  scope: TenantScope,
  id: string,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<DatasetType> {
  const before = await datasetFor(scope, id, access, { lock: true });
  assertFrom('submit', before);
  if ((await resourcesOfDatasets(scope, [id])).length === 0) {
    throw new AppError('invalid_transition', { detailKey: 'open_data_no_resources' });
  }
  const after = await updateDataset(scope, id, { state: 'submitted', submitted_at: now });
  return finish(scope, base, 'submit', before, after);
}

/** The walidata publishes a submitted dataset: first publication dates it (DCAT's `issued`). */
export async function publishDataset(
  scope: TenantScope,
  id: string,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<DatasetType> {
  const before = await datasetFor(scope, id, access, { lock: true });
  assertFrom('publish', before);
  const after = await updateDataset(scope, id, {
    state: 'published',
    review_note: null,
    reviewed_by: scope.actor.userId,
    reviewed_at: now,
    first_published_at: before.first_published_at ?? now,
    modified_at: now,
  });
  return finish(scope, base, 'publish', before, after);
}

/** The walidata sends a submitted dataset back to its producer, saying what to fix. */
export async function returnDataset(
  scope: TenantScope,
  id: string,
  note: string,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<DatasetType> {
  const before = await datasetFor(scope, id, access, { lock: true });
  assertFrom('return', before);
  const after = await updateDataset(scope, id, {
    state: 'returned',
    review_note: note.trim(),
    reviewed_by: scope.actor.userId,
    reviewed_at: now,
  });
  return finish(scope, base, 'return', before, after);
}

/** The walidata takes a published dataset off the catalogue (a harvester sees it gone). */
export async function unpublishDataset(
  scope: TenantScope,
  id: string,
  note: string | undefined,
  access: AgencyAccess,
  base: string,
  now = new Date(),
): Promise<DatasetType> {
  const before = await datasetFor(scope, id, access, { lock: true });
  assertFrom('unpublish', before);
  const after = await updateDataset(scope, id, {
    state: 'unpublished',
    review_note: note?.trim() || null,
    reviewed_by: scope.actor.userId,
    reviewed_at: now,
    modified_at: now,
  });
  return finish(scope, base, 'unpublish', before, after);
}
