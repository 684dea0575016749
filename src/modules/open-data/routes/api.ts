/** What every route file of the app shares. */
import type { FastifyRequest } from 'fastify';
import {
  agencyAccess,
  inTenantAs,
  type Platform,
  type TenantScope,
  tenantPath,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import type { Readers } from '../services/preview.ts';

export const BASE = '/api/v1/open-data';
export const tags = ['open-data'];

/** The tenant's base, which the answers' addresses start from. */
export const basePath = tenantPath;

export { inTenantAs };

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
