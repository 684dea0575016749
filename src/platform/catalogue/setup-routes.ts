/** Routes of the apps' setup checklists (`AppManifest.setup`), for the tenant's administrators. */

import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../http/auth-hooks.ts';
import type { Platform } from '../platform.ts';
import { setupChecklist, setupChecklists } from './setup.ts';

const Count = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description });

const SetupItem = Type.Object({
  id: Type.String({ description: 'Stable within the app' }),
  label: Type.String({ description: 'What to do, in the caller’s language' }),
  screen: Type.String({ description: 'The console screen that does it, a path under /konsol' }),
  done: Type.Boolean(),
  count: Count('How many of the thing the tenant has, if counted'),
  missing: Count('How many still lack something, if that blocks'),
});

const SetupApp = Type.Object(
  {
    app: Type.String({ description: 'The app’s code in the catalogue' }),
    name: Type.String(),
    done: Type.Boolean({ description: 'Every item is done' }),
    items: Type.Array(SetupItem),
  },
  {
    examples: [
      {
        app: 'market-prices',
        name: 'SEGAR',
        done: false,
        items: [
          {
            id: 'markets',
            label: 'Tambahkan pasar yang disurvei',
            screen: '/admin/price-markets',
            done: true,
            count: 2,
            missing: null,
          },
          {
            id: 'officers',
            label: 'Tetapkan petugas untuk setiap pasar',
            screen: '/admin/price-officers',
            done: false,
            count: 1,
            missing: 1,
          },
        ],
      },
    ],
  },
);

const Lang = Type.Object({ lang: Type.Optional(Type.String()) });

export function setupRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/setup',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'What each live app still needs before it is useful',
        description:
          'The setup checklist of every app the tenant has live that declares one: each item with ' +
          'whether it is done, what it counts, and the console screen that does it. Apps that are ' +
          'not live are not listed.',
        querystring: Lang,
        response: { 200: Type.Object({ items: Type.Array(SetupApp) }) },
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request) => ({
      items: await platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        setupChecklists(platform, scope, request.lang),
      ),
    }),
  );

  app.get<{ Params: { app: string } }>(
    '/api/v1/setup/:app',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'What one live app still needs before it is useful',
        description:
          'The setup checklist of one app. An app that is not live for the tenant, or has no ' +
          'checklist, answers 404.',
        params: Type.Object({ app: Type.String({ pattern: '^[a-z0-9-]{2,40}$' }) }),
        querystring: Lang,
        response: { 200: SetupApp },
      },
      config: { permission: 'platform.adoption.manage' },
    },
    async (request) =>
      platform.inTenantRead(request.tenant!.id, actorOf(request), (scope) =>
        setupChecklist(platform, scope, request.params.app, request.lang),
      ),
  );
}
