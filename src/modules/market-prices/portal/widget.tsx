/**
 * The widget the app offers to other apps' pages (`market-prices.today`, see `AppManifest.widgets`):
 * the latest published city-wide prices, as a short table with a link to the full page. It reads
 * through the app's public cache, so a page that shows it stays current without being re-rendered.
 */
import type { FastifyRequest } from 'fastify';
import type { Platform, WidgetDef } from '../../../platform/sdk/index.ts';
import { dayText, href, portalContext } from '../../../platform/sdk/portal.ts';
import { publicRead } from '../routes/public-cache.ts';
import { todayView } from '../services/public-views.ts';
import { rupiah } from './shared.tsx';

/** How many commodities the widget lists: a page's aside, not the price page. */
const SHOWN = 8;

async function renderToday(request: FastifyRequest, platform: Platform) {
  const ctx = portalContext(platform, request);
  const { t } = ctx;
  const now = new Date();
  const view = await publicRead(
    platform,
    request,
    `widget-today:${ctx.lang}`,
    (scope) => todayView(platform, scope, ctx.tenant, undefined, ctx.lang, now),
    now,
  );
  const heading = t('market-prices.widget.title');
  if (!view.day) {
    return (
      <section className="card" aria-label={heading}>
        <h2>{heading}</h2>
        <p>{t('market-prices.portal.none')}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-label={heading}>
      <h2>{heading}</h2>
      <table className="table prices">
        <caption>{t('market-prices.widget.caption', { day: dayText(ctx, view.day) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('market-prices.portal.commodity')}</th>
            <th scope="col" className="num">
              {t('market-prices.portal.average')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.city.slice(0, SHOWN).map((r) => (
            <tr key={r.commodity.code}>
              <th scope="row">{r.commodity.name}</th>
              <td className="num">{rupiah(ctx, r.price)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={href(ctx, '/harga')}>{t('market-prices.widget.more')}</a>
      </p>
    </section>
  );
}

export const marketPriceWidgets: readonly WidgetDef[] = [
  { id: 'today', label: 'market-prices.widget.label', render: renderToday },
];
