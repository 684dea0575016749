/**
 * Whom an Open311 request is for and from: the tenant its `jurisdiction_id` names (or the tenant
 * of the path), the account behind its `api_key`, and the addresses it reached the tenant by.
 */
import type { FastifyRequest } from 'fastify';
import {
  AUTH_TAG,
  type Platform,
  type Principal,
  pickLanguage,
  principalFromToken,
  sha256,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { arg, Open311Error } from './params.ts';

/** Served under a tenant's path (or host), or at the root where `jurisdiction_id` names the tenant. */
export type Mode = 'tenant' | 'root';
const APP = 'reports';

/** The tenant a `jurisdiction_id` names: its slug, or one of its domains (with or without www.). */
function tenantNamed(platform: Platform, given: string): VerifiedTenant | undefined {
  const name = given
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '');
  return platform.directory.bySlug(name) ?? platform.directory.byHost(name);
}

/**
 * The tenant the request is for. Under a tenant's path a `jurisdiction_id` is optional and must
 * name that tenant; at the root it is required and sets the request's tenant and language.
 */
export function jurisdictionOf(platform: Platform, request: FastifyRequest, mode: Mode): VerifiedTenant {
  const given =
    arg(request.query, 'jurisdiction_id') ??
    (request.method === 'POST' ? arg(request.body, 'jurisdiction_id') : undefined);
  if (mode === 'tenant') {
    const tenant = request.tenant!;
    if (given !== undefined && tenantNamed(platform, given)?.id !== tenant.id) {
      throw new Open311Error(404, 'jurisdiction_unknown', { value: given });
    }
    return tenant;
  }
  if (given === undefined) throw new Open311Error(400, 'jurisdiction_missing');
  const tenant = tenantNamed(platform, given);
  if (!tenant || !platform.directory.isLive(tenant.id, APP)) {
    throw new Open311Error(404, 'jurisdiction_unknown', { value: given });
  }
  request.tenant = tenant;
  const query = request.query as Record<string, unknown> | undefined;
  request.lang = pickLanguage(
    typeof query?.lang === 'string' ? query.lang : undefined,
    request.headers['accept-language'],
    tenant.defaultLanguage,
  );
  return tenant;
}

/** The account behind `api_key` (or a Bearer token): a Balai API token of this tenant. */
export async function apiKeyPrincipal(
  platform: Platform,
  request: FastifyRequest,
  tenant: VerifiedTenant,
): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const key = arg(request.body, 'api_key') ?? bearer;
  if (!key) throw new Open311Error(403, 'api_key_missing');
  const actor = { userId: null, label: 'anonymous', requestId: request.id, ip: request.ip };
  // Cached with the principals of Bearer tokens: revocation and grant changes drop it.
  const principal = await platform.cache.get(tenant.id, AUTH_TAG, `token:${sha256(key)}`, () =>
    platform.inTenant(tenant.id, actor, (scope) => principalFromToken(scope, key)),
  );
  if (!principal || (principal.expiresAt && principal.expiresAt <= new Date())) {
    throw new Open311Error(403, 'api_key_invalid');
  }
  return principal;
}

/** The scheme and host the request came to (empty when it named no host). */
export function originOf(request: FastifyRequest): string {
  return request.host ? `${request.protocol}://${request.host}` : '';
}

/** The tenant's home as this request reached it: `/t/<slug>`, or the root of its own host. */
export function homeOf(request: FastifyRequest, tenant: VerifiedTenant, mode: Mode): string {
  const viaPath = mode === 'root' || request.originalUrl.startsWith('/t/');
  return `${originOf(request)}${viaPath ? `/t/${tenant.slug}` : ''}`;
}
