import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedValueGrew, estimateBytes } from './entry-size.ts';
import { LruByBytes } from './lru-by-bytes.ts';

const kb = (n: number) => 'x'.repeat(n * 1024);

test('entries are evicted by bytes, least recently used first', () => {
  const lru = new LruByBytes({ maxBytes: 10 * 1024, ttlMs: 60_000, jitter: 0 });
  for (const id of ['a', 'b', 'c', 'd']) lru.set(id, kb(2), 1);
  assert.equal(lru.stats().entries, 4, 'four of 2 kB fit in 10 kB');
  assert.ok(lru.get('a', 1), 'a is used: now the most recent');
  lru.set('big', kb(5), 1);
  // 4 × 2 kB + 5 kB is over 10 kB: b and c (the least recently used) make room, a stays.
  assert.equal(lru.get('b', 1), undefined);
  assert.equal(lru.get('c', 1), undefined);
  assert.ok(lru.get('a', 1));
  assert.ok(lru.get('d', 1));
  assert.ok(lru.get('big', 1));
  const stats = lru.stats();
  assert.equal(stats.evictions, 2);
  assert.equal(stats.entries, 3);
  assert.ok(stats.bytes <= stats.maxBytes && stats.bytes > 9 * 1024, `${stats.bytes} bytes`);

  // Many small entries give way to one large one; a count bound could not tell them apart.
  for (let i = 0; i < 100; i += 1) lru.set(`small-${i}`, 'tiny', 1);
  assert.equal(lru.stats().entries > 50, true);
  lru.set('page', kb(9), 1);
  assert.ok(lru.get('page', 1));
  assert.ok(lru.stats().bytes <= 10 * 1024);
});

test('a value larger than the whole budget is not kept, and evicts nothing', () => {
  const lru = new LruByBytes({ maxBytes: 4 * 1024, ttlMs: 60_000, jitter: 0 });
  lru.set('a', kb(1), 1);
  lru.set('huge', kb(5), 1);
  assert.equal(lru.get('huge', 1), undefined);
  assert.ok(lru.get('a', 1), 'the others stay');
  assert.equal(lru.stats().tooLarge, 1);
  assert.equal(lru.stats().evictions, 0);
});

test('bytes a cached value gains later count, and can evict others', () => {
  const lru = new LruByBytes({ maxBytes: 8 * 1024, ttlMs: 60_000, jitter: 0 });
  const view: { text: string; gzip?: Buffer } = { text: kb(2) };
  lru.set('view', view, 1);
  lru.set('other', kb(2), 1);
  lru.get('view', 1);
  view.gzip = Buffer.alloc(5 * 1024);
  cachedValueGrew(view, view.gzip.byteLength);
  assert.equal(lru.stats().bytes <= 8 * 1024, true);
  assert.equal(lru.get('other', 1), undefined, 'the other entry made room');
  assert.ok(lru.get('view', 1));
  assert.ok(lru.stats().bytes >= 7 * 1024, 'the view counts its gzip');

  // Once replaced, the old value's growth is no longer this cache's.
  lru.set('view', { text: 'new' }, 1);
  const held = lru.stats().bytes;
  cachedValueGrew(view, 100_000);
  assert.equal(lru.stats().bytes, held);
  // A value that is not cached anywhere: nothing happens.
  cachedValueGrew({}, 10);
});

test("each entry's TTL lies within the jitter's bounds, and entries stored together spread out", () => {
  let now = 0;
  let next = 0;
  const ttlMs = 60_000;
  const lru = new LruByBytes({ maxBytes: 1 << 20, ttlMs, jitter: 0.15, now: () => now, random: () => next });
  next = 0;
  lru.set('shortest', 1, 1);
  next = 0.999_999;
  lru.set('longest', 1, 1);
  now = ttlMs * 0.85 - 1;
  assert.ok(lru.get('shortest', 1), 'alive just before 85 % of the TTL');
  now = ttlMs * 0.85;
  assert.equal(lru.get('shortest', 1), undefined, 'gone at 85 %');
  now = ttlMs * 1.15 - 1;
  assert.ok(lru.get('longest', 1), 'alive just before 115 %');
  now = ttlMs * 1.15;
  assert.equal(lru.get('longest', 1), undefined, 'gone at 115 %');
  assert.equal(lru.stats().expired, 2);

  // With the real random source: 200 entries stored in the same millisecond.
  now = 0;
  const spread = new LruByBytes({ maxBytes: 1 << 20, ttlMs, jitter: 0.15, now: () => now });
  for (let i = 0; i < 200; i += 1) spread.set(`k${i}`, i, 1);
  const alive = (at: number) => {
    now = at;
    let n = 0;
    for (let i = 0; i < 200; i += 1) if (spread.get(`k${i}`, 1)) n += 1;
    return n;
  };
  assert.equal(alive(ttlMs * 0.85 - 1), 200, 'none before 85 %');
  const atTtl = alive(ttlMs);
  assert.ok(atTtl > 40 && atTtl < 160, `about half left at the nominal TTL (${atTtl})`);
  assert.equal(alive(ttlMs * 1.15), 0, 'none after 115 %');
});

