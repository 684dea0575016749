/** Possible duplicates of a report, for the operator's triage. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { IdParams, Similar } from '../schemas.ts';
import { similarReports } from '../services/similar.ts';

const tags = ['reports'];

/** GET /api/v1/reports/:id/similar. */
export function similarRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { id: string } }>(
    '/api/v1/reports/:id/similar',
    {
      schema: {
        tags,
        description:
          'Reports an operator may merge this one with: same category, within the tenant’s distance, filed within the duplicate window.',
        summary: 'Possible duplicates: same category, nearby, within the time window',
        params: IdParams,
        response: { 200: Similar },
      },
      config: { permission: PERM.triage },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        similarReports(platform, scope, request.params.id),
      );
    },
  );
}
