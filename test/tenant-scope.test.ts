/**
 * Working in a second tenant inside one transaction (`inOtherTenant`): the other tenant's rows only
 * while inside, the first tenant's again after, after-commit work only once it all commits, and
 * nothing of either kept when it fails. And a read that may be stale (`inTenantReplica`), here
 * without a replica: on the primary, read-only, bound to its tenant exactly as `inTenant` is (the
 * same on a hot standby: test/multinode.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { inOtherTenant, SYSTEM_ACTOR, type TenantScope } from '../src/platform/db/tenant-scope.ts';
import { DB_KIND, makeTenant, startTest, type TestContext } from './support/harness.ts';

describe(`a second tenant in one transaction (${DB_KIND})`, () => {
  let t: TestContext;
  let a: string;
  let b: string;
  const holidays = (scope: TenantScope) =>
    scope.trx.selectFrom('tenant_holidays').select(['tenant_id', 'name']).orderBy('name').execute();
  const add = (scope: TenantScope, day: string, name: string) =>
    scope.trx.insertInto('tenant_holidays').values({ tenant_id: scope.tenantId, date: day, name }).execute();

  before(async () => {
    t = await startTest();
    a = (await makeTenant(t.platform, 'kota-satu')).id;
    b = (await makeTenant(t.platform, 'kota-dua')).id;
  });
  after(() => t.close());

  test('inside, only the other tenant’s rows; after, the first tenant’s again; callbacks after commit', async () => {
    const ran: string[] = [];
    await t.platform.inTenant(a, SYSTEM_ACTOR, async (scope) => {
      await add(scope, '2026-03-01', 'Hari A');
      const seen = await inOtherTenant(scope, b, async (there) => {
        assert.equal(there.tenantId, b);
        await add(there, '2026-03-02', 'Hari B');
        there.afterCommit(() => ran.push('b'));
        return holidays(there);
      });
      assert.deepEqual(seen, [{ tenant_id: b, name: 'Hari B' }]);
      assert.deepEqual(await holidays(scope), [{ tenant_id: a, name: 'Hari A' }]);
      assert.deepEqual(ran, [], 'nothing runs before the commit');
    });
    assert.deepEqual(ran, ['b']);
  });

  test('a failure inside rolls back both tenants’ writes and runs no callback', async () => {
    const ran: string[] = [];
    await assert.rejects(
      t.platform.inTenant(a, SYSTEM_ACTOR, async (scope) => {
        await add(scope, '2026-04-01', 'Batal A');
        await inOtherTenant(scope, b, async (there) => {
          await add(there, '2026-04-02', 'Batal B');
          there.afterCommit(() => ran.push('b'));
          throw new Error('gagal');
        });
      }),
      /gagal/,
    );
    for (const id of [a, b]) {
      const names = await t.platform.inTenant(id, SYSTEM_ACTOR, holidays);
      assert.ok(!names.some((h) => h.name.startsWith('Batal')), 'nothing kept');
    }
    assert.deepEqual(ran, []);
  });
});

describe(`a read that may be stale, without a replica (${DB_KIND})`, () => {
  let t: TestContext;
  let a: string;
  let b: string;

  before(async () => {
    t = await startTest();
    a = (await makeTenant(t.platform, 'kota-baca')).id;
    b = (await makeTenant(t.platform, 'kota-lain')).id;
    for (const [id, name] of [
      [a, 'Hari baca'],
      [b, 'Hari lain'],
    ] as const) {
      await t.platform.inTenant(id, SYSTEM_ACTOR, (scope) =>
        scope.trx.insertInto('tenant_holidays').values({ tenant_id: id, date: '2026-05-01', name }).execute(),
      );
    }
  });
  after(() => t.close());

  test('it runs as the application role bound to its tenant: a query without a tenant filter sees only that tenant', async () => {
    const seen = await t.platform.inTenantReplica(a, SYSTEM_ACTOR, async (scope) => {
      const who = await sql<{ role: string; tenant: string }>`
        select current_user as role, current_setting('app.tenant_id') as tenant`.execute(scope.trx);
      assert.deepEqual(who.rows[0], { role: 'balai_app', tenant: a });
      assert.equal(scope.replayedTo, undefined, 'read on the primary, which replays nothing');
      return (
        await sql<{ tenant_id: string; name: string }>`select tenant_id, name from tenant_holidays`.execute(
          scope.trx,
        )
      ).rows;
    });
    assert.deepEqual(seen, [{ tenant_id: a, name: 'Hari baca' }]);
  });

  test('it only reads: a write inside is refused and nothing is kept; callbacks run once it ends', async () => {
    const ran: string[] = [];
    await assert.rejects(
      t.platform.inTenantReplica(a, SYSTEM_ACTOR, async (scope) => {
        scope.afterCommit(() => ran.push('refused'));
        await scope.trx
          .insertInto('tenant_holidays')
          .values({ tenant_id: a, date: '2026-05-02', name: 'Tidak boleh' })
          .execute();
      }),
      /read-only transaction/,
    );
    assert.equal(ran.length, 0, 'no callback of a failed read');
    const names = await t.platform.inTenant(a, SYSTEM_ACTOR, (scope) =>
      scope.trx.selectFrom('tenant_holidays').select('name').execute(),
    );
    assert.deepEqual(names, [{ name: 'Hari baca' }]);
    await t.platform.inTenantReplica(a, SYSTEM_ACTOR, async (scope) => {
      scope.afterCommit(() => ran.push('read'));
    });
    assert.deepEqual(ran, ['read']);
  });
});
