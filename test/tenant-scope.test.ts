/**
 * Working in a second tenant inside one transaction (`inOtherTenant`): the other tenant's rows only
 * while inside, the first tenant's again after, after-commit work only once it all commits, and
 * nothing of either kept when it fails.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
