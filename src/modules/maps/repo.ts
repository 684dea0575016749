/**
 * The only code on the app's tables. Every query names the scope's tenant itself; row-level
 * security underneath is the backstop, not the filter.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { BBox, TenantScope } from '../../platform/sdk/index.ts';
import { type AppTables, type LayerPropertyRow, type LayersTable, type StyleBy, tx } from './tables.ts';

export type LayerRow = Omit<
  LayersTable,
  'tenant_id' | 'style_by' | 'properties' | 'created_at' | 'updated_at'
> & {
  style_by: StyleBy | null;
  properties: LayerPropertyRow[];
  created_at: Date;
  updated_at: Date;
};

export type FeatureRow = {
  id: number;
  geometry: unknown;
  properties: Record<string, unknown>;
};

/** A feature to store: its geometry, properties, box and instant. */
export type NewFeature = {
  geometry: unknown;
  properties: Record<string, unknown>;
  bbox: BBox;
  at: Date | null;
};

const LAYER_COLUMNS = [
  'id',
  'name',
  'title',
  'description',
  'attribution',
  'licence',
  'color',
  'style_by',
  'access',
  'geometry_type',
  'time_property',
  'properties',
  'feature_count',
  'minx',
  'miny',
  'maxx',
  'maxy',
  'time_min',
  'time_max',
  'agency_id',
  'created_at',
  'updated_at',
] as const;

/** The tenant's layers by title; only the public ones when `publicOnly`. */
export async function listLayers(scope: TenantScope, publicOnly: boolean): Promise<LayerRow[]> {
  let q = tx(scope).selectFrom('maps_layers').select(LAYER_COLUMNS).where('tenant_id', '=', scope.tenantId);
  if (publicOnly) q = q.where('access', '=', 'public');
  return (await q.orderBy('title').orderBy('id').execute()) as LayerRow[];
}

/** One layer by id (locked for the transaction when `forUpdate`), or undefined. */
export async function findLayer(
  scope: TenantScope,
  id: string,
  forUpdate = false,
): Promise<LayerRow | undefined> {
  let q = tx(scope)
    .selectFrom('maps_layers')
    .select(LAYER_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) as LayerRow | undefined;
}

