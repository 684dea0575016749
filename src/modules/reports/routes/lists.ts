/**
 * Lists of reports: the public list (cached; the reporter's identity never shown), the same as
 * GeoJSON for the map — both read where a moment's staleness is allowed (the read replica) — and
 * the signed-in citizen's own reports, from the primary (they look for the report just filed).
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, requirePrincipal } from '../../../platform/sdk/index.ts';
import { Filters, type FiltersInput, ReportPage } from '../schemas.ts';
import { REPORT_VIEWS_MAX_AGE_MS, REPORTS_TAG } from '../services/cache-tags.ts';
import { listReports } from '../services/lists.ts';
import { ReportsGeoJson } from './geojson-schema.ts';

const tags = ['reports'];

/** GET /api/v1/reports: the public list, with full-text search. */
export function listRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports',
    {
      schema: {
        tags,
        description:
          'Reports the public may see, filtered by category, status, type, agency, area, period or map box, and searched in their text (Indonesian stemming). Paged with `limit` and `offset`.',
        summary: 'Public list of reports (reporter identity never shown), with full-text search',
        querystring: Filters,
        response: { 200: ReportPage },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const key = `list:${request.lang}:${JSON.stringify(request.query)}`;
      return platform.cache.get(
        tenant.id,
        REPORTS_TAG,
        key,
        () =>
          platform.inTenantReplica(tenant.id, actorOf(request), (scope) =>
            listReports(platform, scope, tenant, request.query, request.lang),
          ),
        { maxAgeMs: REPORT_VIEWS_MAX_AGE_MS },
      );
    },
  );
}

/** GET /api/v1/reports/geojson: the public list as GeoJSON, for the map. */
export function mapRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports/geojson',
    {
      schema: {
        tags,
        description:
          'Public reports with a location as GeoJSON points, with the same filters as the list, for a map layer.',
        summary: 'Public reports as a GeoJSON FeatureCollection (reports with a map location)',
        produces: ['application/geo+json'],
        response: { 200: ReportsGeoJson },
        querystring: Filters,
      },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const key = `geojson:${request.lang}:${JSON.stringify(request.query)}`;
      const body = await platform.cache.get(
        tenant.id,
        REPORTS_TAG,
        key,
        async () => {
          const page = await platform.inTenantReplica(tenant.id, actorOf(request), (scope) =>
            listReports(
              platform,
              scope,
              tenant,
              { ...request.query, limit: request.query.limit },
              request.lang,
            ),
          );
          return {
            type: 'FeatureCollection',
            features: page.items
              .filter((r) => r.lat !== null && r.lng !== null)
              .map((r) => ({
                type: 'Feature',
                id: r.id,
                geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
                properties: {
                  trackingNo: r.trackingNo,
                  category: r.category.name,
                  status: r.status,
                  overdue: r.overdue,
                  createdAt: r.createdAt,
                },
              })),
          };
        },
        { maxAgeMs: REPORT_VIEWS_MAX_AGE_MS },
      );
      return reply.type('application/geo+json').send(body);
    },
  );
}

/** GET /api/v1/reports/mine: the signed-in citizen’s own reports. */
export function mineRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports/mine',
    {
      schema: {
        tags,
        description: 'The reports the signed-in citizen filed, private ones included, newest first.',
        summary: 'The signed-in citizen’s own reports',
        querystring: Filters,
        response: { 200: ReportPage },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        listReports(platform, scope, tenant, request.query, request.lang, {
          includePrivate: true,
          reporterUserId: principal.user.id,
        }),
      );
    },
  );
}
