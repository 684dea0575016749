/**
 * The app's citizen page (`/open-data`): the tenant's latest items, drawn on the server in the
 * tenant's layout and language; it works without JavaScript.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { portalContext, sendPage, when } from '../../../platform/sdk/portal.ts';
import { itemsView } from '../services/items.ts';

/** Registers the app's portal pages (inside the portal, behind the adoption gate). */
export function registerPortal(app: FastifyInstance, platform: Platform) {
  app.get('/open-data', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const { items } = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) => itemsView(scope));
    return sendPage(reply, ctx, {
      title: t('open-data.portal.title'),
      body: (
        <>
          <h1>{t('open-data.portal.title')}</h1>
          <p className="lead">{t('open-data.portal.intro', { tenant: ctx.tenant.name })}</p>
          {items.length === 0 ? <p className="card">{t('open-data.portal.empty')}</p> : null}
          <ul className="tiles">
            {items.map((item) => (
              <li className="tile" key={item.id}>
                <h2>{item.title}</h2>
                {item.description ? <p>{item.description}</p> : null}
                <p>
                  <time dateTime={item.createdAt}>{when(ctx, item.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        </>
      ),
    });
  });
}
