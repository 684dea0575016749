/**
 * Market-prices bench data (SEGAR): the app taken live in every bench tenant, 6 markets and 30
 * commodity grades each (the national list's 25 plus 5 a kota commonly adds for itself), and years
 * of daily published prices up to the latest day whose publication time has passed — by default 5
 * years: 6 × 30 × 1,826 days = 328,680 entries a tenant, 6.6 million over 20 tenants — with each
 * day's row in `price_days` and the city-wide rollup of every commodity and day.
 *
 * Set-based on purpose: a chunk of days of one tenant is one statement over `generate_series` that
 * writes the entries and, with a `GROUP BY` over the same generated rows, the rollups (the same
 * figures as the app's `rollup()`: the rounded average, min, max, the number of markets and the
 * cheapest market, ties to the smallest market id; checked against `rollup()` on a sample at the
 * end), and one for the days. Chunks go tenant after tenant (two at a time) within a span of days
 * and span after span, so that the table's physical order follows the calendar over all tenants,
 * as years of daily publication would leave it, not tenant after tenant. Every statement runs in a
 * tenant transaction (`platform.inTenant`: row-level security applies as for any request). The
 * markets and the extra commodities go through the app's own `putMarket` and `putCommodity`; the
 * app is taken live by inserting its adoption row, the shortcut the test harness uses
 * (`makeLive`). Past the first 20 tenants of a larger round, each gets a year of rollups and the
 * last 62 days of market entries ({@link WIDE_PRICES_YEARS}, `WIDE_ENTRY_DAYS`).
 *
 * Prices are deterministic (no random generator: a hash of commodity, market and day): a base price
 * per commodity (the demo's, around November 2026) deflated by 3.5 % a year into the past, a yearly
 * wave whose size depends on the commodity (chilli and shallots swing, rice hardly), each market a
 * little above or below the city, and a few percent of day-to-day noise; rounded to Rp 250 (Rp 1,000
 * above Rp 50,000). Each entry holds two traders' quotes one step either side of that price, whose
 * median it is.
 */

import { sql } from 'kysely';
import { BASE_PRICES } from '../src/modules/market-prices/demo.ts';
import { addDays, daysBetween, rollup } from '../src/modules/market-prices/prices.ts';
import { type Access, loadConfig } from '../src/modules/market-prices/services/config.ts';
import { putCommodity, putMarket } from '../src/modules/market-prices/services/reference-data.ts';
import { todayOf } from '../src/modules/market-prices/services/today.ts';
import { bootPlatform } from '../src/platform/boot.ts';
import { localInstant, utcOffsetMinutes } from '../src/platform/calendar/working-days.ts';
import { runOnLive } from '../src/platform/catalogue/go-live.ts';
import type { Config } from '../src/platform/config.ts';
import { bindTenant, SYSTEM_ACTOR, type TenantScope } from '../src/platform/db/tenant-scope.ts';
import type { Platform } from '../src/platform/platform.ts';
import type { VerifiedTenant } from '../src/platform/tenancy/directory.ts';
import { inParallel } from './prepare.ts';

/** The bench's markets: the same six codes in every tenant (a kota's main markets). */
export const BENCH_MARKETS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['pasar-induk', 'Pasar Induk'],
  ['pasar-baru', 'Pasar Baru'],
  ['pasar-lama', 'Pasar Lama'],
  ['pasar-kota', 'Pasar Kota'],
  ['pasar-pagi', 'Pasar Pagi'],
  ['pasar-minggu', 'Pasar Minggu'],
];

/**
 * Five commodities beyond the national list, added through the app as a tenant would (the app lets
 * each tenant add its own): fish, flour, soybeans and maize, which Kemendag's own survey follows.
 * They exist only in the bench; with the national 25 they make the issue's 30 grades.
 */
const EXTRA_COMMODITIES = [
  { code: 'ikan-bandeng', group: 'ikan', grade: 'bandeng', id: 'Ikan bandeng', en: 'Milkfish', base: 35_000 },
  { code: 'ikan-kembung', group: 'ikan', grade: 'kembung', id: 'Ikan kembung', en: 'Mackerel', base: 42_000 },
  {
    code: 'tepung-terigu',
    group: 'tepung-terigu',
    grade: null,
    id: 'Tepung terigu',
    en: 'Wheat flour',
    base: 12_500,
  },
  {
    code: 'kedelai-impor',
    group: 'kedelai',
    grade: 'impor',
    id: 'Kedelai impor',
    en: 'Soybeans, imported',
    base: 13_500,
  },
  {
    code: 'jagung-pipilan',
    group: 'jagung',
    grade: 'pipilan',
    id: 'Jagung pipilan',
    en: 'Maize, shelled',
    base: 7_500,
  },
] as const;

