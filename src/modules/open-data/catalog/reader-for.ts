/**
 * The catalogue reader of a request's tenant, for the outward formats' routes (CKAN, DCAT, the
 * portal): one scope per answer, so that a page of datasets and its facets are read in one
 * transaction, and every address is the tenant's portal address as messages give it. The published
 * catalogue may trail a publication by a moment: it is read on the read replica when there is one.
 */
import type { FastifyRequest } from 'fastify';
import { actorOf, type Platform, portalLink } from '../../../platform/sdk/index.ts';
import { catalogReader } from './read.ts';
import type { CatalogReader } from './reader.ts';

/** Runs `fn` with the catalogue reader of the request's tenant, in the tenant's scope. */
export type ReaderFor = <T>(request: FastifyRequest, fn: (reader: CatalogReader) => Promise<T>) => Promise<T>;

/**
 * The reader of each request's tenant. Its addresses start with `base` (the tenant's public
 * portal address by default, as harvesters need them whole); the portal's pages give their own
 * path (`/t/<slug>`), so that their links and downloads stay on the host the visitor came by.
 */
export function readerFor(
  platform: Platform,
  base: (request: FastifyRequest) => string = (request) => portalLink(platform.config, request.tenant!, ''),
): ReaderFor {
  return (request, fn) => {
    const tenant = request.tenant!;
    const site = { tenant, baseUrl: base(request) };
    return platform.inTenantReplica(tenant.id, actorOf(request), (scope) => fn(catalogReader(scope, site)));
  };
}
