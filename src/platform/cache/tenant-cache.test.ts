import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ReadReplica, replicaReads, WalWatermark } from '../db/replica.ts';
import { TenantCache } from './tenant-cache.ts';

test('a cached value is served until its tag is bumped, per tenant', async () => {
  const cache = new TenantCache();
  let loads = 0;
  const load = async () => ++loads;
  assert.equal(await cache.get('t1', 'agencies', 'list', load), 1);
  assert.equal(await cache.get('t1', 'agencies', 'list', load), 1);
  assert.equal(await cache.get('t2', 'agencies', 'list', load), 2, 'another tenant has its own entry');
  cache.bump('t1', 'agencies');
  assert.equal(await cache.get('t1', 'agencies', 'list', load), 3);
  assert.equal(await cache.get('t2', 'agencies', 'list', load), 2, 'a bump touches one tenant only');
});

test('a load that overlaps an invalidation is not stored', async () => {
  const cache = new TenantCache();
  let release!: () => void;
  const slow = cache.get('t1', 'tag', 'k', () => new Promise<string>((r) => (release = () => r('stale'))));
  cache.bump('t1', 'tag');
  release();
  assert.equal(await slow, 'stale', 'the caller still gets what it loaded');
  assert.equal(await cache.get('t1', 'tag', 'k', async () => 'fresh'), 'fresh', 'but it was not kept');
});

test('entries expire after their TTL, and the bytes held stay within the budget', async () => {
  let now = 0;
  const cache = new TenantCache({ ttlMs: 1_000, jitter: 0, now: () => now });
  await cache.get('t', 'g', 'a', async () => 1);
  now = 999;
  assert.equal(await cache.get('t', 'g', 'a', async () => 2), 1, 'within its TTL');
  now = 1_000;
  assert.equal(await cache.get('t', 'g', 'a', async () => 2), 2, 'expired');

  const small = new TenantCache({ maxBytes: 4_000 });
  const page = (c: string) => c.repeat(1_000);
  for (const k of ['a', 'b', 'c', 'd', 'e']) await small.get('t', 'g', k, async () => page(k));
  const { bytes, entries, evictions } = small.stats();
  assert.ok(bytes <= 4_000, `${bytes} bytes held`);
  assert.ok(entries < 5 && evictions === 5 - entries, 'the rest were evicted');
  let reloaded = false;
  await small.get('t', 'g', 'a', async () => {
    reloaded = true;
    return page('a');
  });
  assert.equal(reloaded, true, 'the least recently used entry went first');
  assert.equal(await small.get('t', 'g', 'e', async () => 'reloaded'), page('e'), 'the newest stayed');
});

test('clear() drops every entry and keeps loads begun before it out', async () => {
  const cache = new TenantCache();
  await cache.get('t', 'g', 'k', async () => 'old');
  let release!: () => void;
  const slow = cache.get('t', 'g', 'other', () => new Promise<string>((r) => (release = () => r('before'))));
  cache.clear();
  release();
  await slow;
  assert.equal(await cache.get('t', 'g', 'k', async () => 'new'), 'new');
  assert.equal(await cache.get('t', 'g', 'other', async () => 'after'), 'after');
});

test('callers missing the same entry at once share one load; after a bump they start another', async () => {
  const cache = new TenantCache();
  const share = { share: true };
  let loads = 0;
  const releases: Array<() => void> = [];
  const load = () =>
    new Promise<number>((resolve) => {
      const n = ++loads;
      releases.push(() => resolve(n));
    });
  const first = cache.get('t', 'g', 'k', load, share);
  const second = cache.get('t', 'g', 'k', load, share);
  const elsewhere = cache.get('t2', 'g', 'k', load, share);
  assert.equal(loads, 2, 'one load for t, one for the other tenant');
  cache.bump('t', 'g');
  // Invalidated while the first load runs: a later caller must read the write, not join it.
  const afterBump = cache.get('t', 'g', 'k', load, share);
  assert.equal(loads, 3);
  for (const release of releases) release();
  assert.deepEqual(await Promise.all([first, second, elsewhere, afterBump]), [1, 1, 2, 3]);
  assert.equal(await cache.get('t', 'g', 'k', load, share), 3, 'the load begun after the bump is kept');
  assert.equal(loads, 3);
});

