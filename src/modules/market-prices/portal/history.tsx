/**
 * A commodity's price history page (`/harga/riwayat`): city-wide or at one market over a period, as
 * a chart drawn on the server (chart.ts), a summary and a table.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, actorOf, invalid, type Platform, type TenantScope } from '../../../platform/sdk/index.ts';
import {
  dayText,
  ErrorSummary,
  Field,
  fieldErrors,
  href,
  numberText,
  type PortalContext,
  portalContext,
  queryText,
  ScrollBox,
  sendCachedPage,
  sendPage,
} from '../../../platform/sdk/portal.ts';
import { type ChartPoint, priceChartSvg } from '../chart.ts';
import { addDays } from '../prices.ts';
import { publicCache } from '../routes/public-cache.ts';
import { configOf } from '../services/config.ts';
import { type HistoryViewResult, historyView } from '../services/public-views.ts';
import { todayOf } from '../services/today.ts';
import { API, Downloads, rupiah } from './shared.tsx';

/** The history page's periods, in days back from today (the API takes at most about two years). */
const PERIODS = ['30', '90', '365', '730'] as const;
type Period = (typeof PERIODS)[number];
const DEFAULT_PERIOD: Period = '365';

/** The one-line story of the chart, for screen readers (its `aria-label`) and as its caption. */
function chartStory(
  ctx: PortalContext,
  view: HistoryViewResult,
  place: string,
  points: readonly ChartPoint[],
): string {
  const prices = points.map((p) => p.price);
  const last = points.at(-1)!;
  return ctx.t('market-prices.portal.chartLabel', {
    commodity: view.commodity.name,
    place,
    from: dayText(ctx, view.from),
    to: dayText(ctx, view.to),
    min: rupiah(ctx, Math.min(...prices)),
    max: rupiah(ctx, Math.max(...prices)),
    last: rupiah(ctx, last.price),
    lastDay: dayText(ctx, last.day),
  });
}

