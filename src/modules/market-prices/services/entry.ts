/**
 * The officer's daily entry at their market: the markets they enter prices for, a day's entry
 * sheet, and the drafts saved from a form (the CSV import, csv-import.ts, saves them the same way).
 */
import {
  AppError,
  type FieldError,
  invalid,
  type Platform,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import type { LocalDate } from '../../../platform/sdk/shared.ts';
import { medianPrice, quoteProblem } from '../prices.ts';
import type { CommodityRow } from '../repo/commodities.ts';
import { readDay } from '../repo/days.ts';
import { deleteEntry, entriesOfDays, latestPublished, upsertDraft } from '../repo/entries.ts';
import type { MarketRow } from '../repo/markets.ts';
import { isOfficerOf, marketIdsOfOfficer } from '../repo/officers.ts';
import type { EntryInputType } from '../schemas.ts';
import { type Access, type Lang, loadConfig, requireMarket } from './config.ts';
import { marketView } from './reference-data.ts';
import { refuseFuture } from './today.ts';

async function refusePublished(scope: TenantScope, day: LocalDate, marketCode: string) {
  const row = await readDay(scope, day);
  if (row?.status === 'published') {
    throw new AppError('conflict', { detailKey: 'day_published', params: { day, market: marketCode } });
  }
}

/** Who may see a market's entry sheet: its assigned officers, and those who verify its prices. */
async function requireSheetAccess(scope: TenantScope, market: MarketRow, access: Access, verifier: Access) {
  if (verifier.may(market.agency_id)) return;
  if (access.userId && (await isOfficerOf(scope, market.id, access.userId))) return;
  throw new AppError('forbidden', { detailKey: 'not_your_market' });
}

/** The previous published prices by `market|commodity`, as the entry sheet and the review show them. */
export function previousByCommodity(rows: Awaited<ReturnType<typeof latestPublished>>) {
  return new Map(rows.map((r) => [`${r.market_id}|${r.commodity_id}`, { day: r.day, price: r.price }]));
}

/**
 * A market's entry sheet for a day: every active commodity with its quotes so far, the market
 * price (their median) and the previous published price to compare with.
 */
export async function entrySheet(
  platform: Platform,
  scope: TenantScope,
  marketCode: string,
  day: LocalDate,
  access: Access,
  verifier: Access,
  lang: Lang,
) {
  const config = await loadConfig(platform, scope);
  const market = requireMarket(config, marketCode);
  await requireSheetAccess(scope, market, access, verifier);
  const entries = new Map(
    (await entriesOfDays(scope, [day], { marketIds: [market.id] })).map((e) => [e.commodity_id, e]),
  );
  const previous = previousByCommodity(await latestPublished(scope, [market.id], day, false));
  const dayRow = await readDay(scope, day);
  return {
    market: { code: market.code, name: market.name },
    day,
    dayStatus: dayRow?.status ?? 'open',
    items: config.commodities
      .filter((c) => c.active || entries.has(c.id))
      .map((c) => {
        const e = entries.get(c.id);
        return {
          commodity: c.code,
          name: c.name[lang],
          unit: c.unit,
          minPrice: c.min_price,
          maxPrice: c.max_price,
          quotes: e?.quotes ?? [],
          price: e?.price ?? null,
          status: e?.status ?? null,
          previous: previous.get(`${market.id}|${c.id}`) ?? null,
        };
      }),
  };
}

/**
 * The active markets the caller enters prices for: those they are assigned to, where they still
 * hold the permission to enter (an account that lost its officer role stays assigned, but may not).
 */
export async function myMarkets(platform: Platform, scope: TenantScope, access: Access) {
  const config = await loadConfig(platform, scope);
  if (!access.userId) return { items: [] };
  const assigned = new Set(await marketIdsOfOfficer(scope, access.userId));
  return {
    items: config.markets
      .filter((m) => m.active && assigned.has(m.id) && access.may(m.agency_id))
      .map(marketView),
  };
}

export type EntryItem = { commodity: CommodityRow; quotes: number[] };

/** Field errors of one commodity's quotes, under `path` (`/body/items/0/quotes`). */
export function quoteErrors(
  c: CommodityRow,
  quotes: readonly number[],
  path: (j: number) => string,
  lang: Lang,
) {
  const errors: FieldError[] = [];
  quotes.forEach((q, j) => {
    const problem = quoteProblem(q, { min: c.min_price, max: c.max_price });
    if (problem) {
      errors.push({
        path: path(j),
        code: problem,
        params: { commodity: c.name[lang], min: c.min_price, max: c.max_price, unit: c.unit },
      });
    }
  });
  return errors;
}

/** Writes an officer's drafts for a market and day, after every check; nothing when one fails. */
export async function writeDrafts(
  scope: TenantScope,
  tenant: VerifiedTenant,
  market: MarketRow,
  day: LocalDate,
  items: readonly EntryItem[],
  access: Access,
  via: 'form' | 'csv',
): Promise<number> {
  const existing = new Map(
    (await entriesOfDays(scope, [day], { marketIds: [market.id], forUpdate: true })).map((e) => [
      e.commodity_id,
      e,
    ]),
  );
  let saved = 0;
  for (const item of items) {
    if (item.quotes.length === 0) {
      if (existing.has(item.commodity.id)) await deleteEntry(scope, market.id, item.commodity.id, day);
      continue;
    }
    await upsertDraft(scope, {
      marketId: market.id,
      commodityId: item.commodity.id,
      day,
      quotes: item.quotes,
      price: medianPrice(item.quotes)!,
      userId: access.userId,
    });
    saved++;
  }
  await recordAudit(scope, {
    action: 'market-prices.entry.save',
    entityType: 'market',
    entityId: market.id,
    before: items.map((i) => existing.get(i.commodity.id) ?? null).filter(Boolean),
    after: {
      day,
      via,
      tenant: tenant.slug,
      items: items.map((i) => ({ commodity: i.commodity.code, quotes: i.quotes })),
    },
  });
  return saved;
}

/** Checks that the caller may enter prices for this market on this day. */
export async function requireEntry(
  scope: TenantScope,
  tenant: VerifiedTenant,
  market: MarketRow,
  day: LocalDate,
  access: Access,
  now: Date,
) {
  if (!market.active) throw invalid({ path: '/params/market', code: 'inactive_market' });
  if (!access.userId || !(await isOfficerOf(scope, market.id, access.userId))) {
    throw new AppError('forbidden', { detailKey: 'not_your_market' });
  }
  refuseFuture(tenant, day, now);
  await refusePublished(scope, day, market.code);
}

/**
 * The officer's entry of a day's prices at their market: drafts upserted per commodity (an empty
 * list of quotes removes a draft). Every bad value is listed with its path and nothing is saved.
 */
export async function saveEntries(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  marketCode: string,
  day: LocalDate,
  input: EntryInputType,
  access: Access,
  lang: Lang,
  now: Date = new Date(),
): Promise<{ saved: number }> {
  const config = await loadConfig(platform, scope);
  const market = requireMarket(config, marketCode);
  await requireEntry(scope, tenant, market, day, access, now);
  const errors: FieldError[] = [];
  const items: EntryItem[] = [];
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    const c = config.commodityByCode.get(item.commodity);
    if (!c?.active) {
      errors.push({ path: `/body/items/${i}/commodity`, code: 'unknown_commodity' });
      return;
    }
    if (seen.has(c.code)) errors.push({ path: `/body/items/${i}/commodity`, code: 'duplicate' });
    seen.add(c.code);
    errors.push(...quoteErrors(c, item.quotes, (j) => `/body/items/${i}/quotes/${j}`, lang));
    items.push({ commodity: c, quotes: item.quotes });
  });
  if (errors.length > 0) throw invalid(...errors);
  return { saved: await writeDrafts(scope, tenant, market, day, items, access, 'form') };
}
