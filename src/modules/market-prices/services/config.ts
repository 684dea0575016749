/**
 * The app's configuration of a tenant — settings, markets, commodities, the publications still
 * waiting for their time — read once and cached until a writer changes it, and what every use case
 * shares: its cache tags, who acts (`Access`), a market by its code.
 */
import {
  type Actor,
  type AgencyAccess,
  agencyTreeOf,
  invalidate,
  notFound,
  type Platform,
  recordAudit,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { NATIONAL_COMMODITIES } from '../national.ts';
import { type CommodityRow, insertCommodities, listCommodities } from '../repo/commodities.ts';
import { daysNotYetPublic } from '../repo/days.ts';
import { listMarkets, type MarketRow } from '../repo/markets.ts';
import { insertDefaultSettings, readSettings, type SettingsRow } from '../repo/settings.ts';

/** Cache tag of everything public: reference lists, today, history, downloads. */
export const PRICES_TAG = 'market-prices';
/** Cache tag of the app's configuration: settings, markets, commodities, pending publications. */
export const CONFIG_TAG = 'market-prices-config';

/** The languages of the app's texts. */
export type Lang = 'id' | 'en';

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
/** Who acts, as far as the services need it (the kernel's `AgencyAccess`, or a plain one in the demo). */
export type Access = Pick<AgencyAccess, 'userId' | 'may'>;

/**
 * The tenant's settings, markets and commodities (cached until any changes). The first time a
 * tenant uses the app, its settings row and the national commodity list are written here.
 */
export function loadConfig(platform: Platform, scope: TenantScope): Promise<MarketPricesConfig> {
  // The cache learns of a change only on commit: the transaction that made it reads its own rows.
  if (changedIn.has(scope)) return readConfig(scope);
  return platform.cache.getIn(scope, CONFIG_TAG, 'config', () => readConfig(scope));
}

/**
 * The same configuration outside a transaction, for the public reads: a cached copy costs no
 * transaction at all, and a miss reads where a moment's staleness is allowed (the read replica; the
 * cache keeps it only if the replica held every change it has heard of).
 */
export function configOf(platform: Platform, tenantId: string, actor: Actor): Promise<MarketPricesConfig> {
  return platform.cache.get(
    tenantId,
    CONFIG_TAG,
    'config',
    () => platform.inTenantReplica(tenantId, actor, readConfig),
    {
      share: true,
    },
  );
}

/** The table's defaults (migrations/20261205_0001), for a tenant whose row is not written yet. */
const DEFAULT_SETTINGS: SettingsRow = {
  publish_time: '13:00',
  jump_percent: 20,
  alert_percent: 10,
  summary_sent_on: null,
};

async function readConfig(scope: TenantScope): Promise<MarketPricesConfig> {
  // Written when the tenant took the app live (`onLive`); a read never writes.
  const settings = (await readSettings(scope)) ?? DEFAULT_SETTINGS;
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

/** Marks the configuration and the public views changed: this transaction reads them afresh, every process drops them on commit. */
export async function changed(scope: TenantScope) {
  changedIn.add(scope);
  await invalidate(scope, CONFIG_TAG);
  await invalidate(scope, PRICES_TAG);
}

/** The tenant's agency paths (cached until an agency changes), for agency-scoped permissions. */
export async function agencyPathsOf(platform: Platform, scope: TenantScope) {
  return (await agencyTreeOf(platform, scope)).paths;
}

/** A market of the configuration by its code, or the not-found problem. */
export function requireMarket(config: MarketPricesConfig, code: string): MarketRow {
  const market = config.marketByCode.get(code);
  if (!market) throw notFound('market');
  return market;
}
