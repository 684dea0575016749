/**
 * The city's figures per commodity and published day (`price_rollups`). Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

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
