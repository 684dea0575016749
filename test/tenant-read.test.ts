/**
 * `platform.inTenantRead` (issue #18): a read bound to its tenant by row-level security, each
 * statement on PostgreSQL a read-only transaction of its own that carries the binding — one round
 * trip per statement, no BEGIN or COMMIT — and no binding left on the pooled connection after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR, type TenantScope } from '../src/platform/db/tenant-scope.ts';
import { DB_KIND, makeStaff, makeTenant, startTest, type TestContext } from './support/harness.ts';
import { recordSentSql } from './support/sql-recorder.ts';

describe(`platform.inTenantRead (${DB_KIND})`, () => {
  let t: TestContext;
  let mine: string;
  let theirs: string;
  const rec = recordSentSql();

  before(async () => {
    t = await startTest();
    mine = (await makeTenant(t.platform, 'kota-baca')).id;
    theirs = (await makeTenant(t.platform, 'kota-lain')).id;
    for (let i = 0; i < 2; i++) await makeStaff(t.platform, mine, ['agency_admin']);
    for (let i = 0; i < 3; i++) await makeStaff(t.platform, theirs, ['agency_admin']);
  });
  after(async () => {
    rec.restore();
    await t.close();
  });

  const read = <T>(tenantId: string, fn: (scope: TenantScope) => Promise<T>) =>
    t.platform.inTenantRead(tenantId, SYSTEM_ACTOR, fn);
  // Without a tenant filter of its own: only row-level security can keep the other tenant out.
  const countUsers = (scope: TenantScope) =>
    sql<{ n: number }>`select count(*)::int as n from users`.execute(scope.trx).then((r) => r.rows[0]!.n);

  test('row-level security filters every statement, the second as the first', async () => {
    assert.deepEqual(
      await read(mine, async (scope) => [await countUsers(scope), await countUsers(scope)]),
      [2, 2],
    );
    assert.equal(await read(theirs, countUsers), 3);
  });

  test('a write is refused, and nothing is written', async () => {
    await assert.rejects(
      read(mine, (scope) =>
        sql`update users set display_name = 'Diubah' where tenant_id = ${mine}`.execute(scope.trx),
      ),
      /read-only transaction/,
    );
    const renamed = await t.platform.database.executeRaw(
      "select count(*)::int as n from users where display_name = 'Diubah'",
    );
    assert.equal(renamed.rows[0]!.n, 0);
  });

  test('a failed statement leaves no statement unbound', async () => {
    if (DB_KIND === 'postgres') {
      // Each statement is its own transaction: one caught error does not stop the next, bound alike.
      const n = await read(mine, async (scope) => {
        await assert.rejects(sql`selec 1`.execute(scope.trx), /syntax error/);
        await assert.rejects(sql`select 1 / 0`.execute(scope.trx), /division by zero/);
        return countUsers(scope);
      });
      assert.equal(n, 2);
    } else {
      // One transaction on PGlite: after an error it refuses every statement (portable code ends
      // the read on an error, as in `inTenant`).
      await assert.rejects(
        read(mine, async (scope) => {
          await assert.rejects(sql`selec 1`.execute(scope.trx), /syntax error/);
          return countUsers(scope);
        }),
        /current transaction is aborted/,
      );
    }
    assert.equal(await read(mine, countUsers), 2);
  });

  test('a value that cannot be written as a literal still goes with the binding', async () => {
    const row = await read(mine, (scope) =>
      sql<{
        n: number;
        b: Buffer;
      }>`select count(*)::int as n, ${Buffer.from([0, 1, 2])}::bytea as b from users`
        .execute(scope.trx)
        .then((r) => r.rows[0]!),
    );
    assert.equal(row.n, 2);
    assert.deepEqual([...row.b], [0, 1, 2]);
  });

  test('no pooled connection keeps a binding or a role afterwards', async () => {
    await Promise.all(Array.from({ length: 8 }, () => read(mine, countUsers)));
    await read(mine, (scope) => sql`selec 1`.execute(scope.trx)).catch(() => undefined);
    const seen = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.platform.database.executeRaw(
          "select coalesce(current_setting('app.tenant_id', true), '') as tenant, current_user as role, current_setting('transaction_read_only') as ro",
        ),
      ),
    );
    for (const { rows } of seen) {
      assert.equal(rows[0]!.tenant, '');
      assert.notEqual(rows[0]!.role, 'balai_app');
      assert.equal(rows[0]!.ro, 'off');
    }
  });

  test('a read that ends while its statement of three round trips runs keeps its connection until the last', async () => {
    // A binary value cannot be a literal: BEGIN with the binding, the statement, COMMIT.
    const slow = sql`select pg_sleep(0.2), ${Buffer.from([1])}::bytea as b`;
    let running: Promise<unknown> | undefined;
    await assert.rejects(
      read(mine, async (scope) => {
        running = slow.execute(scope.trx).catch(() => undefined);
        throw new Error('the read gave up early');
      }),
      /gave up early/,
    );
    // At once, not after `running`: the pool hands out the connection released last first, and it
    // must be outside any transaction.
    const { rows } = await t.platform.database.executeRaw(
      "select coalesce(current_setting('app.tenant_id', true), '') as tenant, current_user as role, now() = statement_timestamp() as own",
    );
    assert.equal(rows[0]!.tenant, '');
    assert.notEqual(rows[0]!.role, 'balai_app');
    assert.equal(rows[0]!.own, true, 'not inside the read’s transaction');
    await running;
  });

  test('one round trip per statement on PostgreSQL, with the binding; no BEGIN, no COMMIT', async () => {
    await read(mine, countUsers);
    rec.start();
    await read(mine, async (scope) => [await countUsers(scope), await countUsers(scope)]);
    rec.stop();
    const texts = rec.sent.map((s) => s.text);
    if (DB_KIND === 'postgres') {
      assert.equal(texts.length, 2, texts.join('\n'));
      for (const text of texts) {
        assert.match(
          text,
          new RegExp(
            `^select set_config\\('app\\.tenant_id', '${mine}', true\\), set_config\\('role', 'balai_app', true\\), set_config\\('transaction_read_only', 'on', true\\); select count\\(\\*\\)`,
          ),
        );
      }
    } else {
      // PGlite runs in the process: one read-only transaction, BEGIN with the binding, COMMIT.
      assert.match(texts[0]!, /^start transaction read only; select set_config\('app\.tenant_id'/);
      assert.equal(texts.at(-1), 'commit');
    }
  });
});
