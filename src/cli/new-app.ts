/**
 * `npm run balai -- new-app <code> [--name "Brand"]`: a new app's folder, `src/modules/<code>/`,
 * from the template beside this file (`app-template/`, placeholders `__CODE__` and the like). The
 * app works at once — a table under row-level security, a route with its schema, a portal page, a
 * console screen, a permission, words in both languages, demo data and a test of each kind — and
 * nothing outside its folder changes: the platform finds it there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULES_DIR } from '../platform/catalogue/module-folders.ts';
import { consoleMessages } from '../web/console/messages.ts';

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app-template');

/**
 * First path segments the portal and the console keep for themselves, and the platform's own
 * permission prefix: an app named so would hide them or be hidden.
 */
const RESERVED = new Set([
  'admin',
  'akun',
  'api',
  'assets',
  'atur-sandi',
  'daftar',
  'jaringan',
  'keluar',
  'konsol',
  'lupa-sandi',
  'luring',
  'masuk',
  'open311',
  'platform',
  'ruang-live',
]);

export class NewAppError extends Error {}

export type NewApp = Readonly<{ code: string; name: string; files: string[] }>;

/** Why `code` cannot name a new app, or undefined. */
export function codeProblem(code: string, modulesDir: string = MODULES_DIR): string | undefined {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(code) || code.length > 30) {
    return 'an app code is lower-case words joined by hyphens (at most 30 characters), e.g. job-fairs';
  }
  if (RESERVED.has(code)) return `"${code}" is a path the portal or the console keeps for itself`;
  if (existsSync(path.join(modulesDir, code))) return `src/modules/${code}/ exists already`;
  // The app's console words live under its code in camelCase, beside the shell's and the other apps'.
  const camel = camelOf(code);
  if (camel in consoleMessages.id) return `"${camel}" is a word group of the console's own`;
  const other = readdirSync(modulesDir).find((d) => camelOf(d) === camel);
  if (other) return `"${code}" would share its console words with the app ${other}`;
  return undefined;
}

function camelOf(code: string): string {
  return code.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function titleOf(code: string): string {
  return code
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.tpl'))
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/**
 * The new app's first migration's `<yyyymmdd>_<nnnn>`: today's date, or after the newest migration
 * of the platform and every app if one is named later (migrations run in one order by name, and a
 * database refuses one that sorts before those it has applied).
 */
export function nextMigrationPrefix(modulesDir: string, today: Date): string {
  const root = path.resolve(modulesDir, '../..');
  const folders = [
    path.join(root, 'src', 'platform', 'db', 'migrations'),
    ...readdirSync(modulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(modulesDir, d.name, 'migrations')),
  ];
  const names = folders
    .flatMap((f) => (existsSync(f) ? readdirSync(f) : []))
    .filter((n) => /^\d{8}_\d{4}_/.test(n));
  const date = today.toISOString().slice(0, 10).replaceAll('-', '');
  const newest = names.sort().at(-1);
  if (!newest || newest.slice(0, 8) < date) return `${date}_0001`;
  return `${newest.slice(0, 8)}_${String(Number(newest.slice(9, 13)) + 1).padStart(4, '0')}`;
}

/** Lays the new files out as the project's formatter does (line lengths depend on the code). */
function formatFolder(dir: string) {
  const root = path.resolve(dir, '../../..');
  const biome = path.join(root, 'node_modules', '.bin', 'biome');
  if (!existsSync(biome)) return;
  execFileSync(biome, ['check', '--write', path.relative(root, dir)], { cwd: root, stdio: 'ignore' });
}

/** Writes the new app's folder; returns what it wrote (paths relative to the project). */
export function generateApp(
  code: string,
  options: { name?: string; modulesDir?: string; today?: Date } = {},
): NewApp {
  const modulesDir = options.modulesDir ?? MODULES_DIR;
  const problem = codeProblem(code, modulesDir);
  if (problem) throw new NewAppError(problem);
  const name = (options.name ?? titleOf(code)).trim();
  if (!/^[\p{L}\p{N} .&()-]{1,60}$/u.test(name)) {
    throw new NewAppError('--name is a short brand name: letters, digits, spaces and . & ( ) - only');
  }
  const camel = camelOf(code);
  const values: Record<string, string> = {
    __CODE__: code,
    __NAME__: name,
    __CAMEL__: camel,
    __TABLE__: `${code.replaceAll('-', '_')}_items`,
    // The isolation suite gathers every app's ids in one namespace: B_<APP>ITEM never clashes.
    __ISOLATION_KEY__: `B_${code.replaceAll('-', '').toUpperCase()}ITEM`,
    __MIGRATION__: nextMigrationPrefix(modulesDir, options.today ?? new Date()),
    __DESCRIPTION_ID__: `Aplikasi ${name}`,
    __DESCRIPTION_EN__: `The ${name} app`,
  };
  const fill = (text: string) => text.replace(/__[A-Z]+(?:_[A-Z]+)*__/g, (key) => values[key] ?? key);
  const target = path.join(modulesDir, code);
  const files: string[] = [];
  for (const file of templateFiles(TEMPLATE)) {
    const out = path.join(target, fill(file).replace(/\.tpl$/, ''));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, fill(readFileSync(path.join(TEMPLATE, file), 'utf8')), { flag: 'wx' });
    files.push(path.relative(path.resolve(modulesDir, '../..'), out));
  }
  formatFolder(target);
  return { code, name, files };
}
