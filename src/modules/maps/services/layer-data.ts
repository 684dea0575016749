/**
 * What a read layer file becomes before anything is stored: each feature's box and instant, and
 * the layer's geometry type, properties (with the type their values share), box and time span.
 * Pure, so that the upload fails before its transaction when the time property is wrong.
 */
import type { Feature, Geometry, Position } from 'geojson';
import type { BBox } from '../../../platform/sdk/index.ts';
import { LayerFileError, type ReadLayer } from '../formats/index.ts';
import type { LayerData, NewFeature } from '../repo.ts';
import type { LayerPropertyRow } from '../tables.ts';

const MULTI: Record<string, string> = {
  Point: 'MultiPoint',
  LineString: 'MultiLineString',
  Polygon: 'MultiPolygon',
};

export function layerDataOf(
  read: ReadLayer,
  timeProperty: string | null,
): { features: NewFeature[]; data: LayerData } {
  const features = read.features.map((f, i) => featureOf(f, i + 1, timeProperty));
  let bbox: BBox | null = null;
  let tMin: Date | null = null;
  let tMax: Date | null = null;
  for (const f of features) {
    bbox = bbox ? union(bbox, f.bbox) : f.bbox;
    if (f.at) {
      if (!tMin || f.at < tMin) tMin = f.at;
      if (!tMax || f.at > tMax) tMax = f.at;
    }
  }
  if (timeProperty && !tMin) throw new LayerFileError('time_property_missing', { property: timeProperty });
  return {
    features,
    data: {
      geometry_type: geometryTypeOf(read.features.map((f) => f.geometry.type)),
      properties: propertiesOf(read.features, timeProperty),
      feature_count: features.length,
      bbox,
      time_min: tMin,
      time_max: tMax,
    },
  };
}

function featureOf(f: Feature, n: number, timeProperty: string | null): NewFeature {
  const properties = { ...(f.properties ?? {}) } as Record<string, unknown>;
  // A file's own feature id is kept as a property: the layer numbers its features itself.
  if (f.id !== undefined && !('id' in properties)) properties.id = f.id;
  let at: Date | null = null;
  if (timeProperty) {
    const value = properties[timeProperty];
    if (value !== null && value !== undefined && value !== '') {
      at = instantOf(value);
      if (!at) throw new LayerFileError('time_invalid', { feature: n, property: timeProperty });
    }
  }
  return { geometry: f.geometry, properties, bbox: boxOf(f.geometry), at };
}

/** A date (`2026-03-01`) or an ISO 8601 date and time; without a zone, UTC. JavaScript's own parser takes too much. */
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([Zz]|[+-]\d{2}:\d{2})?)?$/;

function instantOf(value: unknown): Date | null {
  const m = typeof value === 'string' ? ISO.exec(value.trim()) : null;
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2] ?? '00:00'}${m[3] ?? 'Z'}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The box of a geometry's positions. */
export function boxOf(geometry: Geometry): BBox {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  // Coordinates nest one to three levels deep; a position is the first array of numbers.
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const p = c as Position;
      box[0] = Math.min(box[0]!, p[0]!);
      box[1] = Math.min(box[1]!, p[1]!);
      box[2] = Math.max(box[2]!, p[0]!);
      box[3] = Math.max(box[3]!, p[1]!);
      return;
    }
    for (const inner of c) visit(inner);
  };
  const walk = (g: Geometry): void => {
    if (g.type === 'GeometryCollection') for (const part of g.geometries) walk(part);
    else visit(g.coordinates);
  };
  walk(geometry);
  return box as unknown as BBox;
}

function union(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** One type when all agree; a single and its multi give the multi; else `Geometry` (mixed). */
function geometryTypeOf(types: readonly string[]): string {
  const set = new Set(types);
  if (set.size === 1) return types[0]!;
  if (set.size === 2) {
    for (const [single, multi] of Object.entries(MULTI)) if (set.has(single) && set.has(multi)) return multi;
  }
  return 'Geometry';
}

/** The properties the features carry (first seen first), typed by what all their values are. */
function propertiesOf(features: readonly Feature[], timeProperty: string | null): LayerPropertyRow[] {
  const types = new Map<string, Set<string>>();
  for (const f of features) {
    for (const [name, value] of Object.entries(f.properties ?? {})) {
      if (!types.has(name)) types.set(name, new Set());
      if (value === null || value === undefined) continue;
      const kind =
        typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'number'
          : typeof value === 'boolean'
            ? 'boolean'
            : 'string';
      types.get(name)!.add(kind);
    }
  }
  return [...types].slice(0, 200).map(([name, kinds]) => {
    let type: LayerPropertyRow['type'] = 'string';
    if (name === timeProperty) type = 'date-time';
    else if (kinds.size === 1) type = [...kinds][0] as LayerPropertyRow['type'];
    else if (kinds.size === 2 && kinds.has('integer') && kinds.has('number')) type = 'number';
    return { name, type };
  });
}
