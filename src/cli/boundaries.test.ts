import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { checkBoundaries, ruleFor } from './boundaries.ts';

const FIXTURE = path.resolve('test/fixtures/boundaries');

describe('app boundaries', () => {
  test('a deep import of the kernel, an import of another app and an app imported by the shell fail', () => {
    const found = checkBoundaries(FIXTURE).map((v) => `${v.file} ${v.specifier}`);
    assert.deepEqual(found.sort(), [
      'src/modules/bad/index.ts ../../platform/db/tenant-scope.ts',
      'src/modules/bad/index.ts ../../web/portal/kit.tsx',
      'src/modules/bad/index.ts ../good/permissions.ts',
      'src/web/shell.ts ../modules/good/permissions.ts',
    ]);
  });

  test('the SDK, the app’s own files and, for tests, the harness are allowed', () => {
    assert.equal(ruleFor('src/modules/a/services/x.ts', 'src/platform/sdk/index.ts'), undefined);
    assert.equal(ruleFor('src/modules/a/services/x.ts', 'src/modules/a/repo/y.ts'), undefined);
    assert.equal(ruleFor('src/modules/a/test/api.test.ts', 'test/support/harness.ts'), undefined);
    assert.match(ruleFor('src/modules/a/services/x.ts', 'test/support/harness.ts') ?? '', /sdk/);
    assert.match(ruleFor('src/platform/boot.ts', 'src/modules/a/index.ts') ?? '', /never import/);
  });

  test('this project keeps its boundaries', () => {
    assert.deepEqual(checkBoundaries(path.resolve('.')), []);
  });
});
