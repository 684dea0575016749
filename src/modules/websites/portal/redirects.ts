/**
 * Old WordPress addresses answered with a 301 to the new ones (the redirects the import stored):
 * `/situs/<site>/2024/05/slug/` and any other path of a site that no page answers, and the query
 * forms on the site's home (`/situs/<site>/?p=123`). The home's query forms are caught by a hook,
 * so that they redirect whatever route draws the home page; other paths by a catch-all route,
 * registered last, only when no page route of the site catches every path already (then that
 * route calls {@link legacyRedirect} before it answers 404).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, notFound, type Platform } from '../../../platform/sdk/index.ts';
import { portalContext } from '../../../platform/sdk/portal.ts';
import { findRedirect } from '../repo/import.ts';
import { findSite } from '../repo/sites.ts';
import { legacyQueryKey, normalizeOldPath } from '../services/legacy-paths.ts';
import { sitePath } from '../services/sites.ts';

const SITE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The new address (absolute path in the portal) of an old one of the site, or null. */
export async function legacyRedirect(
  platform: Platform,
  request: FastifyRequest,
  siteSlug: string,
  oldPath: string | null,
): Promise<string | null> {
  if (!oldPath || !SITE_SLUG.test(siteSlug)) return null;
  const ctx = portalContext(platform, request);
  const to = await platform.inTenantRead(ctx.tenant.id, actorOf(request), async (scope) => {
    const site = await findSite(scope, siteSlug);
    return site ? findRedirect(scope, site.id, oldPath) : null;
  });
  return to ? `${ctx.base}${sitePath(siteSlug)}${to}` : null;
}

async function answer(
  platform: Platform,
  request: FastifyRequest,
  reply: FastifyReply,
  siteSlug: string,
  oldPath: string | null,
) {
  const to = await legacyRedirect(platform, request, siteSlug, oldPath);
  if (!to) throw notFound('route');
  return reply.redirect(to, 301);
}

/** The hook of the home's query forms: call first in the app's portal registration. */
export function registerRedirectHook(app: FastifyInstance, platform: Platform) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.url?.endsWith('/situs/:site')) return;
    const key = legacyQueryKey((request.query ?? {}) as Record<string, unknown>);
    if (!key) return;
    const to = await legacyRedirect(platform, request, (request.params as { site: string }).site, key);
    if (to) return reply.redirect(to, 301);
  });
}

/** The catch-all routes of a site's old paths: call last, after every page route of the app. */
export function registerRedirectRoutes(app: FastifyInstance, platform: Platform) {
  // The router knows routes by their full path: the portal's prefix included.
  const taken = (path: string) => app.hasRoute({ method: 'GET', url: `${app.prefix}${path}` });
  if (!taken('/situs/:site')) {
    // Until the site's home page exists, its address answers the query forms only.
    app.get<{ Params: { site: string } }>(
      '/situs/:site',
      { config: { auth: 'optional' } },
      async (request, reply) =>
        answer(
          platform,
          request,
          reply,
          request.params.site,
          legacyQueryKey(request.query as Record<string, unknown>),
        ),
    );
  }
  if (!taken('/situs/:site/*')) {
    app.get<{ Params: { site: string; '*': string } }>(
      '/situs/:site/*',
      { config: { auth: 'optional' } },
      async (request, reply) => {
        const query = request.query as Record<string, unknown>;
        const rest = request.params['*'];
        const key = rest === '' ? legacyQueryKey(query) : normalizeOldPath(`/${rest}`);
        return answer(platform, request, reply, request.params.site, key);
      },
    );
  }
}
