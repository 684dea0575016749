/**
 * A stand-in app for the OGC suites that offers map layers through the kernel (`mapLayers`), as
 * the reports and market prices apps do: a public layer of points with an instant each, and a
 * staff layer behind its own permission. Its features live in memory and are filtered as an app
 * would filter them with its own indexes.
 */
import type { AppManifest, LayerFeature, MapLayer } from '../../../platform/sdk/index.ts';

export const SECRET_PERMISSION = 'uji-lapisan.internal.read';

/** 30 reports along a line across the city, one a day from 1 November 2026. */
export const REPORTS: LayerFeature[] = Array.from({ length: 30 }, (_, i) => ({
  id: `r${i + 1}`,
  geometry: { type: 'Point', coordinates: [106.6 + i * 0.004, -6.25 + i * 0.003] },
  properties: {
    status: i % 3 ? 'selesai' : 'baru',
    at: new Date(Date.UTC(2026, 10, 1 + i, 3)).toISOString(),
  },
}));

function layer(id: string, access: MapLayer['access'], features: LayerFeature[]): MapLayer {
  const inBox = (f: LayerFeature, b: readonly number[]) => {
    const [x, y] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
    return x >= b[0]! && y >= b[1]! && x <= b[2]! && y <= b[3]!;
  };
  return {
    id,
    title: { id: `Lapisan ${id}`, en: `Layer ${id}` },
    description: { id: 'Lapisan uji', en: 'A test layer' },
    geometryType: 'Point',
    access,
    properties: [
      { name: 'status', type: 'string', label: { id: 'Status', en: 'Status' } },
      { name: 'at', type: 'date-time', label: { id: 'Waktu', en: 'Time' } },
    ],
    timeProperty: 'at',
    style: {
      color: '#c62828',
      by: {
        property: 'status',
        values: [
          { value: 'baru', color: '#c62828', label: { id: 'Baru', en: 'New' } },
          { value: 'selesai', color: '#2e7d32', label: { id: 'Selesai', en: 'Done' } },
        ],
      },
    },
    extent: async () => ({
      bbox: [106.6, -6.25, 106.6 + 29 * 0.004, -6.25 + 29 * 0.003],
      interval: [features[0]!.properties.at as string, features.at(-1)!.properties.at as string],
    }),
    features: async (_scope, _platform, q) => {
      const matched = features.filter((f) => {
        const at = new Date(f.properties.at as string);
        return (!q.bbox || inBox(f, q.bbox)) && (!q.start || at >= q.start) && (!q.end || at <= q.end);
      });
      return { features: matched.slice(q.offset, q.offset + q.limit), numberMatched: matched.length };
    },
    feature: async (_scope, _platform, fid) => features.find((f) => f.id === fid) ?? null,
  };
}

export const layersApp: AppManifest = {
  code: 'uji-lapisan',
  name: 'Uji lapisan',
  category: 'e-government',
  channels: ['web'],
  version: '0.0.1',
  description: { id: 'Aplikasi uji', en: 'A test app' },
  // Agency administrators hold it for their agency only: not enough for a layer of the whole tenant.
  permissions: [{ name: SECRET_PERMISSION, roles: ['platform_admin', 'tenant_admin', 'agency_admin'] }],
  mapLayers: [
    layer('laporan', 'public', REPORTS),
    layer('internal', { permission: SECRET_PERMISSION }, REPORTS.slice(0, 3)),
  ],
};
