/**
 * Builds what the browser runs, with Vite (ADR 0014): the staff console and command centre (a
 * React single-page app, `src/web/console/`) and the portal's small enhancement scripts
 * (`src/web/portal/client/*.ts`, one bundle each). Output goes to `dist/web/`, with a manifest per
 * build that the server reads to name the hashed files. A build is skipped when no source changed
 * since the last one (a fingerprint of the sources' paths, sizes and times), so `npm start` and
 * `npm test` can run it every time.
 *
 *   npm run build            builds when something changed
 *   npm run build -- --force builds anyway
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig, type Plugin } from 'vite';
import { MODULES_DIR, moduleFolders } from '../platform/catalogue/module-folders.ts';
import { WEB_DIST } from './paths.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const CONSOLE_SRC = path.join(here, 'console');
const CLIENT_SRC = path.join(here, 'portal', 'client');
/** What each app brings to the browser: its console screens and its portal scripts. */
const moduleConsoles = () => moduleFolders().map((m) => path.join(MODULES_DIR, m, 'console'));
const moduleClients = () => moduleFolders().map((m) => path.join(MODULES_DIR, m, 'portal', 'client'));
const STAMP = path.join(WEB_DIST, '.fingerprint');
/** The project's files the last build read from outside the two folders (e.g. an app's messages). */
const INPUTS = path.join(WEB_DIST, '.inputs.json');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.endsWith('.test.ts'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

/** The script entries of one folder: every `.ts` file directly in it (not tests or declarations). */
function entriesIn(dir: string): [string, string][] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => [f.replace(/\.ts$/, ''), path.join(dir, f)]);
}

/**
 * The portal's script entries, named by file: the shell's (`web/portal/client/*.ts`) and each
 * app's (`modules/<app>/portal/client/*.ts`). Names are what pages ask for, so they must not clash.
 */
export function clientEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of [CLIENT_SRC, ...moduleClients()]) {
    for (const [name, file] of entriesIn(dir)) {
      if (entries[name]) {
        throw new Error(
          `two portal scripts are named '${name}': ${path.relative(root, entries[name])} and ${path.relative(root, file)}`,
        );
      }
      entries[name] = file;
    }
  }
  return entries;
}

function recordedInputs(): string[] {
  if (!existsSync(INPUTS)) return [];
  return (JSON.parse(readFileSync(INPUTS, 'utf8')) as string[]).map((f) => path.join(root, f));
}

function fingerprint(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(CONSOLE_SRC),
    ...filesUnder(CLIENT_SRC),
    ...moduleConsoles().flatMap(filesUnder),
    ...moduleClients().flatMap(filesUnder),
    ...recordedInputs(),
    path.join(root, 'package-lock.json'),
    fileURLToPath(import.meta.url),
  ];
  for (const file of inputs) {
    if (!existsSync(file)) {
      hash.update(`${path.relative(root, file)}\0gone\n`);
      continue;
    }
    const s = statSync(file);
    hash.update(`${path.relative(root, file)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function common(outDir: string, base: string): InlineConfig {
  return {
    configFile: false,
    logLevel: 'warn',
    base,
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      manifest: true,
      target: 'es2022',
      sourcemap: true,
      reportCompressedSize: false,
    },
  };
}

/**
 * Writes a Brotli and a gzip copy beside every script, style and page, which the server sends to
 * browsers that accept them: what a phone downloads is the compressed size.
 */
function compressAll() {
  for (const file of filesUnder(WEB_DIST)) {
    if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file) || file.includes(`${path.sep}.vite${path.sep}`))
      continue;
    const data = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
}

/** Builds the browser bundles unless they are up to date; returns whether it built. */
export async function buildWeb(options: { force?: boolean } = {}): Promise<boolean> {
  if (!options.force && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint()) return false;
  // Every project file a bundle reads outside its own folder, so that changing it rebuilds.
  const used = new Set<string>();
  const recordInputs: Plugin = {
    name: 'balai-record-inputs',
    generateBundle() {
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0] ?? id;
        const listed = [CONSOLE_SRC, CLIENT_SRC, ...moduleConsoles(), ...moduleClients()];
        if (file.startsWith(path.join(root, 'src')) && !listed.some((dir) => file.startsWith(dir)))
          used.add(path.relative(root, file));
      }
    },
  };
  const c = common(path.join(WEB_DIST, 'console'), '/assets/console/');
  await build({ ...c, root: CONSOLE_SRC, plugins: [react(), recordInputs] });
  const entries = clientEntries();
  if (Object.keys(entries).length > 0) {
    const p = common(path.join(WEB_DIST, 'portal'), '/assets/portal/');
    await build({
      ...p,
      root: CLIENT_SRC,
      // Leaflet's ES module build, so that what the portal's scripts do not use is left out.
      resolve: { alias: [{ find: /^leaflet$/, replacement: 'leaflet/dist/leaflet-src.esm.js' }] },
      build: { ...p.build, rollupOptions: { input: entries } },
      plugins: [recordInputs],
    });
  }
  compressAll();
  mkdirSync(WEB_DIST, { recursive: true });
  writeFileSync(INPUTS, JSON.stringify([...used].sort()));
  writeFileSync(STAMP, fingerprint());
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = await buildWeb({ force: process.argv.includes('--force') });
  const ms = Math.round(performance.now() - started);
  console.log(built ? `web: built dist/web in ${ms} ms` : 'web: dist/web is up to date');
}
