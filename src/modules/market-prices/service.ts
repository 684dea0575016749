/**
 * The market prices app's domain logic: reference data, the officer's daily entry (by form or
 * CSV), the supervisor's verification and publication, corrections of a published day, the
 * city rollup, alerts and the leaders' daily summary, and the public views. Never sets HTTP
 * status codes; reaches its tables only through repo/.
 */
import { recordAudit } from '../../platform/audit/audit.ts';
import { invalidate } from '../../platform/cache/tenant-cache.ts';
import { type LocalDate, localDateOf, localInstant } from '../../platform/calendar/working-days.ts';
import type { Role } from '../../platform/catalogue/manifest.ts';
import type { Actor, TenantScope } from '../../platform/db/tenant-scope.ts';
import { AppError, type FieldError, invalid, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/hub.ts';
import { translator } from '../../platform/i18n/index.ts';
import { enqueueNotification } from '../../platform/notify/outbox.ts';
import type { Platform } from '../../platform/platform.ts';
import type { VerifiedTenant } from '../../platform/tenancy/directory.ts';
import { AGENCIES_TAG, agencyPaths } from '../../platform/tenancy/service.ts';
import { CsvSyntaxError, parseCsv, toCsv } from './csv.ts';
import { NATIONAL_COMMODITIES } from './national.ts';
import { PERM } from './permissions.ts';
import {
  addDays,
  type Change,
  changeFrom,
  comparisonDays,
  daysBetween,
  formatRupiah,
  jumps,
  MAX_QUOTES,
  medianPrice,
  parsePriceText,
  percentChange,
  quoteProblem,
  risesAbove,
  rollup,
} from './prices.ts';
import { type AlertValues, insertAlert, listAlerts } from './repo/alerts.ts';
import {
  type CommodityRow,
  insertCommodities,
  listCommodities,
  upsertCommodity,
} from './repo/commodities.ts';
import {
  daysNotYetPublic,
  markDayPublished,
  markDayVerified,
  publishedDaysDesc,
  readDay,
} from './repo/days.ts';
import {
  advanceEntries,
  deleteEntry,
  entriesOfDays,
  latestPublished,
  marketHistory,
  upsertDraft,
  writeCorrection,
} from './repo/entries.ts';
import { listMarkets, type MarketRow, upsertMarket } from './repo/markets.ts';
import { isOfficerOf, marketIdsOfOfficer, officersOf, replaceOfficers } from './repo/officers.ts';
import { rollupHistory, rollupsOfDays, writeRollup } from './repo/rollups.ts';
import { claimSummary, insertDefaultSettings, readSettings, writeSettings } from './repo/settings.ts';
import { staffWithGrants } from './repo/staff.ts';
import { readSubscription, subscribers, writeSubscription } from './repo/subscriptions.ts';
import type {
  AlertsQueryType,
  CommodityInputType,
  CorrectionInputType,
  EntryInputType,
  HistoryQueryType,
  MarketInputType,
  SettingsInputType,
} from './schemas.ts';

/** Cache tag of everything public: reference lists, today, history, downloads. */
export const PRICES_TAG = 'market-prices';
/** Cache tag of the app's configuration: settings, markets, commodities, pending publications. */
export const CONFIG_TAG = 'market-prices-config';

/** Permissions of the app (declared in the manifest). */
export { PERM };

/** The longest history one call returns, in days (about two years). */
export const MAX_HISTORY_DAYS = 731;

type Lang = 'id' | 'en';

export type Settings = { publishTime: string; jumpPercent: number; alertPercent: number };

export type MarketPricesConfig = Readonly<{
  settings: Settings;
  markets: readonly MarketRow[];
  commodities: readonly CommodityRow[];
  marketByCode: ReadonlyMap<string, MarketRow>;
  marketById: ReadonlyMap<string, MarketRow>;
  commodityByCode: ReadonlyMap<string, CommodityRow>;
  commodityById: ReadonlyMap<string, CommodityRow>;
  /** Published days still waiting for their publication time, as they were when this was read. */
  pending: ReadonlyArray<{ day: string; publicFrom: number }>;
}>;

/**
 * Who acts, as the routes established it: the user, and whether they may act for a market's
 * agency with a permission (agency-scoped grants count only for their own agencies).
 */
export type Access = Readonly<{ userId: string | null; may: (agencyId: string | null) => boolean }>;

// ---------------------------------------------------------------------------------------------
// Configuration and reference data

/**
 * The tenant's settings, markets and commodities (cached until any changes). The first time a
 * tenant uses the app, its settings row and the national commodity list are written here.
 */
export function loadConfig(platform: Platform, scope: TenantScope): Promise<MarketPricesConfig> {
  // The cache learns of a change only on commit: the transaction that made it reads its own rows.
  if (changedIn.has(scope)) return readConfig(scope);
  return platform.cache.getIn(scope, CONFIG_TAG, 'config', () => readConfig(scope));
}

/** The same configuration outside a transaction: a cached copy costs no transaction at all. */
export function configOf(platform: Platform, tenantId: string, actor: Actor): Promise<MarketPricesConfig> {
  return platform.cache.get(
    tenantId,
    CONFIG_TAG,
    'config',
    () => platform.inTenant(tenantId, actor, readConfig),
    {
      share: true,
    },
  );
}

async function readConfig(scope: TenantScope): Promise<MarketPricesConfig> {
  let settings = await readSettings(scope);
  if (!settings) {
    await ensureReferenceData(scope);
    settings = (await readSettings(scope))!;
  }
  const markets = await listMarkets(scope);
  const commodities = await listCommodities(scope);
  const pending = (await daysNotYetPublic(scope, new Date())).map((d) => ({
    day: d.day,
    publicFrom: d.public_from!.getTime(),
  }));
  return {
    settings: {
      publishTime: settings.publish_time,
      jumpPercent: settings.jump_percent,
      alertPercent: settings.alert_percent,
    },
    markets,
    commodities,
    marketByCode: new Map(markets.map((m) => [m.code, m])),
    marketById: new Map(markets.map((m) => [m.id, m])),
    commodityByCode: new Map(commodities.map((c) => [c.code, c])),
    commodityById: new Map(commodities.map((c) => [c.id, c])),
    pending,
  };
}

/**
 * Writes the default settings and the national commodity list for a tenant that has neither
 * (idempotent: a second call, or a concurrent one, adds nothing). Returns the commodities added.
 */
export async function ensureReferenceData(scope: TenantScope): Promise<number> {
  if (!(await insertDefaultSettings(scope))) return 0;
  const added = await insertCommodities(scope, NATIONAL_COMMODITIES);
  await recordAudit(scope, {
    action: 'market-prices.reference.seed',
    entityType: 'commodity',
    after: { commodities: added, list: 'national' },
  });
  await changed(scope);
  return added;
}

/** Transactions that changed the configuration, until they end (a scope lives as long as its transaction). */
const changedIn = new WeakSet<TenantScope>();

async function changed(scope: TenantScope) {
  changedIn.add(scope);
  await invalidate(scope, CONFIG_TAG);
  await invalidate(scope, PRICES_TAG);
}

/** The tenant's agency paths (cached until an agency changes), for agency-scoped permissions. */
export function agencyPathsOf(platform: Platform, scope: TenantScope) {
  return platform.cache.getIn(scope, AGENCIES_TAG, 'market-prices:paths', () => agencyPaths(scope));
}

export function marketView(m: MarketRow) {
  return {
    code: m.code,
    name: m.name,
    address: m.address,
    lat: m.lat,
    lng: m.lng,
    agencyId: m.agency_id,
    active: m.active,
  };
}

export function commodityView(c: CommodityRow) {
  return {
    code: c.code,
    name: c.name,
    group: c.group_code,
    grade: c.grade,
    unit: c.unit,
    minPrice: c.min_price,
    maxPrice: c.max_price,
    active: c.active,
  };
}

function commodityRef(c: CommodityRow, lang: Lang) {
  return { code: c.code, name: c.name[lang], group: c.group_code, grade: c.grade, unit: c.unit };
}

function requireMarket(config: MarketPricesConfig, code: string): MarketRow {
  const market = config.marketByCode.get(code);
  if (!market) throw notFound('market');
  return market;
}

/** Creates or changes a market; an agency's administrator only within their own agencies. */
export async function putMarket(
  platform: Platform,
  scope: TenantScope,
  code: string,
  input: MarketInputType,
  access: Access,
) {
  const config = await loadConfig(platform, scope);
  const before = config.marketByCode.get(code);
  if (before && !access.may(before.agency_id)) throw new AppError('forbidden');
  const agencyId = input.agencyId !== undefined ? input.agencyId : (before?.agency_id ?? null);
  if (agencyId !== null && !(await agencyPathsOf(platform, scope))(agencyId)) {
    throw invalid({ path: '/body/agencyId', code: 'unknown_agency' });
  }
  if (!access.may(agencyId)) throw new AppError('forbidden');
  const lat = input.lat !== undefined ? input.lat : (before?.lat ?? null);
  const lng = input.lng !== undefined ? input.lng : (before?.lng ?? null);
  if ((lat === null) !== (lng === null)) {
    throw invalid({ path: lat === null ? '/body/lat' : '/body/lng', code: 'required' });
  }
  const row = await upsertMarket(scope, code, {
    name: input.name,
    address: input.address !== undefined ? input.address : (before?.address ?? null),
    lat,
    lng,
    agency_id: agencyId,
    active: input.active ?? before?.active ?? true,
    sort: input.sort ?? before?.sort ?? 0,
  });
  await recordAudit(scope, {
    action: before ? 'market-prices.market.update' : 'market-prices.market.create',
    entityType: 'market',
    entityId: row.id,
    before: before ?? null,
    after: row,
  });
  await changed(scope);
  return marketView(row);
}

/** Creates or changes a commodity (its names, grade, unit and plausible price range). */
export async function putCommodity(
  platform: Platform,
  scope: TenantScope,
  code: string,
  input: CommodityInputType,
) {
  if (input.maxPrice <= input.minPrice) throw invalid({ path: '/body/maxPrice', code: 'price_order' });
  const config = await loadConfig(platform, scope);
  const before = config.commodityByCode.get(code);
  const row = await upsertCommodity(scope, code, {
    name: input.name,
    group_code: input.group,
    grade: input.grade ?? null,
    unit: input.unit,
    min_price: input.minPrice,
    max_price: input.maxPrice,
    active: input.active ?? before?.active ?? true,
    sort: input.sort ?? before?.sort ?? (config.commodities.length + 1) * 10,
  });
  await recordAudit(scope, {
    action: before ? 'market-prices.commodity.update' : 'market-prices.commodity.create',
    entityType: 'commodity',
    entityId: row.id,
    before: before ?? null,
    after: row,
  });
  await changed(scope);
  return commodityView(row);
}

export async function marketOfficers(platform: Platform, scope: TenantScope, code: string, access: Access) {
  const market = requireMarket(await loadConfig(platform, scope), code);
  if (!access.may(market.agency_id)) throw new AppError('forbidden');
  return { market: market.code, items: await officersOf(scope, market.id) };
}

/**
 * Sets who may enter prices for a market: staff accounts that hold the entry permission. Replaces
 * the list; an agency's administrator only for their own agencies' markets.
 */
export async function setMarketOfficers(
  platform: Platform,
  scope: TenantScope,
  code: string,
  userIds: readonly string[],
  access: Access,
) {
  const market = requireMarket(await loadConfig(platform, scope), code);
  if (!access.may(market.agency_id)) throw new AppError('forbidden');
  const staff = new Map((await staffWithGrants(scope, userIds)).map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  userIds.forEach((id, i) => {
    const user = staff.get(id);
    const grants = user?.grants.map((g) => ({ ...g, role: g.role as Role })) ?? [];
    if (!user || !platform.permissions.allowsSomewhere(grants, PERM.enter)) {
      errors.push({ path: `/body/userIds/${i}`, code: 'not_officer' });
    }
  });
  if (errors.length > 0) throw invalid(...errors);
  const before = await officersOf(scope, market.id);
  await replaceOfficers(scope, market.id, userIds);
  await recordAudit(scope, {
    action: 'market-prices.officers.set',
    entityType: 'market',
    entityId: market.id,
    before: before.map((o) => o.id),
    after: [...userIds],
  });
  return { market: market.code, items: await officersOf(scope, market.id) };
}

export async function settingsView(platform: Platform, scope: TenantScope): Promise<Settings> {
  return (await loadConfig(platform, scope)).settings;
}

export async function updateSettings(platform: Platform, scope: TenantScope, input: SettingsInputType) {
  const before = (await loadConfig(platform, scope)).settings;
  const after: Settings = {
    publishTime: input.publishTime ?? before.publishTime,
    jumpPercent: input.jumpPercent ?? before.jumpPercent,
    alertPercent: input.alertPercent ?? before.alertPercent,
  };
  await writeSettings(scope, {
    publish_time: after.publishTime,
    jump_percent: after.jumpPercent,
    alert_percent: after.alertPercent,
  });
  await recordAudit(scope, {
    action: 'market-prices.settings.update',
    entityType: 'market_settings',
    before,
    after,
  });
  await changed(scope);
  return after;
}

// ---------------------------------------------------------------------------------------------
// Daily entry

/** Per time zone, the local day last asked for and the instants it spans: [from, until). */
const localDays = new Map<string, { day: LocalDate; from: number; until: number }>();

/**
 * Today's date in the tenant's time zone. The public reads ask on every request (their cache keys
 * hold the day), and the zone's calendar arithmetic (Intl) was an eighth of a cached "today"'s CPU:
 * the answer is kept for the rest of that local day, whose bounds are checked once.
 */
export function todayOf(tenant: VerifiedTenant, now: Date): LocalDate {
  const t = now.getTime();
  const zone = tenant.timeZone;
  const known = localDays.get(zone);
  if (known && t >= known.from && t < known.until) return known.day;
  const day = localDateOf(now, zone);
  const from = localInstant(day, '00:00', zone).getTime();
  const until = localInstant(addDays(day, 1), '00:00', zone).getTime();
  // Kept only when the bounds are that day's (always in Indonesia's zones, which have no DST).
  if (
    from <= t &&
    t < until &&
    localDateOf(new Date(from), zone) === day &&
    localDateOf(new Date(until - 1), zone) === day
  ) {
    localDays.set(zone, { day, from, until });
  }
  return day;
}

function refuseFuture(tenant: VerifiedTenant, day: LocalDate, now: Date) {
  if (day > todayOf(tenant, now)) throw invalid({ path: '/params/day', code: 'future_day' });
}

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

function previousByCommodity(rows: Awaited<ReturnType<typeof latestPublished>>) {
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

type EntryItem = { commodity: CommodityRow; quotes: number[] };

/** Field errors of one commodity's quotes, under `path` (`/body/items/0/quotes`). */
function quoteErrors(c: CommodityRow, quotes: readonly number[], path: (j: number) => string, lang: Lang) {
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
async function writeDrafts(
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
async function requireEntry(
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

const PRICE_COLUMNS = Array.from({ length: MAX_QUOTES }, (_, i) => `price${i + 1}`);

/** A CSV problem: the line and column it is on, as a field error. */
function csvError(
  line: number,
  column: string,
  code: string,
  params: Record<string, unknown> = {},
): FieldError {
  return { path: `/body/${line}/${column}`, code, params: { ...params, line, column } };
}

/**
 * A day's prices for one market from a CSV file: a header `commodity,price1[,price2…price5]`,
 * then one line per commodity. All or nothing: every bad cell is reported with its line, column
 * and reason, and nothing is saved unless the whole file is right.
 */
export async function importCsv(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  marketCode: string,
  day: LocalDate,
  text: string,
  access: Access,
  lang: Lang,
  now: Date = new Date(),
): Promise<{ market: string; day: string; saved: number }> {
  const config = await loadConfig(platform, scope);
  const market = requireMarket(config, marketCode);
  await requireEntry(scope, tenant, market, day, access, now);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw invalid(csvError(error.line, '*', 'csv_syntax', { reason: error.message }));
    throw error;
  }
  const header = records[0]?.cells.map((h) => h.trim().toLowerCase()) ?? [];
  const errors: FieldError[] = [];
  const commodityAt = header.indexOf('commodity');
  if (commodityAt < 0) errors.push(csvError(1, 'commodity', 'csv_header'));
  header.forEach((h, k) => {
    if (h !== 'commodity' && !PRICE_COLUMNS.includes(h))
      errors.push(csvError(1, h || String(k + 1), 'csv_column'));
  });
  if (!header.includes('price1')) errors.push(csvError(1, 'price1', 'csv_header'));
  if (errors.length > 0) throw invalid(...errors);
  if (records.length < 2) throw invalid(csvError(1, '*', 'no_rows'));
  const items: EntryItem[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records.slice(1)) {
    if (cells.length > header.length) {
      errors.push(csvError(line, String(header.length + 1), 'extra_cell'));
      continue;
    }
    const code = (cells[commodityAt] ?? '').trim();
    const c = config.commodityByCode.get(code);
    if (!c?.active) {
      errors.push(csvError(line, 'commodity', code ? 'unknown_commodity' : 'required', { value: code }));
    } else if (seen.has(c.code)) {
      errors.push(csvError(line, 'commodity', 'duplicate_line', { first: seen.get(c.code) }));
    } else {
      seen.set(c.code, line);
    }
    const quotes: number[] = [];
    header.forEach((h, k) => {
      if (!PRICE_COLUMNS.includes(h)) return;
      const cell = (cells[k] ?? '').trim();
      if (cell === '') return;
      const value = parsePriceText(cell);
      if (value === null) {
        errors.push(csvError(line, h, 'price_number', { value: cell }));
        return;
      }
      if (c) {
        const problem = quoteProblem(value, { min: c.min_price, max: c.max_price });
        if (problem) {
          errors.push(
            csvError(line, h, problem, {
              commodity: c.name[lang],
              min: c.min_price,
              max: c.max_price,
              unit: c.unit,
            }),
          );
          return;
        }
      }
      quotes.push(value);
    });
    const hasPriceError = errors.some((e) => e.params?.line === line && e.path !== `/body/${line}/commodity`);
    if (quotes.length === 0 && !hasPriceError) errors.push(csvError(line, 'price1', 'required'));
    if (c) items.push({ commodity: c, quotes });
  }
  if (errors.length > 0) throw invalid(...errors);
  const saved = await writeDrafts(scope, tenant, market, day, items, access, 'csv');
  return { market: market.code, day, saved };
}

// ---------------------------------------------------------------------------------------------
// Review, verification, publication

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
      const missing = config.commodities.filter((c) => c.active && !entered.has(c.id)).length;
      return {
        code: m.code,
        name: m.name,
        active: m.active,
        missing: Math.min(missing, activeCommodities),
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

/** Recomputes the city rollup of `day` for the commodities given, from the published entries. */
async function writeRollups(scope: TenantScope, day: LocalDate, commodityIds: readonly string[]) {
  const published = await entriesOfDays(scope, [day], { publishedOnly: true });
  for (const commodityId of commodityIds) {
    const r = rollup(
      published
        .filter((e) => e.commodity_id === commodityId)
        .map((e) => ({ marketId: e.market_id, price: e.price })),
    );
    await writeRollup(
      scope,
      r
        ? {
            commodity_id: commodityId,
            day,
            avg_price: r.avg,
            min_price: r.min,
            max_price: r.max,
            markets: r.markets,
            cheapest_market_id: r.cheapestMarketId,
          }
        : { commodity_id: commodityId, day, none: true },
    );
  }
}

type NewAlert = AlertValues & { id: string };

/**
 * Compares the published prices of `day` with the prices a week before (the latest published day
 * on or before seven days earlier), city-wide and per market; a rise beyond the tenant's alert
 * percentage is recorded once, told to the command centre as a `price.alert` event and mailed
 * to the staff subscribed to alerts. Returns how many alerts are new.
 */
async function raiseAlerts(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  config: MarketPricesConfig,
  day: LocalDate,
  commodityIds: readonly string[],
  lang: Lang,
): Promise<number> {
  const percent = config.settings.alertPercent;
  const weekBefore = (await publishedDaysDesc(scope, addDays(day, -7), 1, null))[0]?.day ?? null;
  const wanted = new Set(commodityIds);
  const candidates: AlertValues[] = [];
  if (weekBefore) {
    const rollups = await rollupsOfDays(scope, [day, weekBefore]);
    for (const now of rollups.filter((r) => r.day === day && wanted.has(r.commodity_id))) {
      const then = rollups.find((r) => r.day === weekBefore && r.commodity_id === now.commodity_id);
      if (then && risesAbove(now.avg_price, then.avg_price, percent)) {
        candidates.push({
          day,
          commodity_id: now.commodity_id,
          market_id: null,
          previous_day: weekBefore,
          previous: then.avg_price,
          current: now.avg_price,
          percent: percentChange(now.avg_price, then.avg_price),
        });
      }
    }
  }
  const published = (await entriesOfDays(scope, [day], { publishedOnly: true })).filter((e) =>
    wanted.has(e.commodity_id),
  );
  const marketIds = [...new Set(published.map((e) => e.market_id))];
  const before = await latestPublished(scope, marketIds, addDays(day, -7), true);
  const beforeOf = new Map(before.map((b) => [`${b.market_id}|${b.commodity_id}`, b]));
  for (const e of published) {
    const then = beforeOf.get(`${e.market_id}|${e.commodity_id}`);
    if (then && risesAbove(e.price, then.price, percent)) {
      candidates.push({
        day,
        commodity_id: e.commodity_id,
        market_id: e.market_id,
        previous_day: then.day,
        previous: then.price,
        current: e.price,
        percent: percentChange(e.price, then.price),
      });
    }
  }
  const fresh: NewAlert[] = [];
  for (const a of candidates) {
    const id = await insertAlert(scope, a);
    if (!id) continue;
    fresh.push({ ...a, id });
    await emitEvent(scope, {
      type: 'price.alert',
      entityType: 'price_alert',
      entityId: id,
      data: {
        day: a.day,
        commodityId: a.commodity_id,
        marketId: a.market_id,
        previous: a.previous,
        current: a.current,
        percent: a.percent,
      },
    });
  }
  if (fresh.length > 0) await mailAlerts(platform, scope, tenant, config, fresh, lang);
  return fresh.length;
}

/** Subscribers who still hold the permission to read alerts. */
async function allowedSubscribers(platform: Platform, scope: TenantScope, kind: 'alerts' | 'daily_summary') {
  const subs = await subscribers(scope, kind);
  const staff = await staffWithGrants(
    scope,
    subs.map((s) => s.id),
  );
  const allowed = new Set(
    staff
      .filter((u) =>
        platform.permissions.allowsSomewhere(
          u.grants.map((g) => ({ ...g, role: g.role as Role })),
          PERM.alertRead,
        ),
      )
      .map((u) => u.id),
  );
  return subs.filter((s) => allowed.has(s.id));
}

/** The mails are written in Indonesian. */
const rupiah = (n: number) => formatRupiah(n, 'id');

async function mailAlerts(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  config: MarketPricesConfig,
  alerts: readonly NewAlert[],
  lang: Lang,
) {
  const to = await allowedSubscribers(platform, scope, 'alerts');
  if (to.length === 0) return;
  const t = translator(tenant.defaultLanguage);
  const first = alerts[0]!;
  const lines = alerts.map((a) =>
    t('market-prices.mail.alertLine', {
      commodity: config.commodityById.get(a.commodity_id)?.name[tenant.defaultLanguage ?? lang] ?? '',
      place: a.market_id ? (config.marketById.get(a.market_id)?.name ?? '') : t('market-prices.city'),
      previous: rupiah(a.previous),
      previousDay: a.previous_day,
      current: rupiah(a.current),
      percent: a.percent,
    }),
  );
  for (const s of to) {
    await enqueueNotification(scope, {
      channel: 'email',
      to: s.email,
      subject: t('market-prices.mail.alertSubject', {
        count: alerts.length,
        day: first.day,
        tenant: tenant.name,
      }),
      body: [t('market-prices.mail.alertIntro', { day: first.day, tenant: tenant.name }), ...lines].join(
        '\n',
      ),
    });
  }
}

/**
 * A supervisor's correction of one published price, with a reason: the audit trail keeps the
 * price before and after and the reason, the city rollup of that day is recomputed, and a rise it
 * reveals raises its alert.
 */
export async function correctEntry(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  marketCode: string,
  day: LocalDate,
  input: CorrectionInputType,
  access: Access,
  lang: Lang,
  now: Date = new Date(),
) {
  const config = await loadConfig(platform, scope);
  const market = requireMarket(config, marketCode);
  if (!access.may(market.agency_id)) throw new AppError('forbidden');
  const dayRow = await readDay(scope, day, true);
  if (dayRow?.status !== 'published') {
    throw new AppError('conflict', { detailKey: 'not_published', params: { day } });
  }
  const c = config.commodityByCode.get(input.commodity);
  if (!c) throw invalid({ path: '/body/commodity', code: 'unknown_commodity' });
  const errors = quoteErrors(c, input.quotes, (j) => `/body/quotes/${j}`, lang);
  if (errors.length > 0) throw invalid(...errors);
  const [before] = (await entriesOfDays(scope, [day], { marketIds: [market.id], forUpdate: true })).filter(
    (e) => e.commodity_id === c.id,
  );
  const price = medianPrice(input.quotes)!;
  await writeCorrection(
    scope,
    { marketId: market.id, commodityId: c.id, day, quotes: input.quotes, price, userId: access.userId },
    now,
  );
  await writeRollups(scope, day, [c.id]);
  const alerts = await raiseAlerts(platform, scope, tenant, config, day, [c.id], lang);
  await recordAudit(scope, {
    action: 'market-prices.price.correct',
    entityType: 'price_entry',
    entityId: `${market.code}/${c.code}/${day}`,
    before: before ? { quotes: before.quotes, price: before.price, status: before.status } : null,
    after: { quotes: input.quotes, price, reason: input.reason },
  });
  await changed(scope);
  return { market: market.code, commodity: c.code, day, before: before?.price ?? null, price, alerts };
}

// ---------------------------------------------------------------------------------------------
// Public views

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
 * The public prices of a day: the latest published day on or before `asked` (today by default),
 * per market and city-wide, each compared with yesterday, last week and last month (the latest
 * published days on or before 1, 7 and 30 days earlier), and the cheapest market per commodity.
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
  const wanted = [day, ...new Set(Object.values(compared).filter((d): d is string => d !== null))];
  const rollups = await rollupsOfDays(scope, wanted);
  const entries = await entriesOfDays(scope, wanted, { publishedOnly: true });
  const changes = (current: number, priceOn: (d: string) => number | undefined) => {
    const out: Record<keyof typeof compared, Change | null> = { yesterday: null, week: null, month: null };
    for (const k of Object.keys(compared) as Array<keyof typeof compared>) {
      const d = compared[k];
      const p = d ? priceOn(d) : undefined;
      out[k] = d && p !== undefined ? changeFrom(current, p, d) : null;
    }
    return out;
  };
  const bySort = (a: { c: CommodityRow }, b: { c: CommodityRow }) =>
    a.c.sort - b.c.sort || a.c.code.localeCompare(b.c.code);
  const city = rollups
    .filter((r) => r.day === day)
    .map((r) => ({ r, c: config.commodityById.get(r.commodity_id)! }))
    .filter(({ c }) => c?.active)
    .sort(bySort)
    .map(({ r, c }) => {
      const cheapest = config.marketById.get(r.cheapest_market_id)!;
      return {
        commodity: commodityRef(c, lang),
        price: r.avg_price,
        min: r.min_price,
        max: r.max_price,
        markets: r.markets,
        cheapest: { code: cheapest.code, name: cheapest.name, price: r.min_price },
        change: changes(
          r.avg_price,
          (d) => rollups.find((x) => x.day === d && x.commodity_id === r.commodity_id)?.avg_price,
        ),
      };
    });
  const priceAt = new Map(entries.map((e) => [`${e.market_id}|${e.commodity_id}|${e.day}`, e.price]));
  const markets = config.markets
    .map((m) => ({
      code: m.code,
      name: m.name,
      items: entries
        .filter((e) => e.market_id === m.id && e.day === day)
        .map((e) => ({ e, c: config.commodityById.get(e.commodity_id)! }))
        .filter(({ c }) => c?.active)
        .sort(bySort)
        .map(({ e, c }) => ({
          commodity: c.code,
          price: e.price,
          change: changes(e.price, (d) => priceAt.get(`${m.id}|${c.id}|${d}`)),
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
      view.day,
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
        view.day,
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

// ---------------------------------------------------------------------------------------------
// Alerts, subscriptions, the daily summary

export async function alertsView(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  q: AlertsQueryType,
  lang: Lang,
  now: Date = new Date(),
) {
  const config = await loadConfig(platform, scope);
  const to = q.to ?? todayOf(tenant, now);
  const from = q.from ?? addDays(to, -30);
  if (from > to) throw invalid({ path: '/querystring/from', code: 'date_order' });
  const rows = await listAlerts(scope, from, to, q.limit ?? 100, q.order ?? 'day');
  return {
    items: rows.map((a) => {
      const c = config.commodityById.get(a.commodity_id)!;
      const m = a.market_id ? config.marketById.get(a.market_id) : undefined;
      return {
        id: a.id,
        day: a.day,
        commodity: { code: c.code, name: c.name[lang], unit: c.unit },
        market: m ? { code: m.code, name: m.name } : null,
        previousDay: a.previous_day,
        previous: a.previous,
        current: a.current,
        percent: a.percent,
        createdAt: a.created_at.toISOString(),
      };
    }),
  };
}

export async function subscriptionOf(scope: TenantScope, userId: string) {
  const row = await readSubscription(scope, userId);
  return { alerts: row?.alerts ?? false, dailySummary: row?.daily_summary ?? false };
}

export async function setSubscription(
  scope: TenantScope,
  userId: string,
  alerts: boolean,
  dailySummary: boolean,
) {
  await writeSubscription(scope, userId, alerts, dailySummary);
  await recordAudit(scope, {
    action: 'market-prices.subscription.set',
    entityType: 'price_subscription',
    entityId: userId,
    after: { alerts, dailySummary },
  });
  return { alerts, dailySummary };
}

/**
 * The leaders' daily summary: once today's prices are public (after the publication time), one
 * email per summary subscriber with the city's prices, their change against yesterday and last
 * week, and the day's alerts. Sent at most once per day per tenant, whichever process runs it.
 */
export async function runDailySummary(
  platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
  now: Date = new Date(),
): Promise<{ sent: number }> {
  const config = await loadConfig(platform, scope);
  const today = todayOf(tenant, now);
  if (now < localInstant(today, config.settings.publishTime, tenant.timeZone)) return { sent: 0 };
  const dayRow = await readDay(scope, today);
  if (dayRow?.status !== 'published' || dayRow.public_from! > now) return { sent: 0 };
  if (!(await claimSummary(scope, today))) return { sent: 0 };
  const to = await allowedSubscribers(platform, scope, 'daily_summary');
  if (to.length === 0) return { sent: 0 };
  const lang = tenant.defaultLanguage;
  const t = translator(lang);
  const view = await todayView(platform, scope, tenant, today, lang, now);
  const alerts = await listAlerts(scope, today, today, 50);
  const pct = (c: Change | null) => (c ? `${c.percent > 0 ? '+' : ''}${c.percent}%` : '–');
  const lines = view.city.map((r) =>
    t('market-prices.mail.summaryLine', {
      commodity: r.commodity.name,
      unit: r.commodity.unit,
      price: rupiah(r.price),
      yesterday: pct(r.change.yesterday),
      week: pct(r.change.week),
      cheapest: r.cheapest.name,
    }),
  );
  const body = [
    t('market-prices.mail.summaryIntro', { day: today, tenant: tenant.name, markets: view.markets.length }),
    '',
    ...lines,
    '',
    t('market-prices.mail.summaryAlerts', { count: alerts.length }),
  ].join('\n');
  for (const s of to) {
    await enqueueNotification(scope, {
      channel: 'email',
      to: s.email,
      subject: t('market-prices.mail.summarySubject', { day: today, tenant: tenant.name }),
      body,
    });
  }
  return { sent: to.length };
}
