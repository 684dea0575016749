/** Possible duplicates of a report, for triage: same category, near, filed about the same time. */
import type { Platform, TenantScope } from '../../../platform/sdk/index.ts';
import { duplicateCandidates, type Nearby } from '../repo/reports.ts';
import { findReport } from './access.ts';
import { loadConfig } from './config.ts';

/** Possible duplicates: same category, within the tenant's radius and time window. */
export async function similarReports(platform: Platform, scope: TenantScope, idOrTracking: string) {
  const report = await findReport(scope, idOrTracking);
  const { settings } = await loadConfig(platform, scope);
  const windowMs = settings.duplicateWindowDays * 86_400_000;
  let near: Nearby;
  if (report.lat !== null && report.lng !== null) {
    // A box first (indexable, cheap), then the true distance.
    const dLat = settings.duplicateRadiusM / 111_320;
    const dLng = dLat / Math.max(Math.cos((report.lat * Math.PI) / 180), 0.01);
    near = {
      box: {
        minLat: report.lat - dLat,
        maxLat: report.lat + dLat,
        minLng: report.lng - dLng,
        maxLng: report.lng + dLng,
      },
    };
  } else if (report.kelurahan) {
    near = { kelurahan: report.kelurahan };
  } else {
    return [];
  }
  const rows = await duplicateCandidates(scope, {
    category: report.category_code,
    excludeId: report.id,
    from: new Date(report.created_at.getTime() - windowMs),
    to: new Date(report.created_at.getTime() + windowMs),
    near,
  });
  return rows
    .map((r) => ({
      id: r.id,
      trackingNo: r.tracking_no,
      status: r.status,
      description: r.description,
      distanceM:
        report.lat !== null && r.lat !== null
          ? Math.round(distanceM(report.lat, report.lng!, r.lat, r.lng!))
          : null,
      createdAt: new Date(r.created_at).toISOString(),
    }))
    .filter((r) => r.distanceM === null || r.distanceM <= settings.duplicateRadiusM)
    .sort((a, b) => (a.distanceM ?? 0) - (b.distanceM ?? 0));
}

/** Great-circle distance in metres (haversine). */
export function distanceM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
