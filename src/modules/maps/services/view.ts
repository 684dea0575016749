/** A layer as the staff API and the console show it. */
import { notFound, type TenantScope } from '../../../platform/sdk/index.ts';
import { findLayer, type LayerRow, listLayers } from '../repo.ts';
import type { LayersType, LayerType } from '../schemas.ts';

export function layerView(row: LayerRow): LayerType {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    description: row.description,
    attribution: row.attribution,
    licence: row.licence,
    style: { color: row.color, ...(row.style_by ? { by: row.style_by } : {}) },
    access: row.access,
    geometryType: row.geometry_type,
    featureCount: row.feature_count,
    bbox: row.minx === null ? null : [row.minx, row.miny!, row.maxx!, row.maxy!],
    timeProperty: row.time_property,
    attributes: row.properties,
    agencyId: row.agency_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every layer of the tenant, staff-only ones too (the caller may read them). */
export async function layersView(scope: TenantScope): Promise<LayersType> {
  return { layers: (await listLayers(scope, false)).map(layerView) };
}

/** One layer, or a 404. */
export async function requireLayer(scope: TenantScope, id: string, forUpdate = false): Promise<LayerRow> {
  const row = await findLayer(scope, id, forUpdate);
  if (!row) throw notFound('maps_layer');
  return row;
}
