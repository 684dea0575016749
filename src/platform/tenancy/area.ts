/**
 * A tenant's geographic area: a GeoJSON (RFC 7946) `Polygon` or `MultiPolygon` in WGS84, positions
 * as [longitude, latitude]. Used to tell whether a place (a citizen report's location) lies inside a
 * tenant's area, and which tenants' areas hold a place outside it.
 *
 * Point-in-polygon is `@turf/boolean-point-in-polygon` (Turf, MIT, maintained, pure JavaScript,
 * no install scripts): it handles holes and multipolygons, and its test (point-in-polygon-hao over
 * robust-predicates) decides points on or next to an edge exactly, which a hand-written ray cast
 * gets wrong at vertices and horizontal edges. A point on the boundary — the outline or a hole's
 * edge — counts as inside, so a place on the border between two regions belongs to both.
 *
 * Validation is ours: the shape, closed rings of at least four positions that enclose some area,
 * coordinates in range, and at most MAX_AREA_POSITIONS positions. It does not look for
 * self-intersecting rings or holes outside their shell (quadratic in the number of positions); such
 * an outline still answers by even-odd parity. Areas crossing the antimeridian are not supported
 * (Indonesia lies between 95°E and 141°E).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { invalid } from '../errors.ts';

/** [longitude, latitude] in degrees, WGS84. */
export type Position = readonly [lng: number, lat: number];
/** A closed ring: at least four positions, the last equal to the first. */
export type Ring = readonly Position[];
export type PolygonArea = Readonly<{ type: 'Polygon'; coordinates: readonly Ring[] }>;
export type MultiPolygonArea = Readonly<{
  type: 'MultiPolygon';
  coordinates: ReadonlyArray<readonly Ring[]>;
}>;
/** A tenant's area: its outer ring(s) with any holes. */
export type Area = PolygonArea | MultiPolygonArea;
/** [west, south, east, north]: the smallest longitude and latitude, then the largest. */
export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** The most positions an area may have, over all its rings. */
export const MAX_AREA_POSITIONS = 20_000;

/** Field codes of an invalid area (messages under `field.` in the i18n messages). */
export type AreaErrorCode =
  | 'area_type'
  | 'area_shape'
  | 'area_position'
  | 'area_ring_short'
  | 'area_ring_open'
  | 'area_ring_empty'
  | 'area_too_large'
  | 'area_points';

export type AreaCheck =
  | { ok: true; area: Area; bbox: BBox }
  | { ok: false; code: AreaErrorCode; params: Record<string, string | number> };

class AreaProblem extends Error {
  readonly code: AreaErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: AreaErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.code = code;
    this.params = params;
  }
}

/** Walks the rings once: validates, copies positions as [lng, lat] (dropping any altitude), bounds. */
class Reader {
  count = 0;
  minLng = Infinity;
  minLat = Infinity;
  maxLng = -Infinity;
  maxLat = -Infinity;

  position(value: unknown, at: string): Position {
    // One level too deep: a MultiPolygon's coordinates sent as a Polygon's.
    if (Array.isArray(value) && Array.isArray(value[0])) throw new AreaProblem('area_shape', { at });
    if (
      !Array.isArray(value) ||
      value.length < 2 ||
      value.length > 3 ||
      !value.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      throw new AreaProblem('area_position', { at });
    }
    const lng = value[0] as number;
    const lat = value[1] as number;
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) throw new AreaProblem('area_position', { at });
    this.count += 1;
    if (this.count > MAX_AREA_POSITIONS)
      throw new AreaProblem('area_too_large', { limit: MAX_AREA_POSITIONS });
    if (lng < this.minLng) this.minLng = lng;
    if (lng > this.maxLng) this.maxLng = lng;
    if (lat < this.minLat) this.minLat = lat;
    if (lat > this.maxLat) this.maxLat = lat;
    return [lng, lat];
  }

  ring(value: unknown, at: string): Ring {
    if (!Array.isArray(value)) throw new AreaProblem('area_shape', { at });
    // One level too shallow: a ring sent where a Polygon's list of rings belongs.
    const loose = value.findIndex((p) => !Array.isArray(p));
    if (loose >= 0) throw new AreaProblem('area_shape', { at: `${at}/${loose}` });
    const ring = value.map((p, i) => this.position(p, `${at}/${i}`));
    if (ring.length < 4) throw new AreaProblem('area_ring_short', { at });
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) throw new AreaProblem('area_ring_open', { at });
    // Shoelace: a ring whose positions all lie on one line (or one point) encloses nothing.
    // Taken relative to the first position, which keeps the products small and exact more often.
    let twiceArea = 0;
    for (let i = 1; i < ring.length - 2; i++) {
      const [x1, y1] = ring[i]!;
      const [x2, y2] = ring[i + 1]!;
      twiceArea += (x1 - first[0]) * (y2 - first[1]) - (x2 - first[0]) * (y1 - first[1]);
    }
    if (twiceArea === 0) throw new AreaProblem('area_ring_empty', { at });
    return ring;
  }

  polygon(value: unknown, at: string): Ring[] {
    if (!Array.isArray(value) || value.length === 0) throw new AreaProblem('area_shape', { at });
    return value.map((r, i) => this.ring(r, `${at}/${i}`));
  }
}

