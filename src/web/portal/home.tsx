/**
 * The portal's home page (`/t/<slug>/`): the calls to action of the tenant's live apps, then a tile
 * for each live app that has citizen pages (its manifest's `portalHome`), each tile a link with the
 * app's other pages a visitor looks for (`portalHome.links`, `accountLinks`). An app without
 * citizen pages (a staff-only app such as the LIVE Room) has no tile: a tile is never a dead end.
 * After the tiles, the sections live apps add (`homeSections`: the latest news of the tenant's
 * websites), in their order; a section with nothing to show is left out.
 */
import type { FastifyInstance } from 'fastify';
import { Fragment } from 'react';
import type { Platform } from '../../platform/platform.ts';
import { portalContext, sendPage } from './kit.tsx';

export function homePage(app: FastifyInstance, platform: Platform): void {
  app.get('/', { config: { auth: 'optional' } }, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const modules = platform.liveModules(ctx.tenant.id).filter((m) => m.portalHome);
    const rows = modules.length
      ? await platform.database.db
          .selectFrom('apps')
          .select(['code', 'name', 'description'])
          .where(
            'code',
            'in',
            modules.map((m) => m.code),
          )
          .execute()
      : [];
    const catalogue = new Map(rows.map((r) => [r.code, r]));
    const sections = platform
      .liveModules(ctx.tenant.id)
      .flatMap((m) => (m.homeSections ?? []).map((section) => ({ key: `${m.code}.${section.id}`, section })))
      .sort((a, b) => a.section.order - b.section.order);
    const drawn = [];
    for (const { key, section } of sections) {
      const node = await section.render(request, platform);
      if (node !== null) drawn.push(<Fragment key={key}>{node}</Fragment>);
    }
    const tiles = modules
      .flatMap((m) => {
        const row = catalogue.get(m.code);
        const home = m.portalHome;
        if (!row || !home) return [];
        return [
          {
            code: m.code,
            name: row.name,
            description: row.description[ctx.lang],
            home,
            links: [...(home.links ?? []), ...(m.accountLinks ?? [])],
          },
        ];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return sendPage(reply, ctx, {
      title: t('portal.home'),
      body: (
        <>
          <h1>{ctx.tenant.branding.displayName || ctx.tenant.name}</h1>
          {tiles.flatMap((tile) =>
            tile.home.cta ? (
              <p key={tile.code}>
                <a className="cta" href={`${ctx.base}${tile.home.path}`}>
                  {t(tile.home.cta)}
                </a>
              </p>
            ) : (
              []
            ),
          )}
          <h2>{t('portal.apps')}</h2>
          <p className="lead">{t('portal.appsIntro', { tenant: ctx.tenant.name })}</p>
          {tiles.length ? (
            <ul className="tiles">
              {tiles.map((tile) => (
                <li className="tile" key={tile.code}>
                  <h3>
                    <a href={`${ctx.base}${tile.home.path}`}>{tile.name}</a>
                  </h3>
                  <p>{tile.description}</p>
                  {tile.links.length ? (
                    <ul className="tile-links" aria-label={t('portal.appPages', { app: tile.name })}>
                      {tile.links.map((link) => (
                        <li key={link.path}>
                          <a href={`${ctx.base}${link.path}`}>{t(link.label)}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('portal.noApps')}</p>
          )}
          {drawn}
        </>
      ),
    });
  });
}
