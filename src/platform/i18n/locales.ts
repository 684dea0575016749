/**
 * The locale each of the platform's languages writes numbers and dates in. A file of its own, with
 * no imports, so that the browser bundles (console) can use it without the server's i18n.
 */
export const LOCALES = { id: 'id-ID', en: 'en-GB' } as const;
export type LocaleLanguage = keyof typeof LOCALES;
