/**
 * History from the index alone (ADR 0015, addendum). A year of one commodity at one market is 365
 * entries, and years of daily entry for every market and commodity of a tenant (and every tenant)
 * lie between them: read through the primary key, each is on a heap page of its own — 365 pages for
 * one chart (measured with 5 years × 6 markets × 30 commodities × 20 tenants: 374 buffers, 3.8 ms
 * before any contention). The primary keys of the entries and of the rollups now carry the columns
 * the history reads (INCLUDE), so that it is an index-only scan of a few adjacent leaf pages (8 and
 * 6 buffers, ~0.3 ms); the visibility map that allows it is kept by (auto)vacuum, which an
 * append-mostly table gets from its inserts. The keys themselves — uniqueness, `on conflict`
 * targets, `tenant_id` first — do not change.
 *
 * The waiting publications (published days whose `public_from` is ahead) were found by reading
 * every published day of the tenant (1,826 rows for 5 years); a partial index on `public_from`
 * finds them in one probe.
 *
 * Rebuilding a primary key locks its table while the index is built (about 8 s for 6.6 million
 * entries on the 2-core machine); the app was new when this was written.
 */
import type { Kysely } from 'kysely';
import { runStatements } from '../../../platform/sdk/index.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table price_entries drop constraint price_entries_pkey,
      add constraint price_entries_pkey primary key (tenant_id, commodity_id, market_id, day) include (price, status)`,
    `alter table price_rollups drop constraint price_rollups_pkey,
      add constraint price_rollups_pkey primary key (tenant_id, commodity_id, day)
        include (avg_price, min_price, max_price, markets)`,
    `create index price_days_waiting on price_days (tenant_id, public_from) where status = 'published'`,
  ]);
}
