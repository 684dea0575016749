/** Statistics of the tenant's reports (cached): each agency's responsiveness, the command centre's counts. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, invalid, type Platform } from '../../../platform/sdk/index.ts';
import { localDateOf } from '../../../platform/sdk/shared.ts';
import { PERM } from '../permissions.ts';
import { AgencyStats, Summary } from '../schemas.ts';
import { REPORT_VIEWS_MAX_AGE_MS, REPORTS_TAG } from '../services/cache-tags.ts';
import { agencyStats, summary } from '../services/statistics.ts';

const tags = ['reports'];

/** GET /api/v1/reports/stats/agencies: per-agency responsiveness over a range of days. */
export function agencyStatsRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/v1/reports/stats/agencies',
    {
      schema: {
        tags,
        description:
          'For each agency: how many reports it followed up, the median working days it took and the share on time. Figures below the tenant’s minimum sample are withheld. Public.',
        summary: 'Per-agency responsiveness: median working days to follow-up and share on time',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: AgencyStats },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      // Days are the tenant's: after 17:00 UTC it is already tomorrow in WIB.
      const now = new Date();
      const to = request.query.to ?? localDateOf(now, tenant.timeZone);
      const from =
        request.query.from ?? localDateOf(new Date(now.getTime() - 90 * 86_400_000), tenant.timeZone);
      if (from > to) throw invalid({ path: '/querystring/from', code: 'date_order' });
      return platform.cache.get(
        tenant.id,
        REPORTS_TAG,
        `stats:${from}:${to}`,
        () =>
          platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
            agencyStats(platform, scope, tenant, { from, to }),
          ),
        { maxAgeMs: REPORT_VIEWS_MAX_AGE_MS },
      );
    },
  );
}

/**
 * GET /api/v1/reports/stats/summary: counts by status and category, overdue per agency. The public
 * counts public reports; staff who read every report of the tenant count them all.
 */
export function summaryRoute(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/reports/stats/summary',
    {
      schema: {
        tags,
        summary: 'Counts by status and category, overdue per agency',
        description:
          'The tenant’s figures at a glance: reports by status and by category, and overdue reports per ' +
          'agency. Counts of the public reports; for staff who read every report of the tenant (the LIVE Room), ' +
          'of every report, confidential and not yet verified ones included.',
        response: { 200: Summary },
      },
      config: { auth: 'optional' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const grants = request.principal?.grants;
      const staff = grants !== undefined && platform.permissions.allows(grants, PERM.read);
      return platform.cache.get(
        tenant.id,
        REPORTS_TAG,
        staff ? 'summary:staff' : 'summary',
        () =>
          platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
            summary(platform, scope, new Date(), staff),
          ),
        { maxAgeMs: REPORT_VIEWS_MAX_AGE_MS },
      );
    },
  );
}
