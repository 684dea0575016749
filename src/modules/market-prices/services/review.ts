/**
 * The supervisor's day: the review of every market they verify (jumps flagged), verification of
 * the drafts, and publication at the tenant's publication time with the city rollup and alerts.
 */
import {
  AppError,
  emitEvent,
  type FieldError,
  invalid,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { type LocalDate, localInstant } from '../../../platform/sdk/shared.ts';
import { jumps, percentChange } from '../prices.ts';
import { markDayPublished, markDayVerified, readDay } from '../repo/days.ts';
import { advanceEntries, entriesOfDays, latestPublished } from '../repo/entries.ts';
import type { MarketRow } from '../repo/markets.ts';
import { raiseAlerts } from './alerts.ts';
import { writeRollups } from './city-rollup.ts';
import { type Access, changed, type Lang, loadConfig } from './config.ts';
import { previousByCommodity } from './entry.ts';
import { refuseFuture } from './today.ts';

/**
 * The supervisor's review of a day: every market the caller may verify, each entry with its
 * previous published price and a jump flag when it moved more than the tenant's percentage.
 */
export async function reviewDay(
  platform: Platform,
  scope: TenantScope,
  day: LocalDate,
  access: Access,
  lang: Lang,
) {
  const config = await loadConfig(platform, scope);
  const mine = config.markets.filter((m) => access.may(m.agency_id));
  const ids = mine.map((m) => m.id);
  const entries = await entriesOfDays(scope, [day], { marketIds: ids });
  const previous = previousByCommodity(await latestPublished(scope, ids, day, false));
  const dayRow = await readDay(scope, day);
  const counts = { draft: 0, verified: 0, published: 0 };
  const activeCommodities = config.commodities.filter((c) => c.active).length;
  const markets = mine
    .map((m) => {
      const own = entries.filter((e) => e.market_id === m.id);
      const items = own
        .map((e) => {
          counts[e.status]++;
          const c = config.commodityById.get(e.commodity_id)!;
          const prev = previous.get(`${m.id}|${c.id}`) ?? null;
          return {
            sort: c.sort,
            commodity: c.code,
            name: c.name[lang],
            quotes: e.quotes,
            price: e.price,
            status: e.status,
            previous: prev,
            changePercent: prev ? percentChange(e.price, prev.price) : null,
            jump: jumps(e.price, prev?.price ?? null, config.settings.jumpPercent),
          };
        })
        .sort((a, b) => a.sort - b.sort || a.commodity.localeCompare(b.commodity))
        .map(({ sort: _sort, ...item }) => item);
      const entered = new Set(own.map((e) => e.commodity_id));
      const missing = config.commodities.filter((c) => c.active && !entered.has(c.id));
      return {
        code: m.code,
        name: m.name,
        active: m.active,
        missing: Math.min(missing.length, activeCommodities),
        missingCommodities: missing.map((c) => ({ code: c.code, name: c.name[lang] })),
        items,
      };
    })
    .filter((m) => m.active || m.items.length > 0)
    .map(({ active: _active, ...m }) => m);
  return {
    day,
    dayStatus: dayRow?.status ?? 'open',
    publicFrom: dayRow?.public_from?.toISOString() ?? null,
    jumpPercent: config.settings.jumpPercent,
    counts,
    markets,
  };
}

/** Marks a day's drafts verified, in the markets given (by code) or every market the caller may verify. */
export async function verifyDay(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  day: LocalDate,
  marketCodes: readonly string[] | undefined,
  access: Access,
  now: Date = new Date(),
) {
  refuseFuture(tenant, day, now);
  const config = await loadConfig(platform, scope);
  const dayRow = await readDay(scope, day, true);
  if (dayRow?.status === 'published') {
    throw new AppError('conflict', { detailKey: 'day_published', params: { day, market: '…' } });
  }
  let markets: MarketRow[];
  if (marketCodes) {
    const errors: FieldError[] = [];
    markets = [];
    marketCodes.forEach((code, i) => {
      const m = config.marketByCode.get(code);
      if (!m) errors.push({ path: `/body/markets/${i}`, code: 'unknown_market' });
      else markets.push(m);
    });
    if (errors.length > 0) throw invalid(...errors);
    if (markets.some((m) => !access.may(m.agency_id))) throw new AppError('forbidden');
  } else {
    markets = config.markets.filter((m) => access.may(m.agency_id));
  }
  const ids = markets.map((m) => m.id);
  const moved = await advanceEntries(scope, day, ids, 'draft', 'verified', access.userId, now);
  if (moved === 0) {
    const any = await entriesOfDays(scope, [day], { marketIds: ids });
    if (!any.some((e) => e.status === 'verified')) {
      throw new AppError('conflict', { detailKey: 'nothing_to_verify', params: { day } });
    }
  }
  await markDayVerified(scope, day, access.userId, now);
  await recordAudit(scope, {
    action: 'market-prices.day.verify',
    entityType: 'price_day',
    entityId: day,
    after: { day, markets: markets.map((m) => m.code), entries: moved },
  });
  return { day, dayStatus: 'verified', entries: moved, publicFrom: null, alerts: 0 };
}

/**
 * Publishes a day: every verified entry becomes public from the later of now and the day's
 * publication time in the tenant's zone; the city rollup is written and alerts are raised. Drafts
 * left unverified stop it (verify or remove them first). The caller must be allowed to verify
 * every market with prices that day.
 */
export async function publishDay(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  day: LocalDate,
  access: Access,
  lang: Lang,
  now: Date = new Date(),
) {
  refuseFuture(tenant, day, now);
  const config = await loadConfig(platform, scope);
  const dayRow = await readDay(scope, day, true);
  if (dayRow?.status === 'published') {
    throw new AppError('conflict', { detailKey: 'day_published', params: { day, market: '…' } });
  }
  const entries = await entriesOfDays(scope, [day], { forUpdate: true });
  // Whose prices these are comes first: a supervisor learns nothing about markets that are not theirs.
  for (const marketId of new Set(entries.map((e) => e.market_id))) {
    if (!access.may(config.marketById.get(marketId)?.agency_id ?? null)) throw new AppError('forbidden');
  }
  const drafts = entries.filter((e) => e.status === 'draft').length;
  if (drafts > 0)
    throw new AppError('conflict', { detailKey: 'drafts_pending', params: { day, count: drafts } });
  if (entries.length === 0)
    throw new AppError('conflict', { detailKey: 'nothing_to_publish', params: { day } });
  const moved = await advanceEntries(scope, day, null, 'verified', 'published', access.userId, now);
  const scheduled = localInstant(day, config.settings.publishTime, tenant.timeZone);
  const publicFrom = scheduled > now ? scheduled : now;
  await markDayPublished(scope, day, access.userId, now, publicFrom);
  const commodityIds = [...new Set(entries.map((e) => e.commodity_id))];
  await writeRollups(scope, day, commodityIds);
  const alerts = await raiseAlerts(platform, scope, tenant, config, day, commodityIds, lang);
  await recordAudit(scope, {
    action: 'market-prices.day.publish',
    entityType: 'price_day',
    entityId: day,
    after: { day, entries: moved, publicFrom: publicFrom.toISOString(), alerts },
  });
  await emitEvent(scope, {
    type: 'price.published',
    entityType: 'price_day',
    entityId: day,
    data: { day, entries: moved, publicFrom: publicFrom.toISOString() },
  });
  await changed(scope);
  return { day, dayStatus: 'published', entries: moved, publicFrom: publicFrom.toISOString(), alerts };
}
