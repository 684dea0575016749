/**
 * Map layers an app offers from its own data (`AppManifest.mapLayers`): reports as points with
 * their status, markets. A map app serves them (OGC API Features, the portal's map) through the
 * kernel without importing the app. The app answers queries by box, time and page itself, so that
 * it can use its own indexes: a layer of 100,000 reports is never read whole.
 */
import type { Geometry } from 'geojson';
import type { TenantScope } from '../db/tenant-scope.ts';
import type { Platform } from '../platform.ts';
import type { BBox } from '../tenancy/area.ts';
import type { Words } from './data-feeds.ts';

/** A property's type, as OGC API Features' schemas name them (`date-time`: an ISO 8601 instant). */
export const LAYER_PROPERTY_TYPES = ['string', 'integer', 'number', 'boolean', 'date-time'] as const;
export type LayerPropertyType = (typeof LAYER_PROPERTY_TYPES)[number];

export type LayerProperty = Readonly<{ name: string; type: LayerPropertyType; label: Words }>;

/** One feature of a layer, in CRS84 (longitude, latitude). */
export type LayerFeature = Readonly<{
  id: string;
  geometry: Geometry;
  properties: Readonly<Record<string, string | number | boolean | null>>;
}>;

/**
 * What a map asks of a layer: a box (edges inclusive; its west may lie east of its east, a box
 * across the antimeridian), a time span (inclusive), and a page.
 */
export type LayerQuery = Readonly<{
  bbox?: BBox;
  /** Features whose time (`timeProperty`) is at or after `start` and at or before `end`. */
  start?: Date;
  end?: Date;
  limit: number;
  offset: number;
}>;

export type LayerPage = Readonly<{ features: readonly LayerFeature[]; numberMatched: number }>;

/** The smallest box and time span holding a layer's features (null: none yet). */
export type LayerExtent = Readonly<{
  bbox: BBox | null;
  interval: readonly [string | null, string | null] | null;
}>;

/** How a layer is drawn: one colour, or a colour per value of one property, with its legend. */
export type LayerStyle = Readonly<{
  color: string;
  by?: Readonly<{
    property: string;
    values: readonly Readonly<{ value: string; color: string; label: Words }>[];
  }>;
}>;

export type MapLayer = Readonly<{
  /** Stable within the app (`reports`); maps name it `<app>.<id>`. */
  id: string;
  title: Words;
  description: Words;
  geometryType: 'Point' | 'LineString' | 'Polygon' | 'MultiPoint' | 'MultiLineString' | 'MultiPolygon';
  /**
   * Everyone may read a public layer; a staff layer needs this permission held tenant-wide (a
   * grant for one agency does not open a layer of the whole tenant's data).
   */
  access: 'public' | Readonly<{ permission: string }>;
  properties: readonly LayerProperty[];
  /** The property holding each feature's instant, when the layer can be filtered by time. */
  timeProperty?: string;
  style: LayerStyle;
  extent: (scope: TenantScope, platform: Platform) => Promise<LayerExtent>;
  /** A page of features, ordered stably (the same query gives the same order). */
  features: (scope: TenantScope, platform: Platform, query: LayerQuery) => Promise<LayerPage>;
  /** One feature by id, or null when there is none the layer shows. */
  feature: (scope: TenantScope, platform: Platform, id: string) => Promise<LayerFeature | null>;
}>;

export type OfferedMapLayer = Readonly<{ id: string; app: string; layer: MapLayer }>;

/** The layers of the apps live for a tenant, each with its full id (`<app>.<id>`). */
export function offeredMapLayers(platform: Platform, tenantId: string): OfferedMapLayer[] {
  return platform
    .liveModules(tenantId)
    .flatMap((m) =>
      (m.mapLayers ?? []).map((layer) => ({ id: `${m.code}.${layer.id}`, app: m.code, layer })),
    );
}
