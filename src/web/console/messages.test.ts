import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import i18next from 'i18next';
import { consoleMessages } from './messages.ts';

type Tree = { [key: string]: string | Tree };

/** Every message as its dotted key and text. */
function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(
    ([k, v]): Array<[string, string]> =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`),
  );
}

describe('the console’s messages', () => {
  test('every message that says a count has its plural forms (one, other) in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const all = new Map(leaves(consoleMessages[lang] as unknown as Tree));
      for (const [key, text] of all) {
        if (!text.includes('{{count}}')) continue;
        const m = /^(.*)_(one|other)$/.exec(key);
        assert.ok(m, `${lang} ${key} counts but has no plural forms`);
        assert.ok(all.has(`${m[1]}_one`) && all.has(`${m[1]}_other`), `${lang} ${m[1]}: one and other`);
      }
    }
  });

  test('English says one value, two values; Indonesian has one form', async () => {
    const t = i18next.createInstance();
    await t.init({
      lng: 'en',
      resources: {
        id: { translation: consoleMessages.id },
        en: { translation: consoleMessages.en },
      },
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
