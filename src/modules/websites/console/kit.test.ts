import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instantOf, localOf, zoneOffset } from './kit.ts';

test("a wall-clock time in the tenant's zone round-trips through an instant", () => {
  assert.equal(zoneOffset('Asia/Makassar'), '+08:00');
  assert.equal(instantOf('2026-12-10T09:30', 'Asia/Jakarta'), '2026-12-10T02:30:00.000Z');
  assert.equal(instantOf('2026-12-10T09:30', 'Asia/Jayapura'), '2026-12-10T00:30:00.000Z');
  assert.equal(localOf('2026-12-10T02:30:00.000Z', 'Asia/Jakarta'), '2026-12-10T09:30');
  assert.equal(localOf('2026-12-31T20:00:00.000Z', 'Asia/Jayapura'), '2027-01-01T05:00');
  assert.equal(instantOf('', 'Asia/Jakarta'), undefined);
  assert.equal(localOf(null, 'Asia/Jakarta'), '');
});
