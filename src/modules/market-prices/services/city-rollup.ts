/**
 * The city rollup of a published day (average, range, markets, cheapest market per commodity),
 * written at publication and on corrections so that the public views never aggregate raw rows.
 */

import type { TenantScope } from '../../../platform/sdk/index.ts';
import type { LocalDate } from '../../../platform/sdk/shared.ts';
import { rollup } from '../prices.ts';
import { entriesOfDays } from '../repo/entries.ts';
import { writeRollup } from '../repo/rollups.ts';

/** Recomputes the city rollup of `day` for the commodities given, from the published entries. */
export async function writeRollups(scope: TenantScope, day: LocalDate, commodityIds: readonly string[]) {
  const published = await entriesOfDays(scope, [day], { publishedOnly: true });
  for (const commodityId of commodityIds) {
    const r = rollup(
      published
        .filter((e) => e.commodity_id === commodityId)
        .map((e) => ({ marketId: e.market_id, price: e.price })),
    );
    await writeRollup(
      scope,
      r
        ? {
            commodity_id: commodityId,
            day,
            avg_price: r.avg,
            min_price: r.min,
            max_price: r.max,
            markets: r.markets,
            cheapest_market_id: r.cheapestMarketId,
          }
        : { commodity_id: commodityId, day, none: true },
    );
  }
}
