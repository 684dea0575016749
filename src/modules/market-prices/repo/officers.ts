/**
 * Which staff accounts enter a market's prices (`market_officers`). Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

export function officersOf(scope: TenantScope, marketId: string): Promise<{ id: string; name: string }[]> {
  return tx(scope)
    .selectFrom('market_officers as o')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.user_id'),
    )
    .select(['u.id', 'u.display_name as name'])
    .where('o.tenant_id', '=', scope.tenantId)
    .where('o.market_id', '=', marketId)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

export async function replaceOfficers(scope: TenantScope, marketId: string, userIds: readonly string[]) {
  const db = tx(scope);
  await db
    .deleteFrom('market_officers')
    .where('tenant_id', '=', scope.tenantId)
    .where('market_id', '=', marketId)
    .execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('market_officers')
    .values(userIds.map((user_id) => ({ tenant_id: scope.tenantId, market_id: marketId, user_id })))
    .execute();
}

export async function isOfficerOf(scope: TenantScope, marketId: string, userId: string): Promise<boolean> {
  const row = await tx(scope)
    .selectFrom('market_officers')
    .select('user_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('market_id', '=', marketId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the markets an account is assigned to as an officer. */
export async function marketIdsOfOfficer(scope: TenantScope, userId: string): Promise<string[]> {
  const rows = await tx(scope)
    .selectFrom('market_officers')
    .select('market_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.market_id);
}
