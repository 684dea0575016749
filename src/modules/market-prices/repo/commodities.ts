/**
 * The tenant's commodities (`commodities`), the national list's included. Every query filters
 * `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 */
import { newId, type TenantScope } from '../../../platform/sdk/index.ts';
import type { NationalCommodity } from '../national.ts';
import { tx, type Unit } from '../tables.ts';

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
