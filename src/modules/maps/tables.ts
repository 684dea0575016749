/** Row types of the app's tables, as Kysely sees them (beside the platform's). */
import type { ColumnType, Transaction } from 'kysely';
import type { PlatformTables, TenantScope } from '../../platform/sdk/index.ts';

type Json<T> = ColumnType<T, string, string>;

/** A colour per value of one property, with the legend's words. */
export type StyleBy = {
  property: string;
  values: { value: string; color: string; label: { id: string; en: string } }[];
};

/** A property the layer's features carry, with the type read from the uploaded values. */
export type LayerPropertyRow = {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date-time';
};

export interface LayersTable {
  tenant_id: string;
  id: string;
  name: string;
  title: string;
  description: string | null;
  attribution: string | null;
  licence: string | null;
  color: string;
  style_by: Json<StyleBy | null>;
  access: 'public' | 'staff';
  geometry_type: string;
  time_property: string | null;
  properties: Json<LayerPropertyRow[]>;
  feature_count: number;
  minx: number | null;
  miny: number | null;
  maxx: number | null;
  maxy: number | null;
  time_min: Date | null;
  time_max: Date | null;
  agency_id: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface FeaturesTable {
  tenant_id: string;
  layer_id: string;
  id: number;
  geometry: Json<unknown>;
  properties: Json<Record<string, unknown>>;
  minx: number;
  miny: number;
  maxx: number;
  maxy: number;
  at: Date | null;
}

export interface AppTables extends PlatformTables {
  maps_layers: LayersTable;
  maps_features: FeaturesTable;
}

/** The scope's transaction, typed with the app's tables. */
export function tx(scope: TenantScope): Transaction<AppTables> {
  return scope.trx as unknown as Transaction<AppTables>;
}
