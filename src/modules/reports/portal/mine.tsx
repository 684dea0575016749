/** The signed-in citizen's own reports (`/laporan-saya`), private ones included. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import { href, portalContext, sendPage, when } from '../../../platform/sdk/portal.ts';
import type { FiltersInput } from '../schemas.ts';
import { listReports } from '../services/lists.ts';
import { StatusBadge } from './shared.tsx';

/** GET /laporan-saya: a table of the citizen’s reports; a visitor is sent to sign in. */
export function mineRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { offset?: string } }>(
    '/laporan-saya',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      if (!ctx.user) return reply.redirect(href(ctx, '/masuk', { next: ctx.url }), 303);
      const userId = ctx.user.id;
      const offset = Math.max(0, Math.min(10_000, Number.parseInt(request.query.offset ?? '0', 10) || 0));
      const page = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
        listReports(platform, scope, ctx.tenant, { limit: 50, offset } as FiltersInput, ctx.lang, {
          includePrivate: true,
          reporterUserId: userId,
        }),
      );
      const next = offset + 50 < page.total ? offset + 50 : null;
      return sendPage(reply, ctx, {
        title: t('reports.portal.mineTitle'),
        body: (
          <>
            <h1>{t('reports.portal.mineTitle')}</h1>
            <p className="lead">{t('reports.portal.mineIntro')}</p>
            {page.total === 0 ? (
              <>
                <p className="card">{t('reports.portal.mineEmpty')}</p>
                <p>
                  <a className="cta" href={`${ctx.base}/lapor`}>
                    {t('reports.portal.reportCta')}
                  </a>
                </p>
              </>
            ) : (
              <>
                <p>{t('reports.portal.mineCount', { count: page.total })}</p>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
                <section className="table-wrap" aria-labelledby="mine-caption" tabIndex={0}>
                  <table className="table">
                    <caption id="mine-caption">{t('reports.portal.mineCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.portal.colNo')}</th>
                        <th scope="col">{t('reports.portal.category')}</th>
                        <th scope="col">{t('reports.portal.statusLabel')}</th>
                        <th scope="col">{t('reports.portal.colDate')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {page.items.map((r) => (
                        <tr key={r.id}>
                          <th scope="row">
                            <a href={`${ctx.base}/laporan/${r.trackingNo}`}>{r.trackingNo}</a>
                          </th>
                          <td>{r.category.name}</td>
                          <td>
                            <StatusBadge ctx={ctx} status={r.status} overdue={r.overdue} />
                          </td>
                          <td>{when(ctx, r.createdAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
                {next !== null ? (
                  <p>
                    <a href={href(ctx, '/laporan-saya', { offset: String(next) })}>
                      {t('reports.portal.more')}
                    </a>
                  </p>
                ) : null}
              </>
            )}
          </>
        ),
      });
    },
  );
}
