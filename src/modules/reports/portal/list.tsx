/** The public list (`/laporan`): filters, search and pages, with a map of the same reports above it. */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import {
  basemapData,
  href,
  mapArea,
  type PageContent,
  type PortalContext,
  portalContext,
  portalEntry,
  queryText,
  sendPage,
  when,
} from '../../../platform/sdk/portal.ts';
import { STATUSES } from '../lifecycle.ts';
import type { FiltersInput } from '../schemas.ts';
import { listReports } from '../services/lists.ts';
import { categoryOptions, StatusBadge } from './shared.tsx';

/**
 * What the list page adds for its map (`client/reports-map.ts`): the GeoJSON of the same filters
 * (up to 100 reports with a point), the tiles, the area (its outline when small, its box) and the texts. The list is the page.
 */
function listMap(
  ctx: PortalContext,
  filters: FiltersInput,
): Pick<PageContent, 'scripts' | 'styles' | 'data'> {
  const entry = portalEntry('reports-map');
  if (!entry) return {};
  const query = new URLSearchParams({ limit: '100', lang: ctx.lang });
  if (filters.q) query.set('q', filters.q);
  if (filters.category) query.set('category', filters.category);
  for (const s of filters.status ?? []) query.append('status', s);
  const text = (k: string) => ctx.t(`reports.portal.map.${k}`, { skipInterpolation: true });
  return {
    scripts: [entry.script],
    styles: entry.styles,
    data: {
      reportsMap: {
        geojson: `${ctx.base}/api/v1/reports/geojson?${query}`,
        basemap: basemapData(ctx),
        area: mapArea(ctx),
        bbox: ctx.tenant.areaBBox,
        texts: {
          mapLabel: text('label'),
          count: text('count'),
          none: text('none'),
          open: text('open'),
          legendReport: text('legendReport'),
          legendOverdue: text('legendOverdue'),
          zoomIn: ctx.t('reports.portal.client.zoomIn'),
          zoomOut: ctx.t('reports.portal.client.zoomOut'),
        },
      },
    },
  };
}

/** GET /laporan: the public list. */
export function listRoute(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/laporan',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t } = ctx;
      const query = request.query;
      const q = queryText(query.q);
      const status = STATUSES.find((s) => s === query.status);
      const filters = {
        limit: 20,
        offset: Math.max(0, Math.min(10_000, Number.parseInt(query.offset ?? '0', 10) || 0)),
        ...(q ? { q: q.slice(0, 200) } : {}),
        ...(query.category && /^[a-z0-9-]{1,40}$/.test(query.category) ? { category: query.category } : {}),
        ...(status ? { status: [status] } : {}),
      } as FiltersInput;
      // A public list may trail the latest filing by a moment: read where that is allowed.
      const { page, categories } = await platform.inTenantReplica(
        ctx.tenant.id,
        actorOf(request),
        async (scope) => ({
          page: await listReports(platform, scope, ctx.tenant, filters, ctx.lang),
          categories: await categoryOptions(platform, scope, ctx),
        }),
      );
      const next = filters.offset + 20 < page.total ? filters.offset + 20 : null;
      return sendPage(reply, ctx, {
        title: t('reports.portal.listTitle'),
        ...listMap(ctx, filters),
        body: (
          <>
            <h1>{t('reports.portal.listTitle')}</h1>
            <form method="get" action={`${ctx.base}/laporan`} className="card filters">
              <div className="field">
                <label htmlFor="q">{t('reports.portal.search')}</label>
                <input type="search" id="q" name="q" defaultValue={q ?? ''} />
              </div>
              <div className="field">
                <label htmlFor="f-category">{t('reports.portal.category')}</label>
                <select id="f-category" name="category" defaultValue={filters.category ?? ''}>
                  <option value="">{t('reports.portal.all')}</option>
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-status">{t('reports.portal.statusLabel')}</label>
                <select id="f-status" name="status" defaultValue={status ?? ''}>
                  <option value="">{t('reports.portal.all')}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`reports.status.${s}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <button type="submit" className="cta">
                  {t('reports.portal.filter')}
                </button>
              </div>
            </form>
            <p aria-live="polite" data-reports-list="">
              {t('reports.portal.found', { count: page.total })}
            </p>
            <ul className="list">
              {page.items.map((r) => (
                <li key={r.id}>
                  <a href={`${ctx.base}/laporan/${r.trackingNo}`}>
                    <strong>{r.category.name}</strong> · {r.trackingNo}
                  </a>{' '}
                  <StatusBadge ctx={ctx} status={r.status} overdue={r.overdue} />
                  <p>{r.description.length > 200 ? `${r.description.slice(0, 200)}…` : r.description}</p>
                  <p className="meta">
                    {when(ctx, r.createdAt)}
                    {r.kelurahan ? ` · ${r.kelurahan}` : ''}
                    {r.agency ? ` · ${r.agency.name}` : ''}
                  </p>
                </li>
              ))}
            </ul>
            {next !== null ? (
              <p>
                <a
                  href={href(ctx, '/laporan', {
                    q,
                    category: filters.category,
                    status,
                    offset: String(next),
                  })}
                >
                  {t('reports.portal.more')}
                </a>
              </p>
            ) : null}
          </>
        ),
      });
    },
  );
}
