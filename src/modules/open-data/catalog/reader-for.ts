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

export function readerFor(platform: Platform): ReaderFor {
  return (request, fn) => {
    const tenant = request.tenant!;
    const site = { tenant, baseUrl: portalLink(platform.config, tenant, '') };
    return platform.inTenantReplica(tenant.id, actorOf(request), (scope) => fn(catalogReader(scope, site)));
  };
}
