/**
 * The active markets with a place, as points for the map layer (services/map-layers.ts). A tenant
 * has tens of markets: each read filters and pages in SQL, in the markets' own order (sort, code).
 * Every query filters `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { BBox, TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export type MarketPoint = {
  id: string;
  code: string;
  name: string;
  address: string | null;
  lat: number;
  lng: number;
};

function placed(scope: TenantScope, bbox?: BBox) {
  let q = tx(scope)
    .selectFrom('markets')
    .where('tenant_id', '=', scope.tenantId)
    .where('active', '=', true)
    .where('lat', 'is not', null);
  if (bbox) {
    const [minLng, minLat, maxLng, maxLat] = bbox;
    // Both ends inclusive: a market on the box's edge is inside it.
    // A box whose west lies east of its east crosses the antimeridian: either side of it.
    q =
      minLng <= maxLng
        ? q.where('lng', '>=', minLng).where('lng', '<=', maxLng)
        : q.where((eb) => eb.or([eb('lng', '>=', minLng), eb('lng', '<=', maxLng)]));
    q = q.where('lat', '>=', minLat).where('lat', '<=', maxLat);
  }
  return q;
}

const COLUMNS = ['id', 'code', 'name', 'address', 'lat', 'lng'] as const;

export async function pageOfMarketPoints(
  scope: TenantScope,
  bbox: BBox | undefined,
  page: { limit: number; offset: number },
): Promise<MarketPoint[]> {
  return (await placed(scope, bbox)
    .select(COLUMNS)
    .orderBy('sort')
    .orderBy('code')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as MarketPoint[];
}

export async function countMarketPoints(scope: TenantScope, bbox: BBox | undefined): Promise<number> {
  const row = await placed(scope, bbox)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function marketPointById(scope: TenantScope, id: string): Promise<MarketPoint | null> {
  const row = await placed(scope).select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return (row as MarketPoint | undefined) ?? null;
}

export async function marketPointsExtent(scope: TenantScope) {
  return placed(scope)
    .select((eb) => [
      eb.fn.min<number | null>('lng').as('min_lng'),
      eb.fn.min<number | null>('lat').as('min_lat'),
      eb.fn.max<number | null>('lng').as('max_lng'),
      eb.fn.max<number | null>('lat').as('max_lat'),
    ])
    .executeTakeFirstOrThrow();
}
