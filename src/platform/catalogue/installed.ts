/**
 * The apps installed in this build, found rather than listed: every folder `src/modules/<code>/`
 * whose `index.ts` default-exports an `AppManifest` whose `code` is the folder's name. Adding an app
 * is adding its folder; removing the folder removes it. Discovery runs once, when this module loads.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppManifest } from './manifest.ts';
import { MODULES_DIR, moduleFolders } from './module-folders.ts';

/** Loads the manifest of each app folder under `dir`; a folder that breaks the convention fails loudly. */
export async function discoverModules(dir: string = MODULES_DIR): Promise<AppManifest[]> {
  const found: AppManifest[] = [];
  for (const folder of moduleFolders(dir)) {
    const file = path.join(dir, folder, 'index.ts');
    const exported = (await import(pathToFileURL(file).href)) as { default?: AppManifest };
    const manifest = exported.default;
    if (!manifest || typeof manifest !== 'object' || typeof manifest.code !== 'string') {
      throw new Error(`${path.relative(process.cwd(), file)} must default-export the app's manifest`);
    }
    if (manifest.code !== folder) {
      throw new Error(
        `the app in src/modules/${folder}/ declares code '${manifest.code}': name its folder so`,
      );
    }
    found.push(manifest);
  }
  return found;
}

/** The installed apps, in folder order. */
export const MODULES: readonly AppManifest[] = await discoverModules();
