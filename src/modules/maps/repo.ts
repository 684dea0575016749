/**
 * The only code on the app's tables. Every query names the scope's tenant itself; row-level
 * security underneath is the backstop, not the filter.
 */
import type { TenantScope } from '../../platform/sdk/index.ts';
import { tx } from './tables.ts';

export type ItemRow = { id: string; title: string; description: string | null; created_at: Date };

const COLUMNS = ['id', 'title', 'description', 'created_at'] as const;

/** The tenant's newest items first. */
export function listItems(scope: TenantScope, limit: number): Promise<ItemRow[]> {
  return tx(scope)
    .selectFrom('maps_items')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Writes an item of the scope's tenant. */
export function insertItem(
  scope: TenantScope,
  item: { id: string; title: string; description: string | null },
): Promise<ItemRow> {
  return tx(scope)
    .insertInto('maps_items')
    .values({ tenant_id: scope.tenantId, ...item })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** How many items the scope's tenant has (the setup checklist asks). */
export async function countItems(scope: TenantScope): Promise<number> {
  const row = await tx(scope)
    .selectFrom('maps_items')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
