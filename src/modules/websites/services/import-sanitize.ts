/**
 * The sanitiser the import runs every body through. It is the content API's (`sanitizeBody` of
 * services/sanitize.ts) once that is merged; until then a strict allow-list of its own, so that
 * nothing imported is ever stored unsanitised.
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'caption',
    'hr',
    'pre',
    'code',
    'div',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    div: ['class'],
    th: ['scope'],
  },
  allowedClasses: { div: ['gallery'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: { h1: 'h2' },
};

/** The body as it may be stored. */
export function cleanBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
