/**
 * `GET /api/v1/widgets`: the widgets the tenant's live apps offer to pages (`AppManifest.widgets`),
 * for editors who place them (the websites app's editor).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { translator } from '../i18n/index.ts';
import type { Platform } from '../platform.ts';
import { offeredWidgets } from './widgets.ts';

const Widget = Type.Object({
  id: Type.String({ description: 'The widget’s name in a page: `<app>.<id>`' }),
  app: Type.String({ description: 'The app that draws it' }),
  label: Type.String({ description: 'Its name in the caller’s language' }),
});

export function widgetRoutes(app: FastifyInstance, platform: Platform) {
  app.get(
    '/api/v1/widgets',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'The widgets pages may show',
        description:
          'What the apps live for the tenant offer to other apps’ pages (today’s market prices, a ' +
          'button to report a problem): a page names one as `<div data-widget="<id>"></div>` and the ' +
          'portal draws it there. Apps that are not live offer none.',
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: {
          200: Type.Object(
            { items: Type.Array(Widget) },
            {
              examples: [
                {
                  items: [
                    { id: 'market-prices.today', app: 'market-prices', label: 'Harga bahan pokok hari ini' },
                    { id: 'reports.report-button', app: 'reports', label: 'Tombol lapor masalah' },
                  ],
                },
              ],
            },
          ),
        },
      },
      config: { auth: 'required' },
    },
    async (request) => {
      const t = translator(request.lang);
      return {
        items: offeredWidgets(platform, request.tenant!.id).map((w) => ({
          id: w.id,
          app: w.app,
          label: t(w.label),
        })),
      };
    },
  );
}
