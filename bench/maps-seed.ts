/**
 * WebGIS bench data: the maps app taken live in every bench tenant (its adoption row, as the test
 * harness's `makeLive` does) and one public uploaded layer of `perTenant` points each (`titik`),
 * spread over a 0.3° box around the tenant's point, written through the app's own repository
 * (`insertLayer`, `replaceFeatures`) in a tenant transaction, then VACUUM ANALYZE on PostgreSQL.
 * The rows measure the OGC API's `items?bbox=…` over those points: an index range on the features'
 * boxes, the count of the matches, and GeoJSON out.
 */
import { sql } from 'kysely';
import { insertLayer, type NewFeature, replaceFeatures } from '../src/modules/maps/repo.ts';
import { bootPlatform } from '../src/platform/boot.ts';
import type { Config } from '../src/platform/config.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { newId } from '../src/platform/ids.ts';
import { takeLive } from './prepare.ts';

export type MapsSeed = { points: number; seconds: number; boxes: string[] };

/** The bench layer's box: west, south of a 0.3° square (Tangerang's latitude, a kota's size). */
export const BENCH_BOX = [106.55, -6.3, 106.85, -6.0] as const;

/** 200 view boxes of about 0.02° (a street map's view on a phone) inside the layer's box. */
export function viewBoxes(): string[] {
  const [w, s] = BENCH_BOX;
  return Array.from({ length: 200 }, (_, i) => {
    const x = w + ((i * 37) % 100) * 0.0028;
    const y = s + ((i * 61) % 100) * 0.0028;
    return [x, y, x + 0.02, y + 0.02].map((n) => n.toFixed(4)).join(',');
  });
}

export async function seedMaps(
  config: Config,
  slugs: readonly string[],
  perTenant: number,
): Promise<MapsSeed> {
  const started = Date.now();
  const platform = await bootPlatform(config);
  try {
    const [w, s, e, n] = BENCH_BOX;
    // Deterministic spread: a low-discrepancy sequence over the box, not a random generator.
    const features: NewFeature[] = Array.from({ length: perTenant }, (_, i) => {
      const x = Number((w + (e - w) * ((i * 0.6180339887) % 1)).toFixed(6));
      const y = Number((s + (n - s) * ((i * 0.7548776662) % 1)).toFixed(6));
      return {
        geometry: { type: 'Point', coordinates: [x, y] },
        properties: { nama: `Titik ${i + 1}`, jenis: i % 3 ? 'laporan' : 'fasilitas' },
        bbox: [x, y, x, y],
        at: null,
      };
    });
    for (const slug of slugs) {
      const tenant = platform.directory.bySlug(slug);
      if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
      await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        await takeLive(scope, 'maps');
        const id = newId();
        await insertLayer(
          scope,
          id,
          {
            name: 'titik',
            title: 'Titik bench',
            description: null,
            attribution: null,
            licence: null,
            color: '#1565c0',
            style_by: null,
            access: 'public',
            agency_id: null,
            time_property: null,
          },
          {
            geometry_type: 'Point',
            properties: [
              { name: 'nama', type: 'string' },
              { name: 'jenis', type: 'string' },
            ],
            feature_count: perTenant,
            bbox: [w, s, e, n],
            time_min: null,
            time_max: null,
          },
        );
        await replaceFeatures(scope, id, features);
      });
    }
    if (config.databaseUrl) await sql`vacuum analyze maps_features`.execute(platform.database.db);
    await platform.directoryChanged();
    return { points: perTenant * slugs.length, seconds: (Date.now() - started) / 1000, boxes: viewBoxes() };
  } finally {
    await platform.close();
  }
}
