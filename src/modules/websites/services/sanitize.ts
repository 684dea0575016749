/**
 * The one way a post's body becomes storable HTML. Every body written by the editor, an import or
 * the API passes through `sanitizeBody` before it reaches the database, so the public pages can
 * print it as it is. An allow-list, never a block-list: whatever is not named here is dropped.
 *
 * - Links keep http, https, mailto, tel and relative addresses; absolute web links get
 *   rel="noopener" because the site cannot tell its own host from a foreign one here.
 * - Images keep http(s) or relative sources; a missing alt becomes alt="" (decorative) so the page
 *   stays valid for screen readers.
 * - iframes survive only for the safe embeds (YouTube, always through youtube-nocookie, and Google
 *   Maps), with a title, and with sandbox/allow attributes chosen here, not by the author.
 * - `<div data-widget="app.id">` is a placeholder the site pages replace with another app's widget;
 *   its content is dropped, since the widget draws itself.
 */
import sanitizeHtml from 'sanitize-html';

export interface SanitizedBody {
  /** HTML safe to print as it is. */
  html: string;
  /** The words alone, whitespace collapsed: for search and summaries. */
  text: string;
}

const WIDGET_ID = /^[a-z0-9-]+\.[a-z0-9-]+$/;

const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-presentation';
const IFRAME_ALLOW = 'accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen';

/** Elements whose content is never text a reader should see (it is code, markup or a trap). */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'textarea',
  'option',
  'select',
  'xmp',
  'svg',
  'math',
  'object',
  'embed',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'iframe',
  'frame',
  'frameset',
  'title',
  'head',
  'plaintext',
];

