import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localReadable, parseW3, w3DateTime } from './views.ts';

test('W3C date-times carry the tenant’s offset: WIB, WITA, WIT', () => {
  const at = new Date('2026-11-23T03:15:00.789Z');
  assert.equal(w3DateTime(at, 'Asia/Jakarta'), '2026-11-23T10:15:00+07:00');
  assert.equal(w3DateTime(at, 'Asia/Makassar'), '2026-11-23T11:15:00+08:00');
  assert.equal(w3DateTime(at, 'Asia/Jayapura'), '2026-11-23T12:15:00+09:00');
  assert.equal(w3DateTime('2026-12-31T20:00:00Z', 'Asia/Jayapura'), '2027-01-01T05:00:00+09:00');
  assert.equal(w3DateTime(at, 'UTC'), '2026-11-23T03:15:00Z');
  assert.equal(localReadable(at, 'Asia/Makassar'), '2026-11-23 11:15 WITA');
});

test('W3C dates are read with or without an offset; impossible ones are refused', () => {
  const jkt = 'Asia/Jakarta';
  assert.equal(parseW3('2010-01-01T00:00:00Z', jkt)?.toISOString(), '2010-01-01T00:00:00.000Z');
  assert.equal(parseW3('1994-11-05T08:15:30-05:00', jkt)?.toISOString(), '1994-11-05T13:15:30.000Z');
  assert.equal(parseW3('2026-11-23T10:15:00+07:00', jkt)?.toISOString(), '2026-11-23T03:15:00.000Z');
  assert.equal(parseW3('2026-11-23T10:15:00.5Z', jkt)?.toISOString(), '2026-11-23T10:15:00.500Z');
  // Without an offset: the tenant's local time; a date alone: its local midnight.
  assert.equal(parseW3('2026-11-23T10:15', jkt)?.toISOString(), '2026-11-23T03:15:00.000Z');
  assert.equal(parseW3('2026-11-23', 'Asia/Jayapura')?.toISOString(), '2026-11-22T15:00:00.000Z');
  for (const bad of [
    '',
    'kemarin',
    '2026-02-30',
    '2026-13-01T00:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T10:60:00Z',
    '2026-11-23T10:15:00+07',
    '2026-11-23T10:15:00+15:00',
    '2026-11-23 10:15:00Z',
    '23-11-2026',
  ]) {
    assert.equal(parseW3(bad, jkt), null, bad);
  }
});
