import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MODULES_DIR } from '../platform/catalogue/module-folders.ts';
import { codeProblem, nextMigrationPrefix } from './new-app.ts';

describe('new-app', () => {
  test('the first migration sorts after every migration there is, or takes today’s date', () => {
    const prefix = nextMigrationPrefix(MODULES_DIR, new Date('2026-12-06T05:00:00Z'));
    assert.ok(`${prefix}_x` > '20261206_0002_reference_data_at_go_live', prefix);
    assert.equal(nextMigrationPrefix(MODULES_DIR, new Date('2027-01-10T05:00:00Z')), '20270110_0001');
  });

  test('a code that is malformed, reserved, taken or would share console words is refused', () => {
    assert.match(codeProblem('Bad_Code') ?? '', /lower-case words/);
    assert.match(codeProblem('admin') ?? '', /keeps for itself/);
    assert.match(codeProblem('reports') ?? '', /exists already/);
    assert.match(codeProblem('live') ?? '', /word group of the console/);
    assert.equal(codeProblem('job-fairs'), undefined);
  });
});
