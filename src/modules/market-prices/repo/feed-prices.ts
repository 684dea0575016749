/**
 * The published prices behind the app's data feed (services/data-feeds.ts): each market's price of
 * each commodity per day, over a window of days. Every query filters `tenant_id` itself, beside the
 * row-level security underneath (ADR 0003).
 *
 * Public exactly as the portal's prices are: an entry published (`status`), on a day that is not
 * waiting for its publication time (a published day whose `public_from` is still ahead, as
 * `daysNotYetPublic` finds them). Drafts and verified entries never.
 */
import { sql } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';

export type PriceFeedRow = {
  date: string;
  market_code: string;
  market: string;
  commodity_code: string;
  commodity: string;
  unit: string;
  price: number;
};

/** The public prices on the days from `from` to `to` (both YYYY-MM-DD, inclusive), visible at `now`. */
export async function publishedPricesBetween(
  scope: TenantScope,
  from: string,
  to: string,
  now: Date,
): Promise<PriceFeedRow[]> {
  // The day index (price_entries_day: tenant_id, day, market_id) bounds the read to the window.
  const { rows } = await sql<PriceFeedRow>`
    select to_char(e.day, 'YYYY-MM-DD') as date, m.code as market_code, m.name as market,
      c.code as commodity_code, c.name->>'id' as commodity, c.unit, e.price
    from price_entries e
    join markets m on m.tenant_id = e.tenant_id and m.id = e.market_id
    join commodities c on c.tenant_id = e.tenant_id and c.id = e.commodity_id
    where e.tenant_id = ${scope.tenantId} and e.status = 'published'
      and e.day >= ${from}::date and e.day <= ${to}::date
      and not exists (select 1 from price_days d where d.tenant_id = e.tenant_id and d.day = e.day
        and d.status = 'published' and d.public_from > ${now})
    order by e.day, m.sort, m.code, c.sort, c.code`.execute(scope.trx);
  return rows.map((r) => ({ ...r, price: Number(r.price) }));
}