/** How far a commodity group's price wanders over a year (the amplitude of its yearly wave). */
const SWING: Record<string, number> = {
  beras: 0.03,
  'bawang-merah': 0.2,
  'bawang-putih': 0.12,
  'cabai-merah': 0.35,
  'cabai-rawit': 0.35,
  'daging-sapi': 0.05,
  'daging-ayam': 0.08,
  'telur-ayam': 0.08,
  'gula-pasir': 0.04,
  'minyak-goreng': 0.05,
  ikan: 0.1,
  'tepung-terigu': 0.03,
  kedelai: 0.05,
  jagung: 0.08,
};

/** Days written per tenant transaction (6 × 30 × 61 ≈ 11,000 entries). */
const CHUNK_DAYS = 61;

export type PricesSeed = {
  years: number;
  /**
   * The first tenant's first and last seeded day. Each tenant's last day is the last public one in
   * its own time zone: a tenant east of Jakarta may be a day ahead between midnight and 13:00 there.
   */
  first: string;
  last: string;
  days: number;
  tenants: number;
  /** Tenants past the first `core` of the round, and the years each of them got. */
  wideTenants: number;
  wideYears: number;
  markets: readonly string[];
  commodities: readonly string[];
  entries: number;
  rollups: number;
  /** The whole seed, and the VACUUM ANALYZE at its end (included in `seconds`). */
  seconds: number;
  vacuumSeconds: number;
  /** Whether the foreign-key triggers were off during the load (see `inTenantBulk`). */
  withoutTriggers: boolean;
};

/**
 * Runs `fn` in a transaction bound to the tenant, as `platform.inTenant` does (row-level security
 * applies), but without the foreign-key triggers when the connection may turn them off
 * (`session_replication_role = replica`, a superuser's setting: the embedded database, the bench's
 * default server). Every reference the seed writes comes from a join with the tenant's own
 * commodities and markets, so the checks could not fail; they would take three quarters of the
 * time (measured: 6 trigger calls per entry).
 */
async function inTenantBulk(
  platform: Platform,
  tenantId: string,
  skipTriggers: boolean,
  fn: (scope: TenantScope) => Promise<void>,
): Promise<void> {
  await platform.database.db.transaction().execute(async (trx) => {
    if (skipTriggers) await sql`set local session_replication_role = replica`.execute(trx);
    await fn(await bindTenant(trx, tenantId, SYSTEM_ACTOR, []));
  });
}

/**
 * The last day to seed: today when today's publication time has passed, else yesterday — so that
 * every seeded day is public (`public_from` in the past) as the app's publication would leave it.
 */
function lastPublicDay(tenant: VerifiedTenant, publishTime: string, now: Date): string {
  const today = todayOf(tenant, now);
  return now >= localInstant(today, publishTime, tenant.timeZone) ? today : addDays(today, -1);
}

/**
 * Tenants past the first `core` of a round with more (bench/run.ts) get at most this many years:
 * every cached view the bench asks of them — today with its comparison days, the portal's page,
 * the default history (the last year) — is then the same as in the first tenants, without years of
 * history for 532 more tenants.
 */
export const WIDE_PRICES_YEARS = 1;
/**
 * Days of market entries those tenants keep (their city-wide rollups cover the whole year): "today"
 * reads a day's entries and those of yesterday, a week and a month before; the default history
 * reads the rollups. Entries are six times the rows of the rollups: the 552-tenant seed is then a
 * third of the time.
 */
const WIDE_ENTRY_DAYS = 62;

/**
 * Takes the market prices app live in every tenant in `slugs` with its markets and commodities,
 * and writes `years` years (365.25 days each, rounded) of published daily prices up to the last
 * public day in the first `core` tenants (all by default), {@link WIDE_PRICES_YEARS} at most in
 * the others.
 */
