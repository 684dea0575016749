import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from './unavailable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

test('a lost, refused or stuck database is told apart from a wrong statement', () => {
  assert.ok(isDatabaseUnavailable(withCode('terminating connection due to administrator command', '57P01')));
  assert.ok(isDatabaseUnavailable(withCode('the database system is starting up', '57P03')));
  assert.ok(isDatabaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')));
  assert.ok(isDatabaseUnavailable(new AggregateError([withCode('refused', 'ECONNREFUSED')], '')));
  assert.ok(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')));
  assert.ok(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')));
  assert.ok(isDatabaseUnavailable(new Error('Query read timeout')));
  // Mistakes and other services are not the database going away.
  assert.equal(isDatabaseUnavailable(withCode('duplicate key value', '23505')), false);
  assert.equal(isDatabaseUnavailable(withCode('syntax error', '42601')), false);
  assert.equal(
    isDatabaseUnavailable(new TypeError('fetch failed', { cause: withCode('refused', 'ECONNREFUSED') })),
    false,
  );
  assert.equal(isDatabaseUnavailable('57P01'), false);
});