/** The embed's address on the safe list, made canonical; undefined when it is not on the list. */
export function safeEmbedSrc(src: string | undefined): string | undefined {
  if (!src) return undefined;
  let url: URL;
  try {
    url = new URL(src.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return undefined;
  if (url.hostname === 'www.youtube.com' || url.hostname === 'www.youtube-nocookie.com') {
    if (!/^\/embed\/[A-Za-z0-9_-]{1,64}$/.test(url.pathname)) return undefined;
    url.hostname = 'www.youtube-nocookie.com';
    url.hash = '';
    return url.href;
  }
  if (url.hostname === 'www.google.com') {
    if (url.pathname !== '/maps/embed' || !url.search) return undefined;
    url.hash = '';
    return url.href;
  }
  return undefined;
}

/**
 * An address the browser might run or inline, written any way (entities are decoded by the parser
 * before this sees them; control characters and spaces that browsers skip are skipped here too).
 * Stricter than sanitize-html's own scheme check: the word anywhere in the address is refused.
 */
const RISKY_URL = /(javascript|vbscript|data|livescript):/;
const risky = (value: string): boolean =>
  RISKY_URL.test(
    [...value]
      .filter((c) => c.charCodeAt(0) > 32)
      .join('')
      .toLowerCase(),
  );
/** A link or source kept only when it is not risky and starts like an address. */
const url = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v && !risky(v) && /^([a-z][a-z0-9+.-]*:|[/#?.]|[\w%~-])/i.test(v) ? v : undefined;
};

const dimension = (value: string | undefined): string | undefined =>
  value && /^\d{1,4}$/.test(value.trim()) ? value.trim() : undefined;

const defined = (attribs: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(Object.entries(attribs).filter(([, v]) => v !== undefined)) as Record<string, string>;

// Every transform below keeps an allowed tag name: sanitize-html mishandles a tag transformed
// into a disallowed one (its closing name leaks onto the next sibling), so refusals happen in
// exclusiveFilter instead.
// allowedEmptyAttributes exists in sanitize-html 2.x but not yet in its type definitions.
const OPTIONS: sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] } = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'strong',
    'em',
    'u',
    's',
    'code',
    'pre',
    'a',
    'img',
    'figure',
    'figcaption',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'hr',
    'br',
    'iframe',
    'div',
  ],
  allowedAttributes: {
    div: ['data-widget'],
    a: ['href', 'rel'],
    img: ['src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    iframe: [
      'src',
      'title',
      'width',
      'height',
      'sandbox',
      'allow',
      'allowfullscreen',
      'loading',
      'referrerpolicy',
    ],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // A second gate behind transformTags: even a transformed iframe must point at these hosts.
  allowedIframeHostnames: ['www.youtube-nocookie.com', 'www.google.com'],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    a: (_tag, attribs) => {
      const href = url(attribs.href);
      const external = href !== undefined && /^https?:/i.test(href);
      return {
        tagName: 'a',
        attribs: defined({ href, rel: external ? 'noopener' : undefined }),
      };
    },
    img: (_tag, attribs) => ({
      tagName: 'img',
      attribs: defined({
        src: url(attribs.src),
        alt: attribs.alt ?? '',
        width: dimension(attribs.width),
        height: dimension(attribs.height),
        srcset: attribs.srcset && !risky(attribs.srcset) ? attribs.srcset : undefined,
        sizes: attribs.sizes,
        loading: attribs.loading === 'lazy' || attribs.loading === 'eager' ? attribs.loading : undefined,
      }),
    }),
    th: (_tag, attribs) => ({
      tagName: 'th',
      attribs: defined({
        scope: ['row', 'col', 'rowgroup', 'colgroup'].includes(attribs.scope ?? '')
          ? attribs.scope
          : undefined,
        colspan: dimension(attribs.colspan),
        rowspan: dimension(attribs.rowspan),
      }),
    }),
    td: (_tag, attribs) => ({
      tagName: 'td',
      attribs: defined({ colspan: dimension(attribs.colspan), rowspan: dimension(attribs.rowspan) }),
    }),
    iframe: (_tag, attribs) => {
      const src = safeEmbedSrc(attribs.src);
      const title = attribs.title?.trim();
      if (!src || !title) return { tagName: 'iframe', attribs: {} };
      return {
        tagName: 'iframe',
        attribs: defined({
          src,
          title,
          width: dimension(attribs.width),
          height: dimension(attribs.height),
          sandbox: IFRAME_SANDBOX,
          allow: IFRAME_ALLOW,
          allowfullscreen: '',
          loading: 'lazy',
          referrerpolicy: 'strict-origin-when-cross-origin',
        }),
      };
    },
    // A widget placeholder keeps its id only (its content is emptied afterwards); any other
    // div is unwrapped by exclusiveFilter, its content kept.
    div: (_tag, attribs) => {
      const id = attribs['data-widget']?.trim();
      const kept: Record<string, string> = id && WIDGET_ID.test(id) ? { 'data-widget': id } : {};
      return { tagName: 'div', attribs: kept };
    },
  },
  allowedEmptyAttributes: ['alt', 'allowfullscreen'],
  exclusiveFilter: (frame) => {
    // A foreign or untitled iframe goes with its content; so does an image whose source was refused.
    if (frame.tag === 'iframe') return !frame.attribs.src || !frame.attribs.title;
    if (frame.tag === 'img') return !frame.attribs.src;
    if (frame.tag === 'div') return frame.attribs['data-widget'] ? false : 'excludeTag';
    return false;
  },
};

/** Empties every widget placeholder of sanitised HTML, where divs are only placeholders. */
function emptyWidgets(html: string): string {
  let out = '';
  let at = 0;
  const open = /<div data-widget="([a-z0-9.-]+)">/g;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    out += `${html.slice(at, m.index)}<div data-widget="${m[1]}"></div>`;
    // Skip to the matching close, counting nested placeholders.
    const tags = /<(\/?)div\b[^>]*>/g;
    tags.lastIndex = m.index + m[0].length;
    let depth = 1;
    let end = html.length;
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[1] ? -1 : 1;
      if (depth === 0) {
        end = t.index + t[0].length;
        break;
      }
    }
    at = end;
    open.lastIndex = end;
  }
  return out + html.slice(at);
}

/** Tags that sit inside a word: removing them must not split it. */
const INLINE = new Set(['a', 'strong', 'em', 'u', 's', 'code']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The words of already-sanitised HTML (whose tags and entities are the few this module writes). */
export function textOf(html: string): string {
  return html
    .replace(/<\/?([a-z0-9-]+)[^>]*>/g, (_m, tag: string) => (INLINE.has(tag) ? '' : ' '))
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sanitizeBody(html: string): SanitizedBody {
  const clean = emptyWidgets(sanitizeHtml(html, OPTIONS)).trim();
  return { html: clean, text: textOf(clean) };
}