export async function seedPrices(
  config: Config,
  slugs: readonly string[],
  years: number,
  core = slugs.length,
  now = new Date(),
): Promise<PricesSeed> {
  const started = Date.now();
  const platform = await bootPlatform(config);
  try {
    const tenants = slugs.map((slug) => {
      const tenant = platform.directory.bySlug(slug);
      if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
      return tenant;
    });
    const manager: Access = { userId: null, may: () => true };
    let publishTime = '13:00';
    let commodities: Array<{ code: string; group: string }> = [];
    // Four tenants at a time: each in transactions of its own (PGlite queues them on its connection).
    await inParallel(tenants, 4, async (tenant) => {
      await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        await scope.trx
          .insertInto('adoptions')
          .values({
            tenant_id: tenant.id,
            app_code: 'market-prices',
            channel: 'web',
            status: 'live',
            origin_tenant_id: null,
            mou_id: null,
            pks_id: null,
            live_since: '2026-01-05',
          })
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'app_code', 'channel']).doUpdateSet({ status: 'live' }),
          )
          .execute();
        // Going live writes the settings and the national list; then the tenant's own additions.
        await runOnLive(platform, scope, tenant, 'market-prices');
        const initial = await loadConfig(platform, scope);
        publishTime = initial.settings.publishTime;
        for (const c of EXTRA_COMMODITIES) {
          await putCommodity(platform, scope, c.code, {
            name: { id: c.id, en: c.en },
            group: c.group,
            grade: c.grade,
            unit: 'kg',
            minPrice: Math.round(c.base / 5),
            maxPrice: c.base * 5,
          });
        }
        for (const [i, [code, name]] of BENCH_MARKETS.entries()) {
          await putMarket(
            platform,
            scope,
            code,
            { name, address: `Jl. ${name} No. ${i + 1}, ${tenant.name}`, sort: (i + 1) * 10 },
            manager,
          );
        }
        const cfg = await loadConfig(platform, scope);
        commodities = cfg.commodities.map((c) => ({ code: c.code, group: c.group_code }));
      });
    });
    await platform.directoryChanged();

    const commodityCodes = commodities.map((c) => c.code);
    // Base price, yearly swing and the phase of its wave, per commodity code.
    const bases = new Map<string, number>([
      ...Object.entries(BASE_PRICES),
      ...EXTRA_COMMODITIES.map((c) => [c.code, c.base] as [string, number]),
    ]);
    const profile = sql.join(
      commodities.map(({ code, group }, i) => {
        const base = bases.get(code);
        if (base === undefined) throw new Error(`no bench base price for commodity ${code}`);
        const swing = SWING[group] ?? 0.05;
        return sql`(${code}::text, ${base}::float8, ${swing}::float8, ${(i * 0.7) % (2 * Math.PI)}::float8)`;
      }),
    );

    const tenant0 = tenants[0]!;
    const wideYears = Math.min(years, WIDE_PRICES_YEARS);
    // Each tenant's own calendar: its last public day in its own zone, back its number of years.
    const spans = tenants.map((tenant, i) => {
      const last = lastPublicDay(tenant, publishTime, now);
      const first = addDays(last, -Math.round((i < core ? years : wideYears) * 365.25) + 1);
      // Wall-clock times of the day in the tenant's zone, as instants (Indonesia has no DST).
      const offset = utcOffsetMinutes(now, tenant.timeZone);
      const at = (time: string, day = sql`g.d::date`) =>
        sql`((${day} + ${time}::time) - make_interval(mins => ${offset})) at time zone 'UTC'`;
      // Market entries are kept from this day on: every day in the first tenants, the last
      // WIDE_ENTRY_DAYS in the others (what their "today" and its comparison days read).
      const keepFrom = i < core ? first : addDays(last, -(WIDE_ENTRY_DAYS - 1));
      return { tenant, first, last, at, keepFrom };
    });
    const { first, last } = spans[0]!;
    const days = daysBetween(first, last) + 1;
    // ISO days sort as text.
    const calendarFirst = spans.map((s) => s.first).sort()[0]!;
    const calendarLast = spans
      .map((s) => s.last)
      .sort()
      .at(-1)!;

    const { rows: su } = await sql<{ on: string }>`select current_setting('is_superuser') as on`.execute(
      platform.database.db,
    );
    const skipTriggers = su[0]?.on === 'on';
    let entries = 0;
    let rollups = 0;
    for (let start = calendarFirst; start <= calendarLast; start = addDays(start, CHUNK_DAYS)) {
      const end = addDays(start, CHUNK_DAYS - 1);
      // Two tenants at a time, one per core: each statement is PostgreSQL's work on one of them.
      await inParallel(spans, 2, async ({ tenant, first: own, last: ownLast, at, keepFrom }) => {
        const from = [start, own].sort()[1]!;
        const to = [end, ownLast].sort()[0]!;
        if (from > to) return;
        await inTenantBulk(platform, tenant.id, skipTriggers, async (scope) => {
          const series = sql`generate_series(${from}::date, ${to}::date, interval '1 day') as g(d)`;
          // Each market's price of each commodity on each day of the chunk (see the module's comment).
          const generated = sql`
            select c.tenant_id, c.id as commodity_id, m.id as market_id, g.d::date as day, p.price, p.step,
              c.sort as commodity_sort, m.sort as market_sort
            from commodities c
            join (values ${profile}) as b(code, base, swing, phase) on b.code = c.code
            cross join markets m
            cross join ${series}
            cross join lateral (
              select case when b.base >= 50000 then 1000 else 250 end as step,
                (g.d::date - ${ownLast}::date) / 365.25::float8 as age_years,
                (hashtext(c.code || '/' || m.code || '/' || g.d::date::text) & 1023) / 1024::float8 - 0.5 as noise
            ) k
            -- In float8 throughout: numeric arithmetic made the statement six times slower.
            cross join lateral (
              select (round(
                b.base * (1 + 0.035 * k.age_years)
                  * (1 + b.swing * sin(2 * pi() * (g.d::date - date '2000-01-01') / 365.25 + b.phase))
                  * (1 + (m.sort / 10 - 3.5::float8) * 0.012)
                  * (1 + 0.04 * k.noise)
                / k.step) * k.step)::int as price, k.step
            ) p
            where c.tenant_id = ${tenant.id} and m.tenant_id = ${tenant.id}`;
          // Entries from `keepFrom` on (every day in the first tenants), the city-wide rollups of
          // every day: the same figures as a GROUP BY over the entries, made from the generated rows.
          const { rows } = await sql<{ entries: number; rollups: number }>`
            with e as (${generated}),
            kept as (
              insert into price_entries
                (tenant_id, commodity_id, market_id, day, quotes, price, status, entered_at, verified_at, published_at)
              select tenant_id, commodity_id, market_id, day,
                jsonb_build_array(price - step, price + step), price, 'published',
                ${at('08:30', sql`e.day`)}, ${at('10:30', sql`e.day`)}, ${at('11:00', sql`e.day`)}
              from e
              where day >= ${keepFrom}
              order by day, commodity_sort, market_sort
              returning 1
            ),
            rolled as (
              insert into price_rollups
                (tenant_id, commodity_id, day, avg_price, min_price, max_price, markets, cheapest_market_id)
              select tenant_id, commodity_id, day, round(avg(price))::int, min(price), max(price), count(*)::int,
                (array_agg(market_id order by price, market_id))[1]
              from e
              group by tenant_id, commodity_id, day
              order by day, commodity_id
              returning 1
            )
            select (select count(*) from kept)::int as entries, (select count(*) from rolled)::int as rollups`.execute(
            scope.trx,
          );
          entries += rows[0]?.entries ?? 0;
          rollups += rows[0]?.rollups ?? 0;
          await sql`
            insert into price_days (tenant_id, day, status, verified_at, published_at, public_from)
            select ${tenant.id}::uuid, g.d::date, 'published', ${at('10:30')}, ${at('11:00')}, ${at(publishTime)}
            from ${series}`.execute(scope.trx);
        });
      });
    }

    // The rollups must be the app's own figures: recompute a sample with `rollup()`.
    await platform.inTenant(tenant0.id, SYSTEM_ACTOR, async (scope) => {
      const sample = [first, addDays(first, Math.floor(days / 2)), last];
      const { rows: got } = await sql<{
        commodity_id: string;
        day: string;
        avg_price: number;
        min_price: number;
        max_price: number;
        markets: number;
        cheapest_market_id: string;
      }>`select commodity_id, to_char(day, 'YYYY-MM-DD') as day, avg_price, min_price, max_price, markets,
           cheapest_market_id from price_rollups
         where tenant_id = ${tenant0.id} and day in (${sql.join(sample)})`.execute(scope.trx);
      const { rows: prices } = await sql<{
        commodity_id: string;
        market_id: string;
        day: string;
        price: number;
      }>`
        select commodity_id, market_id, to_char(day, 'YYYY-MM-DD') as day, price from price_entries
        where tenant_id = ${tenant0.id} and day in (${sql.join(sample)})`.execute(scope.trx);
      if (got.length !== sample.length * commodityCodes.length) {
        throw new Error(
          `prices seed: ${got.length} rollups on the sample days, expected ${sample.length * commodityCodes.length}`,
        );
      }
      for (const g of got) {
        const want = rollup(
          prices
            .filter((p) => p.commodity_id === g.commodity_id && p.day === g.day)
            .map((p) => ({ marketId: p.market_id, price: p.price })),
        );
        const same =
          want &&
          want.avg === g.avg_price &&
          want.min === g.min_price &&
          want.max === g.max_price &&
          want.markets === g.markets &&
          want.cheapestMarketId === g.cheapest_market_id;
        if (!same) {
          throw new Error(
            `prices seed: rollup of ${g.commodity_id} on ${g.day} is ${JSON.stringify(g)}, rollup() says ${JSON.stringify(want)}`,
          );
        }
      }
    });

    // Years of daily publication have been vacuumed and analyzed by autovacuum many times:
    // visibility map, hint bits and planner statistics as they would be, not as right after a load.
    const vacuumStarted = Date.now();
    await sql`vacuum analyze price_entries, price_days, price_rollups`.execute(platform.database.db);
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    return {
      years,
      first,
      last,
      days,
      tenants: tenants.length,
      wideTenants: Math.max(0, tenants.length - core),
      wideYears,
      markets: BENCH_MARKETS.map(([code]) => code),
      commodities: commodityCodes,
      entries,
      rollups,
      seconds: (Date.now() - started) / 1000,
      vacuumSeconds,
      withoutTriggers: skipTriggers,
    };
  } finally {
    await platform.close();
  }
}
