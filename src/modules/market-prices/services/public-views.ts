/**
 * The public views: a day's prices per market and city-wide with their changes, a commodity's
 * history, both as CSV too, and the part of their cache keys that a publication time changes.
 */

import {
  type FieldError,
  invalid,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { LocalDate } from '../../../platform/sdk/shared.ts';
import { toCsv } from '../csv.ts';
import { addDays, type Change, changeFrom, comparisonDays, daysBetween, rollup } from '../prices.ts';
import type { CommodityRow } from '../repo/commodities.ts';
import { publishedDaysDesc } from '../repo/days.ts';
import { entriesOfDays, latestPublished, marketHistory } from '../repo/entries.ts';
import { rollupHistory, rollupsOfDays } from '../repo/rollups.ts';
import type { HistoryQueryType } from '../schemas.ts';
import { type Lang, loadConfig, type MarketPricesConfig } from './config.ts';
import { todayOf } from './today.ts';

/** The longest history one call returns, in days (about two years). */
export const MAX_HISTORY_DAYS = 731;

function commodityRef(c: CommodityRow, lang: Lang) {
  return { code: c.code, name: c.name[lang], group: c.group_code, grade: c.grade, unit: c.unit };
}

/**
 * The part of a cache key that changes when a waiting publication becomes public: a cached view
 * then stops matching at the publication time itself, not a time-to-live later.
 */
export function visibilityKey(config: MarketPricesConfig, now: Date): string {
  return config.pending
    .filter((p) => p.publicFrom <= now.getTime())
    .map((p) => p.day)
    .join(',');
}

const NO_CHANGES = { yesterday: null, week: null, month: null };

/**
 * The public prices as of a day (today by default): for each active market and commodity, its
 * latest published price on or before the latest published day on or before `asked`, with that
 * price's own day. A publication of part of a day (three commodities at one market) so leaves every
 * other market's and commodity's latest price in view, dated. The city's figures per commodity
 * (average, range, cheapest market) are made from those latest prices, dated by the newest of
 * them. Each price is compared with yesterday, last week and last month (the latest published days
 * on or before 1, 7 and 30 days before the view's day) when that day is earlier than its own.
 */
export async function todayView(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  asked: LocalDate | undefined,
  lang: Lang,
  now: Date = new Date(),
) {
  const config = await loadConfig(platform, scope);
  const days = await publishedDaysDesc(scope, asked ?? todayOf(tenant, now), 41, now);
  const head = days[0];
  if (!head) return { day: null, publishedAt: null, compared: NO_CHANGES, city: [], markets: [] };
  const day = head.day;
  const compared = comparisonDays(
    day,
    days.map((d) => d.day),
  );
  const wanted = [...new Set(Object.values(compared).filter((d): d is string => d !== null))];
  const hidden = config.pending.filter((p) => p.publicFrom > now.getTime()).map((p) => p.day);
  const latest = (
    await latestPublished(
      scope,
      config.markets.map((m) => m.id),
      day,
      true,
      hidden,
    )
  ).filter((e) => config.commodityById.get(e.commodity_id)?.active);
  // A market no longer active keeps its place only on a day it had prices.
  const shown = config.markets.filter(
    (m) => m.active || latest.some((e) => e.market_id === m.id && e.day === day),
  );
  const shownIds = new Set(shown.map((m) => m.id));
  const current = latest.filter((e) => shownIds.has(e.market_id));
  const rollups = await rollupsOfDays(scope, wanted);
  const entries = await entriesOfDays(scope, wanted, { publishedOnly: true });
  /** The changes of a price of `own` day: only against comparison days before it. */
  const changes = (price: number, own: string, priceOn: (d: string) => number | undefined) => {
    const out: Record<keyof typeof compared, Change | null> = { yesterday: null, week: null, month: null };
    for (const k of Object.keys(compared) as Array<keyof typeof compared>) {
      const d = compared[k];
      const p = d && d < own ? priceOn(d) : undefined;
      out[k] = d && p !== undefined ? changeFrom(price, p, d) : null;
    }
    return out;
  };
  const bySort = (a: { c: CommodityRow }, b: { c: CommodityRow }) =>
    a.c.sort - b.c.sort || a.c.code.localeCompare(b.c.code);
  const perCommodity = Map.groupBy(current, (e) => e.commodity_id);
  const city = [...perCommodity]
    .map(([id, rows]) => ({ rows, c: config.commodityById.get(id)! }))
    .sort(bySort)
    .map(({ rows, c }) => {
      const r = rollup(rows.map((e) => ({ marketId: e.market_id, price: e.price })))!;
      // Days are YYYY-MM-DD text: the last in order is the newest.
      const newest = rows
        .map((e) => e.day)
        .sort()
        .at(-1)!;
      const cheapest = config.marketById.get(r.cheapestMarketId)!;
      return {
        commodity: commodityRef(c, lang),
        day: newest,
        price: r.avg,
        min: r.min,
        max: r.max,
        markets: r.markets,
        cheapest: { code: cheapest.code, name: cheapest.name, price: r.min },
        change: changes(
          r.avg,
          newest,
          (d) => rollups.find((x) => x.day === d && x.commodity_id === c.id)?.avg_price,
        ),
      };
    });
  const priceAt = new Map(entries.map((e) => [`${e.market_id}|${e.commodity_id}|${e.day}`, e.price]));
  const markets = shown
    .map((m) => ({
      code: m.code,
      name: m.name,
      items: current
        .filter((e) => e.market_id === m.id)
        .map((e) => ({ e, c: config.commodityById.get(e.commodity_id)! }))
        .sort(bySort)
        .map(({ e, c }) => ({
          commodity: c.code,
          day: e.day,
          price: e.price,
          change: changes(e.price, e.day, (d) => priceAt.get(`${m.id}|${c.id}|${d}`)),
        })),
    }))
    .filter((m) => m.items.length > 0);
  // When the public could first see it: the later of the supervisor's publication and its time.
  const publicAt = head.public_from ?? head.published_at;
  return { day, publishedAt: publicAt?.toISOString() ?? null, compared, city, markets };
}

export type TodayViewResult = Awaited<ReturnType<typeof todayView>>;

/**
 * A commodity's daily prices between two days: city-wide from the rollup, or at one market from
 * its published entries; at most {@link MAX_HISTORY_DAYS} days per call, a year back by default.
 */
export async function historyView(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  q: HistoryQueryType,
  lang: Lang,
  now: Date = new Date(),
) {
  const config = await loadConfig(platform, scope);
  const to = q.to ?? todayOf(tenant, now);
  const from = q.from ?? addDays(to, -364);
  const errors: FieldError[] = [];
  if (from > to) errors.push({ path: '/querystring/from', code: 'date_order' });
  else if (daysBetween(from, to) >= MAX_HISTORY_DAYS) {
    errors.push({ path: '/querystring/from', code: 'range_too_long', params: { limit: MAX_HISTORY_DAYS } });
  }
  const c = config.commodityByCode.get(q.commodity);
  if (!c) errors.push({ path: '/querystring/commodity', code: 'unknown_commodity' });
  const market = q.market !== undefined ? config.marketByCode.get(q.market) : undefined;
  if (q.market !== undefined && !market) errors.push({ path: '/querystring/market', code: 'unknown_market' });
  if (errors.length > 0 || !c) throw invalid(...errors);
  // The waiting publications come with the configuration (cached, re-read by every writer's
  // transaction and after every publication), as the public cache keys use them: no query.
  const hidden = new Set(config.pending.filter((p) => p.publicFrom > now.getTime()).map((p) => p.day));
  const points = market
    ? (await marketHistory(scope, c.id, market.id, from, to))
        .filter((p) => !hidden.has(p.day))
        .map((p) => ({ day: p.day, price: p.price }))
    : (await rollupHistory(scope, c.id, from, to))
        .filter((p) => !hidden.has(p.day))
        .map((p) => ({
          day: p.day,
          price: p.avg_price,
          min: p.min_price,
          max: p.max_price,
          markets: p.markets,
        }));
  return {
    commodity: commodityRef(c, lang),
    market: market ? { code: market.code, name: market.name } : null,
    from,
    to,
    points,
  };
}

export type HistoryViewResult = Awaited<ReturnType<typeof historyView>>;

/** The day's prices as CSV: the city's figures first, then each market's, one line per commodity. */
export function todayCsv(view: TodayViewResult): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const r of view.city) {
    rows.push([
      r.day,
      'city',
      '',
      r.commodity.code,
      r.commodity.name,
      r.commodity.unit,
      r.price,
      r.min,
      r.max,
      r.cheapest.code,
      r.change.yesterday?.price ?? null,
      r.change.week?.price ?? null,
      r.change.month?.price ?? null,
    ]);
  }
  const names = new Map(view.city.map((r) => [r.commodity.code, r.commodity]));
  for (const m of view.markets) {
    for (const i of m.items) {
      const c = names.get(i.commodity);
      rows.push([
        i.day,
        m.code,
        m.name,
        i.commodity,
        c?.name ?? '',
        c?.unit ?? '',
        i.price,
        null,
        null,
        null,
        i.change.yesterday?.price ?? null,
        i.change.week?.price ?? null,
        i.change.month?.price ?? null,
      ]);
    }
  }
  return toCsv(
    [
      'day',
      'market',
      'market_name',
      'commodity',
      'commodity_name',
      'unit',
      'price',
      'min',
      'max',
      'cheapest_market',
      'price_yesterday',
      'price_last_week',
      'price_last_month',
    ],
    rows,
  );
}

export function historyCsv(view: HistoryViewResult): string {
  return toCsv(
    ['day', 'commodity', 'market', 'unit', 'price', 'min', 'max', 'markets'],
    view.points.map((p: { day: string; price: number; min?: number; max?: number; markets?: number }) => [
      p.day,
      view.commodity.code,
      view.market?.code ?? 'city',
      view.commodity.unit,
      p.price,
      p.min ?? null,
      p.max ?? null,
      p.markets ?? null,
    ]),
  );
}