test('a failed load fails the callers that waited for it, and the next caller loads again', async () => {
  const cache = new TenantCache();
  let fail!: (error: Error) => void;
  const failing = () => new Promise<string>((_resolve, reject) => (fail = reject));
  const a = cache.get('t', 'g', 'k', failing, { share: true });
  const b = cache.get('t', 'g', 'k', async () => 'not called', { share: true });
  fail(new Error('database down'));
  await assert.rejects(a, /database down/);
  await assert.rejects(b, /database down/);
  assert.equal(await cache.get('t', 'g', 'k', async () => 'back'), 'back');
});

test('a load that is not shared is never joined, and never joins one', async () => {
  const cache = new TenantCache();
  let release!: () => void;
  // A load in the caller's own transaction (it may see that transaction's uncommitted writes).
  const own = cache.get('t', 'g', 'k', () => new Promise<string>((r) => (release = () => r('own'))));
  let shared = 0;
  const other = cache.get('t', 'g', 'k', async () => `shared ${++shared}`, { share: true });
  assert.equal(await other, 'shared 1', 'a shared caller does not wait for a load it may not see');
  let pendingShared!: () => void;
  const slowShared = cache.get(
    't',
    'g',
    'other',
    () => new Promise<string>((r) => (pendingShared = () => r('slow'))),
    { share: true },
  );
  // A caller inside a transaction must not wait for a load that may queue behind that transaction.
  assert.equal(await cache.get('t', 'g', 'other', async () => 'in my transaction'), 'in my transaction');
  release();
  pendingShared();
  assert.equal(await own, 'own');
  assert.equal(await slowShared, 'slow');
});

test('a load in the caller’s transaction is kept for others only once it commits', async () => {
  const cache = new TenantCache();
  const transaction = (tenantId: string) => {
    const callbacks: Array<() => void> = [];
    return {
      tenantId,
      afterCommit: (fn: () => void) => void callbacks.push(fn),
      commit: () => {
        for (const f of callbacks) f();
      },
    };
  };
  let loads = 0;
  const load = async () => `value ${++loads}`;

  // Rolled back (its callbacks never run): what it read — maybe its own writes — is not kept.
  const rolledBack = transaction('t');
  assert.equal(await cache.getIn(rolledBack, 'g', 'k', load), 'value 1');
  assert.equal(
    await cache.getIn(rolledBack, 'g', 'k', load),
    'value 1',
    'the same transaction reads it once',
  );
  assert.equal(await cache.get('t', 'g', 'k', load), 'value 2', 'nobody else gets it');

  const open = transaction('t2');
  assert.equal(await cache.getIn(open, 'g', 'k', load), 'value 3');
  assert.equal(await cache.get('t2', 'g', 'k', load), 'value 4', 'not kept before the commit');
  cache.bump('t2', 'g');
  const later = transaction('t2');
  assert.equal(await cache.getIn(later, 'g', 'k', load), 'value 5');
  later.commit();
  assert.equal(await cache.get('t2', 'g', 'k', load), 'value 5', 'kept once committed');
  assert.equal(await cache.getIn(transaction('t2'), 'g', 'k', load), 'value 5', 'a hit for any transaction');

  // An invalidation between the load and the commit keeps it out.
  const raced = transaction('t3');
  await cache.getIn(raced, 'g', 'k', load);
  cache.bump('t3', 'g');
  raced.commit();
  assert.equal(await cache.get('t3', 'g', 'k', load), 'value 7');
});

test('watchers hear every bump, here or from another process, and a clear; until they stop', () => {
  const cache = new TenantCache();
  const heard: Array<[string | null, string | null]> = [];
  const stop = cache.watch((tenantId, tag) => heard.push([tenantId, tag]));
  cache.bump('t1', 'auth');
  cache.clear();
  stop();
  cache.bump('t1', 'auth');
  assert.deepEqual(heard, [
    ['t1', 'auth'],
    [null, null],
  ]);
});

