/** Sites: the public list, one site, creating a site (tenant-wide), changing one (its agency's staff). */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, requestAccess } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import {
  Site,
  SiteInput,
  type SiteInputType,
  SiteParams,
  SitePatch,
  type SitePatchType,
  Sites,
} from '../schemas.ts';
import { setSiteHost } from '../services/site-host.ts';
import { changeSite, createSite, siteBySlug, sitesView, siteView } from '../services/sites.ts';
import { BASE, portalBase, tags } from './api.ts';

export function siteRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    `${BASE}/sites`,
    {
      schema: {
        tags,
        summary: "The tenant's websites",
        description:
          "Every website of the tenant: its own first, then its agencies' (OPD), with their public addresses.",
        security: [],
        response: { 200: Sites },
      },
      config: { auth: 'optional' },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        sitesView(scope, portalBase(tenant)),
      );
    },
  );

  app.get<{ Params: { site: string } }>(
    `${BASE}/sites/:site`,
    {
      schema: {
        tags,
        summary: 'One website',
        description:
          'A website of the tenant by its slug: name, agency, menu, footer, review stages and address.',
        security: [],
        params: SiteParams,
        response: { 200: Site },
      },
      config: { auth: 'optional' },
    },
    async (request) => {
      const tenant = request.tenant!;
      return platform.inTenantRead(tenant.id, actorOf(request), async (scope) => {
        const row = await siteBySlug(scope, request.params.site);
        const all = await sitesView(scope, portalBase(tenant));
        return all.items.find((s) => s.id === row.id) ?? siteView(row, null, portalBase(tenant));
      });
    },
  );

  app.post<{ Body: SiteInputType }>(
    `${BASE}/sites`,
    {
      schema: {
        tags,
        summary: 'Create a website for an agency',
        description:
          "Creates an agency's website (one per agency) with its slug, the address part under the tenant's portal (`/situs/<slug>`). Tenant-wide site managers only.",
        body: SiteInput,
        response: { 201: Site },
      },
      config: { permission: PERM.manage },
    },
    async (request, reply) => {
      const tenant = request.tenant!;
      const site = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        createSite(scope, request.body, portalBase(tenant)),
      );
      return reply.status(201).send(site);
    },
  );

  app.patch<{ Params: { site: string }; Body: SitePatchType }>(
    `${BASE}/sites/:site`,
    {
      schema: {
        tags,
        summary: "Change a website's settings",
        description:
          "Changes a website's name, tagline, footer, menu, number of review stages or own host name (under one of the tenant's domains, e.g. `dinkes.tangerangkota.go.id`; null removes it). An agency's site managers change their own agency's site only.",
        params: SiteParams,
        body: SitePatch,
        response: { 200: Site },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { host, ...patch } = request.body;
      if (host !== undefined) await setSiteHost(platform, request, request.params.site, host);
      if (Object.keys(patch).length === 0) {
        return platform.inTenant(tenant.id, actorOf(request), async (scope) => {
          const all = await sitesView(scope, portalBase(tenant));
          return all.items.find((s) => s.slug === request.params.site)!;
        });
      }
      return platform.inTenant(tenant.id, actorOf(request), async (scope) =>
        changeSite(
          scope,
          request.params.site,
          patch,
          await requestAccess(platform, scope, request),
          portalBase(tenant),
        ),
      );
    },
  );
}
