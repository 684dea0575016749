/**
 * Who acts, as the routes establish it for the services (`Access`).
 */
import type { FastifyRequest } from 'fastify';
import type { TenantScope } from '../../../platform/db/tenant-scope.ts';
import type { Platform } from '../../../platform/platform.ts';
import { type Access, agencyPathsOf } from '../services/config.ts';

/** Whether the caller may act with `permission` for a market of an agency (agency-scoped grants too). */
export async function accessFor(
  platform: Platform,
  scope: TenantScope,
  request: FastifyRequest,
  permission: string,
): Promise<Access> {
  const p = request.principal;
  if (!p) return { userId: null, may: () => false };
  const userId = p.user.id;
  if (platform.permissions.allows(p.grants, permission)) return { userId, may: () => true };
  if (!platform.permissions.allowsSomewhere(p.grants, permission)) return { userId, may: () => false };
  const paths = await agencyPathsOf(platform, scope);
  return {
    userId,
    may: (agencyId) =>
      agencyId !== null && platform.permissions.allows(p.grants, permission, paths(agencyId) ?? []),
  };
}
