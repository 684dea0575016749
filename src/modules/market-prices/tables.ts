/** Row types of the market prices app's tables, as Kysely sees them (beside the platform's). */
import type { ColumnType, JSONColumnType, Transaction } from 'kysely';
import type { PlatformTables, TenantScope } from '../../platform/sdk/index.ts';

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Instant = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read as YYYY-MM-DD text (see `day` in the queries), written as text. */
type Day = ColumnType<string, string, string>;

export type Unit = 'kg' | 'liter';
export type EntryStatus = 'draft' | 'verified' | 'published';

export interface MarketSettingsTable {
  tenant_id: string;
  publish_time: ColumnType<string, string | undefined, string>;
  jump_percent: ColumnType<number, number | undefined, number>;
  alert_percent: ColumnType<number, number | undefined, number>;
  summary_sent_on: Day | null;
  updated_at: UpdatedAt;
}

export interface MarketsTable {
  tenant_id: string;
  id: string;
  code: string;
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  agency_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  sort: ColumnType<number, number | undefined, number>;
  updated_at: UpdatedAt;
}

export interface CommoditiesTable {
  tenant_id: string;
  id: string;
  code: string;
  name: JSONColumnType<{ id: string; en: string }>;
  group_code: string;
  grade: string | null;
  unit: Unit;
  min_price: number;
  max_price: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  sort: ColumnType<number, number | undefined, number>;
  updated_at: UpdatedAt;
}

export interface MarketOfficersTable {
  tenant_id: string;
  market_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface PriceEntriesTable {
  tenant_id: string;
  commodity_id: string;
  market_id: string;
  day: Day;
  quotes: JSONColumnType<number[]>;
  price: number;
  status: EntryStatus;
  entered_by: string | null;
  entered_at: ColumnType<Date, Date | string | undefined, Date | string>;
  verified_by: string | null;
  verified_at: Instant | null;
  published_at: Instant | null;
  corrected_by: string | null;
  corrected_at: Instant | null;
}

export interface PriceDaysTable {
  tenant_id: string;
  day: Day;
  status: 'verified' | 'published';
  verified_by: string | null;
  verified_at: Instant | null;
  published_by: string | null;
  published_at: Instant | null;
  public_from: Instant | null;
}

export interface PriceRollupsTable {
  tenant_id: string;
  commodity_id: string;
  day: Day;
  avg_price: number;
  min_price: number;
  max_price: number;
  markets: number;
  cheapest_market_id: string;
}

export interface PriceAlertsTable {
  tenant_id: string;
  id: string;
  day: Day;
  commodity_id: string;
  market_id: string | null;
  previous_day: Day;
  previous: number;
  current: number;
  percent: number;
  created_at: CreatedAt;
}

export interface PriceSubscriptionsTable {
  tenant_id: string;
  user_id: string;
  alerts: ColumnType<boolean, boolean | undefined, boolean>;
  daily_summary: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: UpdatedAt;
}

export interface MarketPriceTables extends PlatformTables {
  market_settings: MarketSettingsTable;
  markets: MarketsTable;
  commodities: CommoditiesTable;
  market_officers: MarketOfficersTable;
  price_entries: PriceEntriesTable;
  price_days: PriceDaysTable;
  price_rollups: PriceRollupsTable;
  price_alerts: PriceAlertsTable;
  price_subscriptions: PriceSubscriptionsTable;
}

/** The scope's transaction, seeing the market prices app's tables too. Only repo/ calls it. */
export function tx(scope: TenantScope): Transaction<MarketPriceTables> {
  return scope.trx as unknown as Transaction<MarketPriceTables>;
}
