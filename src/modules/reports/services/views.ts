/**
 * A report as the public sees it: its category's name in the reader's language, its agency, its
 * deadline and whether it passed, its photos' URLs, where it was referred. Never the reporter.
 */
import type { Platform, TenantScope, VerifiedTenant } from '../../../platform/sdk/index.ts';
import { type Status, stageOf } from '../lifecycle.ts';
import { isPublic } from '../publicity.ts';
import type { ReportRow, ViewRow } from '../repo/reports.ts';
import { agencyNames } from './agencies.ts';
import { loadConfig, type ReportsConfig } from './config.ts';

export type Lang = 'id' | 'en';

/** Whether the report's running stage is past its deadline (the reporter's own stage never is). */
export function isOverdue(r: { due_at: Date | null; status: string }, now: Date): boolean {
  return (
    r.due_at !== null && r.due_at.getTime() < now.getTime() && stageOf(r.status as Status) !== 'reporter'
  );
}

/** The address of a report's photo under the tenant's API. */
export function photoUrl(tenant: VerifiedTenant, reportId: string, photoId: string) {
  return `/t/${tenant.slug}/api/v1/reports/${reportId}/photos/${photoId}`;
}

function publicView(
  platform: Platform,
  tenant: VerifiedTenant,
  r: ReportRow,
  lang: Lang,
  config: ReportsConfig,
  agencies: Map<string, string>,
  photos: Array<{ id: string; kind: string }>,
  duplicateTracking: string | null,
  now: Date,
) {
  const referred = r.referred_to_tenant_id
    ? platform.directory.all().find((t) => t.id === r.referred_to_tenant_id)
    : undefined;
  const category = config.categories.get(r.category_code);
  return {
    id: r.id,
    trackingNo: r.tracking_no,
    type: r.type,
    category: { code: r.category_code, name: category?.name[lang] ?? r.category_code },
    description: r.description,
    status: r.status,
    lat: r.lat,
    lng: r.lng,
    address: r.address,
    kelurahan: r.kelurahan,
    agency: r.agency_id ? { id: r.agency_id, name: agencies.get(r.agency_id) ?? '' } : null,
    dueAt: r.due_at?.toISOString() ?? null,
    overdue: isOverdue(r, now),
    duplicateOf: duplicateTracking,
    referredTo:
      referred && r.referred_tracking_no
        ? { tenant: referred.slug, name: referred.name, trackingNo: r.referred_tracking_no }
        : null,
    rejectReason: r.reject_reason,
    rating: r.rating,
    confidential: r.confidential,
    public: isPublic(r, config.settings),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    photos: photos.map((p) => ({ id: p.id, kind: p.kind, url: photoUrl(tenant, r.id, p.id) })),
  };
}

/** The public views of rows read with what they show (`ViewRow`), in the reader's language. */
export async function decorate(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  rows: readonly ViewRow[],
  lang: Lang,
  now: Date,
) {
  if (rows.length === 0) return [];
  const config = await loadConfig(platform, scope);
  const agencies = await agencyNames(platform, scope);
  return rows.map((r) =>
    publicView(platform, tenant, r, lang, config, agencies, r.photo_list, r.duplicate_tracking_no, now),
  );
}
