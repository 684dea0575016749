/**
 * The datastore's rows: written once per version in batches, read back filtered, sorted and paged.
 * Column names reach SQL only as bound values (`data->$1`), never as identifiers, so a hostile
 * column name is just a key that matches nothing.
 */
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type AppTables, type CellValue, tx } from '../tables.ts';

/** Rows per insert: well under PostgreSQL's 65,535 bound parameters (4 per row). */
const BATCH = 1000;

export async function insertRows(
  scope: TenantScope,
  versionId: string,
  rows: readonly Record<string, CellValue>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx(scope)
      .insertInto('open_data_rows')
      .values(
        rows.slice(i, i + BATCH).map((data, j) => ({
          tenant_id: scope.tenantId,
          version_id: versionId,
          row_no: i + j + 1,
          data: JSON.stringify(data),
        })),
      )
      .execute();
  }
}

export type RowQuery = {
  /** Exact values by column (already of the column's type); null matches a missing value. */
  filters: readonly { column: string; value: CellValue }[];
  /** Text searched (case-insensitively, anywhere) in these columns. */
  text?: { value: string; columns: readonly string[] };
  sort: readonly { column: string; direction: 'asc' | 'desc' }[];
  limit: number;
  offset: number;
};

type Q = SelectQueryBuilder<AppTables, 'open_data_rows', object>;

function filtered(scope: TenantScope, versionId: string, query: RowQuery): Q {
  let q: Q = tx(scope)
    .selectFrom('open_data_rows')
    .where('tenant_id', '=', scope.tenantId)
    .where('version_id', '=', versionId);
  for (const f of query.filters) {
    q =
      f.value === null
        ? // Parenthesised whole: Kysely joins raw conditions with `and` as they are, and an
          // unbracketed `or` would escape the tenant and version conditions before it.
          q.where(sql<boolean>`((data -> ${f.column}) is null or data -> ${f.column} = 'null'::jsonb)`)
        : // Containment uses the GIN index and compares as JSON (150000 matches 150000, not "150000").
          q.where(sql<boolean>`data @> ${JSON.stringify({ [f.column]: f.value })}::jsonb`);
  }
  const text = query.text;
  if (text && text.columns.length > 0) {
    const pattern = `%${text.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb: ExpressionBuilder<AppTables, 'open_data_rows'>) =>
      eb.or(text.columns.map((c) => eb(sql<string>`data ->> ${c}`, 'ilike', pattern))),
    );
  }
  return q;
}

/** One page of a version's rows, and how many match in all. */
export async function queryRows(
  scope: TenantScope,
  versionId: string,
  query: RowQuery,
): Promise<{ total: number; rows: { row_no: number; data: Record<string, CellValue> }[] }> {
  const count = await filtered(scope, versionId, query)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  let q = filtered(scope, versionId, query).select(['row_no', 'data']);
  let byRow: 'asc' | 'desc' = 'asc';
  for (const s of query.sort) {
    // `_id` is the row's number; after it, no other column can order anything.
    if (s.column === '_id') {
      byRow = s.direction;
      break;
    }
    // jsonb orders numbers as numbers, and ISO dates and instants as text, which orders them.
    q = q.orderBy(sql`data -> ${s.column}`, (ob) =>
      (s.direction === 'desc' ? ob.desc() : ob.asc()).nullsLast(),
    );
  }
  const rows = await q.orderBy('row_no', byRow).limit(query.limit).offset(query.offset).execute();
  return { total: Number(count.n), rows };
}

/**
 * A numeric column summed by the values of another over a version's rows (only rows holding a
 * number in it), cut to `limit` groups: the largest sums first (`order: 'sum'`), or the last
 * groups by value (`'key'`, answered last first). Column names are bound values, as everywhere
 * here; a missing group value and a JSON null are one group (null).
 */
export async function sumsByGroup(
  scope: TenantScope,
  versionId: string,
  query: {
    group: string;
    measure: string;
    within?: { column: string; value: string | number };
    order: 'sum' | 'key';
    limit: number;
  },
): Promise<{ groups: { key: CellValue; sum: number; rows: number }[]; groupCount: number }> {
  // The group's expression is written once, in the inner select: PostgreSQL cannot tell that two
  // bound copies of `data -> $n` in SELECT and GROUP BY are the same expression.
  const result = await sql<{ k: CellValue; s: string | number; n: string | number; g: string | number }>`
    select k, sum(v) as s, count(*) as n, count(*) over () as g
    from (
      select coalesce(data -> ${query.group}, 'null'::jsonb) as k, (data ->> ${query.measure})::numeric as v
      from open_data_rows
      where tenant_id = ${scope.tenantId} and version_id = ${versionId}
        and jsonb_typeof(data -> ${query.measure}) = 'number'
        ${query.within ? sql`and data -> ${query.within.column} = ${JSON.stringify(query.within.value)}::jsonb` : sql``}
    ) as x
    group by k
    order by ${query.order === 'sum' ? sql`s desc, k` : sql`k desc`}
    limit ${query.limit}`.execute(tx(scope));
  return {
    groups: result.rows.map((r) => ({ key: r.k, sum: Number(r.s), rows: Number(r.n) })),
    groupCount: Number(result.rows[0]?.g ?? 0),
  };
}

/** Every row of a version, in order (a feed compares them with its new read). */
export function allRows(
  scope: TenantScope,
  versionId: string,
): Promise<{ data: Record<string, CellValue> }[]> {
  return tx(scope)
    .selectFrom('open_data_rows')
    .select('data')
    .where('tenant_id', '=', scope.tenantId)
    .where('version_id', '=', versionId)
    .orderBy('row_no')
    .execute();
}
