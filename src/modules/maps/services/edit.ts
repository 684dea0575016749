/** Changing a layer's metadata, style and visibility, and deleting a layer (with its features). */
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  invalid,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { deleteLayer, type LayerValues, updateLayer } from '../repo.ts';
import type { LayerChangeType, LayerType } from '../schemas.ts';
import { layerView, requireLayer } from './view.ts';

export async function changeLayer(
  scope: TenantScope,
  access: AgencyAccess,
  id: string,
  change: LayerChangeType,
): Promise<LayerType> {
  const row = await requireLayer(scope, id, true);
  if (!access.may(row.agency_id)) throw new AppError('forbidden');
  if (change.agencyId !== undefined && !access.may(change.agencyId))
    throw invalid({ path: '/body/agencyId', code: 'maps_agency' });
  const by = change.style?.by;
  if (by && !row.properties.some((p) => p.name === by.property))
    throw invalid({
      path: '/body/style/by/property',
      code: 'maps_style_property',
      params: { property: by.property },
    });
  const values: Partial<LayerValues> = {};
  if (change.title !== undefined) {
    const title = change.title.replace(/\s+/g, ' ').trim();
    if (title.length < 2) throw invalid({ path: '/body/title', code: 'minLength', params: { limit: 2 } });
    values.title = title;
  }
  if (change.description !== undefined) values.description = change.description?.trim() || null;
  if (change.attribution !== undefined) values.attribution = change.attribution?.trim() || null;
  if (change.licence !== undefined) values.licence = change.licence?.trim() || null;
  if (change.access !== undefined) values.access = change.access;
  if (change.agencyId !== undefined) values.agency_id = change.agencyId;
  if (change.style) {
    values.color = change.style.color.toLowerCase();
    values.style_by = change.style.by
      ? {
          ...change.style.by,
          values: change.style.by.values.map((v) => ({ ...v, color: v.color.toLowerCase() })),
        }
      : null;
  }
  const before = layerView(row);
  await updateLayer(scope, id, values);
  const view = layerView(await requireLayer(scope, id));
  await recordAudit(scope, {
    action: 'maps.layer.update',
    entityType: 'maps.layer',
    entityId: id,
    before,
    after: view,
  });
  await emitEvent(scope, { type: 'maps.layer.changed', entityType: 'maps.layer', entityId: id });
  return view;
}

export async function removeLayer(scope: TenantScope, access: AgencyAccess, id: string): Promise<void> {
  const row = await requireLayer(scope, id, true);
  if (!access.may(row.agency_id)) throw new AppError('forbidden');
  await deleteLayer(scope, id);
  await recordAudit(scope, {
    action: 'maps.layer.delete',
    entityType: 'maps.layer',
    entityId: id,
    before: layerView(row),
  });
  await emitEvent(scope, { type: 'maps.layer.changed', entityType: 'maps.layer', entityId: id });
}
