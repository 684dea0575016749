/**
 * Referral ("no wrong door", ADR 0011): a report about a place in a neighbouring tenant is filed
 * there as a copy, in the same transaction, and the original keeps a link to it.
 */
import {
  emitEvent,
  inOtherTenant,
  invalid,
  invalidate,
  newId,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { daysFor } from '../deadlines.ts';
import { addEvent, filedPhotos, insertPhotos } from '../repo/history.ts';
import { accountEmail } from '../repo/people.ts';
import { insertReport, type ReportRow } from '../repo/reports.ts';
import type { TransitionInput } from '../schemas.ts';
import { REPORTS_TAG } from './cache-tags.ts';
import { categoryRules, loadCalendar, loadConfig } from './config.ts';
import { trackingNumber } from './intake.ts';

/**
 * "No wrong door": files a copy of the report in the neighbouring tenant, in the same transaction,
 * bound to that tenant for its writes; the original keeps a link to it and the reporter follows it.
 */
export async function referTo(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  report: ReportRow,
  input: TransitionInput,
  now: Date,
) {
  if (!input.targetTenant) throw invalid({ path: '/body/targetTenant', code: 'required' });
  const target = platform.directory.bySlug(input.targetTenant);
  if (!target || target.id === tenant.id || !platform.directory.isLive(target.id, 'reports')) {
    throw invalid({ path: '/body/targetTenant', code: 'unknown_tenant' });
  }
  // Read in the referring tenant first: bound to the neighbour, its rows are out of sight.
  const photos = await filedPhotos(scope, report.id);
  const reporterEmail = report.reporter_email ?? (await accountEmail(scope, report.reporter_user_id));
  return inOtherTenant(scope, target.id, (there) =>
    fileCopy(platform, there, { tenant, target, report, input, now, photos, reporterEmail }),
  );
}

/** Files the copy in the neighbour (`there` is bound to it): the report, its history, photos, audit. */
async function fileCopy(
  platform: Platform,
  there: TenantScope,
  from: {
    tenant: VerifiedTenant;
    target: VerifiedTenant;
    report: ReportRow;
    input: TransitionInput;
    now: Date;
    photos: Awaited<ReturnType<typeof filedPhotos>>;
    reporterEmail: string | null;
  },
) {
  const { tenant, target, report, input, now, photos } = from;
  const targetConfig = await loadConfig(platform, there);
  const category = targetConfig.categories.has(report.category_code)
    ? report.category_code
    : ([...targetConfig.categories.values()].find((c) => c.active && c.code === 'other')?.code ??
      [...targetConfig.categories.values()].find((c) => c.active)?.code);
  if (!category) throw invalid({ path: '/body/targetTenant', code: 'no_categories' });
  const calendar = await loadCalendar(platform, there, target);
  const targetCategory = targetConfig.categories.get(category)!;
  const id = newId();
  const trackingNo = trackingNumber(now, target.timeZone);
  const due = calendar.dueInstant(
    now,
    daysFor(
      'triage',
      targetConfig.settings.deadlines,
      categoryRules(targetCategory),
      report.type,
      'standard',
    ),
  );
  // `there` is bound to the target tenant: the copy is its row.
  await insertReport(there, {
    id,
    tracking_no: trackingNo,
    type: report.type,
    category_code: category,
    description: report.description,
    status: 'received',
    channel: 'referral',
    lat: report.lat,
    lng: report.lng,
    address: report.address,
    kelurahan: report.kelurahan,
    // The account lives in the referring tenant; the contact travels so the new owner can answer.
    reporter_user_id: null,
    reporter_name: report.reporter_name,
    reporter_email: from.reporterEmail,
    reporter_phone: report.reporter_phone,
    reporter_secret_hash: report.reporter_secret_hash,
    // What the reporter asked travels with the report: never public, identity hidden from staff.
    confidential: report.confidential,
    anonymous: report.anonymous,
    referred_from_tenant_id: tenant.id,
    referred_from_tracking_no: report.tracking_no,
    track: targetCategory.defaultTrack,
    due_at: due,
    created_at: now,
    updated_at: now,
  });
  const eventId = await addEvent(there, id, {
    kind: 'filed',
    from: null,
    to: 'received',
    role: 'system',
    userId: null,
    data: { channel: 'referral', referredFrom: tenant.slug, trackingNo: report.tracking_no },
    note: input.note?.trim() || null,
    at: now,
  });
  // Photo files are shared by key: both tenants' rows point at the same normalised bytes.
  await insertPhotos(
    there,
    id,
    eventId,
    'report',
    photos.map((p) => ({
      key: p.file_key,
      mime: p.mime,
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      sha256: '',
    })),
  );
  await recordAudit(there, {
    action: 'report.file',
    entityType: 'report',
    entityId: id,
    after: { trackingNo, referredFrom: tenant.slug, referredTrackingNo: report.tracking_no },
  });
  await emitEvent(there, {
    type: 'report.filed',
    entityType: 'report',
    entityId: id,
    data: { status: 'received', category },
  });
  await invalidate(there, REPORTS_TAG);
  return { tenant: target, id, trackingNo };
}
