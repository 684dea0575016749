/**
 * The map layers' reads at scale: with 20,000 reports with a place in a tenant (and 5,000 in
 * another), a box's page and its count — the exact statements of the layer's repository (compiled,
 * not copied), explained inside `platform.inTenant` under row-level security — are planned on the
 * index `reports_place`, never as a scan of the table or a walk of every report by date. No timing
 * is asserted: the figures measured with 100,000 reports are in docs/apps/reports/feeds-and-layers.md.
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
import { reportsApp } from '../index.ts';
import { countPointsQuery, type PointQuery, pageOfPointsQuery } from '../repo/map-points.ts';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function planOf(scope: TenantScope, query: Compilable<unknown>): Promise<PlanNode[]> {
  const compiled = query.compile();
  const result = await scope.trx.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${compiled.sql}`, [...compiled.parameters]),
  );
  const raw = result.rows[0]!['QUERY PLAN'];
  const json = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  return nodes(json[0]!.Plan);
}

/** How a plan reads `reports`: "Index Scan using reports_place", "Seq Scan"… */
function scansOfReports(plan: PlanNode[]): string[] {
  return plan
    .filter((n) => n['Relation Name'] === 'reports')
    .map((n) => `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`);
}

describe(`reports map layer query plans (${DB_KIND})`, () => {
  let t: TestContext;
  let tenant: VerifiedTenant;

  async function seed(of: VerifiedTenant, n: number) {
    await makeLive(t.platform, of.id, 'reports');
    await t.platform.inTenant(of.id, SYSTEM_ACTOR, async (scope) => {
      await sql`insert into report_categories (tenant_id, code, name)
        values (${of.id}, 'roads', '{"id":"Jalan","en":"Roads"}')`.execute(scope.trx);
      // Spread over a city (0.17° × 0.16°) and two years, one in twenty confidential.
      await sql`insert into reports (tenant_id, id, tracking_no, type, category_code, description, status,
          channel, lat, lng, confidential, created_at)
        select ${of.id}::uuid, gen_random_uuid(), 'PL' || g, 'complaint', 'roads', 'Jalan berlubang nomor ' || g,
          'received', 'web', -6.28 + (g * 7919 % 16000) / 100000.0, 106.55 + (g * 104729 % 17000) / 100000.0,
          g % 20 = 0, now() - ((g % 730) || ' days')::interval
        from generate_series(1, ${n}::int) g`.execute(scope.trx);
    });
  }

  before(async () => {
    t = await startTest({ modules: [reportsApp] });
    tenant = await makeTenant(t.platform, 'kota-peta');
    await seed(tenant, 20_000);
    await seed(await makeTenant(t.platform, 'kota-lain'), 5_000);
    await sql`vacuum analyze reports`.execute(t.platform.database.db);
  });
  after(async () => {
    await t?.close();
  });

  const box: PointQuery = { publicOnly: true, bbox: [106.6, -6.2, 106.61, -6.19] };
  const cases: Array<[string, PointQuery]> = [
    ['a public box', box],
    ['a public box in a month', { ...box, start: new Date(Date.now() - 30 * 86_400_000), end: new Date() }],
    ['a box with nothing in it', { publicOnly: true, bbox: [106.6, -6.6, 106.61, -6.5] }],
    ['a staff box', { ...box, publicOnly: false }],
  ];

  for (const [name, q] of cases) {
    test(`${name}: its page and its count read reports_place`, async () => {
      await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
        const page = await planOf(scope, pageOfPointsQuery(scope, q, { limit: 10, offset: 0 }));
        assert.deepEqual(scansOfReports(page), ['Index Scan using reports_place'], JSON.stringify(page));
        const count = await planOf(scope, countPointsQuery(scope, q));
        const scans = scansOfReports(count);
        assert.equal(scans.length, 1, JSON.stringify(count));
        assert.match(scans[0]!, /^Index (Only )?Scan using reports_place$/);
      });
    });
  }

  test('a page of the whole layer walks reports_place in its order, not the table', async () => {
    await t.platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
      const plan = await planOf(
        scope,
        pageOfPointsQuery(scope, { publicOnly: true }, { limit: 10, offset: 0 }),
      );
      assert.deepEqual(scansOfReports(plan), ['Index Scan using reports_place'], JSON.stringify(plan));
      assert.ok(!plan.some((n) => n['Node Type'] === 'Sort'), 'no sort of every point');
    });
  });
});
