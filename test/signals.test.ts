/**
 * Signals (src/platform/signals/, ADR 0020): what a committed transaction tells every process —
 * delivered after commit and never on rollback, here at once and elsewhere from the table, exactly
 * once, even when the writing process is gone before it delivered anything, and whatever order
 * concurrent writers commit in. On PostgreSQL the second platform has its own pool and listener, as
 * a second server process would; on PGlite both share the one database of the one process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { invalidate } from '../src/platform/cache/tenant-cache.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { bindTenant, readAcrossTenants, SYSTEM_ACTOR } from '../src/platform/db/tenant-scope.ts';
import { type DomainEvent, emitEvent } from '../src/platform/events/hub.ts';
import { createPlatform, type Platform } from '../src/platform/platform.ts';
import { SignalBus } from '../src/platform/signals/bus.ts';
import { signal } from '../src/platform/signals/signal.ts';
import { DB_KIND, makeTenant, startTest, type TestContext } from './support/harness.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, for at most `ms` (a timer read comes every second). */
async function eventually(check: () => boolean | Promise<boolean>, ms = 8_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await sleep(25);
  }
}

/** The payloads a bus hands its handlers on a channel, in order. */
function collect(platform: Platform, channel: string): string[] {
  const got: string[] = [];
  platform.signals.on(channel, (_tenant, payload) => void got.push(payload));
  return got;
}

