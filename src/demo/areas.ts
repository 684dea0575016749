/** The demo tenants' outlines (see the note below: approximations, not official boundaries). */
import type { Area, Position } from '../platform/tenancy/area.ts';

/**
 * The demo tenants' areas: rough outlines of 6–20 vertices drawn by hand from general knowledge of
 * the map, [longitude, latitude]. They are approximations for trying the feature, NOT official
 * boundaries (those are Kemendagri's and BIG's); a real tenant records its own.
 */
const polygon = (...outline: Position[]): Position[][] => [[...outline, outline[0]!]];
export const DEMO_AREAS: Readonly<Record<string, Area>> = {
  'kota-tangerang': {
    type: 'Polygon',
    coordinates: polygon(
      [106.59, -6.15],
      [106.62, -6.135],
      [106.65, -6.122],
      [106.69, -6.12],
      [106.715, -6.135],
      [106.725, -6.165],
      [106.73, -6.2],
      [106.72, -6.23],
      [106.7, -6.255],
      [106.67, -6.268],
      [106.64, -6.262],
      [106.61, -6.245],
      [106.585, -6.225],
      [106.572, -6.195],
      [106.575, -6.17],
    ),
  },
  // Badung runs from the Bukit peninsula up to the mountains at Petang, west of Kota Denpasar.
  'kabupaten-badung': {
    type: 'Polygon',
    coordinates: polygon(
      [115.21, -8.295],
      [115.245, -8.33],
      [115.24, -8.42],
      [115.225, -8.5],
      [115.205, -8.57],
      [115.185, -8.64],
      [115.19, -8.7],
      [115.185, -8.74],
      [115.23, -8.75],
      [115.24, -8.8],
      [115.2, -8.85],
      [115.12, -8.85],
      [115.08, -8.82],
      [115.1, -8.77],
      [115.155, -8.76],
      [115.158, -8.72],
      [115.13, -8.66],
      [115.1, -8.6],
      [115.13, -8.5],
      [115.16, -8.4],
    ),
  },
  'kabupaten-luwu-timur': {
    type: 'Polygon',
    coordinates: polygon(
      [120.55, -2.1],
      [120.9, -2.0],
      [121.25, -2.05],
      [121.55, -2.15],
      [121.8, -2.35],
      [121.75, -2.7],
      [121.65, -2.95],
      [121.4, -3.0],
      [121.25, -2.85],
      [121.1, -2.68],
      [120.95, -2.65],
      [120.75, -2.7],
      [120.55, -2.62],
      [120.45, -2.4],
    ),
  },
  // The south of Bangka island and Pulau Lepar to its east: a MultiPolygon.
  'kabupaten-bangka-selatan': {
    type: 'MultiPolygon',
    coordinates: [
      polygon(
        [105.9, -2.55],
        [106.2, -2.52],
        [106.45, -2.55],
        [106.62, -2.62],
        [106.72, -2.8],
        [106.68, -2.95],
        [106.58, -3.05],
        [106.45, -3.1],
        [106.35, -3.05],
        [106.2, -2.95],
        [106.0, -2.85],
        [105.85, -2.72],
      ),
      polygon([106.78, -2.88], [106.92, -2.87], [106.95, -2.97], [106.88, -3.05], [106.78, -3.0]),
    ],
  },
  'kabupaten-karawang': {
    type: 'Polygon',
    coordinates: polygon(
      [107.1, -5.98],
      [107.25, -5.92],
      [107.4, -5.93],
      [107.55, -6.02],
      [107.65, -6.1],
      [107.62, -6.25],
      [107.55, -6.35],
      [107.45, -6.48],
      [107.35, -6.55],
      [107.22, -6.52],
      [107.12, -6.42],
      [107.08, -6.3],
      [107.12, -6.15],
    ),
  },
};
