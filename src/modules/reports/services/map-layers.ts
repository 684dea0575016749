/**
 * The reports app's map layers (`AppManifest.mapLayers`), served by a map app through the kernel:
 * - `reports`, public: the reports the public may see, by exactly the rule of the list, the map and
 *   Open311 (`publiclyVisible`, the SQL of publicity.ts) — never a confidential report, one set aside
 *   as not a report, or one not yet verified in a tenant that publishes only verified reports;
 * - `reports-all`, for staff who read every report of the tenant (`PERM.read`): every report with a place.
 * A point carries what the public page shows of it, never its reporter or its text.
 */
import {
  isUuid,
  type LayerExtent,
  type LayerFeature,
  type LayerProperty,
  type LayerStyle,
  type MapLayer,
  type Platform,
  portalLink,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import type { Status } from '../lifecycle.ts';
import { messages } from '../messages.ts';
import { PERM } from '../permissions.ts';
import {
  countPoints,
  type PointQuery,
  type PointRow,
  pageOfPoints,
  pointById,
  pointsExtent,
} from '../repo/map-points.ts';
import { REPORTS_TAG } from './cache-tags.ts';

const PROPERTIES: readonly LayerProperty[] = [
  { name: 'trackingNo', type: 'string', label: { id: 'Nomor pelacakan', en: 'Tracking number' } },
  { name: 'categoryCode', type: 'string', label: { id: 'Kode kategori', en: 'Category code' } },
  { name: 'category', type: 'string', label: { id: 'Kategori', en: 'Category' } },
  { name: 'status', type: 'string', label: { id: 'Status', en: 'Status' } },
  { name: 'filedAt', type: 'date-time', label: { id: 'Waktu pelaporan', en: 'Filed at' } },
  { name: 'url', type: 'string', label: { id: 'Halaman laporan', en: 'Report page' } },
];

/** A colour per status, in the order of a report's life; the legend's words are the app's own. */
const STATUS_COLORS: Readonly<Record<Status, string>> = {
  received: '#1e88e5',
  awaiting_info: '#8e24aa',
  verified: '#3949ab',
  disposed: '#fb8c00',
  in_progress: '#f4511e',
  done: '#43a047',
  closed: '#2e7d32',
  rejected: '#757575',
  referred: '#6d4c41',
  duplicate: '#9e9e9e',
  reopened: '#e53935',
};

export const STATUS_STYLE: LayerStyle = {
  color: '#1e88e5',
  by: {
    property: 'status',
    values: (Object.keys(STATUS_COLORS) as Status[]).map((s) => ({
      value: s,
      color: STATUS_COLORS[s],
      label: { id: messages.id.status[s], en: messages.en.status[s] },
    })),
  },
};

/** The report's public page, absolute: on the tenant's own domain in production. */
function pageOf(platform: Platform, tenantId: string, trackingNo: string): string {
  const path = `/laporan/${trackingNo}`;
  const tenant = platform.directory.all().find((t) => t.id === tenantId);
  return tenant ? portalLink(platform.config, tenant, path) : path;
}

function featureOf(platform: Platform, tenantId: string, r: PointRow): LayerFeature {
  return {
    id: r.id,
    geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
    properties: {
      trackingNo: r.tracking_no,
      categoryCode: r.category_code,
      category: r.category,
      status: r.status,
      filedAt: new Date(r.created_at).toISOString(),
      url: pageOf(platform, tenantId, r.tracking_no),
    },
  };
}

async function extentOf(scope: TenantScope, rule: PointQuery): Promise<LayerExtent> {
  const e = await pointsExtent(scope, rule);
  if (e.min_lng === null || e.min_lat === null || e.max_lng === null || e.max_lat === null) {
    return { bbox: null, interval: null };
  }
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return {
    bbox: [Number(e.min_lng), Number(e.min_lat), Number(e.max_lng), Number(e.max_lat)],
    interval: [iso(e.first), iso(e.last)],
  };
}

function pointsLayer(
  id: string,
  words: Pick<MapLayer, 'title' | 'description'>,
  access: MapLayer['access'],
  publicOnly: boolean,
): MapLayer {
  return {
    id,
    ...words,
    geometryType: 'Point',
    access,
    properties: PROPERTIES,
    timeProperty: 'filedAt',
    style: STATUS_STYLE,
    extent: (scope) => extentOf(scope, { publicOnly }),
    async features(scope, platform, query) {
      const q: PointQuery = { publicOnly, bbox: query.bbox, start: query.start, end: query.end };
      const rows = await pageOfPoints(scope, q, { limit: query.limit, offset: query.offset });
      const numberMatched =
        // The count only when the page does not tell it already: a short page that is the first
        // or holds something is the last one.
        rows.length < query.limit && (query.offset === 0 || rows.length > 0)
          ? query.offset + rows.length
          : // A box of a neighbourhood counts in under a millisecond, the whole city's 100,000
            // reports in ~30 ms (docs/apps/reports/feeds-and-layers.md): kept until a report changes
            // (every writer invalidates REPORTS_TAG), as a map asks the same boxes again.
            await platform.cache.getIn(scope, REPORTS_TAG, `layer-count:${JSON.stringify(q)}`, () =>
              countPoints(scope, q),
            );
      return { features: rows.map((r) => featureOf(platform, scope.tenantId, r)), numberMatched };
    },
    async feature(scope, platform, featureId) {
      // Ids are UUIDs: anything else names no report (and would not parse as one in SQL).
      if (!isUuid(featureId)) return null;
      const row = await pointById(scope, { publicOnly }, featureId);
      return row ? featureOf(platform, scope.tenantId, row) : null;
    },
  };
}

export const reportMapLayers: readonly MapLayer[] = [
  pointsLayer(
    'reports',
    {
      title: { id: 'Laporan warga', en: 'Citizen reports' },
      description: {
        id: 'Laporan warga yang terbuka untuk umum, di tempat yang ditandai pelapor, berwarna menurut statusnya. Laporan rahasia dan yang belum boleh tampil tidak termasuk.',
        en: 'Citizen reports open to the public, where their reporters placed them, coloured by status. Confidential reports and those not yet shown to the public are left out.',
      },
    },
    'public',
    true,
  ),
  pointsLayer(
    'reports-all',
    {
      title: { id: 'Semua laporan (petugas)', en: 'All reports (staff)' },
      description: {
        id: 'Setiap laporan yang bertempat, termasuk yang rahasia dan yang belum diverifikasi: hanya untuk petugas yang boleh membaca semua laporan.',
        en: 'Every report with a place, confidential and unverified ones included: only for staff who may read every report.',
      },
    },
    { permission: PERM.read },
    false,
  ),
];
