/** What every route file of the app shares. */
import type { FastifyRequest } from 'fastify';
import {
  type AgencyAccess,
  actorOf,
  agencyAccess,
  type Platform,
  requestAccess,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import type { Readers } from '../services/preview.ts';

export const BASE = '/api/v1/open-data';
export const tags = ['open-data'];

/** The tenant's base, which the answers' addresses start from. */
export function basePath(tenant: { slug: string }): string {
  return `/t/${tenant.slug}`;
}

/** Runs a route's work in the caller's tenant, with the caller's agency access for the route's permission. */
export function inTenantAs(platform: Platform) {
  return <T>(
    request: FastifyRequest,
    fn: (scope: TenantScope, access: AgencyAccess, base: string) => Promise<T>,
  ): Promise<T> => {
    const tenant = request.tenant!;
    return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
      fn(scope, await requestAccess(platform, scope, request), basePath(tenant)),
    );
  };
}

/** The caller's reach as a producer and as the walidata (nobody signed in: neither). */
export async function readersOf(
  platform: Platform,
  scope: TenantScope,
  request: FastifyRequest,
): Promise<Readers> {
  return {
    write: await agencyAccess(platform, scope, request.principal, PERM.write),
    review: await agencyAccess(platform, scope, request.principal, PERM.review),
  };
}
