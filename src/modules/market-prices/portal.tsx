/**
 * The market prices app's citizen pages: today's prices (`/harga`) city-wide or at one market,
 * with their change against yesterday, last week and last month and the cheapest market, and a
 * commodity's price history (`/harga/riwayat`) as a chart drawn on the server (chart.ts), a summary
 * and a table. Both work without JavaScript, read through the same cache as the public API
 * (`publicRead`), and link to the same figures as CSV and JSON.
 */
import type { FastifyInstance } from 'fastify';
import { isLocalDate, localInstant, zoneName } from '../../platform/calendar/working-days.ts';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/auth-hooks.ts';
import type { Platform } from '../../platform/platform.ts';
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
  when,
} from '../../web/portal/kit.tsx';
import { type ChartPoint, priceChartSvg } from './chart.ts';
import { addDays, formatRupiah } from './prices.ts';
import { publicCache, publicRead } from './routes/public-cache.ts';
import { configOf } from './services/config.ts';
import {
  type HistoryViewResult,
  historyView,
  type TodayViewResult,
  todayView,
} from './services/public-views.ts';
import { todayOf } from './services/today.ts';

const API = '/api/v1/market-prices';
/** The history page's periods, in days back from today (the API takes at most about two years). */
const PERIODS = ['30', '90', '365', '730'] as const;
type Period = (typeof PERIODS)[number];
const DEFAULT_PERIOD: Period = '365';

type Change = TodayViewResult['city'][number]['change']['yesterday'];
type Comparison = keyof TodayViewResult['compared'];
const COMPARISONS: readonly Comparison[] = ['yesterday', 'week', 'month'];

function rupiah(ctx: PortalContext, n: number): string {
  return formatRupiah(n, ctx.lang);
}

/** A change as an arrow and a percentage, with the words and the earlier price for screen readers and a tooltip. */
function ChangeCell({ ctx, change }: { ctx: PortalContext; change: Change }) {
  const { t } = ctx;
  if (!change) return <td className="num muted">{t('market-prices.portal.noCompare')}</td>;
  const percent = numberText(ctx, Math.abs(change.percent), 1);
  const [kind, arrow] = change.diff > 0 ? ['up', '▲'] : change.diff < 0 ? ['down', '▼'] : ['same', '■'];
  const words =
    kind === 'same' ? t('market-prices.portal.same') : t(`market-prices.portal.${kind}`, { percent });
  const against = t('market-prices.portal.comparedWith', {
    price: rupiah(ctx, change.price),
    day: dayText(ctx, change.day, true),
  });
  return (
    <td className={`num ${kind}`} title={`${words}, ${against}`}>
      <span aria-hidden="true">
        {arrow} {kind === 'same' ? '0' : percent}%
      </span>
      <span className="vh">
        {words}, {against}
      </span>
    </td>
  );
}

function ChangeHeads({ ctx, view }: { ctx: PortalContext; view: TodayViewResult }) {
  return (
    <>
      {COMPARISONS.map((k) => (
        <th key={k} scope="col" className="num">
          {ctx.t(`market-prices.portal.${k}`)}
          {view.compared[k] ? (
            <span className="meta-inline"> ({dayText(ctx, view.compared[k]!, true)})</span>
          ) : null}
        </th>
      ))}
    </>
  );
}

