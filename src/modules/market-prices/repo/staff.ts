/**
 * The staff accounts the app names (officers, subscribers) with their role grants, read from the
 * platform's tables so that the app can check its permissions on them. Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

/** Active staff accounts among `ids`, with their role grants. */
export async function staffWithGrants(scope: TenantScope, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const db = tx(scope);
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', [...ids])
    .where('kind', '=', 'staff')
    .where('disabled_at', 'is', null)
    .execute();
  const grants = await db
    .selectFrom('role_grants')
    .select(['id', 'user_id', 'role', 'agency_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', 'in', [...ids])
    .execute();
  return users.map((u) => ({
    id: u.id,
    name: u.display_name,
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ id: g.id, role: g.role, agencyId: g.agency_id })),
  }));
}
