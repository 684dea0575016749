/**
 * The platform's agencies, accounts and grants as the reports app reads them: to check an agency
 * or officer, to reach a reporter or staff by email, to name who acted. Reads only; every query
 * filters `tenant_id` itself.
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';

export function findAgency(scope: TenantScope, agencyId: string) {
  return scope.trx
    .selectFrom('agencies')
    .select(['id', 'name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
}

/** The email of an account (null: no account, or no email). */
export async function accountEmail(scope: TenantScope, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const u = await scope.trx
    .selectFrom('users')
    .select('email')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return u?.email ?? null;
}

/** The emails of those accounts that have one. */
export async function emailsOf(scope: TenantScope, userIds: readonly string[]): Promise<string[]> {
  const users = await scope.trx
    .selectFrom('users')
    .select('email')
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', [...userIds])
    .where('email', 'is not', null)
    .execute();
  return users.map((u) => u.email!);
}

/** The accounts holding one of `roles` at `agencyId`, or tenant-wide when it is null. */
export async function holdersOf(
  scope: TenantScope,
  roles: readonly string[],
  agencyId: string | null,
): Promise<string[]> {
  let q = scope.trx
    .selectFrom('role_grants')
    .select('user_id')
    .distinct()
    .where('tenant_id', '=', scope.tenantId)
    .where('role', 'in', [...roles]);
  q = agencyId ? q.where('agency_id', '=', agencyId) : q.where('agency_id', 'is', null);
  return (await q.execute()).map((r) => r.user_id);
}

/** Active staff accounts with their grants at any of `agencyIds`, by name. */
export function staffGrantsAt(scope: TenantScope, agencyIds: readonly string[]) {
  return scope.trx
    .selectFrom('role_grants as g')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.user_id'),
    )
    .select(['u.id', 'u.display_name', 'g.id as grant_id', 'g.role', 'g.agency_id'])
    .where('g.tenant_id', '=', scope.tenantId)
    .where('g.agency_id', 'in', [...agencyIds])
    .where('u.kind', '=', 'staff')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.display_name')
    .execute();
}

/** Display names of the accounts among `ids` (nulls and repeats ignored). */
export async function userNames(scope: TenantScope, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await scope.trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