function Downloads({ ctx, csv, json }: { ctx: PortalContext; csv: string; json: string }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="downloads">
      <h2 id="downloads">{t('market-prices.portal.download')}</h2>
      <ul>
        <li>
          <a href={csv} download="">
            {t('market-prices.portal.csv')}
          </a>
        </li>
        <li>
          <a href={json} type="application/json">
            {t('market-prices.portal.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function historyHref(ctx: PortalContext, commodity: string, market?: string) {
  return href(ctx, '/harga/riwayat', { commodity, market });
}

/** The commodity's name with its grade and unit, as the tables show it. */
function CommodityName({
  ctx,
  c,
}: {
  ctx: PortalContext;
  c: { name: string; grade: string | null; unit: string };
}) {
  return (
    <>
      {c.name}
      <span className="meta-inline"> · {ctx.t('market-prices.portal.perUnit', { unit: c.unit })}</span>
    </>
  );
}

function CityTable({
  ctx,
  view,
  active,
}: {
  ctx: PortalContext;
  view: TodayViewResult;
  /** The active markets' codes: only those have a page to link to. */
  active: ReadonlySet<string>;
}) {
  const { t } = ctx;
  const markets = Math.max(0, ...view.city.map((r) => r.markets));
  return (
    <ScrollBox labelledBy="prices-caption">
      <table className="table prices">
        <caption id="prices-caption">
          {t('market-prices.portal.cityCaption', { count: markets, day: dayText(ctx, view.day!) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('market-prices.portal.commodity')}</th>
            <th scope="col" className="num">
              {t('market-prices.portal.average')}
            </th>
            <ChangeHeads ctx={ctx} view={view} />
            <th scope="col">{t('market-prices.portal.cheapest')}</th>
            <th scope="col" className="num">
              {t('market-prices.portal.range')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.city.map((r) => (
            <tr key={r.commodity.code}>
              <th scope="row">
                <a href={historyHref(ctx, r.commodity.code)}>
                  <CommodityName ctx={ctx} c={r.commodity} />
                </a>
              </th>
              <td className="num">
                <strong>{rupiah(ctx, r.price)}</strong>
              </td>
              {COMPARISONS.map((k) => (
                <ChangeCell key={k} ctx={ctx} change={r.change[k]} />
              ))}
              <td>
                {active.has(r.cheapest.code) ? (
                  <a href={href(ctx, '/harga', { market: r.cheapest.code, day: view.day ?? undefined })}>
                    {r.cheapest.name}
                  </a>
                ) : (
                  r.cheapest.name
                )}{' '}
                <span className="meta-inline">{rupiah(ctx, r.cheapest.price)}</span>
              </td>
              <td className="num">
                {rupiah(ctx, r.min)}–{numberText(ctx, r.max)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function MarketTable({
  ctx,
  view,
  market,
}: {
  ctx: PortalContext;
  view: TodayViewResult;
  market: { code: string; name: string };
}) {
  const { t } = ctx;
  const prices = view.markets.find((m) => m.code === market.code);
  if (!prices)
    return <p className="card">{t('market-prices.portal.marketNotListed', { market: market.name })}</p>;
  const commodities = new Map(view.city.map((r) => [r.commodity.code, r]));
  return (
    <ScrollBox labelledBy="prices-caption">
      <table className="table prices">
        <caption id="prices-caption">
          {t('market-prices.portal.marketCaption', { market: market.name, day: dayText(ctx, view.day!) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('market-prices.portal.commodity')}</th>
            <th scope="col" className="num">
              {t('market-prices.portal.price')}
            </th>
            <ChangeHeads ctx={ctx} view={view} />
            <th scope="col" className="num">
              {t('market-prices.portal.average')}
            </th>
          </tr>
        </thead>
        <tbody>
          {prices.items.map((i) => {
            const city = commodities.get(i.commodity);
            return (
              <tr key={i.commodity}>
                <th scope="row">
                  <a href={historyHref(ctx, i.commodity, market.code)}>
                    {city ? <CommodityName ctx={ctx} c={city.commodity} /> : i.commodity}
                  </a>
                </th>
                <td className="num">
                  <strong>{rupiah(ctx, i.price)}</strong>
                </td>
                {COMPARISONS.map((k) => (
                  <ChangeCell key={k} ctx={ctx} change={i.change[k]} />
                ))}
                <td className="num">{city ? rupiah(ctx, city.price) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

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

/** Registers the app's portal pages (inside the portal plugin, behind the adoption gate). */
export function marketPricePortal(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/harga',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const { t, tenant } = ctx;
      const now = new Date();
      const today = todayOf(tenant, now);
      const config = await configOf(platform, tenant.id, actorOf(request));
      const markets = config.markets.filter((m) => m.active);
      const errors: Record<string, string> = {};
      const asked = queryText(request.query.day);
      if (asked !== undefined && !isLocalDate(asked)) errors.day = t('field.date');
      else if (asked !== undefined && asked > today) errors.day = t('field.future_day');
      const marketCode = queryText(request.query.market);
      const market = marketCode === undefined ? undefined : markets.find((m) => m.code === marketCode);
      if (marketCode !== undefined && !market) errors.market = t('field.unknown_market');
      const failed = Object.keys(errors).length > 0;
      const day = failed ? undefined : asked;
      const zone = zoneName(tenant.timeZone) ?? tenant.timeZone;
      const time = config.settings.publishTime;
      const wanted = day ?? today;
      // Why the page may show an earlier day than the one wanted: published but still waiting for
      // its time, today before the publication time, or no publication that day (a Sunday).
      const waiting = config.pending.find((p) => p.day === wanted && p.publicFrom > now.getTime());
      const beforeTime = wanted === today && now < localInstant(today, time, tenant.timeZone);
      const todayBody = (ctx: PortalContext, view: TodayViewResult) => {
        const { t } = ctx;
        const notice =
          view.day === null
            ? t('market-prices.portal.none')
            : view.day === wanted
              ? null
              : waiting
                ? t('market-prices.portal.waitingInstead', {
                    asked: dayText(ctx, wanted),
                    at: when(ctx, new Date(waiting.publicFrom).toISOString()),
                    day: dayText(ctx, view.day),
                  })
                : beforeTime
                  ? t('market-prices.portal.latestInstead', { time, zone, day: dayText(ctx, view.day) })
                  : t('market-prices.portal.askedInstead', {
                      asked: dayText(ctx, wanted),
                      day: dayText(ctx, view.day),
                    });
        const shown = failed ? undefined : market;
        const query = new URLSearchParams({ ...(view.day ? { day: view.day } : {}), lang: ctx.lang });
        return (
          <>
            <h1>{t('market-prices.portal.title')}</h1>
            <p className="lead">{t('market-prices.portal.lead', { tenant: tenant.name, time, zone })}</p>
            <ErrorSummary errors={errors} t={t} />
            <form method="get" action={`${ctx.base}/harga`} className="card filters">
              <Field
                id="day"
                label={t('market-prices.portal.day')}
                hint={t('market-prices.portal.dayHint')}
                error={errors.day}
                t={t}
              >
                {(aria) => <input {...aria} type="date" name="day" max={today} defaultValue={asked ?? ''} />}
              </Field>
              <Field id="market" label={t('market-prices.portal.market')} error={errors.market} t={t}>
                {(aria) => (
                  <select {...aria} name="market" defaultValue={market?.code ?? ''}>
                    <option value="">{t('market-prices.portal.cityWide')}</option>
                    {markets.map((m) => (
                      <option key={m.code} value={m.code}>
                        {m.name}
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
            {notice ? <p className="notice">{notice}</p> : null}
            {view.day ? (
              <>
                <h2>{t('market-prices.portal.pricesOf', { day: dayText(ctx, view.day) })}</h2>
                {view.publishedAt ? (
                  <p className="meta">
                    {t('market-prices.portal.publishedAt', { at: when(ctx, view.publishedAt) })}
                  </p>
                ) : null}
                <p className="meta">{t('market-prices.portal.changes')}</p>
                {shown ? (
                  <MarketTable ctx={ctx} view={view} market={shown} />
                ) : (
                  <CityTable ctx={ctx} view={view} active={new Set(markets.map((m) => m.code))} />
                )}
                <Downloads
                  ctx={ctx}
                  csv={`${ctx.base}${API}/today.csv?${query}`}
                  json={`${ctx.base}${API}/today?${query}`}
                />
              </>
            ) : null}
          </>
        );
      };
      // Translated when a page is drawn, not for a page the cache already holds.
      const title = () => t('market-prices.portal.title');
      if (failed) {
        // A refused request is drawn each time, with the latest prices below its errors.
        const view = await publicRead(
          platform,
          request,
          `portal-today:${ctx.lang}`,
          (scope) => todayView(platform, scope, tenant, undefined, ctx.lang, now),
          now,
        );
        return sendPage(reply, ctx, { title: title(), status: 400, body: todayBody(ctx, view) });
      }
      // The latest prices, city-wide or at one market, are kept whole (a handful of pages per
      // tenant and language); a page of an asked day is drawn each time, so that walking the
      // calendar cannot fill the cache.
      return sendCachedPage(reply, ctx, {
        key:
          day === undefined
            ? `portal-today:${market?.code ?? ''}:${ctx.lang}:${waiting ? 'waiting' : beforeTime ? 'before' : 'after'}`
            : null,
        canonicalUrl: href(ctx, '/harga', { day, market: market?.code }),
        cache: publicCache(platform, request, now),
        page: async (ctx) => ({
          title: title(),
          body: todayBody(
            ctx,
            await platform.inTenant(tenant.id, actorOf(request), (scope) =>
              todayView(platform, scope, tenant, day, ctx.lang, now),
            ),
          ),
        }),
      });
    },
  );

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
          page: async (ctx) => historyPage(ctx, await platform.inTenant(tenant.id, actorOf(request), load)),
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