/** One layer by its collection name, or undefined. */
export async function findLayerByName(scope: TenantScope, name: string): Promise<LayerRow | undefined> {
  return (await tx(scope)
    .selectFrom('maps_layers')
    .select(LAYER_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('name', '=', name)
    .executeTakeFirst()) as LayerRow | undefined;
}

/** The names taken among those starting with `base` (to find a free one). */
export async function namesLike(scope: TenantScope, base: string): Promise<Set<string>> {
  const rows = await tx(scope)
    .selectFrom('maps_layers')
    .select('name')
    .where('tenant_id', '=', scope.tenantId)
    .where('name', 'like', `${base}%`)
    .execute();
  return new Set(rows.map((r) => r.name));
}

export type LayerValues = {
  name: string;
  title: string;
  description: string | null;
  attribution: string | null;
  licence: string | null;
  color: string;
  style_by: StyleBy | null;
  access: 'public' | 'staff';
  agency_id: string | null;
  time_property: string | null;
};

/** What the data gives a layer: its type, properties, count, box and time span. */
export type LayerData = {
  geometry_type: string;
  properties: LayerPropertyRow[];
  feature_count: number;
  bbox: BBox | null;
  time_min: Date | null;
  time_max: Date | null;
};

function dataColumns(data: LayerData) {
  return {
    geometry_type: data.geometry_type,
    properties: JSON.stringify(data.properties),
    feature_count: data.feature_count,
    minx: data.bbox?.[0] ?? null,
    miny: data.bbox?.[1] ?? null,
    maxx: data.bbox?.[2] ?? null,
    maxy: data.bbox?.[3] ?? null,
    time_min: data.time_min,
    time_max: data.time_max,
  };
}

export async function insertLayer(scope: TenantScope, id: string, values: LayerValues, data: LayerData) {
  await tx(scope)
    .insertInto('maps_layers')
    .values({
      tenant_id: scope.tenantId,
      id,
      ...values,
      style_by: JSON.stringify(values.style_by),
      ...dataColumns(data),
    })
    .execute();
}

export async function updateLayer(
  scope: TenantScope,
  id: string,
  values: Partial<LayerValues>,
  data?: LayerData,
): Promise<void> {
  const { style_by, ...rest } = values;
  await tx(scope)
    .updateTable('maps_layers')
    .set({
      ...rest,
      ...(style_by !== undefined ? { style_by: JSON.stringify(style_by) } : {}),
      ...(data ? dataColumns(data) : {}),
      updated_at: new Date(),
    })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

export async function deleteLayer(scope: TenantScope, id: string): Promise<void> {
  await tx(scope)
    .deleteFrom('maps_layers')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
}

/** Replaces a layer's features with `features`, numbered from 1 in their order. */
export async function replaceFeatures(scope: TenantScope, layerId: string, features: readonly NewFeature[]) {
  await tx(scope)
    .deleteFrom('maps_features')
    .where('tenant_id', '=', scope.tenantId)
    .where('layer_id', '=', layerId)
    .execute();
  // Batches keep each statement well under PostgreSQL's 65,535 parameters.
  const BATCH = 1000;
  for (let start = 0; start < features.length; start += BATCH) {
    const rows = features.slice(start, start + BATCH).map((f, i) => ({
      tenant_id: scope.tenantId,
      layer_id: layerId,
      id: start + i + 1,
      geometry: JSON.stringify(f.geometry),
      properties: JSON.stringify(f.properties),
      minx: f.bbox[0],
      miny: f.bbox[1],
      maxx: f.bbox[2],
      maxy: f.bbox[3],
      at: f.at,
    }));
    await tx(scope).insertInto('maps_features').values(rows).execute();
  }
}

export type FeatureQuery = {
  bbox?: BBox | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  limit: number;
  offset: number;
};

/**
 * Features of a layer whose box meets the query's box (a box with west > east crosses the
 * antimeridian, as OGC API Features allows) and whose instant is in the span, in id order.
 */
export async function queryFeatures(
  scope: TenantScope,
  layerId: string,
  query: FeatureQuery,
): Promise<{ rows: FeatureRow[]; matched: number }> {
  const where = (eb: ExpressionBuilder<AppTables, 'maps_features'>) => {
    const all = [eb('tenant_id', '=', scope.tenantId), eb('layer_id', '=', layerId)];
    const { bbox, start, end } = query;
    if (bbox) {
      const [w, s, e, n] = bbox;
      all.push(eb('miny', '<=', n), eb('maxy', '>=', s));
      if (w <= e) all.push(eb('minx', '<=', e), eb('maxx', '>=', w));
      else all.push(eb.or([eb('maxx', '>=', w), eb('minx', '<=', e)]));
    }
    // A feature without an instant matches every time span (OGC API Features, /req/core/fc-time-response C).
    if (start) all.push(eb.or([eb('at', 'is', null), eb('at', '>=', start)]));
    if (end) all.push(eb.or([eb('at', 'is', null), eb('at', '<=', end)]));
    return eb.and(all);
  };
  const rows = await tx(scope)
    .selectFrom('maps_features')
    .select(['id', 'geometry', 'properties'])
    .where(where)
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  // The count is only asked when the page does not already say it (a short first page).
  const matched =
    query.offset === 0 && rows.length < query.limit
      ? rows.length
      : Number(
          (
            await tx(scope)
              .selectFrom('maps_features')
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .where(where)
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { rows: rows as FeatureRow[], matched };
}

/** One feature of a layer, or undefined. */
export async function findFeature(
  scope: TenantScope,
  layerId: string,
  id: number,
): Promise<FeatureRow | undefined> {
  return (await tx(scope)
    .selectFrom('maps_features')
    .select(['id', 'geometry', 'properties'])
    .where('tenant_id', '=', scope.tenantId)
    .where('layer_id', '=', layerId)
    .where('id', '=', id)
    .executeTakeFirst()) as FeatureRow | undefined;
}

/** How many public layers the tenant has (the setup checklist asks). */
export async function countPublicLayers(scope: TenantScope): Promise<number> {
  const row = await tx(scope)
    .selectFrom('maps_layers')
    .select(sql<string>`count(*)`.as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .where('access', '=', 'public')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
