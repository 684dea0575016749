/**
 * What the setup screens read: every market the caller manages with its officers, every commodity
 * (retired ones too), the national list to pick from, the staff who may be made officers. The
 * public lists (`/markets`, `/commodities`) show only what is active, to anyone.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, requestAccess } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { AllCommodities, ManagedMarkets, NationalList, OfficerCandidates } from '../schemas.ts';
import { allCommodities, managedMarkets, nationalList, officerCandidates } from '../services/setup.ts';
import { BASE, tags } from './api.ts';

export function setupListRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    `${BASE}/reference/markets`,
    {
      schema: {
        tags,
        summary: 'The markets the caller manages, with their officers',
        description:
          'Every market the caller may manage with the reference permission (an agency administrator: ' +
          'those of their own agencies), retired ones too, each with its order and its officers.',
        response: { 200: ManagedMarkets },
      },
      config: { permission: PERM.reference, agencyScoped: true },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), async (scope) =>
        managedMarkets(platform, scope, await requestAccess(platform, scope, request)),
      ),
  );

  app.get(
    `${BASE}/reference/commodities`,
    {
      schema: {
        tags,
        summary: 'Every commodity of the tenant, retired ones too',
        description: 'The tenant’s commodities with their order, for the screen that edits them.',
        response: { 200: AllCommodities },
      },
      config: { permission: PERM.reference },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) => allCommodities(platform, scope)),
  );

  app.get(
    `${BASE}/reference/national-commodities`,
    {
      schema: {
        tags,
        summary: 'The national commodity list to pick from',
        description:
          'The national staple-food survey’s commodities and grades (PIHPS), each saying whether the ' +
          'tenant already has it. Adding one is `PUT /commodities/{code}` with its values.',
        response: { 200: NationalList },
      },
      config: { permission: PERM.reference },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) => nationalList(platform, scope)),
  );

  app.get(
    `${BASE}/reference/officer-candidates`,
    {
      schema: {
        tags,
        summary: 'The staff who may be made a market’s officers',
        description:
          'Active staff accounts holding the price entry permission (the officer or field officer ' +
          'role), with the agencies where they hold it. A role is granted in Pengaturan › Staf.',
        response: { 200: OfficerCandidates },
      },
      config: { permission: PERM.reference, agencyScoped: true },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        officerCandidates(platform, scope),
      ),
  );
}
