/**
 * The schema's rules for distribution by tenant and isolation: every table that is not declared
 * shared has `tenant_id` first in its primary key, in every unique constraint and in every foreign
 * key to another tenant table, and forces row-level security; a query with no tenant set sees
 * nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { MODULES } from '../src/platform/catalogue/installed.ts';
import { SHARED_TABLES } from '../src/platform/db/schema.ts';
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

  const tenantTables = () => tables.filter((x) => !(x.name in SHARED_TABLES));

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
