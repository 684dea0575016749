/**
 * The feature collections of a tenant's OGC API, as one shape whatever their source: the layers
 * its staff uploaded (collection id: the layer's `name`, `[a-z0-9-]`) and the layers live apps
 * offer through the kernel (`offeredMapLayers`; collection id `<app>_<layer>`, an underscore that
 * an uploaded name cannot hold, so the two never collide; not the kernel's `<app>.<layer>`, since
 * GIS tools take a dotted layer name for `schema.table` when they copy it into a database).
 *
 * Who sees what: public layers for everyone; a staff layer only for a caller holding its
 * permission (the app's own, or `maps.layers.read` for uploaded ones). For anyone else it does
 * not exist: not listed, and 404 by its id.
 */
import {
  agencyAccess,
  type BBox,
  type LayerFeature,
  type LayerStyle,
  type MapLayer,
  offeredMapLayers,
  type Platform,
  type Principal,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { findFeature, findLayerByName, type LayerRow, listLayers, queryFeatures } from '../repo.ts';

export type Words = Readonly<{ id: string; en: string }>;

export type CollectionQuery = Readonly<{
  bbox?: BBox;
  start?: Date;
  end?: Date;
  limit: number;
  offset: number;
}>;

export type Collection = Readonly<{
  id: string;
  title: Words;
  description: Words;
  attribution: string | null;
  licence: string | null;
  geometryType: string;
  properties: readonly Readonly<{ name: string; type: string }>[];
  timeProperty: string | null;
  style: LayerStyle;
  public: boolean;
  /** The source: an uploaded layer's row, or an app's layer. */
  source: { kind: 'upload'; row: LayerRow } | { kind: 'app'; app: string; layer: MapLayer };
}>;

export type Extent = Readonly<{
  bbox: BBox | null;
  interval: readonly [string | null, string | null] | null;
}>;

const same = (text: string | null): Words => ({ id: text ?? '', en: text ?? '' });

function fromUpload(row: LayerRow): Collection {
  return {
    id: row.name,
    title: same(row.title),
    description: same(row.description),
    attribution: row.attribution,
    licence: row.licence,
    geometryType: row.geometry_type,
    properties: row.properties,
    timeProperty: row.time_property,
    style: { color: row.color, ...(row.style_by ? { by: row.style_by } : {}) },
    public: row.access === 'public',
    source: { kind: 'upload', row },
  };
}

/** The collection id of an app's layer. */
export function appCollectionId(app: string, layerId: string): string {
  return `${app}_${layerId}`;
}

/**
 * What the caller may read: a function of a permission, asked once per permission (and scope).
 * `tenantWide` asks for it held in the whole tenant, as an app's staff layer needs (its data is
 * the whole tenant's); the app's own staff layers need it anywhere.
 */
export function readerOf(platform: Platform, scope: TenantScope, principal: Principal | null | undefined) {
  const asked = new Map<string, Promise<boolean>>();
  return (permission: string, tenantWide = false): Promise<boolean> => {
    if (!principal) return Promise.resolve(false);
    const key = `${permission}:${tenantWide}`;
    let answer = asked.get(key);
    if (!answer) {
      answer = agencyAccess(platform, scope, principal, permission).then(
        (a) => a.everywhere || (!tenantWide && (a.agencies()?.length ?? 0) > 0),
      );
      asked.set(key, answer);
    }
    return answer;
  };
}

export type Reader = ReturnType<typeof readerOf>;

/** The collections the caller may see, uploaded ones first (by title), then the apps'. */
export async function visibleCollections(
  platform: Platform,
  scope: TenantScope,
  may: Reader,
): Promise<Collection[]> {
  const staff = await may(PERM.read);
  const uploaded = (await listLayers(scope, !staff)).map(fromUpload);
  const offered: Collection[] = [];
  for (const { app, layer } of offeredMapLayers(platform, scope.tenantId)) {
    if (layer.access !== 'public' && !(await may(layer.access.permission, true))) continue;
    offered.push({
      id: appCollectionId(app, layer.id),
      title: layer.title,
      description: layer.description,
      attribution: null,
      licence: null,
      geometryType: layer.geometryType,
      properties: layer.properties.map((p) => ({ name: p.name, type: p.type })),
      timeProperty: layer.timeProperty ?? null,
      style: layer.style,
      public: layer.access === 'public',
      source: { kind: 'app', app, layer },
    });
  }
  return [...uploaded, ...offered];
}

/** One collection the caller may see, or null. */
export async function findCollection(
  platform: Platform,
  scope: TenantScope,
  may: Reader,
  id: string,
): Promise<Collection | null> {
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) {
    const row = await findLayerByName(scope, id);
    if (!row || (row.access !== 'public' && !(await may(PERM.read)))) return null;
    return fromUpload(row);
  }
  return (await visibleCollections(platform, scope, may)).find((c) => c.id === id) ?? null;
}

export async function extentOf(platform: Platform, scope: TenantScope, c: Collection): Promise<Extent> {
  if (c.source.kind === 'app') return c.source.layer.extent(scope, platform);
  const r = c.source.row;
  return {
    bbox: r.minx === null ? null : [r.minx, r.miny!, r.maxx!, r.maxy!],
    interval: r.time_property ? [r.time_min?.toISOString() ?? null, r.time_max?.toISOString() ?? null] : null,
  };
}

export type FeaturePage = { features: LayerFeature[]; numberMatched: number };

export async function featuresOf(
  platform: Platform,
  scope: TenantScope,
  c: Collection,
  query: CollectionQuery,
): Promise<FeaturePage> {
  if (c.source.kind === 'app') {
    const page = await c.source.layer.features(scope, platform, query);
    return { features: [...page.features], numberMatched: page.numberMatched };
  }
  const { rows, matched } = await queryFeatures(scope, c.source.row.id, query);
  return {
    features: rows.map((r) => ({
      id: String(r.id),
      geometry: r.geometry as LayerFeature['geometry'],
      properties: r.properties as LayerFeature['properties'],
    })),
    numberMatched: matched,
  };
}

export async function featureOf(
  platform: Platform,
  scope: TenantScope,
  c: Collection,
  id: string,
): Promise<LayerFeature | null> {
  if (c.source.kind === 'app') return c.source.layer.feature(scope, platform, id);
  if (!/^[1-9]\d{0,8}$/.test(id)) return null;
  const row = await findFeature(scope, c.source.row.id, Number(id));
  return row
    ? {
        id: String(row.id),
        geometry: row.geometry as LayerFeature['geometry'],
        properties: row.properties as LayerFeature['properties'],
      }
    : null;
}
