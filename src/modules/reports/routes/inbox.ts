/** The staff's work: every report of the tenant or of their agencies, and the officers they may assign. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  AppError,
  actorOf,
  agencyTreeOf,
  type Platform,
  requirePrincipal,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { Filters, type FiltersInput, ReportPage } from '../schemas.ts';
import { officersFor } from '../services/agencies.ts';
import { listReports } from '../services/lists.ts';
import { agenciesWith } from './caller.ts';

const tags = ['reports'];

/** GET /api/v1/reports/inbox: the staff work list, private reports included. */
export function inboxRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: FiltersInput }>(
    '/api/v1/reports/inbox',
    {
      schema: {
        tags,
        description:
          'The reports staff work on: all of them for the command centre, only their agencies’ for agency staff, with the filters of the public list and overdue first.',
        summary: 'Staff work list: every report of the tenant, or of the caller’s agencies',
        querystring: Filters,
        response: { 200: ReportPage },
      },
      config: { permission: PERM.read, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) => {
        const agencies = await agenciesWith(platform, scope, principal, PERM.read);
        return listReports(platform, scope, tenant, request.query, request.lang, {
          staffAgencies: agencies,
          includePrivate: true,
        });
      });
    },
  );
}

/** GET /api/v1/reports/officers: who may be assigned an agency’s report. */
export function officersRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { agency: string } }>(
    '/api/v1/reports/officers',
    {
      schema: {
        tags,
        description:
          'The staff holding the follow-up permission in an agency, to assign a report to one of them.',
        summary: 'Staff who may follow up an agency’s reports: the officers to assign one to',
        querystring: Type.Object(
          { agency: Type.String({ format: 'uuid' }), lang: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object(
            { items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) },
            {
              examples: [{ items: [{ id: '01939a4e-7c21-7d3e-9a8b-2f41c6d0e512', name: 'Agus Prasetyo' }] }],
            },
          ),
        },
      },
      config: { permission: PERM.read, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const principal = requirePrincipal(request);
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) => {
        // Operators assign anywhere; agency staff only within their own agencies.
        if (!platform.permissions.allows(principal.grants, PERM.triage)) {
          const { paths } = await agencyTreeOf(platform, scope);
          const path = paths(request.query.agency);
          if (!path || !platform.permissions.allows(principal.grants, PERM.followUp, path))
            throw new AppError('forbidden');
        }
        return { items: await officersFor(platform, scope, request.query.agency, PERM.followUp) };
      });
    },
  );
}
