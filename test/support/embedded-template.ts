/**
 * A migrated embedded database kept on disk between suites: creating a PGlite cluster and running
 * every migration takes 2–3 s, starting from a dump of one ~0.3 s, and a run starts a database per
 * suite. The dump is named by a hash of the server's source files, PGlite's version and the apps
 * given, so a changed migration (or anything it uses) or another set of apps makes a new one;
 * other dumps not written for a day are removed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AppManifest } from '../../src/platform/catalogue/manifest.ts';
import type { Database } from '../../src/platform/db/database.ts';

const DIR = path.join(tmpdir(), 'balai-test-databases');
const ROOT = path.resolve(import.meta.dirname, '../..');
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The files a migrated database depends on: every server-side source file (the migrations and
 * what they import — row-level security, national reference data, an app's repositories), but not
 * tests, the console or the portal's pages. Any change makes a new dump: one suite pays 2–3 s.
 */
function schemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...schemaFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}
const SKIPPED_DIRS = new Set(['node_modules', 'test', 'console', 'portal', 'web']);
const PGLITE_VERSION = (
  JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  }
).version;

function templatePath(modules: readonly AppManifest[]): string {
  const hash = createHash('sha256').update(PGLITE_VERSION).update('\0');
  for (const file of schemaFiles(path.join(ROOT, 'src')).sort()) {
    hash.update(path.relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  // The apps' migrations are the ones run, not their codes: a test's stand-in for an app has none.
  hash.update(modules.map((m) => `${m.code}:${m.migrationsDir ?? ''}`).join(','));
  return path.join(DIR, `${hash.digest('hex').slice(0, 24)}.tar`);
}

/** The dump for these apps' migrations, if one was made. */
export function readTemplate(modules: readonly AppManifest[]): { file: string; snapshot?: Blob } {
  const file = templatePath(modules);
  try {
    return { file, snapshot: new Blob([readFileSync(file)]) };
  } catch {
    return { file };
  }
}

/** Keeps a freshly migrated database's dump for the next suites (written whole, then renamed). */
export async function writeTemplate(file: string, database: Database): Promise<void> {
  if (!database.dump) return;
  const bytes = Buffer.from(await (await database.dump()).arrayBuffer());
  mkdirSync(DIR, { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  for (const name of readdirSync(DIR)) {
    const other = path.join(DIR, name);
    if (other !== file && Date.now() - statSync(other).mtimeMs > DAY_MS) rmSync(other, { force: true });
  }
}
