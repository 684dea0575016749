/**
 * The only code that touches the market prices app's tables. Every query filters `tenant_id`
 * itself (Citus routes on it), beside the row-level security underneath (ADR 0003).
 */
import { sql } from 'kysely';
import type { TenantScope } from '../../platform/db/tenant-scope.ts';
import { newId } from '../../platform/ids.ts';
import type { NationalCommodity } from './national.ts';
import { type EntryStatus, tx, type Unit } from './tables.ts';

// ---------------------------------------------------------------------------------------------
// Settings

export type SettingsRow = {
  publish_time: string;
  jump_percent: number;
  alert_percent: number;
  summary_sent_on: string | null;
};

export function readSettings(scope: TenantScope): Promise<SettingsRow | undefined> {
  return tx(scope)
    .selectFrom('market_settings')
    .select(['publish_time', 'jump_percent', 'alert_percent', 'summary_sent_on'])
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirst();
}

/** Writes the default settings row unless there is one; whether this call wrote it. */
export async function insertDefaultSettings(scope: TenantScope): Promise<boolean> {
  const rows = await tx(scope)
    .insertInto('market_settings')
    .values({ tenant_id: scope.tenantId })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .returning('tenant_id')
    .execute();
  return rows.length > 0;
}

export async function writeSettings(
  scope: TenantScope,
  values: { publish_time: string; jump_percent: number; alert_percent: number },
): Promise<void> {
  await tx(scope)
    .insertInto('market_settings')
    .values({ tenant_id: scope.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** Marks the daily summary of `day` as sent; false when it already was (by this or another process). */
export async function claimSummary(scope: TenantScope, day: string): Promise<boolean> {
  const rows = await tx(scope)
    .updateTable('market_settings')
    .set({ summary_sent_on: day })
    .where('tenant_id', '=', scope.tenantId)
    .where((eb) => eb.or([eb('summary_sent_on', 'is', null), eb('summary_sent_on', '<', day)]))
    .returning('tenant_id')
    .execute();
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Markets and their officers

export type MarketRow = {
  id: string;
  code: string;
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  agency_id: string | null;
  active: boolean;
  sort: number;
};

const MARKET_COLUMNS = [
  'id',
  'code',
  'name',
  'address',
  'lat',
  'lng',
  'agency_id',
  'active',
  'sort',
] as const;

export function listMarkets(scope: TenantScope): Promise<MarketRow[]> {
  return tx(scope)
    .selectFrom('markets')
    .select(MARKET_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export type MarketValues = Omit<MarketRow, 'id' | 'code'>;

/** Creates or changes the market `code`; returns its row. */
export async function upsertMarket(
  scope: TenantScope,
  code: string,
  values: MarketValues,
): Promise<MarketRow> {
  return tx(scope)
    .insertInto('markets')
    .values({ tenant_id: scope.tenantId, id: newId(), code, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doUpdateSet({ ...values, updated_at: new Date() }))
    .returning(MARKET_COLUMNS)
    .executeTakeFirstOrThrow();
}

export function officersOf(scope: TenantScope, marketId: string): Promise<{ id: string; name: string }[]> {
  return tx(scope)
    .selectFrom('market_officers as o')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 'o.tenant_id').onRef('u.id', '=', 'o.user_id'),
    )
    .select(['u.id', 'u.display_name as name'])
    .where('o.tenant_id', '=', scope.tenantId)
    .where('o.market_id', '=', marketId)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

export async function replaceOfficers(scope: TenantScope, marketId: string, userIds: readonly string[]) {
  const db = tx(scope);
  await db
    .deleteFrom('market_officers')
    .where('tenant_id', '=', scope.tenantId)
    .where('market_id', '=', marketId)
    .execute();
  if (userIds.length === 0) return;
  await db
    .insertInto('market_officers')
    .values(userIds.map((user_id) => ({ tenant_id: scope.tenantId, market_id: marketId, user_id })))
    .execute();
}

export async function isOfficerOf(scope: TenantScope, marketId: string, userId: string): Promise<boolean> {
  const row = await tx(scope)
    .selectFrom('market_officers')
    .select('user_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('market_id', '=', marketId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The ids of the markets an account is assigned to as an officer. */
export async function marketIdsOfOfficer(scope: TenantScope, userId: string): Promise<string[]> {
  const rows = await tx(scope)
    .selectFrom('market_officers')
    .select('market_id')
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.market_id);
}

/** Active staff accounts among `ids`, with their role grants. */
export async function staffWithGrants(scope: TenantScope, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const db = tx(scope);
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', 'in', [...ids])
    .where('kind', '=', 'staff')
    .where('disabled_at', 'is', null)
    .execute();
  const grants = await db
    .selectFrom('role_grants')
    .select(['id', 'user_id', 'role', 'agency_id'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', 'in', [...ids])
    .execute();
  return users.map((u) => ({
    id: u.id,
    name: u.display_name,
    grants: grants
      .filter((g) => g.user_id === u.id)
      .map((g) => ({ id: g.id, role: g.role, agencyId: g.agency_id })),
  }));
}

// ---------------------------------------------------------------------------------------------
// Commodities

export type CommodityRow = {
  id: string;
  code: string;
  name: { id: string; en: string };
  group_code: string;
  grade: string | null;
  unit: Unit;
  min_price: number;
  max_price: number;
  active: boolean;
  sort: number;
};

const COMMODITY_COLUMNS = [
  'id',
  'code',
  'name',
  'group_code',
  'grade',
  'unit',
  'min_price',
  'max_price',
  'active',
  'sort',
] as const;

export function listCommodities(scope: TenantScope): Promise<CommodityRow[]> {
  return tx(scope)
    .selectFrom('commodities')
    .select(COMMODITY_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('sort')
    .orderBy('code')
    .execute();
}

export type CommodityValues = Omit<CommodityRow, 'id' | 'code'>;

export async function upsertCommodity(scope: TenantScope, code: string, values: CommodityValues) {
  const row = { ...values, name: JSON.stringify(values.name) };
  return tx(scope)
    .insertInto('commodities')
    .values({ tenant_id: scope.tenantId, id: newId(), code, ...row })
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doUpdateSet({ ...row, updated_at: new Date() }))
    .returning(COMMODITY_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Adds the national list's commodities the tenant does not have (by code); never changes one it has. */
export async function insertCommodities(
  scope: TenantScope,
  list: readonly NationalCommodity[],
): Promise<number> {
  const rows = await tx(scope)
    .insertInto('commodities')
    .values(
      list.map((c, i) => ({
        tenant_id: scope.tenantId,
        id: newId(),
        code: c.code,
        name: JSON.stringify(c.name),
        group_code: c.group,
        grade: c.grade,
        unit: c.unit,
        min_price: c.min,
        max_price: c.max,
        sort: (i + 1) * 10,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'code']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// Entries

export type EntryRow = {
  market_id: string;
  commodity_id: string;
  day: string;
  quotes: number[];
  price: number;
  status: EntryStatus;
};

const ENTRY_COLUMNS = ['market_id', 'commodity_id', 'day', 'quotes', 'price', 'status'] as const;

/** A day's entries, of some markets or all; published ones only when `publishedOnly`. */
export function entriesOfDays(
  scope: TenantScope,
  days: readonly string[],
  options: { marketIds?: readonly string[]; publishedOnly?: boolean; forUpdate?: boolean } = {},
): Promise<EntryRow[]> {
  if (days.length === 0 || options.marketIds?.length === 0) return Promise.resolve([]);
  let q = tx(scope)
    .selectFrom('price_entries')
    .select(ENTRY_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('day', 'in', [...days]);
  if (options.marketIds) q = q.where('market_id', 'in', [...options.marketIds]);
  if (options.publishedOnly) q = q.where('status', '=', 'published');
  if (options.forUpdate) q = q.forUpdate();
  return q.execute();
}

/**
 * For each market of `marketIds` and each commodity, the latest published price on a day before
 * `day` (or on it, when `inclusive`). One index probe per pair, never a scan of the history.
 */
export async function latestPublished(
  scope: TenantScope,
  marketIds: readonly string[],
  day: string,
  inclusive: boolean,
): Promise<Array<{ market_id: string; commodity_id: string; day: string; price: number }>> {
  if (marketIds.length === 0) return [];
  const cmp = inclusive ? sql`<=` : sql`<`;
  const { rows } = await sql<{ market_id: string; commodity_id: string; day: string; price: number }>`
    select m.id as market_id, c.id as commodity_id, p.day, p.price
    from markets m
    join commodities c on c.tenant_id = m.tenant_id
    join lateral (
      select e.day, e.price from price_entries e
      where e.tenant_id = m.tenant_id and e.commodity_id = c.id and e.market_id = m.id
        and e.status = 'published' and e.day ${cmp} ${day}
      order by e.day desc limit 1
    ) p on true
    where m.tenant_id = ${scope.tenantId} and m.id in (${sql.join([...marketIds])})`.execute(scope.trx);
  return rows;
}

export async function upsertDraft(
  scope: TenantScope,
  e: {
    marketId: string;
    commodityId: string;
    day: string;
    quotes: number[];
    price: number;
    userId: string | null;
  },
): Promise<void> {
  const values = {
    quotes: JSON.stringify(e.quotes),
    price: e.price,
    status: 'draft' as const,
    entered_by: e.userId,
    entered_at: new Date(),
    verified_by: null,
    verified_at: null,
  };
  await tx(scope)
    .insertInto('price_entries')
    .values({
      tenant_id: scope.tenantId,
      market_id: e.marketId,
      commodity_id: e.commodityId,
      day: e.day,
      ...values,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'commodity_id', 'market_id', 'day']).doUpdateSet(values))
    .execute();
}

export async function deleteEntry(scope: TenantScope, marketId: string, commodityId: string, day: string) {
  await tx(scope)
    .deleteFrom('price_entries')
    .where('tenant_id', '=', scope.tenantId)
    .where('market_id', '=', marketId)
    .where('commodity_id', '=', commodityId)
    .where('day', '=', day)
    .where('status', '!=', 'published')
    .execute();
}

/** Moves a day's entries in `marketIds` from one status to the next; returns how many moved. */
export async function advanceEntries(
  scope: TenantScope,
  day: string,
  marketIds: readonly string[] | null,
  from: EntryStatus,
  to: EntryStatus,
  userId: string | null,
  now: Date,
): Promise<number> {
  if (marketIds?.length === 0) return 0;
  const set =
    to === 'verified'
      ? { status: to, verified_by: userId, verified_at: now }
      : { status: to, published_at: now };
  let q = tx(scope)
    .updateTable('price_entries')
    .set(set)
    .where('tenant_id', '=', scope.tenantId)
    .where('day', '=', day)
    .where('status', '=', from);
  if (marketIds) q = q.where('market_id', 'in', [...marketIds]);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Writes a supervisor's correction of a published day's entry. */
export async function writeCorrection(
  scope: TenantScope,
  e: {
    marketId: string;
    commodityId: string;
    day: string;
    quotes: number[];
    price: number;
    userId: string | null;
  },
  now: Date,
): Promise<void> {
  const values = {
    quotes: JSON.stringify(e.quotes),
    price: e.price,
    status: 'published' as const,
    corrected_by: e.userId,
    corrected_at: now,
  };
  await tx(scope)
    .insertInto('price_entries')
    .values({
      tenant_id: scope.tenantId,
      market_id: e.marketId,
      commodity_id: e.commodityId,
      day: e.day,
      entered_by: e.userId,
      verified_by: e.userId,
      verified_at: now,
      published_at: now,
      ...values,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'commodity_id', 'market_id', 'day']).doUpdateSet(values))
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Days and their publication

export type DayRow = {
  day: string;
  status: 'verified' | 'published';
  published_at: Date | null;
  public_from: Date | null;
};

export function readDay(scope: TenantScope, day: string, forUpdate = false): Promise<DayRow | undefined> {
  let q = tx(scope)
    .selectFrom('price_days')
    .select(['day', 'status', 'published_at', 'public_from'])
    .where('tenant_id', '=', scope.tenantId)
    .where('day', '=', day);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markDayVerified(scope: TenantScope, day: string, userId: string | null, now: Date) {
  await tx(scope)
    .insertInto('price_days')
    .values({ tenant_id: scope.tenantId, day, status: 'verified', verified_by: userId, verified_at: now })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'day'])
        .doUpdateSet({ verified_by: userId, verified_at: now })
        .where('price_days.status', '=', 'verified'),
    )
    .execute();
}

export async function markDayPublished(
  scope: TenantScope,
  day: string,
  userId: string | null,
  now: Date,
  publicFrom: Date,
) {
  const values = {
    status: 'published' as const,
    published_by: userId,
    published_at: now,
    public_from: publicFrom,
  };
  await tx(scope)
    .insertInto('price_days')
    .values({ tenant_id: scope.tenantId, day, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'day']).doUpdateSet(values))
    .execute();
}

/**
 * Published days on or before `day`, newest first: only those public at `visibleAt`, or every
 * published one when it is null (the staff's own comparisons).
 */
export async function publishedDaysDesc(
  scope: TenantScope,
  day: string,
  limit: number,
  visibleAt: Date | null,
) {
  let q = tx(scope)
    .selectFrom('price_days')
    .select(['day', 'published_at', 'public_from'])
    .where('tenant_id', '=', scope.tenantId)
    .where('status', '=', 'published')
    .where('day', '<=', day);
  if (visibleAt) q = q.where('public_from', '<=', visibleAt);
  return q.orderBy('day', 'desc').limit(limit).execute();
}

/**
 * Published days that are not public yet at `now` (waiting for their publication time): one probe
 * of the partial index `price_days_waiting`. The builder is exported for the query-plan test.
 */
export function daysNotYetPublicQuery(scope: TenantScope, now: Date) {
  return tx(scope)
    .selectFrom('price_days')
    .select(['day', 'public_from'])
    .where('tenant_id', '=', scope.tenantId)
    .where('status', '=', 'published')
    .where('public_from', '>', now);
}

export async function daysNotYetPublic(scope: TenantScope, now: Date) {
  return daysNotYetPublicQuery(scope, now).execute();
}

// ---------------------------------------------------------------------------------------------
// City rollups

export type RollupRow = {
  commodity_id: string;
  day: string;
  avg_price: number;
  min_price: number;
  max_price: number;
  markets: number;
  cheapest_market_id: string;
};

const ROLLUP_COLUMNS = [
  'commodity_id',
  'day',
  'avg_price',
  'min_price',
  'max_price',
  'markets',
  'cheapest_market_id',
] as const;

export async function writeRollup(
  scope: TenantScope,
  r: RollupRow | { commodity_id: string; day: string; none: true },
) {
  const db = tx(scope);
  if ('none' in r) {
    await db
      .deleteFrom('price_rollups')
      .where('tenant_id', '=', scope.tenantId)
      .where('commodity_id', '=', r.commodity_id)
      .where('day', '=', r.day)
      .execute();
    return;
  }
  const { commodity_id, day, ...values } = r;
  await db
    .insertInto('price_rollups')
    .values({ tenant_id: scope.tenantId, commodity_id, day, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'commodity_id', 'day']).doUpdateSet(values))
    .execute();
}

export function rollupsOfDays(scope: TenantScope, days: readonly string[]): Promise<RollupRow[]> {
  if (days.length === 0) return Promise.resolve([]);
  return tx(scope)
    .selectFrom('price_rollups')
    .select(ROLLUP_COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('day', 'in', [...days])
    .execute();
}

/**
 * A commodity's city-wide daily figures between two days, oldest first: one range of the rollups'
 * primary key, read from the index alone (it includes the figures). The builder is exported for the
 * query-plan test, which explains exactly this statement.
 */
export function rollupHistoryQuery(scope: TenantScope, commodityId: string, from: string, to: string) {
  return tx(scope)
    .selectFrom('price_rollups')
    .select(['day', 'avg_price', 'min_price', 'max_price', 'markets'])
    .where('tenant_id', '=', scope.tenantId)
    .where('commodity_id', '=', commodityId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day');
}

export function rollupHistory(scope: TenantScope, commodityId: string, from: string, to: string) {
  return rollupHistoryQuery(scope, commodityId, from, to).execute();
}

/**
 * A commodity's published prices at one market between two days, oldest first: one range of the
 * entries' primary key, read from the index alone (it includes price and status). Exported like
 * {@link rollupHistoryQuery}.
 */
export function marketHistoryQuery(
  scope: TenantScope,
  commodityId: string,
  marketId: string,
  from: string,
  to: string,
) {
  return tx(scope)
    .selectFrom('price_entries')
    .select(['day', 'price'])
    .where('tenant_id', '=', scope.tenantId)
    .where('commodity_id', '=', commodityId)
    .where('market_id', '=', marketId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('status', '=', 'published')
    .orderBy('day');
}

export function marketHistory(
  scope: TenantScope,
  commodityId: string,
  marketId: string,
  from: string,
  to: string,
) {
  return marketHistoryQuery(scope, commodityId, marketId, from, to).execute();
}

// ---------------------------------------------------------------------------------------------
// Alerts and subscriptions

export type AlertValues = {
  day: string;
  commodity_id: string;
  market_id: string | null;
  previous_day: string;
  previous: number;
  current: number;
  percent: number;
};

/** Records an alert unless that day, commodity and place has one; returns the new id or null. */
export async function insertAlert(scope: TenantScope, a: AlertValues): Promise<string | null> {
  const id = newId();
  const { rows } = await sql<{ id: string }>`
    insert into price_alerts (tenant_id, id, day, commodity_id, market_id, previous_day, previous, current, percent)
    values (${scope.tenantId}, ${id}, ${a.day}, ${a.commodity_id}, ${a.market_id}, ${a.previous_day},
      ${a.previous}, ${a.current}, ${a.percent})
    on conflict do nothing returning id`.execute(scope.trx);
  return rows[0]?.id ?? null;
}

/**
 * Alerts whose day is between `from` and `to`: by day (newest first, the largest rise first), or
 * with `recent` by when they were raised (newest first), so that an alert raised today by a
 * correction of an earlier day comes first.
 */
export function listAlerts(
  scope: TenantScope,
  from: string,
  to: string,
  limit: number,
  order: 'day' | 'recent' = 'day',
) {
  const q = tx(scope)
    .selectFrom('price_alerts')
    .select([
      'id',
      'day',
      'commodity_id',
      'market_id',
      'previous_day',
      'previous',
      'current',
      'percent',
      'created_at',
    ])
    .where('tenant_id', '=', scope.tenantId)
    .where('day', '>=', from)
    .where('day', '<=', to);
  const ordered =
    order === 'recent'
      ? q.orderBy('created_at', 'desc').orderBy('id', 'desc')
      : q.orderBy('day', 'desc').orderBy('percent', 'desc');
  return ordered.limit(limit).execute();
}

export async function readSubscription(scope: TenantScope, userId: string) {
  return tx(scope)
    .selectFrom('price_subscriptions')
    .select(['alerts', 'daily_summary'])
    .where('tenant_id', '=', scope.tenantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function writeSubscription(
  scope: TenantScope,
  userId: string,
  alerts: boolean,
  dailySummary: boolean,
) {
  const values = { alerts, daily_summary: dailySummary };
  await tx(scope)
    .insertInto('price_subscriptions')
    .values({ tenant_id: scope.tenantId, user_id: userId, ...values })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'user_id']).doUpdateSet({ ...values, updated_at: new Date() }),
    )
    .execute();
}

/** Email addresses and grants of active staff subscribed to alerts or to the daily summary. */
export async function subscribers(scope: TenantScope, kind: 'alerts' | 'daily_summary') {
  const rows = await tx(scope)
    .selectFrom('price_subscriptions as s')
    .innerJoin('users as u', (j) =>
      j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'),
    )
    .select(['u.id', 'u.email'])
    .where('s.tenant_id', '=', scope.tenantId)
    .where(`s.${kind}`, '=', true)
    .where('u.disabled_at', 'is', null)
    .where('u.email', 'is not', null)
    .execute();
  return rows as Array<{ id: string; email: string }>;
}
