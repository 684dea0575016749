/**
 * What officers and reporters add to a report beside its moves: the officer's progress with proof
 * photos, the reporter's information, the reporter's rating. Where the state machine calls for a
 * move (a disposed report being worked on, information that was asked for), it is made first.
 */
import {
  AppError,
  emitEvent,
  invalidate,
  notFound,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { FINAL_STATUSES } from '../lifecycle.ts';
import type { StoredPhoto } from '../photos.ts';
import { addEvent, insertPhotos } from '../repo/history.ts';
import { updateReport } from '../repo/reports.ts';
import { findReport, isReporter, type Who } from './access.ts';
import { REPORTS_TAG } from './cache-tags.ts';
import { transition } from './transitions.ts';

/** The officer's progress note with proof photos; a disposed report starts being worked on. */
export async function addProgress(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  input: { note: string; kinds: readonly ('before' | 'after' | 'progress')[] },
  photos: readonly StoredPhoto[],
  who: Who,
): Promise<void> {
  const report = await findReport(scope, idOrTracking, true);
  if (who.role !== 'agency' || !report.agency_id || !who.mayActFor(report.agency_id)) {
    throw new AppError('forbidden');
  }
  if (report.status !== 'disposed' && report.status !== 'in_progress') {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action: 'progress', status: report.status },
    });
  }
  if (report.status === 'disposed') {
    await transition(platform, scope, tenant, report.id, 'start', {}, who);
  }
  const now = new Date();
  const eventId = await addEvent(scope, report.id, {
    kind: 'progress',
    from: null,
    to: null,
    role: 'agency',
    userId: who.userId,
    agencyId: report.agency_id,
    note: input.note,
    at: now,
  });
  await insertPhotos(scope, report.id, eventId, 'progress', photos, input.kinds);
  await updateReport(scope, report.id, { updated_at: now });
  await recordAudit(scope, {
    action: 'report.progress',
    entityType: 'report',
    entityId: report.id,
    after: { note: input.note, photos: photos.length },
  });
  await emitEvent(scope, { type: 'report.progress', entityType: 'report', entityId: report.id });
  await invalidate(scope, REPORTS_TAG);
}

/** The reporter adds information (and photos) at any time before the report is finished. */
export async function addInformation(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  idOrTracking: string,
  note: string,
  photos: readonly StoredPhoto[],
  who: Who,
): Promise<void> {
  const report = await findReport(scope, idOrTracking, true);
  if (!isReporter(report, who)) throw notFound('report');
  if (report.status === 'awaiting_info') {
    await transition(
      platform,
      scope,
      tenant,
      report.id,
      'add_info',
      { note, secret: (who as { secret?: string }).secret },
      who,
    );
    if (photos.length === 0) return;
  }
  if (FINAL_STATUSES.includes(report.status)) {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action: 'add_info', status: report.status },
    });
  }
  const eventId = await addEvent(scope, report.id, {
    kind: 'info',
    from: null,
    to: null,
    role: 'reporter',
    userId: who.role === 'reporter' ? who.userId : null,
    note: report.status === 'awaiting_info' ? null : note,
    public: false,
    at: new Date(),
  });
  await insertPhotos(scope, report.id, eventId, 'report', photos);
  await recordAudit(scope, {
    action: 'report.info',
    entityType: 'report',
    entityId: report.id,
    after: { note },
  });
  await emitEvent(scope, { type: 'report.info', entityType: 'report', entityId: report.id });
  await invalidate(scope, REPORTS_TAG);
}

/** The reporter rates the resolution (1–5) once the follow-up is done. */
export async function rateReport(
  scope: TenantScope,
  idOrTracking: string,
  rating: number,
  comment: string | undefined,
  who: Who,
): Promise<void> {
  const report = await findReport(scope, idOrTracking, true);
  if (!isReporter(report, who)) throw notFound('report');
  if (report.status !== 'done' && report.status !== 'closed') {
    throw new AppError('invalid_transition', {
      detailKey: 'report_action',
      params: { action: 'rate', status: report.status },
    });
  }
  await updateReport(scope, report.id, { rating, rating_comment: comment ?? null, updated_at: new Date() });
  await addEvent(scope, report.id, {
    kind: 'rating',
    from: null,
    to: null,
    role: 'reporter',
    userId: who.role === 'reporter' ? who.userId : null,
    data: { rating },
    at: new Date(),
  });
  await recordAudit(scope, {
    action: 'report.rate',
    entityType: 'report',
    entityId: report.id,
    after: { rating, comment },
  });
  await invalidate(scope, REPORTS_TAG);
}
