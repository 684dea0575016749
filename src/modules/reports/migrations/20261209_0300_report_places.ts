/**
 * Reports by place, for the map layers (services/map-layers.ts): a box of longitude and latitude
 * within a tenant, without PostGIS. Longitude leads (the box's range on it bounds the scan, latitude
 * is checked inside the index), id last so that the index also gives the layers' stable order. The
 * columns the public rule and the time filter read are carried (INCLUDE), so that counting a box is
 * an index-only scan; only reports with a place are indexed. EXPLAIN and timings with 100,000
 * reports: docs/apps/reports/feeds-and-layers.md.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create index reports_place on reports (tenant_id, lng, lat, id)
      include (created_at, public, confidential, verified_at) where lat is not null`,
  ]);
}
