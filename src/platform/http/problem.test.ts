/** Database refusals that mean bad input map to 4xx problems: a safety net behind the edge checks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toAppError } from './problem.ts';

test('PostgreSQL’s bad-input codes are the caller’s mistake, anything else stays internal', () => {
  for (const code of [
    '22021',
    '22P05',
    '22003',
    '22001',
    '22025',
    '2201B',
    '54000',
    '54001',
    '22P02',
    '22007',
  ]) {
    assert.equal(toAppError(Object.assign(new Error('db'), { code })).status, 400, code);
  }
  assert.equal(toAppError(Object.assign(new Error('db'), { code: '23505' })).status, 409);
  assert.equal(toAppError(Object.assign(new Error('db'), { code: 'XX000' })).code, 'internal');
  assert.equal(toAppError(new Error('boom')).code, 'internal');
});
