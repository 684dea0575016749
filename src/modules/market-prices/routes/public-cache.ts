/**
 * The tenant's cache of public prices reads, shared by the API's public routes and the portal's
 * pages (ADR 0010, ADR 0015).
 */
import type { FastifyRequest } from 'fastify';
import { actorOf, type Platform, type TenantScope } from '../../../platform/sdk/index.ts';
import { configOf, PRICES_TAG } from '../services/config.ts';
import { visibilityKey } from '../services/public-views.ts';
import { todayOf } from '../services/today.ts';

/**
 * The tenant's cache of public prices reads: values kept under the prices tag until a writer
 * changes them or a publication time passes; the key gets the language, the tenant's day and which
 * waiting publications are public. The API and the portal's pages share it.
 */
export function publicCache(platform: Platform, request: FastifyRequest, at?: Date) {
  const tenant = request.tenant!;
  const actor = actorOf(request);
  return async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    // The moment the caller loads for, so that a load straddling a publication time is kept under
    // the key of the moment it read (not a later one).
    const now = at ?? new Date();
    const config = await configOf(platform, tenant.id, actor);
    const full = `${key}:${request.lang}:${todayOf(tenant, now)}:${visibilityKey(config, now)}`;
    // Every loader given here reads in a transaction of its own (publicRead, viewOf, the pages).
    return platform.cache.get(tenant.id, PRICES_TAG, full, load, { share: true });
  };
}

/**
 * A public read through {@link publicCache}, loaded when not cached in one read-only tenant
 * transaction where a moment's staleness is allowed (the read replica, when there is one).
 */
export function publicRead<T>(
  platform: Platform,
  request: FastifyRequest,
  key: string,
  load: (scope: TenantScope) => Promise<T>,
  at?: Date,
): Promise<T> {
  return publicCache(
    platform,
    request,
    at,
  )(key, () => platform.inTenantReplica(request.tenant!.id, actorOf(request), load));
}
