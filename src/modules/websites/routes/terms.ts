/** A site's categories and tags: listed and tags added by its writers, categories and changes by its managers. */
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { actorOf, noContent, type Platform, requestAccess } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { SiteParams, Slug, Term, TermInput, type TermInputType, Terms } from '../schemas.ts';
import { createTerm, removeTerm, renameTerm, termsOfSiteForStaff } from '../services/terms.ts';
import { BASE, tags } from './api.ts';

const TermParams = Type.Object({ site: Slug, id: Type.String({ format: 'uuid' }) });
const TermPatch = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })), slug: Type.Optional(Slug) },
  { additionalProperties: false, minProperties: 1, examples: [{ name: 'Kesehatan Ibu dan Anak' }] },
);
const DeleteQuery = Type.Object(
  { force: Type.Optional(Type.Boolean({ description: 'Remove it from its posts too' })) },
  { additionalProperties: false },
);

const TERMS = `${BASE}/sites/:site/terms`;

export function termRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Params: Static<typeof SiteParams> }>(
    TERMS,
    {
      schema: {
        tags,
        summary: "A website's categories and tags",
        description: "The site's categories and tags, by kind then name. Writers of the site's agency.",
        params: SiteParams,
        response: { 200: Terms },
      },
      config: { permission: PERM.write, agencyScoped: true },
    },
    (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), async (scope) =>
        termsOfSiteForStaff(scope, request.params.site, await requestAccess(platform, scope, request)),
      ),
  );

  app.post<{ Params: Static<typeof SiteParams>; Body: TermInputType }>(
    TERMS,
    {
      schema: {
        tags,
        summary: 'Add a category or a tag',
        description:
          "Adds a tag (the site's writers, while writing) or a category (the site's managers). The slug, the term's address part (`/kategori/<slug>`, `/tag/<slug>`), is made of the name unless given; one taken on the site is refused.",
        params: SiteParams,
        body: TermInput,
        response: { 201: Term },
      },
      config: { permission: PERM.write, agencyScoped: true },
    },
    async (request, reply) => {
      const term = await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        createTerm(scope, request.params.site, request.body, {
          write: await requestAccess(platform, scope, request),
          manage: await requestAccess(platform, scope, request, PERM.manage),
        }),
      );
      return reply.status(201).send(term);
    },
  );

  app.patch<{ Params: Static<typeof TermParams>; Body: Static<typeof TermPatch> }>(
    `${TERMS}/:id`,
    {
      schema: {
        tags,
        summary: 'Rename a category or a tag',
        description:
          "Changes a term's name, or its slug (its pages' address changes with it). The site's managers.",
        params: TermParams,
        body: TermPatch,
        response: { 200: Term },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    (request) =>
      platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        renameTerm(
          scope,
          request.params.site,
          request.params.id,
          request.body,
          await requestAccess(platform, scope, request),
        ),
      ),
  );

  app.delete<{ Params: Static<typeof TermParams>; Querystring: Static<typeof DeleteQuery> }>(
    `${TERMS}/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a category or a tag',
        description:
          "Removes a term. One still on posts is a 409 with their count, unless `force=true` takes it off them too (their revisions keep it as written). The site's managers.",
        params: TermParams,
        querystring: DeleteQuery,
        response: { 204: noContent('Removed') },
      },
      config: { permission: PERM.manage, agencyScoped: true },
    },
    async (request, reply) => {
      await platform.inTenant(request.tenant!.id, actorOf(request), async (scope) =>
        removeTerm(
          scope,
          request.params.site,
          request.params.id,
          request.query.force === true,
          await requestAccess(platform, scope, request),
        ),
      );
      return reply.status(204).send();
    },
  );
}
