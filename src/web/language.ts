/** The visitor's language on Balai's pages, and escaping for text put into markup by hand. */
import type { FastifyRequest } from 'fastify';
import type { Language } from '../platform/db/schema.ts';

/** The cookie that keeps a visitor's language choice. */
export const LANG_COOKIE = 'balai_lang';

/** `?lang=` first, then the remembered choice, then what the request's headers and tenant say. */
export function languageOf(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  if (query?.lang === 'id' || query?.lang === 'en') return query.lang;
  const cookie = request.cookies?.[LANG_COOKIE];
  if (cookie === 'id' || cookie === 'en') return cookie;
  return request.lang;
}

/** Text safe inside HTML, XML or SVG markup (element content or a quoted attribute). */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
