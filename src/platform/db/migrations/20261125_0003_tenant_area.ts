/**
 * A tenant's geographic area: a GeoJSON Polygon or MultiPolygon in WGS84 ([longitude, latitude]),
 * or null when none is recorded. Validated by `tenancy/area.ts` before it is written; the check here
 * only keeps out what is not a polygon geometry at all.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../rls.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table tenants add column area jsonb
      constraint tenants_area_geometry check (
        area is null or (
          jsonb_typeof(area) = 'object'
          and area ->> 'type' in ('Polygon', 'MultiPolygon')
          and jsonb_typeof(area -> 'coordinates') = 'array'
        )
      )`,
  ]);
}
