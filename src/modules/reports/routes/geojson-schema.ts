/** The public reports as GeoJSON (`GET /api/v1/reports/geojson`): what the map layer reads. */
import { Type } from 'typebox';

const Feature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String(),
  geometry: Type.Object({
    type: Type.Literal('Point'),
    coordinates: Type.Array(Type.Number(), {
      minItems: 2,
      maxItems: 2,
      description: '[longitude, latitude]',
    }),
  }),
  properties: Type.Object({
    trackingNo: Type.String(),
    category: Type.String({ description: 'The category’s name in the caller’s language' }),
    status: Type.String(),
    overdue: Type.Boolean(),
    createdAt: Type.String({ format: 'date-time' }),
  }),
});

export const ReportsGeoJson = Type.Object(
  { type: Type.Literal('FeatureCollection'), features: Type.Array(Feature) },
  {
    description: 'A FeatureCollection of points, one a public report with a location',
    examples: [
      {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: '7d0c3f52-2b8e-4a61-9f0d-3c5e8a1b2d47',
            geometry: { type: 'Point', coordinates: [106.7972, -6.5971] },
            properties: {
              trackingNo: '261204-H3KQ7',
              category: 'Jalan rusak',
              status: 'disposed',
              overdue: false,
              createdAt: '2026-12-04T02:10:00.000Z',
            },
          },
        ],
      },
    ],
  },
);
