/**
 * What the setup checklist and the setup screens read: officers of every market at once, and the
 * staff who may be made officers. Every query filters `tenant_id` itself, beside the row-level
 * security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

/** Every market's officers (active staff accounts only), by market id. */
export async function officersByMarket(
  scope: TenantScope,
): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await tx(scope)
    .selectFrom('market_officers as o')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.user_id'),
    )
    .select(['o.market_id', 'u.id', 'u.display_name as name'])
    .where('o.tenant_id', '=', scope.tenantId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const out = new Map<string, { id: string; name: string }[]>();
  for (const r of rows) {
    const list = out.get(r.market_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.market_id, list);
  }
  return out;
}

/** Active staff accounts that hold one of `roles` somewhere, with those grants. */
export async function staffWithRoles(scope: TenantScope, roles: readonly string[]) {
  if (roles.length === 0) return [];
  const db = tx(scope);
  const grants = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'),
    )
    .select(['u.id', 'u.display_name as name', 'g.role', 'g.agency_id'])
    .where('g.tenant_id', '=', scope.tenantId)
    .where('g.role', 'in', [...roles])
    .where('u.kind', '=', 'staff')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const byUser = new Map<
    string,
    { id: string; name: string; grants: { role: string; agencyId: string | null }[] }
  >();
  for (const g of grants) {
    const user = byUser.get(g.id) ?? { id: g.id, name: g.name, grants: [] };
    user.grants.push({ role: g.role, agencyId: g.agency_id });
    byUser.set(g.id, user);
  }
  return [...byUser.values()];
}
