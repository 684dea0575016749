/**
 * Uploading a layer, and replacing a layer's data with a new file. The file was read and checked
 * before (routes call `readUploadedLayer` outside the transaction); here it is stored whole, or,
 * when anything is refused, not at all.
 */
import {
  type AgencyAccess,
  AppError,
  emitEvent,
  invalid,
  newId,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { LayerFileError, type ReadLayer, readLayerFile } from '../formats/index.ts';
import { insertLayer, namesLike, replaceFeatures, updateLayer } from '../repo.ts';
import type { LayerType, UploadFieldsType } from '../schemas.ts';
import { layerDataOf } from './layer-data.ts';
import { layerView, requireLayer } from './view.ts';

/** A palette for layers uploaded without a colour: distinct, and readable on the basemap. */
const PALETTE = ['#1565c0', '#2e7d32', '#c62828', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e'];

/** The file's layer, or a 400 naming what is wrong with it in the caller's language. */
export async function readUploadedLayer(bytes: Uint8Array, fileName: string, timeProperty: string | null) {
  try {
    const read = await readLayerFile(bytes, fileName);
    return { read, ...layerDataOf(read, timeProperty) };
  } catch (error) {
    if (error instanceof LayerFileError) {
      throw invalid({ path: '/body/file', code: `maps_file_${error.code}`, params: { ...error.params } });
    }
    throw error;
  }
}

export type UploadedLayer = Awaited<ReturnType<typeof readUploadedLayer>>;

/** A collection name from a title: lower-case words joined by hyphens, ASCII only. */
export function nameFrom(text: string): string {
  const base = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return base || 'lapisan';
}

function checkAgency(access: AgencyAccess, agencyId: string | null) {
  if (!access.may(agencyId)) throw invalid({ path: '/body/agencyId', code: 'maps_agency' });
}

export async function createLayer(
  scope: TenantScope,
  access: AgencyAccess,
  fields: UploadFieldsType,
  file: UploadedLayer,
): Promise<LayerType> {
  const agencyId = fields.agencyId ?? null;
  checkAgency(access, agencyId);
  const title = (fields.title ?? file.read.name ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
  if (title.length < 2) throw invalid({ path: '/body/title', code: 'minLength', params: { limit: 2 } });
  let name = fields.name;
  if (name) {
    if ((await namesLike(scope, name)).has(name))
      throw invalid({ path: '/body/name', code: 'maps_name_taken', params: { name } });
  } else {
    const base = nameFrom(title);
    const taken = await namesLike(scope, base);
    name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  }
  const id = newId();
  const color = fields.color?.toLowerCase() ?? PALETTE[(await namesLike(scope, '')).size % PALETTE.length]!;
  await insertLayer(
    scope,
    id,
    {
      name,
      title,
      description: fields.description?.trim() || null,
      attribution: fields.attribution?.trim() || null,
      licence: fields.licence?.trim() || null,
      color,
      style_by: null,
      access: fields.access ?? 'staff',
      agency_id: agencyId,
      time_property: fields.timeProperty ?? null,
    },
    file.data,
  );
  await replaceFeatures(scope, id, file.features);
  const view = layerView(await requireLayer(scope, id));
  await recordAudit(scope, {
    action: 'maps.layer.create',
    entityType: 'maps.layer',
    entityId: id,
    after: view,
  });
  await emitEvent(scope, { type: 'maps.layer.changed', entityType: 'maps.layer', entityId: id });
  return view;
}

/** Replaces a layer's features with the file's; its metadata and style stay. */
export async function replaceLayerData(
  scope: TenantScope,
  access: AgencyAccess,
  id: string,
  file: UploadedLayer,
): Promise<LayerType> {
  const row = await requireLayer(scope, id, true);
  if (!access.may(row.agency_id)) throw new AppError('forbidden');
  const before = layerView(row);
  await updateLayer(scope, id, {}, file.data);
  await replaceFeatures(scope, id, file.features);
  const view = layerView(await requireLayer(scope, id));
  await recordAudit(scope, {
    action: 'maps.layer.replace',
    entityType: 'maps.layer',
    entityId: id,
    before: { featureCount: before.featureCount, bbox: before.bbox },
    after: { featureCount: view.featureCount, bbox: view.bbox },
  });
  await emitEvent(scope, { type: 'maps.layer.changed', entityType: 'maps.layer', entityId: id });
  return view;
}

export type { ReadLayer };
