/**
 * The app's citizen page (`/open-data`): the catalogue's entrance, drawn on the server in the
 * tenant's layout and language (the search, dataset pages and previews come with the portal work).
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';
import { portalContext, sendPage } from '../../../platform/sdk/portal.ts';

/** Registers the app's portal pages (inside the portal, behind the adoption gate). */
export function registerPortal(app: FastifyInstance, platform: Platform) {
  app.get('/open-data', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    return sendPage(reply, ctx, {
      title: t('open-data.portal.title'),
      body: (
        <>
          <h1>{t('open-data.portal.title')}</h1>
          <p className="lead">{t('open-data.portal.intro', { tenant: ctx.tenant.name })}</p>
        </>
      ),
    });
  });
}
