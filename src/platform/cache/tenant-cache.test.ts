import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('entries expire after the TTL and the size stays bounded', async () => {
  const cache = new TenantCache({ ttlMs: 1, maxEntries: 2 });
  await cache.get('t', 'g', 'a', async () => 1);
  await new Promise((r) => setTimeout(r, 5));
  assert.equal(await cache.get('t', 'g', 'a', async () => 2), 2);
  const big = new TenantCache({ maxEntries: 2 });
  for (const k of ['a', 'b', 'c']) await big.get('t', 'g', k, async () => k);
  let reloaded = false;
  await big.get('t', 'g', 'a', async () => {
    reloaded = true;
    return 'a';
  });
  assert.equal(reloaded, true, 'the oldest entry was evicted');
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
