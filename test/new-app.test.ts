/**
 * The generator, as a newcomer would use it: in a copy of this project, `npm run balai -- new-app`
 * makes a folder and changes nothing else; the project still type-checks, lints and keeps its
 * boundaries; the console builds with the new app; and the new app's own tests (unit, API with its
 * adoption and tenant isolation, console in Chromium) pass on the database this run uses, as do the
 * cross-app isolation and budget suites with its fixtures, and the API reference's (every operation
 * documented, with examples). So the template cannot rot.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DB_KIND } from './support/harness.ts';

const ROOT = path.resolve('.');
const CODE = 'ci-sample';

// A test runner started by this one would report to it rather than print: it gets an environment without the marker.
const { NODE_TEST_CONTEXT: _, ...ENV } = process.env;

function run(cwd: string, file: string, args: string[]): string {
  return execFileSync(file, args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe(`new-app in a clean copy of the project (${DB_KIND})`, () => {
  let copy: string;
  const node = (args: string[]) => run(copy, process.execPath, args);
  const git = (args: string[]) =>
    run(copy, 'git', ['-c', 'user.email=ci@balai.test', '-c', 'user.name=CI', ...args]);

  before(() => {
    copy = mkdtempSync(path.join(tmpdir(), 'balai-new-app-'));
    // The project's own files as git sees them (tracked, and new but not ignored).
    const files = run(ROOT, 'git', ['ls-files', '-co', '--exclude-standard', '-z'])
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      // A file deleted in the working tree but not yet in git is not part of the project any more.
      if (!existsSync(path.join(ROOT, file))) continue;
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(copy, file), { force: true, dereference: false });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    git(['init', '-q']);
    git(['add', '-A']);
    git(['commit', '-qm', 'the project as it is']);
  });
  after(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  test('makes the app’s folder and nothing else, and refuses a bad or taken code', () => {
    const out = node([
      '--import',
      './src/web/jsx.ts',
      'src/cli/main.ts',
      'new-app',
      CODE,
      '--name',
      'Contoh CI',
    ]);
    assert.match(out, /made the app Contoh CI \(ci-sample\)/);
    const status = git(['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean);
    assert.ok(status.length > 10, 'files were written');
    assert.deepEqual(
      status.filter((line) => !line.startsWith(`?? src/modules/${CODE}/`)),
      [],
    );
    for (const bad of [CODE, 'Bad_Code', 'admin']) {
      assert.throws(
        () => node(['--import', './src/web/jsx.ts', 'src/cli/main.ts', 'new-app', bad]),
        /new-app: /,
      );
    }
  });

  test('the project with the new app type-checks, lints and keeps its boundaries; the web build takes it in', (t) => {
    // The build is needed by the app's browser test below; the checks are the same on either
    // database, so the PostgreSQL pass leaves them to the embedded one (half a minute saved).
    node(['src/web/build.ts', '--force']);
    if (DB_KIND === 'postgres') return t.skip('type check, lint and boundaries: run on the embedded pass');
    node([path.join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit']);
    run(copy, path.join(copy, 'node_modules', '.bin', 'biome'), ['check', `src/modules/${CODE}`]);
    assert.match(node(['src/cli/boundaries.ts']), /every app keeps to its folder/);
  });

  test('the new app’s own tests pass, and the isolation, budget and API reference suites take it in', () => {
    const out = node([
      '--import',
      './src/web/jsx.ts',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      `src/modules/${CODE}/**/*.test.ts`,
      'test/isolation.test.ts',
      'test/portal-budget.test.ts',
      'test/openapi.test.ts',
    ]);
    assert.match(out, /ℹ fail 0/);
    assert.match(out, /ℹ pass [1-9]/);
  });
});
