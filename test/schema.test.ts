/**
 * The schema's rules for distribution by tenant and isolation: every table is placed — a tenant's
 * table, a shared reference table or the coordinator's (src/platform/db/placement.ts, and each
 * app's `tables`) — and a new table named nowhere fails here; every tenant table has `tenant_id`
 * first in its primary key, in every unique constraint and in every foreign key to another tenant
 * table, and forces row-level security; a query with no tenant set sees nothing. The Citus
 * statements made from the placements distribute every table once, each after those it refers to.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import type { AppManifest } from '../src/platform/catalogue/manifest.ts';
import {
  COORDINATOR_SCHEMAS,
  citusPlan,
  PlacementError,
  SHARED_TABLES,
  tablePlacements,
  unclassifiedTables,
} from '../src/platform/db/placement.ts';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';

type Constraint = {
  table: string;
  name: string;
  type: string;
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
};

describe(`schema rules (${DB_KIND})`, () => {
  let t: TestContext;
  let constraints: Constraint[];
  let tables: Array<{ name: string; rls: boolean; forced: boolean }>;
  before(async () => {
    // Every installed app's tables too: the rules hold for the modules' migrations as well.
    t = await startTest({ modules: MODULES });
    const db = t.platform.database.db;
    tables = (
      await sql<{ name: string; rls: boolean; forced: boolean }>`
        select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(db)
    ).rows;
    constraints = (
      await sql<Constraint>`
        select cl.relname as table, co.conname as name, co.contype as type,
          array(select a.attname::text from unnest(co.conkey) with ordinality k(n, i)
                join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n order by k.i) as columns,
          rc.relname as ref_table,
          case when co.confrelid = 0 then null else array(select a.attname::text from unnest(co.confkey) with ordinality k(n, i)
                join pg_attribute a on a.attrelid = co.confrelid and a.attnum = k.n order by k.i) end as ref_columns
        from pg_constraint co
        join pg_class cl on cl.oid = co.conrelid
        join pg_namespace n on n.oid = cl.relnamespace
        left join pg_class rc on rc.oid = co.confrelid
        where n.nspname = 'public' and co.contype in ('p', 'u', 'f')`.execute(db)
    ).rows;
  });
  after(() => t.close());

  const placements = tablePlacements(MODULES);
  const tenantTables = () => tables.filter((x) => placements.get(x.name)?.placement === 'tenant');

  test('every table is placed: a tenant’s, a shared reference table, or the coordinator’s; every one placed exists', async () => {
    const { unclassified, missing } = await unclassifiedTables(t.platform.database.db, MODULES);
    assert.deepEqual(
      unclassified,
      [],
      'name each in src/platform/db/placement.ts or in its app’s manifest (tables)',
    );
    assert.deepEqual(missing, [], 'declared but not in the schema');
    // The shared tables are exactly the placed tables that are not a tenant's.
    assert.deepEqual(
      Object.keys(SHARED_TABLES).sort(),
      [...placements]
        .filter(([, p]) => p.placement !== 'tenant')
        .map(([name]) => name)
        .sort(),
    );
    // Outside the public schema, only schemas kept whole on the coordinator hold tables.
    const schemas = await sql<{ schema: string }>`
      select distinct n.nspname as schema from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('public', 'pg_catalog', 'information_schema', 'pg_toast')
        and n.nspname not like 'pg_temp%'`.execute(t.platform.database.db);
    for (const { schema } of schemas.rows)
      assert.ok(schema in COORDINATOR_SCHEMAS, `schema ${schema} is not placed`);
  });

  test('a new table that nobody places fails the check, and the Citus plan refuses it', async () => {
    const db = t.platform.database.db;
    await sql
      .raw(
        'create table unplaced_example (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))',
      )
      .execute(db);
    try {
      assert.deepEqual((await unclassifiedTables(db, MODULES)).unclassified, ['unplaced_example']);
      await assert.rejects(
        citusPlan(db, MODULES),
        (e: unknown) => e instanceof PlacementError && /unplaced_example has no placement/.test(e.message),
      );
    } finally {
      await sql.raw('drop table unplaced_example').execute(db);
    }
    // A table placed twice, or placed but never made, is refused too.
    const twice = { code: 'dup', tables: ['reports'] } as unknown as AppManifest;
    assert.throws(
      () => tablePlacements([...MODULES, twice]),
      /reports is declared by the app reports and by the app dup/,
    );
    const ghost = { code: 'ghost', tables: ['ghost_items'] } as unknown as AppManifest;
    assert.deepEqual((await unclassifiedTables(db, [...MODULES, ghost])).missing, ['ghost_items']);
  });

  test('the Citus plan: reference tables, then every tenant table colocated, each after the tables it refers to', async () => {
    const db = t.platform.database.db;
    const plan = await citusPlan(db, MODULES);
    const reference = plan
      .map((s) => /^select create_reference_table\('(\w+)'\);$/.exec(s)?.[1])
      .filter(Boolean);
    const distributed = plan
      .map((s) =>
        /^select create_distributed_table\('(\w+)', 'tenant_id'(?:, colocate_with => '(\w+)')?\);$/.exec(s),
      )
      .filter((m) => m !== null);
    const local = plan
      .map((s) => /^select citus_add_local_table_to_metadata\('(\w+)'\);$/.exec(s)?.[1])
      .filter(Boolean);
    assert.equal(
      reference.length + distributed.length + local.length,
      plan.length,
      `every statement is one of the three:\n${plan.join('\n')}`,
    );
    // The signals, written by every tenant transaction and read by transaction id, stay on the
    // coordinator, known to Citus; last, after the tables they sit beside in transactions.
    assert.deepEqual(local, ['platform_signals']);
    assert.equal(plan.at(-1), "select citus_add_local_table_to_metadata('platform_signals');");
    assert.deepEqual([...reference].sort(), ['apps', 'host_aliases', 'tenant_domains', 'tenants']);
    assert.equal(reference[0], 'tenants', 'the table every other refers to comes first');
    // Every tenant table once; the first starts the colocation group and every other joins it.
    assert.deepEqual(
      distributed.map((m) => m[1]).sort(),
      tenantTables()
        .map((x) => x.name)
        .sort(),
    );
    const [anchor, ...rest] = distributed;
    assert.equal(anchor![2], undefined);
    for (const m of rest) assert.equal(m[2], anchor![1], `${m[1]} colocated with ${anchor![1]}`);
    // No coordinator's table is touched.
    for (const name of ['kysely_migration', 'kysely_migration_lock'])
      assert.ok(!plan.some((s) => s.includes(`'${name}'`)));
    // Foreign keys: the referenced table is placed before the one referring to it.
    const position = new Map(plan.map((s, i) => [/\('(\w+)'/.exec(s)![1]!, i]));
    for (const c of constraints.filter((c) => c.type === 'f' && c.table !== c.ref_table)) {
      const from = position.get(c.table);
      const to = position.get(c.ref_table!);
      if (from === undefined || to === undefined) continue;
      const fromRef = reference.includes(c.table);
      const toRef = reference.includes(c.ref_table!);
      if (fromRef !== toRef) continue;
      assert.ok(to < from, `${c.table} refers to ${c.ref_table}, placed after it`);
    }
  });

  test('the Citus plan refuses foreign keys Citus cannot keep: across tenants, from shared to tenant data, in a circle', async () => {
    const db = t.platform.database.db;
    const tryPlan = async (statements: string[], tables: string[], problem: RegExp) => {
      for (const s of statements) await sql.raw(s).execute(db);
      try {
        const app = { code: 'probe', tables } as unknown as AppManifest;
        await assert.rejects(
          citusPlan(db, [...MODULES, app]),
          (e: unknown) => e instanceof PlacementError && problem.test(e.message),
        );
      } finally {
        for (const table of [...tables].reverse())
          await sql.raw(`drop table if exists ${table} cascade`).execute(db);
      }
    };
    await tryPlan(
      [
        'create table probe_a (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id), unique (id))',
        'create table probe_b (tenant_id uuid not null, id uuid not null, a_id uuid references probe_a (id), primary key (tenant_id, id))',
      ],
      ['probe_a', 'probe_b'],
      /probe_b\.probe_b_a_id_fkey \(a_id\) must match tenant_id to probe_a\.tenant_id/,
    );
    await tryPlan(
      [
        'create table probe_a (tenant_id uuid not null, id uuid not null, b_id uuid, primary key (tenant_id, id))',
        'create table probe_b (tenant_id uuid not null, id uuid not null, a_id uuid, primary key (tenant_id, id), foreign key (tenant_id, a_id) references probe_a (tenant_id, id))',
        'alter table probe_a add foreign key (tenant_id, b_id) references probe_b (tenant_id, id)',
      ],
      ['probe_a', 'probe_b'],
      /foreign keys go round between probe_a, probe_b/,
    );
    await tryPlan(
      [
        'create table probe_a (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))',
        'alter table apps add column probe_tenant uuid, add column probe_id uuid, add foreign key (probe_tenant, probe_id) references probe_a (tenant_id, id)',
      ],
      ['probe_a'],
      /a reference table cannot refer to a tenant table \(probe_a\)/,
    );
    await sql
      .raw('alter table apps drop column if exists probe_tenant, drop column if exists probe_id')
      .execute(db);
    // And the real schema plans again.
    assert.ok((await citusPlan(db, MODULES)).length > 0);
  });

  test('there are tenant tables to check, the apps’ among them', () => {
    assert.ok(tenantTables().length >= 10);
    for (const name of ['reports', 'markets', 'price_entries', 'price_rollups']) {
      assert.ok(
        tenantTables().some((x) => x.name === name),
        `${name} is checked`,
      );
    }
  });

  test('every tenant table leads its primary key with tenant_id', () => {
    for (const table of tenantTables()) {
      const pk = constraints.find((c) => c.table === table.name && c.type === 'p');
      assert.ok(pk, `${table.name} has no primary key`);
      assert.equal(
        pk.columns[0],
        'tenant_id',
        `${table.name}: primary key (${pk.columns}) must start with tenant_id`,
      );
    }
  });

  test('every unique constraint of a tenant table includes tenant_id', () => {
    for (const c of constraints.filter((c) => c.type === 'u' && !(c.table in SHARED_TABLES))) {
      assert.ok(c.columns.includes('tenant_id'), `${c.table}.${c.name} (${c.columns}) lacks tenant_id`);
    }
  });

  test('every foreign key between tenant tables carries tenant_id on both sides', () => {
    for (const c of constraints.filter((c) => c.type === 'f' && !(c.table in SHARED_TABLES))) {
      if (c.ref_table && c.ref_table in SHARED_TABLES) continue;
      const i = c.columns.indexOf('tenant_id');
      assert.ok(i >= 0, `${c.table}.${c.name} (${c.columns}) lacks tenant_id`);
      assert.equal(c.ref_columns?.[i], 'tenant_id', `${c.table}.${c.name} must match tenant_id to tenant_id`);
    }
  });

  test('row-level security is enabled and forced on every tenant table', () => {
    for (const table of tenantTables()) {
      assert.ok(table.rls && table.forced, `${table.name}: RLS enabled=${table.rls} forced=${table.forced}`);
    }
  });

  test('the check itself catches a table that breaks the rule', async () => {
    const db = t.platform.database.db;
    await sql.raw('create table bad_example (id uuid primary key, tenant_id uuid not null)').execute(db);
    const pk = await sql<{ columns: string[] }>`
      select array(select a.attname::text from unnest(co.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.n order by k.i) as columns
      from pg_constraint co join pg_class cl on cl.oid = co.conrelid
      where cl.relname = 'bad_example' and co.contype = 'p'`.execute(db);
    assert.notEqual(pk.rows[0]?.columns[0], 'tenant_id');
    await sql.raw('drop table bad_example').execute(db);
  });

  test('under the application role, no tenant set means no rows, and another tenant’s rows are invisible', async () => {
    const db = t.platform.database.db;
    const a = await makeTenant(t.platform, 'kota-rls-a');
    const b = await makeTenant(t.platform, 'kota-rls-b');
    await makeStaff(t.platform, a.id, []);
    await makeStaff(t.platform, b.id, []);
    const unscoped = await db.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'balai_app', true)`.execute(trx);
      return (await sql<{ n: number }>`select count(*)::int as n from users`.execute(trx)).rows[0]!.n;
    });
    assert.equal(unscoped, 0);
    // A repository that forgot its tenant filter still sees only its tenant's rows.
    const seen = await t.platform.inTenant(
      a.id,
      SYSTEM_ACTOR,
      async (scope) =>
        (await sql<{ tenant_id: string }>`select tenant_id from users`.execute(scope.trx)).rows,
    );
    assert.ok(seen.length > 0);
    assert.ok(seen.every((r) => r.tenant_id === a.id));
    // Writing a row for another tenant is refused by the policy.
    await assert.rejects(
      t.platform.inTenant(a.id, SYSTEM_ACTOR, (scope) =>
        scope.trx
          .insertInto('tenant_holidays')
          .values({ tenant_id: b.id, date: '2026-08-18', name: 'x' })
          .execute(),
      ),
      /row-level security/,
    );
  });

  test('the audit trail refuses updates and deletes, even from the owner', async () => {
    const db = t.platform.database.db;
    await makeTenant(t.platform, 'kota-audit');
    await assert.rejects(sql`update audit_log set action = 'x'`.execute(db), /append-only/);
    await assert.rejects(sql`delete from audit_log`.execute(db), /append-only/);
  });
});