/**
 * Checks a GeoJSON value as an area. On success gives a normalised copy (only `type` and
 * `coordinates`, positions as [lng, lat]) and its bounding box; otherwise the first problem found,
 * with `at` naming the offending part as a JSON pointer into the geometry (`/coordinates/0/3`).
 */
export function checkArea(value: unknown): AreaCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'area_type', params: {} };
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return { ok: false, code: 'area_type', params: {} };
  const reader = new Reader();
  try {
    let area: Area;
    if (type === 'Polygon') {
      area = { type, coordinates: reader.polygon(coordinates, '/coordinates') };
    } else {
      if (!Array.isArray(coordinates) || coordinates.length === 0) {
        throw new AreaProblem('area_shape', { at: '/coordinates' });
      }
      area = { type, coordinates: coordinates.map((p, i) => reader.polygon(p, `/coordinates/${i}`)) };
    }
    return { ok: true, area, bbox: [reader.minLng, reader.minLat, reader.maxLng, reader.maxLat] };
  } catch (error) {
    if (error instanceof AreaProblem) return { ok: false, code: error.code, params: error.params };
    throw error;
  }
}

const LINEAL = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString']);

/**
 * The geometry of what a GIS exports: a Feature's geometry, or a FeatureCollection's polygons
 * joined into one MultiPolygon (QGIS and geojson.io save a drawn outline so). Points or lines,
 * alone or in a collection, are refused as such (`area_points`): they mark places, not an area.
 * Anything else is left for `checkArea` to judge.
 */
export function geometryOf(value: unknown, path = '/body/area'): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const v = value as { type?: unknown; geometry?: unknown; features?: unknown };
  const lineal = (g: unknown) => LINEAL.has(String((g as { type?: unknown } | null)?.type));
  if (v.type === 'Feature') return geometryOf(v.geometry, path);
  if (v.type === 'FeatureCollection' && Array.isArray(v.features) && v.features.length > 0) {
    const geometries = v.features.map((f) =>
      geometryOf((f as { geometry?: unknown } | null)?.geometry, path),
    );
    if (geometries.some(lineal)) throw invalid({ path, code: 'area_points' });
    if (geometries.length === 1) return geometries[0];
    const polygons: unknown[] = [];
    for (const g of geometries) {
      const { type, coordinates } = (g ?? {}) as { type?: unknown; coordinates?: unknown };
      if (type === 'Polygon') polygons.push(coordinates);
      else if (type === 'MultiPolygon' && Array.isArray(coordinates)) polygons.push(...coordinates);
      else return g; // not an area: `checkArea` says what is wrong
    }
    return { type: 'MultiPolygon', coordinates: polygons };
  }
  if (lineal(v)) throw invalid({ path, code: 'area_points' });
  return value;
}

/**
 * The area in `value` (a geometry, Feature or FeatureCollection: see `geometryOf`), normalised as
 * `checkArea` does; throws a 400 naming the field at `path`
 * (`/body/area`) and what is wrong with it.
 */
export function parseArea(value: unknown, path = '/body/area'): Area {
  const check = checkArea(geometryOf(value, path));
  if (!check.ok) throw invalid({ path, code: check.code, params: check.params });
  return check.area;
}

/** The bounding box of a valid area (as `checkArea` gives it). */
export function bboxOf(area: Area): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lng, lat] of ring) {
        if (lng < minLng) minLng = lng;
        if (lng > maxLng) maxLng = lng;
        if (lat < minLat) minLat = lat;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Whether the point lies in the box (edges included). */
export function inBBox(bbox: BBox, lat: number, lng: number): boolean {
  return lng >= bbox[0] && lat >= bbox[1] && lng <= bbox[2] && lat <= bbox[3];
}

/**
 * Whether the point (WGS84 degrees; note the order: latitude first) lies in the area: inside an
 * outer ring and not inside one of its holes. The boundary counts as inside.
 */
export function containsPoint(area: Area, lat: number, lng: number): boolean {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return false;
  return booleanPointInPolygon([lng, lat], area as unknown as Parameters<typeof booleanPointInPolygon>[1]);
}
