/**
 * The checks every reader's features pass before they are a layer: bounded in features and
 * positions (a layer is drawn whole on the portal map and served by the page over OGC API), every
 * feature with a geometry, every position a finite longitude and latitude. Polygons are wound as
 * RFC 7946 asks (outer rings counterclockwise, holes clockwise), and a KML MultiGeometry of one
 * kind becomes the matching Multi* geometry, which GIS tools (QGIS keeps one geometry type a
 * layer) read better than a GeometryCollection.
 */
import type { Feature, Geometry, MultiLineString, MultiPoint, MultiPolygon, Position } from 'geojson';
import { LayerFileError } from './layer-file.ts';

export const LAYER_LIMITS = {
  features: 50_000,
  /** Positions (vertices) over all the features of a layer. */
  positions: 2_000_000,
} as const;

export type LayerLimits = Readonly<{ features: number; positions: number }>;

/**
 * Maps every position of a geometry (to reproject it), counting them into `count.positions` and
 * refusing as soon as the layer holds more than `max`.
 */
export function mapPositions(
  geometry: Geometry,
  map: (position: Position) => Position,
  count: { positions: number },
  max: number,
): Geometry {
  const one = (position: Position): Position => {
    count.positions += 1;
    if (count.positions > max) throw new LayerFileError('layer_too_many_positions', { max });
    return map(position);
  };
  const line = (positions: Position[]): Position[] => positions.map(one);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: one(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: line(geometry.coordinates) };
    case 'LineString':
      return { type: 'LineString', coordinates: line(geometry.coordinates) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map(line) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map(line) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(line)) };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((part) => mapPositions(part, map, count, max)),
      };
  }
}

/** Twice the signed area of a ring (shoelace): positive when counterclockwise. */
function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1] as Position;
    const b = ring[i] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}

function wind(polygon: Position[][]): Position[][] {
  return polygon.map((ring, index) => {
    const counterclockwise = signedArea(ring) > 0;
    return counterclockwise === (index === 0) ? ring : [...ring].reverse();
  });
}

/** Polygons wound as RFC 7946 §3.1.6 says; a collection of one kind as its Multi* geometry. */
export function tidyGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: wind(geometry.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(wind) };
    case 'GeometryCollection': {
      const parts = geometry.geometries.map(tidyGeometry);
      const kinds = new Set(parts.map((part) => part.type.replace(/^Multi/, '')));
      if (parts.length === 0 || kinds.size !== 1) return { type: 'GeometryCollection', geometries: parts };
      const [kind] = kinds;
      if (kind === 'Point') {
        const coordinates = parts.flatMap((p) =>
          p.type === 'Point' ? [p.coordinates] : (p as MultiPoint).coordinates,
        );
        return { type: 'MultiPoint', coordinates };
      }
      if (kind === 'LineString') {
        const coordinates = parts.flatMap((p) =>
          p.type === 'LineString' ? [p.coordinates] : (p as MultiLineString).coordinates,
        );
        return { type: 'MultiLineString', coordinates };
      }
      if (kind === 'Polygon') {
        const coordinates = parts.flatMap((p) =>
          p.type === 'Polygon' ? [p.coordinates] : (p as MultiPolygon).coordinates,
        );
        return { type: 'MultiPolygon', coordinates };
      }
      return { type: 'GeometryCollection', geometries: parts };
    }
    default:
      return geometry;
  }
}

/** Checks and tidies a reader's features, their positions already in CRS84. */
export function checkLayer(
  features: readonly Feature<Geometry | null>[],
  limits: LayerLimits = LAYER_LIMITS,
): Feature[] {
  if (features.length === 0) throw new LayerFileError('layer_empty');
  if (features.length > limits.features)
    throw new LayerFileError('layer_too_many_features', { max: limits.features });
  const count = { positions: 0 };
  return features.map((feature, index) => {
    const number = index + 1;
    if (!feature.geometry) throw new LayerFileError('layer_null_geometry', { feature: number });
    const inRange = (position: Position): Position => {
      const [lon, lat] = position;
      if (
        position.length < 2 ||
        !position.every(Number.isFinite) ||
        Math.abs(lon as number) > 180 ||
        Math.abs(lat as number) > 90
      ) {
        throw new LayerFileError('layer_coordinates_out_of_range', { feature: number });
      }
      return position;
    };
    const checked = mapPositions(feature.geometry, inRange, count, limits.positions);
    if (geometryIsEmpty(checked)) throw new LayerFileError('layer_null_geometry', { feature: number });
    return { ...feature, geometry: tidyGeometry(checked) };
  });
}

function geometryIsEmpty(geometry: Geometry): boolean {
  switch (geometry.type) {
    case 'Point':
      return false;
    case 'GeometryCollection':
      return geometry.geometries.length === 0 || geometry.geometries.every(geometryIsEmpty);
    default:
      return geometry.coordinates.length === 0;
  }
}
