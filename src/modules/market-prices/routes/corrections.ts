/**
 * The supervisors' correction of a published price.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, requestAccess } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { CorrectionInput, type CorrectionInputType, CorrectionResult, EntryParams } from '../schemas.ts';
import { correctEntry } from '../services/corrections.ts';
import { BASE, tags } from './api.ts';

/** Correct one published price, with a reason (supervisors, agency-scoped). */
export function correctionRoutes(app: FastifyInstance, platform: Platform) {
  app.post<{ Params: { market: string; day: string }; Body: CorrectionInputType }>(
    `${BASE}/corrections/:market/:day`,
    {
      schema: {
        tags,
        description:
          'Replaces a published price with a corrected one. The reason is required and kept in the audit trail with the old value.',
        summary:
          'Correct a published price, with a reason (kept in the audit trail); the rollup is recomputed',
        params: EntryParams,
        body: CorrectionInput,
        response: { 200: CorrectionResult },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { market, day } = request.params;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        correctEntry(
          platform,
          scope,
          tenant,
          market,
          day,
          request.body,
          await requestAccess(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );
}
