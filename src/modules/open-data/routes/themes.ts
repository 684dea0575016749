/** The tenant's themes: listed for anyone, kept by the walidata. */
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf, noContent, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { IdParams, Theme, ThemeInput, type ThemeInputType, Themes } from '../schemas.ts';
import { changeTheme, createTheme, removeTheme, themesView } from '../services/themes.ts';
import { BASE, tags } from './api.ts';

type Id = { Params: Static<typeof IdParams> };

export function themeRoutes(app: FastifyInstance, platform: Platform) {
  const run = <T>(request: Parameters<typeof actorOf>[0], fn: Parameters<Platform['inTenant']>[2]) =>
    platform.inTenant(request.tenant!.id, actorOf(request), fn) as Promise<T>;
  const manage = { permission: PERM.themes };

  app.get(
    `${BASE}/themes`,
    {
      schema: {
        tags,
        summary: 'The region’s themes',
        description:
          'The themes (CKAN’s groups, Satu Data’s affairs) datasets are filed under, in their order. Public.',
        response: { 200: Themes },
      },
      config: { auth: 'optional' },
    },
    (request) => platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) => themesView(scope)),
  );

  app.post<{ Body: ThemeInputType }>(
    `${BASE}/themes`,
    {
      schema: {
        tags,
        summary: 'Add a theme',
        description: 'A new theme; its `name` is its address (`group_show?id=`), unique in the region.',
        body: ThemeInput,
        response: { 201: Theme },
      },
      config: manage,
    },
    async (request, reply) =>
      reply.status(201).send(await run(request, (scope) => createTheme(scope, request.body))),
  );

  app.put<Id & { Body: ThemeInputType }>(
    `${BASE}/themes/:id`,
    {
      schema: {
        tags,
        summary: 'Change a theme',
        description: 'Renames, describes or reorders a theme; its datasets keep it.',
        params: IdParams,
        body: ThemeInput,
        response: { 200: Theme },
      },
      config: manage,
    },
    (request) => run(request, (scope) => changeTheme(scope, request.params.id, request.body)),
  );

  app.delete<Id>(
    `${BASE}/themes/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a theme',
        description: 'Removes the theme; the datasets filed under it simply lose it.',
        params: IdParams,
        response: { 204: noContent('Removed') },
      },
      config: manage,
    },
    async (request, reply) => {
      await run(request, (scope) => removeTheme(scope, request.params.id));
      return reply.status(204).send();
    },
  );
}
