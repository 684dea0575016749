/**
 * The tenant's markets (`markets`). Every query filters `tenant_id` itself, beside the row-level
 * security underneath (ADR 0003).
 */
import { newId, type TenantScope } from '../../../platform/sdk/index.ts';
import { tx } from '../tables.ts';

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
