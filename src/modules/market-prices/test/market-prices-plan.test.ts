/**
 * The market prices app's history reads at scale (issue #5, ADR 0015): with two years of daily
 * prices in a tenant (and another tenant's beside them), the exact statements the history API runs
 * — city-wide from the rollups, one market from the entries — and the lookup of waiting
 * publications are planned as index-only or index scans of the intended indexes under the tenant's
 * row-level security, never as a scan of the table. The statements come from the repository's own
 * query builders (compiled, not copied), and are explained inside `platform.inTenant`, as the API
 * runs them.
 *
 * Real row counts, no planner switches: 4 markets × 25 commodities × 731 days (73,100 entries) in
 * one tenant and 2 × 25 × 365 in the other, vacuumed and analyzed as autovacuum would leave them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Compilable, CompiledQuery, sql } from 'kysely';
import {
  DB_KIND,
  makeLive,
  makeTenant,
  startTest,
  type TestContext,
} from '../../../../test/support/harness.ts';
import { SYSTEM_ACTOR, type TenantScope, type VerifiedTenant } from '../../../platform/sdk/index.ts';
import { marketPricesApp } from '../index.ts';
import { addDays } from '../prices.ts';
import { daysNotYetPublic, daysNotYetPublicQuery } from '../repo/days.ts';
import { marketHistory, marketHistoryQuery } from '../repo/entries.ts';
import { rollupHistory, rollupHistoryQuery } from '../repo/rollups.ts';
import { type Access, loadConfig } from '../services/config.ts';
import { putMarket } from '../services/reference-data.ts';
import { todayOf } from '../services/today.ts';

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
};

/** Every node of a plan, depth first. */
function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/** The plan of a repository query, explained (not run) in the scope's transaction with its parameters. */
async function planOf(scope: TenantScope, query: Compilable<unknown>): Promise<PlanNode[]> {
  const compiled = query.compile();
  const result = await scope.trx.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
  );
  const raw = result.rows[0]!['QUERY PLAN'];
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  return nodes(json[0]!.Plan);
}

/** What a plan does with `table`, for assertion messages: "Index Only Scan using x", "Seq Scan"… */
function scansOf(plan: PlanNode[], table: string): string[] {
  return plan
    .filter((n) => n['Relation Name'] === table || n['Index Name']?.startsWith(table))
    .map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`);
}

const MARKETS = ['pasar-satu', 'pasar-dua', 'pasar-tiga', 'pasar-empat'];

describe(`market prices history query plans (${DB_KIND})`, () => {
  let t: TestContext;
  let tenant: VerifiedTenant;
  let last: string;
  const manager: Access = { userId: null, may: () => true };

  /** The tenant's markets and the national commodities, then `days` days of published prices up to `to`. */
  async function seed(of: VerifiedTenant, markets: readonly string[], to: string, days: number) {
    await makeLive(t.platform, of.id, 'market-prices');
    await t.platform.inTenant(of.id, SYSTEM_ACTOR, async (scope) => {
      await loadConfig(t.platform, scope);
      for (const [i, code] of markets.entries()) {
        await putMarket(t.platform, scope, code, { name: `Pasar ${i + 1}`, sort: i }, manager);
      }
    });
    const from = addDays(to, -(days - 1));
    await t.platform.inTenant(of.id, SYSTEM_ACTOR, async (scope) => {
      // In calendar order, as daily publication writes them; a price that wanders by day and market.
      await sql`insert into price_entries (tenant_id, commodity_id, market_id, day, quotes, price, status)
        select c.tenant_id, c.id, m.id, g.d::date, jsonb_build_array(p.price), p.price, 'published'
        from commodities c cross join markets m
        cross join generate_series(${from}::date, ${to}::date, interval '1 day') as g(d)
        cross join lateral (select c.min_price + ((g.d::date - ${from}::date) * 7 + m.sort * 250) % 5000 as price) p
        where c.tenant_id = ${of.id} and m.tenant_id = ${of.id}
        order by g.d, c.sort, m.sort`.execute(scope.trx);
      await sql`insert into price_days (tenant_id, day, status, published_at, public_from)
        select ${of.id}::uuid, g.d::date, 'published', g.d, g.d
        from generate_series(${from}::date, ${to}::date, interval '1 day') as g(d)`.execute(scope.trx);
      await sql`insert into price_rollups
          (tenant_id, commodity_id, day, avg_price, min_price, max_price, markets, cheapest_market_id)
        select tenant_id, commodity_id, day, round(avg(price))::int, min(price), max(price), count(*)::int,
          (array_agg(market_id order by price, market_id))[1]
        from price_entries where tenant_id = ${of.id}
        group by tenant_id, commodity_id, day order by day, commodity_id`.execute(scope.trx);
    });
  }

  before(async () => {
    t = await startTest({ modules: [marketPricesApp] });
    tenant = await makeTenant(t.platform, 'kota-rencana');
    const other = await makeTenant(t.platform, 'kota-lain');
    last = addDays(todayOf(tenant, new Date()), -1);
    await seed(tenant, MARKETS, last, 731);
    await seed(other, MARKETS.slice(0, 2), last, 365);
    // Two years of daily rows have been vacuumed and analyzed by autovacuum many times.
    await sql`vacuum analyze price_entries, price_days, price_rollups`.execute(t.platform.database.db);
  });
  after(async () => {
    await t?.close();
  });

  /** The ids of a commodity and a market of the tenant. */
  async function ids(scope: TenantScope) {
    const config = await loadConfig(t.platform, scope);
    return {
      commodity: config.commodityByCode.get('cabai-rawit-merah')!.id,
      market: config.marketByCode.get('pasar-tiga')!.id,
    };
  }

  test('a year of city-wide history is an index-only range of the rollups’ primary key', async () => {
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const { commodity } = await ids(scope);
      const from = addDays(last, -364);
      const points = await rollupHistory(scope, commodity, from, last);
      assert.equal(points.length, 365, 'the query reads the year it was asked for');
      const plan = await planOf(scope, rollupHistoryQuery(scope, commodity, from, last));
      assert.deepEqual(scansOf(plan, 'price_rollups'), ['Index Only Scan using price_rollups_pkey']);
      assert.ok(!plan.some((n) => n['Node Type'] === 'Seq Scan'), JSON.stringify(plan));
    });
  });

  test('a year at one market is an index-only range of the entries’ primary key', async () => {
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const { commodity, market } = await ids(scope);
      const from = addDays(last, -364);
      const points = await marketHistory(scope, commodity, market, from, last);
      assert.equal(points.length, 365, 'the query reads the year it was asked for');
      const plan = await planOf(scope, marketHistoryQuery(scope, commodity, market, from, last));
      assert.deepEqual(scansOf(plan, 'price_entries'), ['Index Only Scan using price_entries_pkey']);
      assert.ok(!plan.some((n) => n['Node Type'] === 'Seq Scan'), JSON.stringify(plan));
    });
  });

  test('the waiting publications are one probe of their partial index, not a walk over every day', async () => {
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const now = new Date();
      assert.deepEqual(await daysNotYetPublic(scope, now), []);
      const plan = await planOf(scope, daysNotYetPublicQuery(scope, now));
      // An index scan of it, or a bitmap built from it alone (the heap then visits only its rows).
      const scans = scansOf(plan, 'price_days');
      assert.ok(
        scans.some((s) => /^(Index|Index Only|Bitmap Index) Scan using price_days_waiting$/.test(s)) &&
          scans.every((s) => s.endsWith(' using price_days_waiting') || s === 'Bitmap Heap Scan'),
        `price_days is read by ${scans.join(', ')}`,
      );
    });
  });
});
