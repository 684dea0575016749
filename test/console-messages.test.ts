/**
 * The console's words as the browser gets them: the shell's merged with every installed app's
 * (found from the app folders, as the console's build finds them). No key is defined twice, both
 * languages have the same keys, counts have their plural forms, and every key a screen names
 * literally exists.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import i18next from 'i18next';
import { MODULES_DIR, moduleFolders } from '../src/platform/catalogue/module-folders.ts';
import { type ConsoleApp, mergeMessages } from '../src/web/console/apps.ts';
import { consoleMessagesWith } from '../src/web/console/messages.ts';

type Tree = { [key: string]: string | Tree };

const apps: ConsoleApp[] = [];
for (const folder of moduleFolders()) {
  const file = path.join(MODULES_DIR, folder, 'console', 'index.ts');
  try {
    apps.push(((await import(pathToFileURL(file).href)) as { default: ConsoleApp }).default);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
}
const messages = consoleMessagesWith(apps);

/** Every message as its dotted key and text. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(
    ([k, v]): Array<[string, string]> =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );
}

/** The console's source files: the shell's and each app's `console/` folder. */
function consoleSources(): string[] {
  const dirs = [
    path.resolve('src/web/console'),
    ...moduleFolders().map((m) => path.join(MODULES_DIR, m, 'console')),
  ];
  return dirs.flatMap((dir) => {
    try {
      return readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !d.name.endsWith('.test.ts'))
        .map((d) => path.join(d.parentPath, d.name));
    } catch {
      return [];
    }
  });
}

describe('the console’s messages', () => {
  test('a key two apps (or an app and the shell) define is refused, naming it', () => {
    assert.throws(
      () => mergeMessages({ nav: { label: 'Menu' } }, [{ nav: { label: 'Lain' } }]),
      /'nav\.label' is defined twice/,
    );
    assert.throws(() => mergeMessages({ live: { title: 'A' } }, [{ live: 'B' }]), /'live' is defined twice/);
    assert.deepEqual(mergeMessages({ nav: { label: 'Menu' } }, [{ nav: { work: 'Tugas' } }]), {
      nav: { label: 'Menu', work: 'Tugas' },
    });
  });

  test('the installed apps bring their words, and both languages have the same keys', () => {
    assert.ok(apps.length >= 2, 'the apps with a console were found');
    const id = leaves(messages.id as Tree).map(([k]) => k);
    const en = new Set(leaves(messages.en as Tree).map(([k]) => k));
    assert.deepEqual(
      id.filter((k) => !en.has(k)),
      [],
    );
    assert.equal(id.length, en.size);
  });

  test('every message that says a count has its plural forms (one, other) in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const all = new Map(leaves(messages[lang] as Tree));
      for (const [key, text] of all) {
        if (!text.includes('{{count}}')) continue;
        const m = /^(.*)_(one|other)$/.exec(key);
        assert.ok(m, `${lang} ${key} counts but has no plural forms`);
        assert.ok(all.has(`${m[1]}_one`) && all.has(`${m[1]}_other`), `${lang} ${m[1]}: one and other`);
      }
    }
  });

  test('every key a console screen names literally exists', () => {
    const keys = new Set(leaves(messages.id as Tree).map(([k]) => k.replace(/_(one|other)$/, '')));
    const missing: string[] = [];
    for (const file of consoleSources()) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z][\w.]*)'/g)) {
        if (!keys.has(m[1]!)) missing.push(`${path.relative('.', file)}: ${m[1]}`);
      }
      for (const m of readFileSync(file, 'utf8').matchAll(/\blabel: '([a-zA-Z][\w.]*)'/g)) {
        if (!keys.has(m[1]!)) missing.push(`${path.relative('.', file)}: ${m[1]}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  test('English says one value, two values; Indonesian has one form', async () => {
    const t = i18next.createInstance();
    await t.init({
      lng: 'en',
      resources: { id: { translation: messages.id }, en: { translation: messages.en } },
      interpolation: { escapeValue: false },
      initAsync: false,
    });
    assert.match(t.t('prices.entry.refused', { count: 1 }), /: 1 value refused\. Fix the marked value /);
    assert.match(t.t('prices.entry.refused', { count: 2 }), /: 2 values refused\./);
    assert.equal(t.t('prices.entry.count', { filled: 1, count: 1 }), '1 of 1 commodity entered');
    assert.equal(t.t('prices.entry.count', { filled: 3, count: 25 }), '3 of 25 commodities entered');
    assert.equal(t.t('count', { count: 1 }), '1 report');
    assert.equal(t.t('prices.entry.saved', { count: 1 }), '1 commodity saved as a draft.');
    await t.changeLanguage('id');
    assert.match(t.t('prices.entry.refused', { count: 1 }), /: 1 isian ditolak\./);
    assert.equal(t.t('count', { count: 1 }), '1 laporan');
  });
});
