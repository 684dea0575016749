/** One report with its history, as the caller may see it (public, reporter, staff). */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { IdParams, ReportDetail } from '../schemas.ts';
import { getReport } from '../services/detail.ts';
import { agenciesWith, ReporterHeaders, secretOf, whoAll } from './caller.ts';

const tags = ['reports'];

/** GET /api/v1/reports/:id, by id or tracking number. */
export function detailRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { id: string } }>(
    '/api/v1/reports/:id',
    {
      schema: {
        tags,
        description:
          'A report as the caller may see it: the public see a public report without its reporter; staff and the reporter (signed in, or with `x-report-secret`) see more, with the actions they may take.',
        summary: 'One report with its history, by id or tracking number',
        params: IdParams,
        headers: ReporterHeaders,
        response: { 200: ReportDetail },
      },
      config: { auth: 'optional' },
    },
    async (request) => {
      const tenant = request.tenant!;
      const secret = secretOf(request);
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) => {
        const who = await whoAll(platform, scope, request, secret);
        const readers = request.principal
          ? await agenciesWith(platform, scope, request.principal, PERM.read)
          : [];
        const { detail } = await getReport(
          platform,
          scope,
          tenant,
          request.params.id,
          request.lang,
          who,
          (agencyId) => (readers === null ? true : agencyId !== null && readers.includes(agencyId)),
        );
        return detail;
      });
    },
  );
}
