/** The app's settings for the tenant: deadlines, duplicate window, minimum sample, display name, LAPOR!. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { Settings, SettingsInput, type SettingsInputType } from '../schemas.ts';
import { loadConfig } from '../services/config.ts';
import { updateSettings } from '../services/settings.ts';

const tags = ['reports'];

/** GET and PATCH /api/v1/reports/settings. */
export function settingsRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/reports/settings',
    {
      schema: {
        tags,
        description:
          'The reports app’s settings for the tenant: deadlines, duplicate window, the minimum sample for statistics and the app’s display name.',
        summary: 'The app’s settings for the tenant',
        response: { 200: Settings },
      },
      config: { permission: PERM.settings },
    },
    async (request) => {
      const tenant = request.tenant!;
      const { settings } = await platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return settings;
    },
  );

  app.patch<{ Body: SettingsInputType }>(
    '/api/v1/reports/settings',
    {
      schema: {
        tags,
        description: 'Changes the reports app’s settings; only the fields sent change.',
        summary: 'Change deadlines, duplicate window, minimum sample, display name',
        body: SettingsInput,
        response: { 200: Settings },
      },
      config: { permission: PERM.settings },
    },
    async (request) => {
      const tenant = request.tenant!;
      await platform.inTenant(tenant.id, actorOf(request), (scope) => updateSettings(scope, request.body));
      const { settings } = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
        loadConfig(platform, scope),
      );
      return settings;
    },
  );
}
