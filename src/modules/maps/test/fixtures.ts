/** Layer files and calls the app's suites share. */
import type { FastifyInstance } from 'fastify';
import { multipartForm } from '../../../../test/support/harness.ts';

export const point = (lng: number, lat: number, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties,
});

/** Health centres of a city: `n` points on a line across Tangerang, every other one a Pustu. */
export function healthCentres(n: number) {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) =>
      point(106.6 + i * 0.01, -6.2 + i * 0.001, {
        nama: `Puskesmas ${i + 1}`,
        jenis: i % 2 ? 'Pustu' : 'Puskesmas',
        dibuka: `2026-0${1 + (i % 9)}-15T08:00:00+07:00`,
      }),
    ),
  };
}

/** Uploads a layer file with the given text fields; returns the answer. */
export function upload(
  app: FastifyInstance,
  slug: string,
  headers: Record<string, string>,
  fields: Record<string, string>,
  file: string | Uint8Array,
  fileName = 'layer.geojson',
  url = `/t/${slug}/api/v1/maps/layers`,
  method: 'POST' | 'PUT' = 'POST',
) {
  const form = multipartForm([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    {
      name: 'file',
      filename: fileName,
      type: 'application/geo+json',
      bytes: typeof file === 'string' ? Buffer.from(file) : file,
    },
  ]);
  return app.inject({ method, url, headers: { ...headers, ...form.headers }, payload: form.payload });
}
