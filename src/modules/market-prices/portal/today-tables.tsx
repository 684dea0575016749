/**
 * The tables of today's prices page: city-wide (average, changes, cheapest market, range) or at one
 * market (its prices, changes, the city's average), each change as an arrow with words for screen
 * readers.
 */
import { dayText, href, numberText, type PortalContext, ScrollBox } from '../../../platform/sdk/portal.ts';
import type { TodayViewResult } from '../services/public-views.ts';
import { rupiah } from './shared.tsx';

type Change = TodayViewResult['city'][number]['change']['yesterday'];
type Comparison = keyof TodayViewResult['compared'];
const COMPARISONS: readonly Comparison[] = ['yesterday', 'week', 'month'];

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

/**
 * The day of a price older than the view's: a market that sent nothing on the day shown keeps its
 * latest published price, dated, rather than disappearing (issue #15).
 */
function OwnDay({ ctx, view, day }: { ctx: PortalContext; view: TodayViewResult; day: string }) {
  if (day === view.day) return null;
  return (
    <span className="meta-inline own-day">
      {' '}
      ({ctx.t('market-prices.portal.priceOfDay', { day: dayText(ctx, day, true) })})
    </span>
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

export function CityTable({
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
                <OwnDay ctx={ctx} view={view} day={r.day} />
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

export function MarketTable({
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
                  <OwnDay ctx={ctx} view={view} day={i.day} />
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