/** Registers the price history page. */
export function registerHistoryPage(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/harga/riwayat',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t, tenant } = ctx;
      const now = new Date();
      const config = await configOf(platform, tenant.id, actorOf(request));
      const commodities = config.commodities.filter((c) => c.active);
      const markets = config.markets.filter((m) => m.active);
      const errors: Record<string, string> = {};
      // Every field is checked before answering; inactive commodities and markets are unknown
      // here, as in the form's lists.
      const period = PERIODS.find((p) => p === (queryText(request.query.period) ?? DEFAULT_PERIOD));
      if (!period) errors.period = t('field.invalid');
      const commodityCode = queryText(request.query.commodity) ?? commodities[0]?.code;
      if (!commodityCode) throw new AppError('not_found');
      if (!commodities.some((c) => c.code === commodityCode)) errors.commodity = t('field.unknown_commodity');
      const marketCode = queryText(request.query.market);
      if (marketCode !== undefined && !markets.some((m) => m.code === marketCode)) {
        errors.market = t('field.unknown_market');
      }
      const to = todayOf(tenant, now);
      const from = addDays(to, -(Number(period ?? DEFAULT_PERIOD) - 1));
      type Page = { view: HistoryViewResult; narrow: string; wide: string };
      const load = async (scope: TenantScope): Promise<Page> => {
        const view = await historyView(
          platform,
          scope,
          tenant,
          { commodity: commodityCode, ...(marketCode ? { market: marketCode } : {}), from, to },
          ctx.lang,
          now,
        );
        if (view.points.length === 0) return { view, narrow: '', wide: '' };
        const legend = {
          price: t(view.market ? 'market-prices.portal.legend.price' : 'market-prices.portal.legend.average'),
          min: t('market-prices.portal.legend.min'),
          max: t('market-prices.portal.legend.max'),
        };
        return {
          view,
          narrow: priceChartSvg(view.points, { lang: ctx.lang, legend, size: 'narrow' }),
          wide: priceChartSvg(view.points, { lang: ctx.lang, legend, size: 'wide' }),
        };
      };
      const historyPage = (ctx: PortalContext, page: Page | null) => {
        const { t } = ctx;
        const view = page?.view ?? null;
        const place = view?.market
          ? t('market-prices.portal.place.market', { market: view.market.name })
          : t('market-prices.portal.place.city');
        const points: ReadonlyArray<ChartPoint & { markets?: number }> = view?.points ?? [];
        const first = points[0];
        const last = points.at(-1);
        const lowest = points.reduce<ChartPoint | undefined>(
          (a, p) => (!a || p.price < a.price ? p : a),
          undefined,
        );
        const highest = points.reduce<ChartPoint | undefined>(
          (a, p) => (!a || p.price > a.price ? p : a),
          undefined,
        );
        const query = new URLSearchParams({
          commodity: commodityCode,
          ...(marketCode ? { market: marketCode } : {}),
          from,
          to,
          lang: ctx.lang,
        });
        const title = view
          ? t('market-prices.portal.historyOf', { commodity: view.commodity.name })
          : t('market-prices.portal.historyTitle');
        return {
          title,
          body: (
            <>
              <p>
                <a href={href(ctx, '/harga', { market: marketCode })}>
                  {t('market-prices.portal.backToday')}
                </a>
              </p>
              <h1>
                {title}
                {view ? <span className="meta-inline"> · {place}</span> : null}
              </h1>
              <ErrorSummary errors={errors} t={t} />
              <form method="get" action={`${ctx.base}/harga/riwayat`} className="card filters">
                <Field
                  id="commodity"
                  label={t('market-prices.portal.commodity')}
                  error={errors.commodity}
                  t={t}
                >
                  {(aria) => (
                    <select {...aria} name="commodity" defaultValue={commodityCode}>
                      {commodities.map((c) => (
                        <option key={c.code} value={c.code}>
                          {c.name[ctx.lang]} ({t('market-prices.portal.perUnit', { unit: c.unit })})
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id="market" label={t('market-prices.portal.market')} error={errors.market} t={t}>
                  {(aria) => (
                    <select {...aria} name="market" defaultValue={marketCode ?? ''}>
                      <option value="">{t('market-prices.portal.cityWide')}</option>
                      {markets.map((m) => (
                        <option key={m.code} value={m.code}>
                          {m.name}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field id="period" label={t('market-prices.portal.period')} error={errors.period} t={t}>
                  {(aria) => (
                    <select {...aria} name="period" defaultValue={period ?? DEFAULT_PERIOD}>
                      {PERIODS.map((p) => (
                        <option key={p} value={p}>
                          {t(`market-prices.portal.periods.${p}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <div className="field">
                  <button type="submit" className="cta">
                    {t('market-prices.portal.show')}
                  </button>
                </div>
              </form>
              {view && page && first && last && lowest && highest ? (
                <>
                  <dl className="stats">
                    <div>
                      <dt>{t('market-prices.portal.last')}</dt>
                      <dd>
                        <strong>{rupiah(ctx, last.price)}</strong> {dayText(ctx, last.day)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('market-prices.portal.lowest')}</dt>
                      <dd>
                        <strong>{rupiah(ctx, lowest.price)}</strong> {dayText(ctx, lowest.day)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('market-prices.portal.highest')}</dt>
                      <dd>
                        <strong>{rupiah(ctx, highest.price)}</strong> {dayText(ctx, highest.day)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('market-prices.portal.sinceStart', { day: dayText(ctx, first.day) })}</dt>
                      <dd>
                        <strong>
                          {numberText(ctx, ((last.price - first.price) / first.price) * 100, 1)}%
                        </strong>{' '}
                        {rupiah(ctx, first.price)} → {rupiah(ctx, last.price)}
                      </dd>
                    </div>
                  </dl>
                  <figure className="chart">
                    <div className="narrow" role="img" aria-label={chartStory(ctx, view, place, points)}>
                      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn by ECharts from numbers and the app's own words (chart.ts) */}
                      <div dangerouslySetInnerHTML={{ __html: page.narrow }} />
                    </div>
                    <div className="wide" role="img" aria-label={chartStory(ctx, view, place, points)}>
                      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: as above */}
                      <div dangerouslySetInnerHTML={{ __html: page.wide }} />
                    </div>
                    <figcaption className="meta">
                      {view.commodity.name}, {place},{' '}
                      {t('market-prices.portal.perUnit', { unit: view.commodity.unit })}
                    </figcaption>
                  </figure>
                  <details className="card">
                    <summary>{t('market-prices.portal.table', { count: points.length })}</summary>
                    <ScrollBox labelledBy="history-caption">
                      <table className="table">
                        <caption id="history-caption">
                          {t('market-prices.portal.tableCaption', { commodity: view.commodity.name, place })}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('market-prices.portal.day')}</th>
                            <th scope="col" className="num">
                              {t(view.market ? 'market-prices.portal.price' : 'market-prices.portal.average')}
                            </th>
                            {view.market ? null : (
                              <>
                                <th scope="col" className="num">
                                  {t('market-prices.portal.range')}
                                </th>
                                <th scope="col" className="num">
                                  {t('market-prices.portal.markets')}
                                </th>
                              </>
                            )}
                          </tr>
                        </thead>
                        <tbody>
                          {[...points].reverse().map((p) => (
                            <tr key={p.day}>
                              <th scope="row">{dayText(ctx, p.day)}</th>
                              <td className="num">{rupiah(ctx, p.price)}</td>
                              {view.market ? null : (
                                <>
                                  <td className="num">
                                    {p.min !== undefined && p.max !== undefined
                                      ? `${rupiah(ctx, p.min)}–${numberText(ctx, p.max)}`
                                      : '–'}
                                  </td>
                                  <td className="num">{p.markets ?? '–'}</td>
                                </>
                              )}
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </ScrollBox>
                  </details>
                  <Downloads
                    ctx={ctx}
                    csv={`${ctx.base}${API}/history.csv?${query}`}
                    json={`${ctx.base}${API}/history?${query}`}
                  />
                </>
              ) : view ? (
                <p className="card">
                  {t('market-prices.portal.chartNone', { commodity: view.commodity.name, place })}
                </p>
              ) : null}
            </>
          ),
        };
      };
      // The default year city-wide is kept whole (one page per commodity and language: what the
      // today page links to); other periods and markets are drawn each time (a few milliseconds of
      // chart), so that walking every combination cannot fill the cache with 100 kB pages.
      try {
        if (Object.keys(errors).length > 0) throw invalid();
        return await sendCachedPage(reply, ctx, {
          key:
            period === DEFAULT_PERIOD && marketCode === undefined
              ? `portal-history:${commodityCode}:${ctx.lang}`
              : null,
          canonicalUrl: href(ctx, '/harga/riwayat', { commodity: commodityCode, market: marketCode, period }),
          cache: publicCache(platform, request, now),
          page: async (ctx) =>
            historyPage(ctx, await platform.inTenantReplica(tenant.id, actorOf(request), load)),
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        // The API's names: `from` is the period here.
        const { from: tooLong, ...rest } = fieldErrors(error, t);
        Object.assign(errors, rest, tooLong ? { period: tooLong } : {});
        return sendPage(reply, ctx, { ...historyPage(ctx, null), status: 400 });
      }
    },
  );
}
