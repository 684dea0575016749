/**
 * Reports as points for the map layers (services/map-layers.ts): a page by box, time and offset,
 * its count, the extent, one point by id. Every query filters `tenant_id` itself, beside the
 * row-level security underneath (ADR 0003), and only reports with a place.
 *
 * The box is answered by the index `reports_place` (tenant_id, lng, lat, id), which also gives the
 * order: longitude, latitude, id — stable, and a page of 10 stops after its 10th point instead of
 * sorting every point of the box (newest first would walk `reports_created` and filter the box,
 * reading the whole tenant for a box with nothing in it). The index carries what the public rule
 * and the time filter read (INCLUDE), so that the count is an index-only scan. Measured figures:
 * docs/apps/reports/feeds-and-layers.md.
 */
import { sql } from 'kysely';
import type { BBox, TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';
import { publiclyVisible } from './reports.ts';

export type PointQuery = Readonly<{
  /** Only what the public may see (`publiclyVisible`), or every report of the tenant. */
  publicOnly: boolean;
  bbox?: BBox | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
}>;

export type PointRow = {
  id: string;
  tracking_no: string;
  status: string;
  category_code: string;
  category: string | null;
  lat: number;
  lng: number;
  created_at: Date;
};

function matching(scope: TenantScope, q: PointQuery) {
  let b = tx(scope)
    .selectFrom('reports as r')
    .where('r.tenant_id', '=', scope.tenantId)
    // Spelled out (the columns are never null together) so that the partial index applies.
    .where('r.lat', 'is not', null);
  if (q.publicOnly) b = b.where(publiclyVisible(scope, 'r'));
  if (q.bbox) {
    const [minLng, minLat, maxLng, maxLat] = q.bbox;
    // Both ends inclusive: a point on the box's edge is inside it.
    // A box whose west lies east of its east crosses the antimeridian: either side of it.
    b =
      minLng <= maxLng
        ? b.where('r.lng', '>=', minLng).where('r.lng', '<=', maxLng)
        : b.where((eb) => eb.or([eb('r.lng', '>=', minLng), eb('r.lng', '<=', maxLng)]));
    b = b.where('r.lat', '>=', minLat).where('r.lat', '<=', maxLat);
  }
  if (q.start) b = b.where('r.created_at', '>=', q.start);
  if (q.end) b = b.where('r.created_at', '<=', q.end);
  return b;
}

const POINT_COLUMNS = [
  'r.id',
  'r.tracking_no',
  'r.status',
  'r.category_code',
  'r.lat',
  'r.lng',
  'r.created_at',
  sql<string | null>`(select c.name->>'id' from report_categories c
    where c.tenant_id = r.tenant_id and c.code = r.category_code)`.as('category'),
] as const;

/**
 * A page of the matching points, in the index's order (longitude, latitude, id). The builder is
 * exported for the query-plan test, like the count's.
 */
export function pageOfPointsQuery(
  scope: TenantScope,
  q: PointQuery,
  page: { limit: number; offset: number },
) {
  return matching(scope, q)
    .select(POINT_COLUMNS)
    .orderBy('r.lng')
    .orderBy('r.lat')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset);
}

export async function pageOfPoints(
  scope: TenantScope,
  q: PointQuery,
  page: { limit: number; offset: number },
): Promise<PointRow[]> {
  return (await pageOfPointsQuery(scope, q, page).execute()) as PointRow[];
}

/** How many points match: an index-only scan of the box (proportional to the points in it). */
export function countPointsQuery(scope: TenantScope, q: PointQuery) {
  return matching(scope, q).select((eb) => eb.fn.countAll<string>().as('n'));
}

export async function countPoints(scope: TenantScope, q: PointQuery): Promise<number> {
  return Number((await countPointsQuery(scope, q).executeTakeFirstOrThrow()).n);
}

/** One point by id, if the query's rule lets it be seen (null for an id that is not a UUID). */
export async function pointById(scope: TenantScope, q: PointQuery, id: string): Promise<PointRow | null> {
  const row = await matching(scope, q).select(POINT_COLUMNS).where('r.id', '=', id).executeTakeFirst();
  return (row as PointRow | undefined) ?? null;
}

/** The smallest box and time span holding the matching points (nulls when there are none). */
export async function pointsExtent(scope: TenantScope, q: PointQuery) {
  return (await matching(scope, q)
    .select((eb) => [
      eb.fn.min<number | null>('r.lng').as('min_lng'),
      eb.fn.min<number | null>('r.lat').as('min_lat'),
      eb.fn.max<number | null>('r.lng').as('max_lng'),
      eb.fn.max<number | null>('r.lat').as('max_lat'),
      eb.fn.min<Date | null>('r.created_at').as('first'),
      eb.fn.max<Date | null>('r.created_at').as('last'),
    ])
    .executeTakeFirstOrThrow()) as {
    min_lng: number | null;
    min_lat: number | null;
    max_lng: number | null;
    max_lat: number | null;
    first: Date | null;
    last: Date | null;
  };
}