test('a value read on a replica is kept only once the replica holds every write invalidated here', async () => {
  // The primary's WAL position as the replica's watermark samples it.
  let primary = '0/100';
  const watermark = new WalWatermark(async () => primary, 60_000);
  await watermark.take();
  const cache = new TenantCache();
  cache.setReplica({ watermark } as unknown as ReadReplica);
  // A replica read records how far the replica had replayed, as readMaybeStale does.
  const onReplica = (replayed: string, value: string) => async () => {
    replicaReads.getStore()?.push(replayed);
    return value;
  };
  // Never invalidated here: what the replica answers is kept (it lags by its allowed moment only).
  assert.equal(await cache.get('t', 'g', 'k', onReplica('0/100', 'first')), 'first');
  assert.equal(await cache.get('t', 'g', 'k', onReplica('0/100', 'other')), 'first');
  // A write commits on the primary and its invalidation arrives here.
  primary = '0/200';
  cache.bump('t', 'g');
  // The replica, still at 0/100, answers the old value: served, not kept. (No sample of the
  // primary since the bump yet: one is asked for.)
  assert.equal(await cache.get('t', 'g', 'k', onReplica('0/100', 'stale')), 'stale');
  await new Promise((r) => setImmediate(r));
  assert.equal(await cache.get('t', 'g', 'k', onReplica('0/100', 'stale again')), 'stale again');
  // Once the replica has replayed past the primary's position after the bump, its answer is kept.
  assert.equal(await cache.get('t', 'g', 'k', onReplica('0/200', 'fresh')), 'fresh');
  assert.equal(await cache.get('t', 'g', 'k', onReplica('0/200', 'not read')), 'fresh');
  // The same for reads in the caller's transaction on the replica, kept once it ends.
  primary = '0/300';
  cache.bump('t', 'cfg');
  await watermark.take();
  const inReplica = async (replayedTo: string, key: string, value: string) => {
    const callbacks: Array<() => void> = [];
    const scope = { tenantId: 't', afterCommit: (f: () => void) => callbacks.push(f), replayedTo };
    const read = await cache.getIn(scope, 'cfg', key, async () => value);
    for (const f of callbacks) f();
    return read;
  };
  assert.equal(await inReplica('0/200', 'a', 'stale'), 'stale');
  assert.equal(
    await cache.get('t', 'cfg', 'a', async () => 'reloaded'),
    'reloaded',
    'the stale read was not kept',
  );
  assert.equal(await inReplica('0/300', 'b', 'fresh'), 'fresh');
  assert.equal(await cache.get('t', 'cfg', 'b', async () => 'not read'), 'fresh', 'the fresh read was kept');
});

test('a value that ages by itself lives no longer than its maxAgeMs, counted from before its read', async () => {
  let now = 0;
  const cache = new TenantCache({ ttlMs: 600_000, jitter: 0, now: () => now });
  // Read from 0 to 400: of a 1,000 ms life, 600 remain once stored.
  await cache.get(
    't',
    'reports',
    'summary',
    async () => {
      now = 400;
      return 'at 0';
    },
    { maxAgeMs: 1_000 },
  );
  now = 999;
  assert.equal(await cache.get('t', 'reports', 'summary', async () => 'later', { maxAgeMs: 1_000 }), 'at 0');
  now = 1_000;
  assert.equal(
    await cache.get('t', 'reports', 'summary', async () => 'at 1000', { maxAgeMs: 1_000 }),
    'at 1000',
    'aged out, though the TTL is ten minutes',
  );
  // Without maxAgeMs, the TTL.
  await cache.get('t', 'agencies', 'list', async () => 'list');
  now = 1_000 + 599_999;
  assert.equal(await cache.get('t', 'agencies', 'list', async () => 'reloaded'), 'list');

  // In a transaction: kept at commit with its maximum age.
  const committed: Array<() => void> = [];
  const scope = { tenantId: 't', afterCommit: (f: () => void) => void committed.push(f) };
  now = 0;
  await cache.getIn(scope, 'reports', 'late', async () => 'late at 0', { maxAgeMs: 500 });
  for (const f of committed) f();
  now = 499;
  assert.equal(await cache.get('t', 'reports', 'late', async () => 'x'), 'late at 0');
  now = 500;
  assert.equal(await cache.get('t', 'reports', 'late', async () => 'late at 500'), 'late at 500');
});
