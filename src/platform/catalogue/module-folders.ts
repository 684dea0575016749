/**
 * Where the installed apps are: one folder each under `src/modules/`, holding an `index.ts`. Kept
 * apart from loading the apps, so that the web build can find their browser code without
 * importing their server code.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the app folders. */
export const MODULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../modules');

/** The names of the app folders under `dir` that hold an `index.ts`, sorted. */
export function moduleFolders(dir: string = MODULES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}
