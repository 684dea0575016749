/**
 * A tenant transaction's first query travels with its BEGIN and binding (on PostgreSQL, its
 * parameters written as literals: src/platform/db/inline-parameters.ts). What must hold whatever the
 * values: the same answer as with parameters, row-level security bound before the query runs, a
 * failure in that round trip rolling everything back, and a transaction that sends nothing costing
 * nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { DB_KIND, makeTenant, startTest, type TestContext } from './support/harness.ts';
import { recordSentSql } from './support/sql-recorder.ts';

describe(`a transaction's first query (${DB_KIND})`, () => {
  let t: TestContext;
  let a: string;
  let b: string;

  before(async () => {
    t = await startTest();
    a = (await makeTenant(t.platform, 'kota-pertama')).id;
    b = (await makeTenant(t.platform, 'kota-kedua')).id;
  });
  after(() => t.close());

  const awkward = [
    "it's",
    'back\\slash',
    'dollar $1 $$ $q$',
    '-- not a comment',
    '/* not a comment */',
    'ünïcödé, 中文, 🙂',
    '"quoted"',
    '',
  ];

  test('values of every kind answer the same as the first query as they do later', async () => {
    const first = async (value: unknown, cast: string) =>
      t.platform.inTenant(a, SYSTEM_ACTOR, async (scope) => {
        const inlined = await sql<{ v: unknown }>`select ${value}::${sql.raw(cast)} as v`.execute(scope.trx);
        const later = await sql<{ v: unknown }>`select ${value}::${sql.raw(cast)} as v`.execute(scope.trx);
        return [inlined.rows[0]!.v, later.rows[0]!.v];
      });
    const cases: Array<[unknown, string]> = [
      ...awkward.map((s): [unknown, string] => [s, 'text']),
      [42, 'int'],
      [-1.5, 'numeric'],
      [4503599627370497n, 'bigint'],
      [true, 'boolean'],
      [null, 'text'],
      [new Date('2026-12-07T01:02:03.456Z'), 'timestamptz'],
      [{ a: "o'k", b: ['x\\y', 1] }, 'jsonb'],
      [['x', "y'z", 'w"v', 'back\\slash', null], 'text[]'],
      [Buffer.from([0, 1, 39, 92, 255]), 'bytea'],
    ];
    for (const [value, cast] of cases) {
      const [inlined, later] = await first(value, cast);
      assert.deepEqual(inlined, later, `${cast} ${String(value)}`);
    }
  });

  test('the tenant is bound before the first query runs, and only its rows are seen', async () => {
    for (const [tenant, name] of [
      [a, "Hari 'A'"],
      [b, 'Hari $1 B'],
    ] as const) {
      await t.platform.inTenant(tenant, SYSTEM_ACTOR, (scope) =>
        scope.trx
          .insertInto('tenant_holidays')
          .values({ tenant_id: scope.tenantId, date: '2026-05-05', name })
          .execute(),
      );
    }
    const seen = await t.platform.inTenant(a, SYSTEM_ACTOR, (scope) =>
      scope.trx
        .selectFrom('tenant_holidays')
        .select(['tenant_id', 'name'])
        .where('date', '=', '2026-05-05')
        .execute(),
    );
    assert.deepEqual(seen, [{ tenant_id: a, name: "Hari 'A'" }]);
    // Row-level security fails closed for a first statement naming another tenant.
    await assert.rejects(
      t.platform.inTenant(a, SYSTEM_ACTOR, (scope) =>
        scope.trx
          .insertInto('tenant_holidays')
          .values({ tenant_id: b, date: '2026-05-06', name: 'x' })
          .execute(),
      ),
      /row-level security/,
    );
  });

  test('a first statement that fails leaves nothing, and the connection serves the next transaction', async () => {
    await assert.rejects(
      t.platform.inTenant(a, SYSTEM_ACTOR, async (scope) => {
        await sql`select 1 / ${0}::int`.execute(scope.trx);
      }),
      /division by zero/,
    );
    await assert.rejects(
      t.platform.inTenant(a, SYSTEM_ACTOR, async (scope) => {
        await scope.trx
          .insertInto('tenant_holidays')
          .values({ tenant_id: scope.tenantId, date: '2026-06-06', name: 'Batal' })
          .execute();
        throw new Error('gagal');
      }),
      /gagal/,
    );
    // A first statement PostgreSQL refuses whole (here a syntax error, before anything runs), its
    // error caught: what follows must not run outside the transaction, unbound.
    await assert.rejects(
      t.platform.inTenant(a, SYSTEM_ACTOR, async (scope) => {
        await sql`selec ${1}`.execute(scope.trx).catch(() => undefined);
        await scope.trx
          .insertInto('tenant_holidays')
          .values({ tenant_id: scope.tenantId, date: '2026-06-06', name: 'Tanpa transaksi' })
          .execute();
      }),
      /did not begin|current transaction is aborted/,
    );
    // A NUL in text is refused alone, as for any statement (the API answers it as a 400).
    await assert.rejects(
      t.platform.inTenant(a, SYSTEM_ACTOR, (scope) => sql`select ${'a\0b'}::text`.execute(scope.trx)),
      (error: { code?: string; message?: string }) =>
        error.code === '22021' || /0x00|null character|invalid byte/i.test(error.message ?? ''),
    );
    const left = await t.platform.inTenant(a, SYSTEM_ACTOR, (scope) =>
      scope.trx.selectFrom('tenant_holidays').select('name').where('date', '=', '2026-06-06').execute(),
    );
    assert.deepEqual(left, []);
  });

  test('the first query and BEGIN go in one round trip on PostgreSQL; an empty transaction sends nothing', {
    skip: DB_KIND === 'postgres' ? false : 'PGlite runs in the process: it has no round trips to save',
  }, async () => {
    const rec = recordSentSql();
    const sent = () => rec.sent.map((s) => s.text).filter((text) => text.includes(a));
    try {
      rec.start();
      await t.platform.inTenant(a, SYSTEM_ACTOR, async () => undefined);
      assert.deepEqual(sent(), [], 'nothing sent for a transaction without statements');
      await t.platform.inTenant(a, SYSTEM_ACTOR, (scope) =>
        scope.trx
          .selectFrom('tenant_holidays')
          .select('name')
          .where('tenant_id', '=', scope.tenantId)
          .execute(),
      );
      assert.equal(sent().length, 1, sent().join('\n'));
      assert.match(
        sent()[0]!,
        /^start transaction; select set_config\('app\.tenant_id'.*; select "name" from "tenant_holidays" where "tenant_id" = '/,
      );
    } finally {
      rec.restore();
    }
  });
});
