/**
 * Who acts, as the routes establish it for the services (`Access`).
 */
import type { FastifyRequest } from 'fastify';
import type { Platform, TenantScope } from '../../../platform/sdk/index.ts';
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
