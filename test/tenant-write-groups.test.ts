/**
 * `platform.inTenantGrouped` (issue #18): a tenant's writes that arrive together share one
 * transaction, each with its own actor and after-commit callbacks, and each settles as it would
 * have alone — committed with the group, or failed without leaving a row and without failing the
 * others.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { recordAudit } from '../src/platform/audit/audit.ts';
import type { Actor, TenantScope } from '../src/platform/db/tenant-scope.ts';
import { TenantWriteGroups } from '../src/platform/db/tenant-write-groups.ts';
import { AppError } from '../src/platform/errors.ts';
import { DB_KIND, makeTenant, startTest, type TestContext } from './support/harness.ts';

const actor = (label: string): Actor => ({ userId: null, label, requestId: null, ip: '127.0.0.1' });

describe(`platform.inTenantGrouped (${DB_KIND})`, () => {
  let t: TestContext;
  let mine: string;
  let theirs: string;

  before(async () => {
    t = await startTest();
    mine = (await makeTenant(t.platform, 'kota-grup')).id;
    theirs = (await makeTenant(t.platform, 'kota-lain')).id;
    groups = new TenantWriteGroups(t.platform.database.db, { maxGroups: 1 });
  });
  after(() => t.close());

  /** A unit of work: an audit entry under its own actor; answers its transaction's id. */
  const unit = (action: string) => async (scope: TenantScope) => {
    await recordAudit(scope, { action, entityType: 'test', entityId: null });
    const r = await sql<{ tx: string }>`select txid_current()::text as tx`.execute(scope.trx);
    return r.rows[0]!.tx;
  };
  const written = async (action: string) => {
    const r = await t.platform.database.executeRaw(
      `select tenant_id, actor_label from audit_log where action = '${action}' order by actor_label`,
    );
    return r.rows as Array<{ tenant_id: string; actor_label: string }>;
  };
  // One group in flight per tenant: the units of a burst all go together, the next wait.
  let groups: TenantWriteGroups;
  const grouped = <T>(tenantId: string, label: string, fn: (scope: TenantScope) => Promise<T>) =>
    groups.run(tenantId, actor(label), fn);

  test('writes arriving together share a transaction, each under its own actor', async () => {
    const txs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => grouped(mine, `warga-${i}`, unit('grouped.together'))),
    );
    assert.equal(new Set(txs).size, 1, 'one transaction for the six');
    assert.deepEqual(groups.stats(), { ran: 1, units: 6 });
    const rows = await written('grouped.together');
    assert.deepEqual(
      rows.map((r) => r.actor_label),
      ['warga-0', 'warga-1', 'warga-2', 'warga-3', 'warga-4', 'warga-5'],
    );
    assert.ok(rows.every((r) => r.tenant_id === mine));
  });

  test("the platform's groups share a burst out over four transactions side by side", async () => {
    const before = t.platform.writeGroups.stats();
    const txs = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.platform.inTenantGrouped(mine, actor(`warga-${i}`), unit('grouped.platform')),
      ),
    );
    const stats = t.platform.writeGroups.stats();
    assert.deepEqual([stats.ran - before.ran, stats.units - before.units], [4, 6]);
    assert.equal(new Set(txs).size, 4);
    assert.equal((await written('grouped.platform')).length, 6);
  });

  test('a unit alone starts at once, and units of two tenants never share', async () => {
    const [a, b] = await Promise.all([
      grouped(mine, 'warga-a', unit('grouped.apart')),
      grouped(theirs, 'warga-b', unit('grouped.apart')),
    ]);
    assert.notEqual(a, b);
    const rows = await written('grouped.apart');
    assert.deepEqual(
      rows.map((r) => [r.actor_label, r.tenant_id]),
      [
        ['warga-a', mine],
        ['warga-b', theirs],
      ],
    );
    // Row-level security binds each to its own tenant: neither sees the other's entry.
    const seen = await grouped(theirs, 'warga-b', (scope) =>
      sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'grouped.apart'`
        .execute(scope.trx)
        .then((r) => r.rows[0]!.n),
    );
    assert.equal(seen, 1);
  });

  /** What `groups` ran during `fn`: transactions, and units (a unit run again counts again). */
  const counted = async <T>(fn: () => Promise<T>) => {
    const before = groups.stats();
    const result = await fn();
    const after = groups.stats();
    return { result, ran: after.ran - before.ran, units: after.units - before.units };
  };

  test('a refusal before any statement reaches only its caller; the group goes on without its rows', async () => {
    const refused = new AppError('validation', { detailKey: 'validation' });
    const { result: results, ...stats } = await counted(() =>
      Promise.allSettled([
        grouped(mine, 'warga-1', unit('grouped.refusal')),
        grouped(mine, 'warga-2', async (scope) => {
          // An audit entry appended, then refused: the entry goes with it.
          await recordAudit(scope, { action: 'grouped.refusal', entityType: 'test', entityId: null });
          throw refused;
        }),
        grouped(mine, 'warga-3', unit('grouped.refusal')),
      ]),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal((results[1] as PromiseRejectedResult).reason, refused);
    assert.deepEqual(stats, { ran: 1, units: 3 }, 'one transaction, nobody ran twice');
    const [first, , third] = results as Array<PromiseFulfilledResult<string>>;
    assert.equal(first!.value, third!.value);
    assert.deepEqual(
      (await written('grouped.refusal')).map((r) => r.actor_label),
      ['warga-1', 'warga-3'],
    );
  });

  test('a refusal after its statements undoes the group; the others go again together', async () => {
    const refused = new AppError('conflict', { detailKey: 'conflict' });
    const { result: results, ...stats } = await counted(() =>
      Promise.allSettled([
        grouped(mine, 'warga-1', unit('grouped.late-refusal')),
        grouped(mine, 'warga-2', async (scope) => {
          await unit('grouped.late-refusal')(scope);
          throw refused;
        }),
        grouped(mine, 'warga-3', unit('grouped.late-refusal')),
      ]),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(stats, { ran: 2, units: 5 });
    const [first, , third] = results as Array<PromiseFulfilledResult<string>>;
    assert.equal(first!.value, third!.value, 'the two went again in one transaction');
    assert.deepEqual(
      (await written('grouped.late-refusal')).map((r) => r.actor_label),
      ['warga-1', 'warga-3'],
    );
  });

  test("a unit's database error reaches only its caller; the others go again together", async () => {
    const { result: results, ...stats } = await counted(() =>
      Promise.allSettled([
        grouped(mine, 'warga-1', unit('grouped.failure')),
        grouped(mine, 'warga-2', async (scope) => {
          await unit('grouped.failure')(scope);
          await sql`select 1 / 0`.execute(scope.trx);
        }),
        grouped(mine, 'warga-3', unit('grouped.failure')),
      ]),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.match(String((results[1] as PromiseRejectedResult).reason), /division by zero/);
    assert.deepEqual(stats, { ran: 2, units: 5 });
    assert.deepEqual(
      (await written('grouped.failure')).map((r) => r.actor_label),
      ['warga-1', 'warga-3'],
    );
  });

  for (const last of [false, true]) {
    test(`units are not blamed for one that went on after an error it caught (${last ? 'last' : 'first'} in the group)`, async () => {
      // Alone, the one that swallowed its error would end without its row; in the group the
      // transaction fails as a whole, and every unit runs again alone.
      const action = `grouped.aborted-${last ? 'last' : 'first'}`;
      const swallower = async (scope: TenantScope) => {
        const tx = await unit(action)(scope);
        await sql`select 1 / 0`.execute(scope.trx).catch(() => undefined);
        return tx;
      };
      const units = [
        grouped(mine, 'warga-1', last ? unit(action) : swallower),
        grouped(mine, 'warga-2', last ? swallower : unit(action)),
      ];
      const results = await Promise.allSettled(units);
      const innocent = last ? 0 : 1;
      assert.equal(results[innocent]!.status, 'fulfilled');
      assert.equal(results[1 - innocent]!.status, 'rejected', 'the swallowed failure is told at commit');
      assert.deepEqual(
        (await written(action)).map((r) => r.actor_label),
        [`warga-${innocent + 1}`],
      );
    });
  }

  test('a transaction that swallowed an error and appended nothing is not reported committed', async () => {
    await assert.rejects(
      t.platform.inTenant(mine, actor('warga'), async (scope) => {
        await sql`select 1`.execute(scope.trx);
        await sql`select 1 / 0`.execute(scope.trx).catch(() => undefined);
      }),
      /rolled back/,
    );
  });

  test('after-commit callbacks run per unit, once committed, never for a unit that failed', async () => {
    const ran: string[] = [];
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((name) =>
        grouped(mine, `warga-${name}`, async (scope) => {
          scope.afterCommit(() => ran.push(name));
          assert.deepEqual(ran, [], 'nothing runs before the commit');
          if (name === 'b') throw new AppError('validation', { detailKey: 'validation' });
          return name;
        }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(ran.sort(), ['a', 'c']);
  });

  // PGlite has one connection: a transaction opened inside another waits for it forever, grouped or not.
  test('a grouped write opened inside a unit gets its own transaction', {
    skip: DB_KIND === 'embedded',
  }, async () => {
    const [outer, inner] = await grouped(mine, 'warga-luar', async (scope) => {
      const here = await unit('grouped.nested')(scope);
      const there = await grouped(mine, 'warga-dalam', unit('grouped.nested'));
      return [here, there];
    });
    assert.notEqual(outer, inner);
    assert.equal((await written('grouped.nested')).length, 2);
  });

  /** Holds a unit in its transaction until `release()`. */
  const holder = () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    return { release, held };
  };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

  test('units that arrive while the groups are in flight go together in the next', async () => {
    const groups = new TenantWriteGroups(t.platform.database.db, { maxGroups: 1 });
    const hold = holder();
    const first = groups.run(mine, actor('warga-0'), async (scope) => {
      await hold.held;
      return unit('grouped.queued')(scope);
    });
    await tick();
    const later = Array.from({ length: 4 }, (_, i) =>
      groups.run(mine, actor(`warga-${i + 1}`), unit('grouped.queued')),
    );
    await tick();
    assert.deepEqual(groups.stats(), { ran: 1, units: 1 }, 'the four wait');
    hold.release();
    const txs = [await first, ...(await Promise.all(later))];
    assert.equal(new Set(txs.slice(1)).size, 1, 'the four waiting went as one group');
    assert.notEqual(txs[0], txs[1]);
    assert.deepEqual(groups.stats(), { ran: 2, units: 5 });
    assert.equal((await written('grouped.queued')).length, 5);
  });

  // PGlite has one connection: a second transaction waits for the first whatever starts it.
  test('a second group starts beside one in flight, up to maxGroups', {
    skip: DB_KIND === 'embedded',
  }, async () => {
    const groups = new TenantWriteGroups(t.platform.database.db, { maxGroups: 2 });
    const hold = holder();
    const first = groups.run(mine, actor('warga-0'), async (scope) => {
      await hold.held;
      return unit('grouped.beside')(scope);
    });
    await tick();
    const [a, b] = await Promise.all([
      groups.run(mine, actor('warga-1'), unit('grouped.beside')),
      groups.run(mine, actor('warga-2'), unit('grouped.beside')),
    ]);
    assert.equal(a, b, 'the two went together, beside the held one');
    hold.release();
    assert.notEqual(await first, a);
    assert.deepEqual(groups.stats(), { ran: 2, units: 3 });
  });

  test('/metrics counts the groups and the writes they carried', async () => {
    const body = (await t.app.inject('/metrics')).body;
    const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(body)?.[1]);
    const stats = t.platform.writeGroups.stats();
    assert.equal(value('balai_write_groups_total'), stats.ran);
    assert.equal(value('balai_write_group_units_total'), stats.units);
    assert.ok(stats.units > stats.ran, 'some groups carried more than one write');
  });
});
