/**
 * The installed apps' contributions to the cross-app suites: each app folder may hold
 * `test/<name>.ts`, default-exporting the fixture a suite defines (test/support/isolation.ts,
 * test/support/portal-pages.ts). Found by folder, as the apps themselves are.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODULES_DIR, moduleFolders } from '../../src/platform/catalogue/module-folders.ts';

/** The fixture `src/modules/<app>/test/<name>.ts` of each app folder that has one, by app code. */
export async function appFixtures<T>(name: string): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (const folder of moduleFolders()) {
    const file = path.join(MODULES_DIR, folder, 'test', `${name}.ts`);
    if (!existsSync(file)) continue;
    const fixture = ((await import(pathToFileURL(file).href)) as { default?: T }).default;
    if (!fixture || typeof fixture !== 'object') {
      throw new Error(`src/modules/${folder}/test/${name}.ts must default-export its fixture`);
    }
    found.set(folder, fixture);
  }
  return found;
}
