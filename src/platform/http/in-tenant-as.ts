/**
 * The way most routes of an app run their work: in the request's tenant, as its caller, with the
 * caller's agency access for the route's permission (`requestAccess`) and the tenant's portal path
 * (`/t/<slug>`) that addresses in the answer start from.
 */
import type { FastifyRequest } from 'fastify';
import type { TenantScope } from '../db/tenant-scope.ts';
import { type AgencyAccess, requestAccess } from '../people/agency-access.ts';
import type { Platform } from '../platform.ts';
import { actorOf } from './auth-hooks.ts';

/** The tenant's path on the portal, which the answers' addresses start from. */
export function tenantPath(tenant: Readonly<{ slug: string }>): string {
  return `/t/${tenant.slug}`;
}

export function inTenantAs(platform: Platform) {
  return <T>(
    request: FastifyRequest,
    fn: (scope: TenantScope, access: AgencyAccess, base: string) => Promise<T>,
  ): Promise<T> => {
    const tenant = request.tenant!;
    return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
      fn(scope, await requestAccess(platform, scope, request), tenantPath(tenant)),
    );
  };
}
