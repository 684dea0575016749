/**
 * Lists of reports: the public list (filters, full-text search, map box), a staff work list of
 * their agencies' reports, a citizen's own reports, and the public reports a machine interface
 * (Open311) asks for. Newest first, in the public view.
 */

import {
  invalid,
  isUuid,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { localInstant } from '../../../platform/sdk/shared.ts';
import type { Status } from '../lifecycle.ts';
import { countReports, pageOfReports, publicReports, type ReportFilter } from '../repo/reports.ts';
import type { FiltersInput } from '../schemas.ts';
import { decorate, type Lang } from './views.ts';

/** A page of reports matching the filters: public rows only, newest first. */
export async function listReports(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  f: FiltersInput,
  lang: Lang,
  options: {
    staffAgencies?: readonly string[] | null;
    includePrivate?: boolean;
    reporterUserId?: string;
  } = {},
) {
  const now = new Date();
  const filter: ReportFilter = {
    includePrivate: options.includePrivate,
    staffAgencies: options.staffAgencies,
    reporterUserId: options.reporterUserId,
    category: f.category,
    statuses: f.status,
    type: f.type,
    agency: f.agency,
    kelurahan: f.kelurahan,
    from: f.from ? localInstant(f.from, '00:00', tenant.timeZone) : undefined,
    before: f.to ? new Date(localInstant(f.to, '00:00', tenant.timeZone).getTime() + 86_400_000) : undefined,
    text: f.q,
    bbox: f.bbox ? boxOf(f.bbox) : undefined,
    overdueAt: f.overdue ? now : undefined,
  };
  const rows = await pageOfReports(scope, filter, f);
  // A page past the end has no row to carry the total.
  const matching = rows[0]
    ? Number(rows[0].total_matching)
    : f.offset > 0
      ? await countReports(scope, filter)
      : 0;
  const items = await decorate(platform, scope, tenant, rows, lang, now);
  return { total: matching, items };
}

/** A map box `minLng,minLat,maxLng,maxLat`, checked. */
function boxOf(bbox: string): [number, number, number, number] {
  const [minLng, minLat, maxLng, maxLat] = bbox.split(',').map(Number) as [number, number, number, number];
  if (
    [minLng, minLat, maxLng, maxLat].some((n) => !Number.isFinite(n)) ||
    minLng > maxLng ||
    minLat > maxLat
  ) {
    throw invalid({ path: '/querystring/bbox', code: 'pattern' });
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** What a machine interface (Open311) asks of the public reports; every list is optional. */
export type PublicQuery = {
  ids?: readonly string[];
  trackingNos?: readonly string[];
  /** Filing time window, both ends inclusive. */
  from?: Date;
  to?: Date;
  categories?: readonly string[];
  statuses?: readonly Status[];
  limit: number;
  offset: number;
};

/**
 * Public reports by id or tracking number, or by filing window, categories and statuses, newest
 * first, in the public view with the closing instant. Never the reporter's identity.
 */
export async function queryPublicReports(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  query: PublicQuery,
  lang: Lang,
) {
  let ids: string[] | undefined;
  if (query.ids) {
    ids = query.ids.filter(isUuid);
    if (ids.length === 0) return [];
  }
  if (query.trackingNos && query.trackingNos.length === 0) return [];
  const rows = await publicReports(scope, {
    ...query,
    ids,
    trackingNos: query.trackingNos?.map((n) => n.toUpperCase()),
  });
  const views = await decorate(platform, scope, tenant, rows, lang, new Date());
  return views.map((view, i) => ({ ...view, closedAt: rows[i]!.closed_at?.toISOString() ?? null }));
}
