/**
 * "May this person act for this agency under this permission?" — one answer for every app. A
 * grant without an agency holds in the whole tenant; a grant at an agency holds there and in its
 * sub-agencies (the tree of `agencies`). Routes that such grants may reach say
 * `config: { permission, agencyScoped: true }` (the authentication hook then lets in whoever holds
 * the permission somewhere), and their service asks `access.may(agencyId)` of the object's agency.
 */
import type { FastifyRequest } from 'fastify';
import type { TenantScope } from '../db/tenant-scope.ts';
import type { Platform } from '../platform.ts';
import { AGENCIES_TAG, agencyPaths, listAgencies } from '../tenancy/service.ts';
import type { Principal } from './auth.ts';

export type AgencyAccess = Readonly<{
  /** The caller's account, or null for nobody signed in. */
  userId: string | null;
  /** Whether the permission is held in the whole tenant. */
  everywhere: boolean;
  /** Whether the caller may act with the permission for the agency (never for no agency, unless everywhere). */
  may(agencyId: string | null): boolean;
  /** The agencies (sub-agencies included) where the caller may act; null means every one. */
  agencies(): readonly string[] | null;
}>;

const NOBODY: AgencyAccess = Object.freeze({
  userId: null,
  everywhere: false,
  may: () => false,
  agencies: () => [],
});

/** The tenant's agency tree (ids and each agency's path from the root), cached until an agency changes. */
export function agencyTreeOf(platform: Platform, scope: TenantScope) {
  return platform.cache.getIn(scope, AGENCIES_TAG, 'platform:agency-tree', async () => {
    const all = await listAgencies(scope);
    return {
      ids: all.map((a) => a.id),
      names: new Map(all.map((a) => [a.id, a.name])),
      paths: await agencyPaths(scope, all),
    };
  });
}

/** What `principal` may do with `permission`, agency by agency, in the scope's tenant. */
export async function agencyAccess(
  platform: Platform,
  scope: TenantScope,
  principal: Principal | null | undefined,
  permission: string,
): Promise<AgencyAccess> {
  if (!principal) return NOBODY;
  const userId = principal.user.id;
  const { grants } = principal;
  if (platform.permissions.allows(grants, permission)) {
    return Object.freeze({ userId, everywhere: true, may: () => true, agencies: () => null });
  }
  if (!platform.permissions.allowsSomewhere(grants, permission)) return Object.freeze({ ...NOBODY, userId });
  const tree = await agencyTreeOf(platform, scope);
  const may = (agencyId: string | null) =>
    agencyId !== null && platform.permissions.allows(grants, permission, tree.paths(agencyId) ?? []);
  return Object.freeze({ userId, everywhere: false, may, agencies: () => tree.ids.filter(may) });
}

/** The caller's access under the route's own permission (`config.permission`), or the one given. */
export function requestAccess(
  platform: Platform,
  scope: TenantScope,
  request: FastifyRequest,
  permission?: string,
): Promise<AgencyAccess> {
  const asked = permission ?? (request.routeOptions.config as { permission?: string }).permission;
  if (!asked) throw new Error(`${request.routeOptions.url}: no permission to check agencies against`);
  return agencyAccess(platform, scope, request.principal, asked);
}
