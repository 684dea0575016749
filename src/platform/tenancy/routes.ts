/** Routes for tenants, their settings and their agencies. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../errors.ts';
import { actorOf, requirePrincipal } from '../http/auth-hooks.ts';
import { requireUuid } from '../http/params.ts';
import { createFirstAdministrator } from '../people/first-admin.ts';
import { INVITE_TTL_HOURS, portalBase } from '../people/passwords.ts';
import { FirstAdministrator, type FirstAdministratorInput } from '../people/schemas.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from './directory.ts';
import { logoRoutes } from './logo.ts';
import {
  Agency,
  agencyExample,
  CreateAgency,
  type CreateAgencyInput,
  CreateTenant,
  type CreateTenantInput,
  Slug,
  TenantPublic,
  TenantSummary,
  tenantExample,
  tenantPublicExample,
  UpdateAgency,
  type UpdateAgencyInput,
  UpdateSettings,
  type UpdateSettingsInput,
} from './schemas.ts';
import {
  AGENCIES_TAG,
  agencyPath,
  agencyPaths,
  agencyView,
  createAgency,
  createTenant,
  listAgencies,
  updateAgency,
  updateTenantSettings,
} from './service.ts';

/** A tenant in the public list: its area as a bounding box only. */
function tenantSummary(t: VerifiedTenant) {
  return {
    slug: t.slug,
    code: t.code,
    name: t.name,
    kind: t.kind,
    timeZone: t.timeZone,
    defaultLanguage: t.defaultLanguage,
    branding: t.branding,
    domains: [...t.domains],
    bbox: t.areaBBox ? [...t.areaBBox] : null,
  };
}

function tenantView(t: VerifiedTenant) {
  return { ...tenantSummary(t), area: t.area };
}

/** `GET /api/v1/tenants`: the public list of tenants. */
export function tenancyRootRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/tenants',
    {
      schema: {
        tags: ['tenants'],
        description:
          'Every tenant on this Balai, for a client that serves several regions: its slug, code, kind, name, time zone and the bounding box of its area. Public.',
        summary: 'List tenants (regional governments); each area as its bounding box',
        response: {
          200: Type.Object({ items: Type.Array(TenantSummary) }, { examples: [{ items: [tenantExample] }] }),
        },
      },
    },
    async () => ({
      items: platform.directory
        .all()
        .sort((a, b) => a.code.localeCompare(b.code))
        .map(tenantSummary),
    }),
  );
}

