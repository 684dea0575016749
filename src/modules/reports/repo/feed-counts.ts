/**
 * The counts behind the reports app's data feeds (services/data-feeds.ts): public reports per month
 * of filing (in the tenant's zone) and category, with their handling agency or their kelurahan.
 * Every query filters `tenant_id` itself, beside the row-level security underneath (ADR 0003).
 *
 * Which reports count: those the public may see (`publiclyVisible`), as the public summary counts
 * (summaryCounts). publicity.ts names "public counts" among what a confidential report stays out of,
 * and a feed is published for anyone: a count of one confidential report in a category, agency (or
 * kelurahan) and month would tell that such a report exists, which the reporter asked to keep
 * private. The counts of a tenant that publishes only verified reports grow as reports are
 * verified: a catalogue keeps each read that differs as a new version.
 */
import { sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { publiclyVisible } from './reports.ts';

/** Followed up: the agency reported the work done once (`first_done_at` stays when a report is reopened). */
const FOLLOWED_UP = `r.first_done_at is not null`;

export type CategoryMonthRow = {
  month: string;
  category_code: string;
  category: string | null;
  agency_code: string | null;
  agency: string | null;
  filed: number;
  done: number;
  median_days_to_done: number | null;
};

/**
 * Per month of filing, category and handling agency: reports filed, followed up, and the median of
 * the days from filing to the first follow-up (calendar days, one decimal) of those followed up.
 */
export async function countsPerCategoryMonth(
  scope: TenantScope,
  timeZone: string,
): Promise<CategoryMonthRow[]> {
  const { rows } = await sql<CategoryMonthRow>`
    select to_char(date_trunc('month', r.created_at at time zone ${timeZone}), 'YYYY-MM-DD') as month,
      r.category_code, min(c.name->>'id') as category, a.code as agency_code, min(a.name) as agency,
      count(*)::int as filed,
      (count(*) filter (where ${sql.raw(FOLLOWED_UP)}))::int as done,
      round((percentile_cont(0.5) within group (order by
        extract(epoch from (r.first_done_at - r.created_at)) / 86400)
        filter (where ${sql.raw(FOLLOWED_UP)}))::numeric, 1)::float8 as median_days_to_done
    from reports r
    left join report_categories c on c.tenant_id = r.tenant_id and c.code = r.category_code
    left join agencies a on a.tenant_id = r.tenant_id and a.id = r.agency_id
    where r.tenant_id = ${scope.tenantId} and ${publiclyVisible(scope, 'r')}
    group by 1, r.category_code, a.code
    order by 1, r.category_code, a.code nulls first`.execute(scope.trx);
  return rows.map((r) => ({
    ...r,
    median_days_to_done: r.median_days_to_done === null ? null : Number(r.median_days_to_done),
  }));
}

export type AreaMonthRow = {
  month: string;
  kelurahan: string | null;
  category_code: string;
  category: string | null;
  filed: number;
  done: number;
};

/**
 * Per month of filing, kelurahan and category: reports filed and followed up. The kelurahan is what
 * the reporter typed (the report's public page shows it): spellings that differ only in case and
 * surrounding spaces count together, under the first of them in sort order; a report naming none
 * counts under null.
 */
export async function countsPerAreaMonth(scope: TenantScope, timeZone: string): Promise<AreaMonthRow[]> {
  const { rows } = await sql<AreaMonthRow>`
    select to_char(date_trunc('month', r.created_at at time zone ${timeZone}), 'YYYY-MM-DD') as month,
      min(btrim(r.kelurahan) collate "C") as kelurahan, r.category_code, min(c.name->>'id') as category,
      count(*)::int as filed,
      (count(*) filter (where ${sql.raw(FOLLOWED_UP)}))::int as done
    from reports r
    left join report_categories c on c.tenant_id = r.tenant_id and c.code = r.category_code
    where r.tenant_id = ${scope.tenantId} and ${publiclyVisible(scope, 'r')}
    group by 1, lower(btrim(r.kelurahan)), r.category_code
    order by 1, lower(btrim(r.kelurahan)) nulls last, r.category_code`.execute(scope.trx);
  return rows;
}
