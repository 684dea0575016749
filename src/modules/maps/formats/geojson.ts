/**
 * Reads a GeoJSON file (RFC 7946): a FeatureCollection, one Feature or one bare geometry. Every
 * feature is checked before any is kept, so that a broken one refuses the whole file with its
 * number (counted from 1, as a person reading the file counts): a wrong geometry type, a position
 * that is not two or three finite numbers, a longitude or latitude out of range (a file in a
 * projected CRS, metres, lands here), a line of one position, a ring that is not closed or has
 * fewer than four positions. Bounds keep one upload from filling the database.
 */
import type { Feature, GeoJsonProperties, Geometry, Position } from 'geojson';
import { LayerFileError, type ReadLayer } from './layer-file.ts';

/** The most features one layer file may hold. */
export const MAX_FEATURES = 50_000;
/** The most positions (vertices) one layer file may hold, over all its features. */
export const MAX_POSITIONS = 2_000_000;

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

type Counter = { positions: number };

/** Parses `text` as GeoJSON; a `LayerFileError` says why it is not a layer. */
export function readGeoJson(text: string): ReadLayer {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new LayerFileError('json_invalid');
  }
  if (!isObject(doc) || typeof doc.type !== 'string') throw new LayerFileError('geojson_type');
  const counter: Counter = { positions: 0 };
  const name = typeof doc.name === 'string' && doc.name.trim() ? doc.name.trim() : undefined;
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) throw new LayerFileError('geojson_type');
    if (doc.features.length === 0) throw new LayerFileError('empty');
    if (doc.features.length > MAX_FEATURES)
      throw new LayerFileError('too_many_features', { limit: MAX_FEATURES, found: doc.features.length });
    const features = doc.features.map((f, i) => readFeature(f, i + 1, counter));
    return name ? { features, name } : { features };
  }
  if (doc.type === 'Feature') return { features: [readFeature(doc, 1, counter)] };
  if (GEOMETRY_TYPES.has(doc.type)) {
    return { features: [{ type: 'Feature', geometry: readGeometry(doc, 1, counter), properties: {} }] };
  }
  throw new LayerFileError('geojson_type');
}

function readFeature(value: unknown, n: number, counter: Counter): Feature {
  if (!isObject(value) || value.type !== 'Feature')
    throw new LayerFileError('feature_invalid', { feature: n });
  if (value.geometry === null || value.geometry === undefined)
    throw new LayerFileError('geometry_missing', { feature: n });
  const geometry = readGeometry(value.geometry, n, counter);
  const properties = value.properties;
  if (properties !== null && properties !== undefined && !isObject(properties))
    throw new LayerFileError('properties_invalid', { feature: n });
  const feature: Feature = { type: 'Feature', geometry, properties: (properties ?? {}) as GeoJsonProperties };
  if (typeof value.id === 'string' || typeof value.id === 'number') feature.id = value.id;
  return feature;
}

function readGeometry(value: unknown, n: number, counter: Counter): Geometry {
  if (!isObject(value) || typeof value.type !== 'string' || !GEOMETRY_TYPES.has(value.type))
    throw new LayerFileError('geometry_type', { feature: n });
  if (value.type === 'GeometryCollection') {
    if (!Array.isArray(value.geometries) || value.geometries.length === 0)
      throw new LayerFileError('geometry_invalid', { feature: n });
    return {
      type: 'GeometryCollection',
      geometries: value.geometries.map((g) => {
        if (isObject(g) && g.type === 'GeometryCollection')
          throw new LayerFileError('geometry_invalid', { feature: n });
        return readGeometry(g, n, counter);
      }),
    };
  }
  const c = value.coordinates;
  const pos = (p: unknown) => readPosition(p, n, counter);
  const list = (v: unknown, min: number): Position[] => {
    if (!Array.isArray(v) || v.length < min) throw new LayerFileError('geometry_invalid', { feature: n });
    return v.map(pos);
  };
  const ring = (v: unknown): Position[] => {
    const r = list(v, 4);
    const [first, last] = [r[0]!, r[r.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) throw new LayerFileError('ring_open', { feature: n });
    return r;
  };
  const rings = (v: unknown): Position[][] => {
    if (!Array.isArray(v) || v.length === 0) throw new LayerFileError('geometry_invalid', { feature: n });
    return v.map(ring);
  };
  const many = <T>(v: unknown, each: (x: unknown) => T): T[] => {
    if (!Array.isArray(v) || v.length === 0) throw new LayerFileError('geometry_invalid', { feature: n });
    return v.map(each);
  };
  switch (value.type) {
    case 'Point':
      return { type: 'Point', coordinates: pos(c) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: list(c, 1) };
    case 'LineString':
      return { type: 'LineString', coordinates: list(c, 2) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: many(c, (l) => list(l, 2)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: rings(c) };
    default:
      return { type: 'MultiPolygon', coordinates: many(c, rings) };
  }
}

function readPosition(value: unknown, n: number, counter: Counter): Position {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3 || !value.every(Number.isFinite))
    throw new LayerFileError('position_invalid', { feature: n });
  const [x, y] = value as number[];
  if (x! < -180 || x! > 180 || y! < -90 || y! > 90)
    throw new LayerFileError('position_out_of_range', { feature: n, x: x!, y: y! });
  counter.positions += 1;
  if (counter.positions > MAX_POSITIONS)
    throw new LayerFileError('too_many_positions', { limit: MAX_POSITIONS });
  return value as number[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
