import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKey } from './client-address.ts';

test('an IPv4 client is its address; an IPv6 client is its /64', () => {
  assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
  assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
  assert.equal(clientKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
  assert.equal(clientKey('fe80::1:2:3:4'), 'fe80:0:0:0::/64');
  assert.equal(clientKey('unknown'), 'unknown');
});
