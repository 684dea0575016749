/**
 * Translation for the caller's language: Bahasa Indonesia first, English second, through i18next.
 */
import i18next, { type TFunction } from 'i18next';
import type { Language } from '../db/schema.ts';
import { en, id } from './messages.ts';

export const LANGUAGES: readonly Language[] = ['id', 'en'];

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: [...LANGUAGES],
  resources: { id: { translation: id }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** A translator bound to one language. */
export function translator(language: Language): TFunction {
  return i18n.getFixedT(language);
}

/** Adds a module's messages under its own namespace key (e.g. `reports`). */
export function addMessages(key: string, messages: { id: object; en: object }): void {
  i18n.addResourceBundle('id', 'translation', { [key]: messages.id }, true, true);
  i18n.addResourceBundle('en', 'translation', { [key]: messages.en }, true, true);
}

/**
 * Picks the caller's language: an explicit `lang` choice, then the Accept-Language header (in its
 * order of preference), then the tenant's default, then Indonesian.
 */
export function pickLanguage(
  explicit: string | undefined,
  acceptLanguage: string | undefined,
  fallback: Language = 'id',
): Language {
  if (explicit === 'id' || explicit === 'en') return explicit;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    for (const { lang } of ranked) if (lang === 'id' || lang === 'en') return lang;
  }
  return fallback;
}
