/**
 * The SQL of the catalogue's search (catalog/read.ts): the words matched in the tenant's language
 * through the stored `search` vector and its GIN index (migration 0150, ADR 0012), and the
 * match's count and facets counted by the database in one query, over one materialized match set,
 * instead of every matching row being carried to the server and counted there.
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { FacetField } from './reader.ts';

/** The search words as a query in Indonesian: quoted phrases, `or`, `-word`, as web searches read. */
export const wordsQuery = (text: string): RawBuilder<unknown> =>
  sql`websearch_to_tsquery('indonesian', ${text})`;

/**
 * Whether a dataset matches the words: in its title, keywords or description (the stored vector),
 * or in its organization's name. The organizations whose names match are found once, from the
 * names given (the tenant's agencies, read by the SDK), in an uncorrelated `array(select …)`: the
 * planner evaluates it first and looks the agencies up in `open_data_datasets_agency`, so both
 * arms of the `or` stay index scans (a bitmap `or`) under row-level security.
 */
export function wordsMatch(
  text: string,
  orgs: readonly Readonly<{ agencyId: string; title: string }>[],
): Expression<SqlBool> {
  const words = wordsQuery(text);
  const inVector = sql<SqlBool>`open_data_datasets.search @@ ${words}`;
  if (orgs.length === 0) return inVector;
  const names = JSON.stringify(orgs.map((o) => ({ id: o.agencyId, title: o.title })));
  return sql<SqlBool>`(${inVector} or open_data_datasets.agency_id = any(array(
    select (a->>'id')::uuid from jsonb_array_elements(${names}::jsonb) as a
    where to_tsvector('indonesian', a->>'title') @@ ${words})))`;
}

/** A count of a facet's value: the value, a display name where the table holds one, and the count. */
export type FacetRow = { f: FacetField | 'count'; v: string | null; t: string | null; n: string | number };

/**
 * One query answering the match's count and its facets: the match (`match`: a select of the
 * datasets' `id, agency_id, license_id, classification, keywords`) materialized once, then one
 * GROUP BY per facet over it. Each facet keeps its `limit` largest counts, and every value tied
 * with the last of them (`rank`), so that the caller's tie-break by name (as CKAN's) stays exact.
 * Organizations are all returned: they are few, and their names are the caller's to give.
 */
export function countAndFacetsQuery(
  tenantId: string,
  match: Expression<unknown>,
  fields: readonly FacetField[],
  limit: number,
): RawBuilder<FacetRow> {
  const branches: RawBuilder<unknown>[] = [
    sql`select 'count' as f, null::text as v, null::text as t, count(*) as n from m`,
  ];
  for (const field of new Set(fields)) {
    switch (field) {
      case 'organization':
        branches.push(
          sql`select 'organization', m.agency_id::text, null, count(*) from m group by m.agency_id`,
        );
        break;
      case 'license_id':
        branches.push(sql`select 'license_id', m.license_id, null, count(*) from m group by m.license_id`);
        break;
      case 'classification':
        branches.push(
          sql`select 'classification', m.classification, null, count(*) from m group by m.classification`,
        );
        break;
      case 'tags':
        branches.push(sql`select 'tags', k.v, null, count(*)
          from m cross join lateral jsonb_array_elements_text(m.keywords) as k(v) group by k.v`);
        break;
      case 'groups':
        branches.push(sql`select 'groups', th.name, th.title, count(*)
          from m
          join open_data_dataset_themes dt on dt.tenant_id = ${tenantId} and dt.dataset_id = m.id
          join open_data_themes th on th.tenant_id = dt.tenant_id and th.id = dt.theme_id
          group by th.name, th.title`);
        break;
      case 'res_format':
        // A dataset with two CSV resources counts once under CSV.
        branches.push(sql`select 'res_format', x.v, null, count(*)
          from (select distinct r.dataset_id, upper(r.format) as v
                from m join open_data_resources r on r.tenant_id = ${tenantId} and r.dataset_id = m.id) x
          group by x.v`);
        break;
    }
  }
  return sql<FacetRow>`with m as materialized (${match})
    select f, v, t, n from (
      select c.*, rank() over (partition by c.f order by c.n desc) as rk
      from (${sql.join(branches, sql` union all `)}) as c
    ) as ranked
    where f in ('count', 'organization') or rk <= ${limit}`;
}