test('entries past their TTL are swept out as new ones come, at most once a TTL', () => {
  let now = 0;
  const lru = new LruByBytes({ maxBytes: 1 << 20, ttlMs: 1_000, jitter: 0, now: () => now });
  for (let i = 0; i < 10; i += 1) lru.set(`old-${i}`, kb(1), 1);
  now = 500;
  lru.set('younger', kb(1), 1);
  now = 1_000;
  lru.set('new', kb(1), 1);
  const stats = lru.stats();
  assert.equal(stats.entries, 2, 'the ten old ones went, unread');
  assert.equal(stats.expired, 10);
  assert.ok(stats.bytes < 3 * 1024, `${stats.bytes} bytes`);
  now = 1_600;
  lru.set('newer', kb(1), 1);
  assert.equal(lru.stats().entries, 3, 'no sweep again within a TTL: the expired one waits');
  now = 2_000;
  lru.set('newest', kb(1), 1);
  assert.equal(lru.stats().entries, 2, 'younger and new went at the next sweep; newer and newest stay');
});

test('hits, misses, expiries and invalidated entries are counted', () => {
  let now = 0;
  const lru = new LruByBytes({ maxBytes: 1 << 20, ttlMs: 1_000, jitter: 0, now: () => now });
  assert.equal(lru.get('a', 1), undefined);
  lru.set('a', 'value', 1);
  assert.ok(lru.get('a', 1));
  assert.ok(lru.get('a', 1));
  assert.equal(lru.get('a', 2), undefined, 'another version: invalidated');
  assert.equal(lru.stats().entries, 0, 'an invalidated entry is dropped when met');
  lru.set('b', 'value', 1);
  now = 1_000;
  assert.equal(lru.get('b', 1), undefined);
  assert.deepEqual(
    { ...lru.stats(), bytes: 0 },
    { hits: 2, misses: 3, expired: 1, evictions: 0, tooLarge: 0, entries: 0, bytes: 0, maxBytes: 1 << 20 },
  );
  assert.equal(lru.stats().bytes, 0, 'nothing left, nothing counted');
  lru.set('c', 'value', 1);
  lru.clear();
  assert.equal(lru.stats().bytes, 0);
  assert.throws(() => new LruByBytes({ maxBytes: 0, ttlMs: 1, jitter: 0 }));
  assert.throws(() => new LruByBytes({ maxBytes: 1, ttlMs: 1, jitter: 1 }));
});

test('estimateBytes follows what a value holds', () => {
  const page = { document: kb(30), status: 200, csp: "default-src 'self'" };
  const estimate = estimateBytes(page);
  assert.ok(estimate > 30 * 1024 && estimate < 30 * 1024 + 200, `${estimate}`);
  assert.ok(estimateBytes({ ...page, gzip: Buffer.alloc(5_000) }) >= estimate + 5_000);
  // A byte a character, two when one is beyond Latin-1 (as V8 keeps strings).
  assert.equal(estimateBytes('é'.repeat(100)), estimateBytes('e'.repeat(100)));
  assert.equal(estimateBytes(`${'e'.repeat(99)}→`) - estimateBytes('e'.repeat(100)), 100);
  // A list of rows: each row's fields, not only the list.
  const rows = Array.from({ length: 1_000 }, (_, i) => ({ id: `id-${i}`, price: i, day: '2026-12-01' }));
  assert.ok(estimateBytes(rows) > 1_000 * 40, `${estimateBytes(rows)}`);
  // A value met twice counts once; a cycle ends.
  const shared = { text: kb(10) };
  const twice = estimateBytes([shared, shared]);
  assert.ok(twice < estimateBytes([shared, { text: kb(10) }]));
  const cyclic: Record<string, unknown> = { name: 'a' };
  cyclic.self = cyclic;
  assert.ok(estimateBytes(cyclic) > 0);
  assert.ok(estimateBytes(new Map([['k', kb(4)]])) > 4 * 1024);
});
