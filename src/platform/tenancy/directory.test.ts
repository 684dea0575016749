import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/schema.ts';
import { TenantDirectory } from './directory.ts';

/** A database stand-in that counts the directory's loads and lets the test finish each one. */
function countingDb() {
  const loads: Array<() => void> = [];
  const db = {
    transaction: () => ({
      setAccessMode: () => ({
        execute: () =>
          new Promise((resolve) => {
            loads.push(() => resolve({ tenants: [], domains: [], aliases: [], live: [], areas: [] }));
          }),
      }),
    }),
  } as unknown as Kysely<PlatformTables>;
  return { db, loads };
}

test('a reload asked for during a load runs again afterwards, once for all who asked', async () => {
  const { db, loads } = countingDb();
  const directory = new TenantDirectory(db, 'balai.test');
  const first = directory.reload();
  const second = directory.reload();
  const third = directory.reload();
  assert.equal(second, third, 'callers during a load share the next one');
  assert.equal(loads.length, 1);
  loads[0]!();
  await first;
  await new Promise((r) => setImmediate(r));
  assert.equal(loads.length, 2, 'a second load started after the first');
  loads[1]!();
  await second;
  assert.equal(loads.length, 2);
});
