/**
 * The supervisors' review routes: a day's review, its verification and its publication.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, requestAccess, validate } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { DayParams, DayResult, Review, VerifyInput } from '../schemas.ts';
import { publishDay, reviewDay, verifyDay } from '../services/review.ts';
import { BASE, tags } from './api.ts';

/** Review, verify and publish a day (supervisors, agency-scoped). */
export function reviewRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: { day: string } }>(
    `${BASE}/review/:day`,
    {
      schema: {
        tags,
        description:
          'What a supervisor checks before publishing: every market they verify, each price against the last published one, jumps flagged, and what is still missing.',
        summary:
          'The supervisor’s review of a day: every market they verify, each price against the previous published one, jumps flagged',
        params: DayParams,
        response: { 200: Review },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) =>
        reviewDay(
          platform,
          scope,
          request.params.day,
          await requestAccess(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );

  app.post<{ Params: { day: string }; Body: unknown }>(
    `${BASE}/review/:day/verify`,
    {
      schema: {
        tags,
        description: 'Marks the day’s drafts as verified, ready to publish.',
        summary:
          'Verify a day’s drafts, in the markets given (body `{"markets": [codes]}`, optional) or every market the caller verifies',
        params: DayParams,
        response: { 200: DayResult },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      // The body may be left out altogether, which a declared body schema would refuse.
      const body = validate(VerifyInput, request.body ?? {});
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        verifyDay(
          platform,
          scope,
          tenant,
          request.params.day,
          body.markets,
          await requestAccess(platform, scope, request, PERM.verify),
        ),
      );
    },
  );

  app.post<{ Params: { day: string } }>(
    `${BASE}/review/:day/publish`,
    {
      schema: {
        tags,
        description:
          'Publishes the verified prices of the day: they become public at the publication time, the city-wide figures are computed and price-rise alerts are sent.',
        summary:
          'Publish a verified day: public from the later of now and the day’s publication time; writes the city rollup and raises alerts',
        params: DayParams,
        response: { 200: DayResult },
      },
      config: { permission: PERM.verify, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        publishDay(
          platform,
          scope,
          tenant,
          request.params.day,
          await requestAccess(platform, scope, request, PERM.verify),
          request.lang,
        ),
      );
    },
  );
}
