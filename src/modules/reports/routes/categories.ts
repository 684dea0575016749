/** The report categories: the active ones for everyone, and their changes by the app's administrators. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { Category, CategoryInput, type CategoryInputType } from '../schemas.ts';
import { loadConfig } from '../services/config.ts';
import { categoryView, putCategory } from '../services/settings.ts';

const tags = ['reports'];

/** GET /api/v1/reports/categories: the active categories. */
export function categoriesRoute(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/reports/categories',
    {
      schema: {
        tags,
        description: 'The categories a citizen chooses from, with their default agency and deadlines.',
        summary: 'Report categories of the tenant',
        response: { 200: Type.Array(Category) },
      },
    },
    async (request) => {
      const tenant = request.tenant!;
      const config = await platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return [...config.categories.values()].filter((c) => c.active).map(categoryView);
    },
  );
}

/** PUT /api/v1/reports/categories/:code: create or change a category. */
export function putCategoryRoute(app: FastifyInstance, platform: Platform) {
  app.put<{ Params: { code: string }; Body: CategoryInputType }>(
    '/api/v1/reports/categories/:code',
    {
      schema: {
        tags,
        description:
          'Creates the category with this code, or changes it: names in each language, default agency and deadline track, deadline overrides, whether it is offered.',
        summary: 'Create or change a category (name, default agency, deadline overrides)',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        body: CategoryInput,
        response: { 200: Category },
      },
      config: { permission: PERM.settings },
    },
    async (request) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        putCategory(scope, request.params.code, request.body),
      );
      const config = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return categoryView(config.categories.get(request.params.code)!);
    },
  );
}
