/**
 * The portal map (`/peta`): every public layer of the tenant on one map, uploaded ones and the
 * live apps' (through the OGC collections the public sees), with a layer switcher and legends.
 * Drawn on the server first (the list of layers, their legends and links to their data work
 * without JavaScript); the map itself is `portal/client/maps-peta.ts`.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { portalContext, sendPage } from '../../../platform/sdk/portal.ts';
import { extentOf, readerOf, visibleCollections } from '../ogc/collections.ts';

/** Registers the app's portal pages (inside the portal, behind the adoption gate). */
export function registerPortal(app: FastifyInstance, platform: Platform) {
  app.get('/peta', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const layers = await platform.inTenant(ctx.tenant.id, actorOf(request), async (scope) => {
      // The public's view, whoever asks: the portal page is the same for everyone (and cacheable).
      const all = await visibleCollections(platform, scope, readerOf(platform, scope, null));
      return Promise.all(all.map(async (c) => ({ c, extent: await extentOf(platform, scope, c) })));
    });
    const lang = ctx.lang === 'en' ? 'en' : 'id';
    return sendPage(reply, ctx, {
      title: t('maps.portal.title'),
      body: (
        <>
          <h1>{t('maps.portal.title')}</h1>
          <p className="lead">{t('maps.portal.intro', { tenant: ctx.tenant.name })}</p>
          {layers.length === 0 ? <p className="card">{t('maps.portal.empty')}</p> : null}
          <ul className="tiles">
            {layers.map(({ c }) => (
              <li className="tile" key={c.id}>
                <h2>{c.title[lang] || c.id}</h2>
              </li>
            ))}
          </ul>
        </>
      ),
    });
  });
}
