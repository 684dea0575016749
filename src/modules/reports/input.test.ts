import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizePhone, normalizeTrackingNo, parseCoordinate } from './input.ts';

test('a phone number written in groups is the same number', () => {
  assert.equal(normalizePhone('0812-3456-7890'), '081234567890');
  assert.equal(normalizePhone('0812 3456 7890'), '081234567890');
  assert.equal(normalizePhone(' +62 812.3456.7890 '), '+6281234567890');
  assert.equal(normalizePhone('(021) 555-1234'), '0215551234');
  // Not a phone number: left as typed, for the schema to refuse.
  assert.equal(normalizePhone('0812-ABC'), '0812-ABC');
  assert.equal(normalizePhone('0812+3456'), '0812+3456');
});

test('a coordinate may have a decimal comma', () => {
  assert.equal(parseCoordinate('106,63'), 106.63);
  assert.equal(parseCoordinate('-6,1783'), -6.1783);
  assert.equal(parseCoordinate(' -6.1783 '), -6.1783);
  assert.equal(parseCoordinate('106'), 106);
  assert.equal(parseCoordinate('+.5'), 0.5);
  for (const bad of ['106,6,3', '1e5', '12°', '1.000,5', 'abc', '', '-', ',5', 'Infinity', '0x10']) {
    assert.equal(parseCoordinate(bad), undefined, bad);
  }
});

test('a tracking number is found in lower case, with spaces or without its dash', () => {
  assert.equal(normalizeTrackingNo('261123-ab3cd'), '261123-AB3CD');
  assert.equal(normalizeTrackingNo(' 261123 - AB3CD '), '261123-AB3CD');
  assert.equal(normalizeTrackingNo('261 123 AB3 CD'), '261123-AB3CD');
  assert.equal(normalizeTrackingNo('261123–AB3CD'), '261123-AB3CD');
  assert.equal(normalizeTrackingNo('26112-AB3CD'), '26112-AB3CD');
  assert.equal(normalizeTrackingNo('hello'), 'HELLO');
});