/** Tenant-scoped routes: the tenant itself, its settings and logo, creating other tenants, agencies. */
export function tenancyTenantRoutes(app: FastifyInstance, platform: Platform) {
  logoRoutes(app, platform);
  app.get(
    '/api/v1',
    {
      schema: {
        tags: ['tenants'],
        description:
          'The tenant’s public profile: name, kind, languages, branding, its area (GeoJSON) and the codes of the apps live for it. Public: the portal and the console start here.',
        summary: 'This tenant, with its area and the apps live for it',
        response: {
          200: Type.Object(
            { ...TenantPublic.properties, apps: Type.Array(Type.String()) },
            { examples: [{ ...tenantPublicExample, apps: ['reports', 'market-prices'] }] },
          ),
        },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      return { ...tenantView(tenant), apps: platform.directory.liveApps(tenant.id) };
    },
  );

  app.patch<{ Body: UpdateSettingsInput }>(
    '/api/v1/settings',
    {
      schema: {
        tags: ['tenants'],
        description:
          'Changes the tenant’s own settings. Only the fields sent change; the area is a GeoJSON Polygon or MultiPolygon in WGS84. Answers the tenant as it now is.',
        summary: 'Change name, language, branding, domains or area',
        response: { 200: TenantPublic },
        body: UpdateSettings,
      },
      config: { permission: 'platform.tenant.configure' },
    },
    async (request) => {
      await updateTenantSettings(
        platform.database.db,
        request.tenant!.id,
        request.body,
        actorOf(request),
        platform.config.baseDomain,
      );
      await platform.directoryChanged();
      return tenantView(platform.directory.bySlug(request.tenant!.slug)!);
    },
  );

  app.post<{ Body: CreateTenantInput }>(
    '/api/v1/platform/tenants',
    {
      schema: {
        tags: ['tenants'],
        description:
          'Creates a new tenant (a regional government) with its slug, region code, kind, name, time zone and domains. Called on the platform tenant by a platform administrator.',
        summary: 'Create a tenant (platform administrators)',
        body: CreateTenant,
        response: { 201: TenantPublic },
      },
      config: { permission: 'platform.tenant.create' },
    },
    async (request, reply) => {
      await createTenant(platform.database.db, request.body, actorOf(request), platform.config.baseDomain);
      await platform.directoryChanged();
      return reply.status(201).send(tenantView(platform.directory.bySlug(request.body.slug)!));
    },
  );

  app.post<{ Params: { slug: string }; Body: FirstAdministratorInput }>(
    '/api/v1/platform/tenants/:slug/administrators',
    {
      schema: {
        tags: ['tenants'],
        summary: 'Give a tenant an administrator (platform administrators)',
        description:
          'Makes a staff account in the tenant named by `slug` with the `tenant_admin` role, and a ' +
          `single-use link (valid ${INVITE_TTL_HOURS} hours) with which its owner sets the password: sent ` +
          'to the email and answered here once, to hand over when no message can be sent. Nobody ' +
          'ever sees the password. 404 for an unknown tenant; 400 with the fields for an email, ' +
          'phone or NIP that is invalid or already taken in that tenant.',
        params: Type.Object({ slug: Slug }),
        body: FirstAdministrator,
        response: {
          201: Type.Object(
            {
              id: Type.String(),
              link: Type.String({ description: 'The link to set the password (shown once)' }),
              expiresAt: Type.String({ format: 'date-time' }),
            },
            {
              examples: [
                {
                  id: '019aa0c4-3a52-7c1e-9f3b-5d2f1c0e8a11',
                  link: 'https://lapor.tangerangkota.go.id/atur-sandi?token=Xq4Lw9pRt2VbN7cZk3HsM8yFd1GjA5eU6oTi0nPr',
                  expiresAt: '2026-12-10T04:00:00.000Z',
                },
              ],
            },
          ),
        },
      },
      config: { permission: 'platform.tenant.create' },
    },
    async (request, reply) => {
      const target = platform.directory.bySlug(request.params.slug);
      if (!target) throw new AppError('not_found', { params: { entity: 'tenant' } });
      const home = request.tenant!;
      // The trail of the tenant written to names who did it and from which tenant.
      const actor = { ...actorOf(request), label: `${actorOf(request).label} (${home.slug})` };
      const made = await platform.inTenant(target.id, actor, (scope) =>
        createFirstAdministrator(scope, request.body, {
          language: target.defaultLanguage,
          tenantName: target.branding.displayName,
          base: portalBase(platform.config, target, {
            host: request.host,
            protocol: request.protocol,
            viaPath: true,
          }),
          ip: request.ip,
        }),
      );
      return reply.status(201).send({ ...made, expiresAt: made.expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        description:
          'Every agency (organisasi perangkat daerah) of the tenant, with its parent, as a flat list a client can draw as a tree. Public: the portal names the agency in charge of a report.',
        summary: 'The tenant’s agencies (OPD)',
        response: {
          200: Type.Object(
            { items: Type.Array(Agency) },
            {
              examples: [
                {
                  items: [
                    agencyExample,
                    {
                      id: '01939a40-6c1a-7f93-a2d4-1e7b9c5f3a60',
                      parentId: null,
                      code: 'KEC-CIPONDOH',
                      name: 'Kecamatan Cipondoh',
                      kind: 'kecamatan',
                    },
                  ],
                },
              ],
            },
          ),
        },
      },
    },
    async (request) => {
      const tenantId = request.tenant!.id;
      // Served from the cache: invalidated on commit of any agency change, in every process.
      const items = await platform.cache.get(
        tenantId,
        AGENCIES_TAG,
        'list',
        async () => (await platform.inTenantRead(tenantId, actorOf(request), listAgencies)).map(agencyView),
        { share: true },
      );
      return { items };
    },
  );

  app.post<{ Body: CreateAgencyInput }>(
    '/api/v1/agencies',
    {
      schema: {
        tags: ['agencies'],
        description:
          'Adds an agency under an optional parent. An agency administrator may add one only under an agency they manage. The code is unique in the tenant (409 otherwise).',
        summary: 'Create an agency',
        body: CreateAgency,
        response: { 201: Agency },
      },
      config: { permission: 'platform.agency.manage', agencyScoped: true },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const row = await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) => {
        // An agency administrator may add units only under an agency of theirs.
        const path = request.body.parentId ? await agencyPath(scope, request.body.parentId) : undefined;
        if (!platform.permissions.allows(principal.grants, 'platform.agency.manage', path ?? undefined)) {
          throw new AppError('forbidden');
        }
        return createAgency(scope, request.body);
      });
      return reply.status(201).send(agencyView(row));
    },
  );

  app.patch<{ Params: { id: string }; Body: UpdateAgencyInput }>(
    '/api/v1/agencies/:id',
    {
      schema: {
        tags: ['agencies'],
        description:
          'Changes an agency’s name, kind or parent. A move that would make an agency its own ancestor is refused (409).',
        summary: 'Rename or move an agency',
        params: Type.Object({ id: Type.String() }),
        body: UpdateAgency,
        response: { 200: Agency },
      },
      config: { permission: 'platform.agency.manage', agencyScoped: true },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const id = requireUuid(request.params.id, 'agency');
      const row = await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) => {
        const pathOf = await agencyPaths(scope);
        const path = pathOf(id);
        if (!path) throw new AppError('not_found', { params: { entity: 'agency' } });
        const target = request.body.parentId ? pathOf(request.body.parentId) : null;
        const allowed =
          platform.permissions.allows(principal.grants, 'platform.agency.manage', path) &&
          (request.body.parentId === undefined ||
            platform.permissions.allows(principal.grants, 'platform.agency.manage', target ?? undefined));
        if (!allowed) throw new AppError('forbidden');
        return updateAgency(scope, id, request.body);
      });
      return agencyView(row);
    },
  );
}
