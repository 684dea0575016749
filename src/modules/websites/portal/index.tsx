/**
 * The app's citizen pages: the list of the tenant's websites (`/situs`). Each site's own pages
 * are under `/situs/<slug>/`, drawn on the server in the tenant's layout; they work without
 * JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { portalContext, sendPage } from '../../../platform/sdk/portal.ts';
import { sitesView } from '../services/sites.ts';
import { registerPpidPortal } from './ppid.tsx';
import { registerRedirectHook, registerRedirectRoutes } from './redirects.ts';
import { registerSiteFeeds } from './site-feeds.ts';
import { registerSiteMedia } from './site-media.ts';
import { registerSitePages } from './site-pages.tsx';
import { registerSiteSearch } from './site-search.tsx';

/** Registers the app's portal pages (inside the portal, behind the adoption gate). */
export function registerPortal(app: FastifyInstance, platform: Platform) {
  registerRedirectHook(app, platform);
  registerPpidPortal(app, platform);
  registerSitePages(app, platform);
  registerSiteSearch(app, platform);
  registerSiteFeeds(app, platform);
  registerSiteMedia(app, platform);
  app.get('/situs', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const { items } = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
      sitesView(scope, ctx.base),
    );
    return sendPage(reply, ctx, {
      title: t('websites.portal.title'),
      body: (
        <>
          <h1>{t('websites.portal.title')}</h1>
          <p className="lead">{t('websites.portal.intro', { tenant: ctx.tenant.name })}</p>
          {items.length === 0 ? <p className="card">{t('websites.portal.empty')}</p> : null}
          <ul className="tiles">
            {items.map((site) => (
              <li className="tile" key={site.id}>
                <h2>
                  <a href={site.url}>{site.name}</a>
                </h2>
                {site.tagline ? <p>{site.tagline}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ),
    });
  });
  // Last: old WordPress addresses that no page of a site answers.
  registerRedirectRoutes(app, platform);
}
