/** Row types of the app's tables, as Kysely sees them (beside the platform's). */
import type { ColumnType, Transaction } from 'kysely';
import type { PlatformTables, TenantScope } from '../../platform/sdk/index.ts';

export interface ItemsTable {
  tenant_id: string;
  id: string;
  title: string;
  description: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface AppTables extends PlatformTables {
  maps_items: ItemsTable;
}

/** The scope's transaction, typed with the app's tables. */
export function tx(scope: TenantScope): Transaction<AppTables> {
  return scope.trx as unknown as Transaction<AppTables>;
}
