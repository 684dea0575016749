/**
 * Today's prices page (`/harga`): the latest published day on or before the one asked, city-wide or
 * at one market, with a notice when it is not the day asked and why.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform } from '../../../platform/sdk/index.ts';
import {
  dayText,
  ErrorSummary,
  Field,
  href,
  type PortalContext,
  portalContext,
  queryText,
  sendCachedPage,
  sendPage,
  when,
} from '../../../platform/sdk/portal.ts';
import { isLocalDate, localInstant, zoneName } from '../../../platform/sdk/shared.ts';
import { publicCache, publicRead } from '../routes/public-cache.ts';
import { configOf } from '../services/config.ts';
import { type TodayViewResult, todayView } from '../services/public-views.ts';
import { todayOf } from '../services/today.ts';
import { API, Downloads } from './shared.tsx';
import { CityTable, MarketTable } from './today-tables.tsx';

/** Registers today's prices page. */
export function registerTodayPage(app: FastifyInstance, platform: Platform) {
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
            await platform.inTenantReplica(tenant.id, actorOf(request), (scope) =>
              todayView(platform, scope, tenant, day, ctx.lang, now),
            ),
          ),
        }),
      });
    },
  );
}
