/**
 * The apps' boundaries, checked by `npm run check`: an app (`src/modules/<app>/`) reaches the
 * kernel only through its declared surface (`src/platform/sdk/`), never another app; its tests may
 * also use the test harness (`test/support/`). The kernel and the web shell never import an app:
 * they find apps by their folders. A break is listed with its file and import, and fails the check.
 *
 *   node src/cli/boundaries.ts [root]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type Violation = Readonly<{ file: string; specifier: string; reason: string }>;

const SOURCE = /\.(ts|tsx)$/;

function sourcesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && SOURCE.test(d.name))
      .map((d) => path.join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

/** The relative module specifiers a file imports, statically or with `import()`. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName).filter((s) => s.startsWith('.'));
}

const isTest = (rel: string) => rel.endsWith('.test.ts') || rel.includes('/test/');

/** What is wrong with one import of the file `rel` (both paths relative to the root, with `/`). */
export function ruleFor(rel: string, target: string): string | undefined {
  const app = /^src\/modules\/([^/]+)\//.exec(rel)?.[1];
  const targetApp = /^src\/modules\/([^/]+)(\/|$)/.exec(target)?.[1];
  if (app) {
    if (targetApp === app) return undefined;
    if (targetApp)
      return `an app does not import another app (${targetApp}): meet through events or the kernel`;
    if (target.startsWith('src/platform/sdk/')) return undefined;
    if (isTest(rel) && target.startsWith('test/support/')) return undefined;
    return 'an app imports the kernel only through src/platform/sdk/';
  }
  if ((rel.startsWith('src/platform/') || rel.startsWith('src/web/')) && targetApp) {
    return 'the kernel and the web shell find apps by their folders, never import one';
  }
  return undefined;
}

/** Every import across a boundary in the project at `root`. */
export function checkBoundaries(root: string): Violation[] {
  const found: Violation[] = [];
  for (const file of [...sourcesUnder(path.join(root, 'src'))]) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const specifier of importsOf(file)) {
      const target = path
        .relative(root, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join('/');
      const reason = ruleFor(rel, target);
      if (reason) found.push({ file: rel, specifier, reason });
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? '.');
  const violations = checkBoundaries(root);
  for (const v of violations) console.error(`${v.file}: import '${v.specifier}': ${v.reason}`);
  if (violations.length) {
    console.error(
      `boundaries: ${violations.length} import(s) cross an app's boundary (see docs/adding-an-app.md)`,
    );
    process.exit(1);
  }
  console.log('boundaries: every app keeps to its folder and the SDK');
}
