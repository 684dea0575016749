/**
 * The markets' daily prices (`price_entries`): drafts, verification and publication, corrections,
 * the latest published price to compare with, and one market's history. Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import { sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type EntryStatus, tx } from '../tables.ts';

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
 * `day` (or on it, when `inclusive`), skipping the `hidden` days (published, not public yet). One
 * index probe per pair, never a scan of the history.
 */
export async function latestPublished(
  scope: TenantScope,
  marketIds: readonly string[],
  day: string,
  inclusive: boolean,
  hidden: readonly string[] = [],
): Promise<Array<{ market_id: string; commodity_id: string; day: string; price: number }>> {
  if (marketIds.length === 0) return [];
  const cmp = inclusive ? sql`<=` : sql`<`;
  const visible = hidden.length > 0 ? sql`and e.day not in (${sql.join([...hidden])})` : sql``;
  const { rows } = await sql<{ market_id: string; commodity_id: string; day: string; price: number }>`
    select m.id as market_id, c.id as commodity_id, p.day, p.price
    from markets m
    join commodities c on c.tenant_id = m.tenant_id
    join lateral (
      select e.day, e.price from price_entries e
      where e.tenant_id = m.tenant_id and e.commodity_id = c.id and e.market_id = m.id
        and e.status = 'published' and e.day ${cmp} ${day} ${visible}
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

/**
 * A commodity's published prices at one market between two days, oldest first: one range of the
 * entries' primary key, read from the index alone (it includes price and status). The builder is
 * exported for the query-plan test, like `rollupHistoryQuery` (rollups.ts).
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