describe(`signals (${DB_KIND})`, () => {
  let t: TestContext;
  let tenantId: string;
  /** Platforms made by a test, closed after it (on PGlite without closing the shared database). */
  const others: Platform[] = [];

  /** Another platform on the same database: another process on PostgreSQL. */
  async function anotherPlatform(): Promise<Platform> {
    const database =
      DB_KIND === 'postgres' ? await openDatabase({ url: t.config.databaseUrl }) : t.platform.database;
    const platform = await createPlatform(t.config, database, []);
    others.push(platform);
    return platform;
  }

  before(async () => {
    t = await startTest();
    tenantId = (await makeTenant(t.platform, 'kota-sinyal')).id;
  });
  after(async () => {
    for (const p of others) {
      if (DB_KIND === 'postgres') await p.close();
      else {
        p.events.stop();
        p.cache.stop();
        await p.signals.stop();
      }
    }
    await t.close();
  });

  test('a signal is delivered once its transaction commits, never when it rolls back, and once only', async () => {
    const got = collect(t.platform, 'test.commit');
    let seenInside = -1;
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      await signal(scope, 'test.commit', 'kept');
      await sleep(50);
      seenInside = got.length;
    });
    assert.equal(seenInside, 0, 'nothing is delivered before the commit');
    assert.deepEqual(got, ['kept'], 'delivered here at once, before inTenant resolved');
    await t.platform
      .inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
        await signal(scope, 'test.commit', 'rolled back');
        throw new Error('roll back');
      })
      .catch(() => undefined);
    // Reading the table back (twice: the second begins after the first) delivers nothing more.
    await t.platform.signals.read();
    await t.platform.signals.read();
    assert.deepEqual(got, ['kept']);
    const rows = await readAcrossTenants(t.platform.database.db, (trx) =>
      sql<{ payload: string }>`select payload from platform_signals where channel = 'test.commit'`.execute(
        trx,
      ),
    );
    assert.deepEqual(
      rows.rows.map((r) => r.payload),
      ['kept'],
      'the rolled-back signal left no row',
    );
  });

  test('a transaction with no signal writes none', async () => {
    const count = async () =>
      (
        await readAcrossTenants(t.platform.database.db, (trx) =>
          sql<{ n: number }>`select count(*)::int as n from platform_signals`.execute(trx),
        )
      ).rows[0]!.n;
    const before = await count();
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
      scope.trx.selectFrom('agencies').select('id').execute(),
    );
    assert.equal(await count(), before);
  });

  test('a tenant scope may write signals of its own tenant only', async () => {
    const other = await makeTenant(t.platform, 'kota-sinyal-lain');
    await assert.rejects(
      t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
        sql`insert into platform_signals (tenant_id, batch, channel, payload)
            values (${other.id}, 1, 'event', '{}')`.execute(scope.trx),
      ),
      /row-level security/,
    );
    await assert.rejects(
      t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) =>
        sql`delete from platform_signals`.execute(scope.trx),
      ),
      /permission denied/,
    );
  });

  test('bad signals are refused where they are made', async () => {
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      await assert.rejects(signal(scope, "x'; drop table tenants; --", ''), /not a channel name/);
      await assert.rejects(signal(scope, 'test.big', 'x'.repeat(8_000)), /larger than/);
      await assert.rejects(signal(scope, 'test.nul', 'a\0b'), /NUL/);
    });
  });

  test('a payload is written as it was given, quotes and backslashes included', async () => {
    const b = await anotherPlatform();
    const got = collect(b, 'test.quoting');
    const payload = `it's a \\ "test" \\' ; commit; -- ü 日本`;
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) => signal(scope, 'test.quoting', payload));
    await eventually(() => got.length > 0);
    assert.deepEqual(got, [payload]);
    const stored = await readAcrossTenants(t.platform.database.db, (trx) =>
      sql<{ payload: string }>`select payload from platform_signals where channel = 'test.quoting'`.execute(
        trx,
      ),
    );
    assert.deepEqual(
      stored.rows.map((r) => r.payload),
      [payload],
    );
  });

  test('a write through one platform reaches the other’s event subscribers and drops its cached reads', async () => {
    const b = await anotherPlatform();
    const events: DomainEvent[] = [];
    b.events.subscribe(tenantId, (e) => void events.push(e));
    let loads = 0;
    const read = () => b.cache.get(tenantId, 'test.tag', 'k', async () => ++loads);
    assert.equal(await read(), 1);
    assert.equal(await read(), 1, 'cached');
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      await emitEvent(scope, { type: 'test.crossed', entityType: 'x', entityId: null });
      await invalidate(scope, 'test.tag');
    });
    await eventually(() => events.some((e) => e.type === 'test.crossed'));
    await eventually(async () => (await read()) === 2);
    assert.equal(events.filter((e) => e.type === 'test.crossed').length, 1);
    assert.equal(events[0]!.tenantId, tenantId);
  });

  test('a writer that delivers nothing at commit: every platform still gets the signal by reading', async () => {
    // A transaction that withTenant did not open writes its signals when they are made and has no
    // step after its commit, as a process killed right after committing would leave them.
    const b = await anotherPlatform();
    const here = collect(t.platform, 'test.orphan');
    const there = collect(b, 'test.orphan');
    await t.platform.database.db.transaction().execute(async (trx) => {
      const scope = await bindTenant(trx, tenantId, SYSTEM_ACTOR, []);
      await signal(scope, 'test.orphan', 'read back');
    });
    assert.deepEqual(here, [], 'not delivered at commit');
    await eventually(() => here.length > 0 && there.length > 0);
    await t.platform.signals.read();
    await b.signals.read();
    assert.deepEqual(here, ['read back']);
    assert.deepEqual(there, ['read back']);
  });

  test('a process gone between its commit and its delivery: the other gets the event and the invalidation', {
    skip: DB_KIND === 'postgres' ? false : 'PGlite has one process, which cannot outlive itself',
  }, async () => {
    const a = await anotherPlatform();
    const b = await anotherPlatform();
    // A's process, as far as signals go, is gone: no delivery here, no poke to the others.
    await a.signals.stop();
    const events: DomainEvent[] = [];
    b.events.subscribe(tenantId, (e) => void events.push(e));
    let loads = 0;
    const read = () => b.cache.get(tenantId, 'test.killed', 'k', async () => ++loads);
    assert.equal(await read(), 1);
    await a.inTenant(tenantId, SYSTEM_ACTOR, async (scope) => {
      await emitEvent(scope, { type: 'test.killed', entityType: 'x', entityId: null });
      await invalidate(scope, 'test.killed');
    });
    await eventually(() => events.some((e) => e.type === 'test.killed'));
    await eventually(async () => (await read()) === 2);
  });

  test('a server process killed (SIGKILL) once its COMMIT is acknowledged: the others get the event and the invalidation', {
    skip: DB_KIND === 'postgres' ? false : 'PGlite has one process, which cannot outlive itself',
  }, async () => {
    const b = await anotherPlatform();
    const events: DomainEvent[] = [];
    b.events.subscribe(tenantId, (e) => void events.push(e));
    let loads = 0;
    const read = () => b.cache.get(tenantId, 'test.sigkill', 'k', async () => ++loads);
    assert.equal(await read(), 1);
    const child = spawn(
      process.execPath,
      [
        fileURLToPath(new URL('./support/commit-then-die.ts', import.meta.url)),
        tenantId,
        'test.sigkilled',
        'test.sigkill',
      ],
      { env: { ...process.env, DATABASE_URL: t.config.databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const keep = (d: Buffer) => {
      output += d;
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const [, killedBy] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    assert.equal(killedBy, 'SIGKILL', output);
    assert.match(output, /committing/);
    assert.doesNotMatch(output, /survived/);
    // The write is there, and reaches the living process from the table.
    await eventually(() => events.some((e) => e.type === 'test.sigkilled'));
    await eventually(async () => (await read()) === 2);
    assert.equal(events.filter((e) => e.type === 'test.sigkilled').length, 1);
  });

  test('concurrent writers committing out of order lose nothing and repeat nothing', {
    skip: DB_KIND === 'postgres' ? false : 'PGlite has one connection: its transactions never overlap',
  }, async () => {
    const b = await anotherPlatform();
    const got = collect(b, 'test.order');
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const firstWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    // The first writer's row is in (lower seq, lower transaction id) but not committed…
    const first = t.platform.database.db.transaction().execute(async (trx) => {
      const scope = await bindTenant(trx, tenantId, SYSTEM_ACTOR, []);
      await signal(scope, 'test.order', 'first');
      written();
      await held;
    });
    await firstWritten;
    // …while a later writer commits.
    await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) => signal(scope, 'test.order', 'second'));
    await b.signals.read();
    await b.signals.read();
    assert.deepEqual(got, [], 'nothing is read past a transaction still running');
    release();
    await first;
    await eventually(() => got.length === 2);
    await b.signals.read();
    await b.signals.read();
    assert.deepEqual(got, ['first', 'second']);
  });

  test('a directory change made through one platform reloads the other’s directory', async () => {
    const b = await anotherPlatform();
    assert.equal(b.directory.bySlug('kota-sinyal-baru'), undefined);
    await makeTenant(t.platform, 'kota-sinyal-baru');
    await eventually(() => b.directory.bySlug('kota-sinyal-baru') !== undefined);
  });

  test('pruning deletes the rows every reader has passed, and keeps the newer ones', async () => {
    const bus = new SignalBus(t.platform.database, { retainMs: 200, pollMs: 60_000, log: () => undefined });
    await bus.start();
    try {
      await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) => signal(scope, 'test.prune', 'old'));
      // The horizon is the server's: a transaction of another database on it may hold it back.
      const db = t.platform.database.db;
      const old = await readAcrossTenants(db, (trx) =>
        sql<{ tx: string }>`select tx::text as tx from platform_signals where channel = 'test.prune'`.execute(
          trx,
        ),
      );
      await eventually(async () => {
        const now = await sql<{
          h: string;
        }>`select pg_snapshot_xmin(pg_current_snapshot())::text as h`.execute(db);
        return BigInt(now.rows[0]!.h) > BigInt(old.rows[0]!.tx);
      });
      await sleep(30);
      // This read's horizon is past 'old': kept, it is what pruning may go up to once 200 ms old.
      await bus.read();
      await sleep(250);
      await t.platform.inTenant(tenantId, SYSTEM_ACTOR, (scope) => signal(scope, 'test.prune', 'new'));
      await bus.prune();
      const left = await readAcrossTenants(t.platform.database.db, (trx) =>
        sql<{ payload: string }>`select payload from platform_signals where channel = 'test.prune'`.execute(
          trx,
        ),
      );
      assert.deepEqual(
        left.rows.map((r) => r.payload),
        ['new'],
      );
    } finally {
      await bus.stop();
    }
  });

  test('reads missing for longer than rows are kept: the gap handlers run', async () => {
    const bus = new SignalBus(t.platform.database, { retainMs: 100, pollMs: 60_000, log: () => undefined });
    let gaps = 0;
    bus.onGap(() => {
      gaps += 1;
    });
    await bus.start();
    try {
      await bus.read();
      assert.equal(gaps, 0);
      await sleep(120);
      await bus.read();
      assert.equal(gaps, 1);
    } finally {
      await bus.stop();
    }
  });
});
