/** What every route file of the app shares. */
import type { FastifyRequest } from 'fastify';
import {
  type AgencyAccess,
  actorOf,
  type Platform,
  requestAccess,
  type TenantScope,
} from '../../../platform/sdk/index.ts';

export const BASE = '/api/v1/websites';
export const tags = ['websites'];

/** The tenant's portal base, which the site addresses in answers start from. */
export function portalBase(tenant: { slug: string }): string {
  return `/t/${tenant.slug}`;
}

/**
 * Runs a route's work in the caller's tenant, with the caller's agency access for the route's
 * permission and the portal base the answer's addresses start from.
 */
export function inTenantAs(platform: Platform) {
  return <T>(
    request: FastifyRequest,
    fn: (scope: TenantScope, access: AgencyAccess, base: string) => Promise<T>,
  ): Promise<T> => {
    const tenant = request.tenant!;
    return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
      fn(scope, await requestAccess(platform, scope, request), portalBase(tenant)),
    );
  };
}
