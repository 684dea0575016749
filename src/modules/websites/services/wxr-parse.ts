/**
 * Reading a WordPress export (WXR: RSS 2.0 with the `wp:` namespace, from Tools › Export) into
 * plain records. Only the document is read here; what it means for a site is import-plan.ts's.
 *
 * Hostile XML: a WXR file never has a DOCTYPE, so any DOCTYPE is refused before parsing — no
 * entity of the file's own is ever defined, so no "billion laughs" expansion, and no external
 * entity (XXE) can be named. fast-xml-parser reads no file nor network in any case; with the
 * DOCTYPE gone it expands only XML's five predefined entities and character references.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type WxrAuthor = { login: string; email: string | null; displayName: string | null };
export type WxrTerm = {
  kind: 'category' | 'tag';
  wpId: number | null;
  slug: string;
  name: string;
  parent: string | null;
};
export type WxrItem = {
  /** 1-based position in the file, for problems about items without a usable id. */
  position: number;
  id: number | null;
  title: string;
  link: string | null;
  creator: string | null;
  content: string;
  excerpt: string;
  postType: string;
  status: string;
  name: string;
  parent: number;
  menuOrder: number;
  /** `YYYY-MM-DD HH:MM:SS` in UTC, or null when WordPress left it zero. */
  dateGmt: string | null;
  /** `YYYY-MM-DD HH:MM:SS` in the old site's zone. */
  date: string | null;
  attachmentUrl: string | null;
  terms: { domain: string; slug: string; name: string }[];
  meta: Map<string, string>;
};
export type Wxr = {
  title: string;
  /** The old site's address, e.g. `https://dinkes.example.go.id`. */
  link: string | null;
  authors: WxrAuthor[];
  terms: WxrTerm[];
  items: WxrItem[];
};

/** Why a document is not read at all (fatal). */
export class WxrError extends Error {
  readonly reason: 'doctype' | 'invalid_xml' | 'not_wxr';
  readonly line: number | null;
  constructor(reason: WxrError['reason'], message: string, line: number | null = null) {
    super(message);
    this.name = 'WxrError';
    this.reason = reason;
    this.line = line;
  }
}

const LISTS = new Set([
  'rss.channel.item',
  'rss.channel.wp:author',
  'rss.channel.wp:category',
  'rss.channel.wp:tag',
  'rss.channel.wp:term',
  'rss.channel.item.category',
  'rss.channel.item.wp:postmeta',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: false,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jpath) => LISTS.has(String(jpath)),
});

type Node = Record<string, unknown>;

/** A node's text: a string, a CDATA-merged string, or `#text` beside attributes. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && '#text' in (value as Node)) return text((value as Node)['#text']);
  return '';
}
const trimmed = (value: unknown) => text(value).trim();
const orNull = (value: string) => (value === '' ? null : value);
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : []);

function integer(value: unknown): number | null {
  const s = trimmed(value);
  return /^\d{1,15}$/.test(s) ? Number(s) : null;
}

function stamp(value: unknown): string | null {
  const s = trimmed(value);
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(s) && !s.startsWith('0000') ? s : null;
}

/** The line of a character offset, for problems about the document. */
function lineOf(xml: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < xml.length; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}

/** Reads a WXR document; throws {@link WxrError} when it cannot be read as one. */
export function parseWxr(xml: string): Wxr {
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype)
    throw new WxrError('doctype', 'a DOCTYPE (entities) is not allowed', lineOf(xml, doctype.index));
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) throw new WxrError('invalid_xml', valid.err.msg, valid.err.line);
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw new WxrError('invalid_xml', (error as Error).message);
  }
  const channel = (root.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || typeof channel !== 'object' || !('wp:wxr_version' in channel)) {
    throw new WxrError('not_wxr', 'no rss channel with wp:wxr_version');
  }
  const authors = list(channel['wp:author']).map((a) => ({
    login: trimmed(a['wp:author_login']),
    email: orNull(trimmed(a['wp:author_email']).toLowerCase()),
    displayName: orNull(trimmed(a['wp:author_display_name'])),
  }));
  const terms: WxrTerm[] = [
    ...list(channel['wp:category']).map((c) => ({
      kind: 'category' as const,
      wpId: integer(c['wp:term_id']),
      slug: trimmed(c['wp:category_nicename']),
      name: trimmed(c['wp:cat_name']),
      parent: orNull(trimmed(c['wp:category_parent'])),
    })),
    ...list(channel['wp:tag']).map((c) => ({
      kind: 'tag' as const,
      wpId: integer(c['wp:term_id']),
      slug: trimmed(c['wp:tag_slug']),
      name: trimmed(c['wp:tag_name']),
      parent: null,
    })),
    // WXR 1.2 may also list them as generic terms.
    ...list(channel['wp:term'])
      .filter((c) => ['category', 'post_tag'].includes(trimmed(c['wp:term_taxonomy'])))
      .map((c) => ({
        kind: trimmed(c['wp:term_taxonomy']) === 'category' ? ('category' as const) : ('tag' as const),
        wpId: integer(c['wp:term_id']),
        slug: trimmed(c['wp:term_slug']),
        name: trimmed(c['wp:term_name']),
        parent: orNull(trimmed(c['wp:term_parent'])),
      })),
  ];
  const items = list(channel.item).map((item, index): WxrItem => {
    const meta = new Map<string, string>();
    for (const m of list(item['wp:postmeta'])) meta.set(trimmed(m['wp:meta_key']), text(m['wp:meta_value']));
    return {
      position: index + 1,
      id: integer(item['wp:post_id']),
      title: trimmed(item.title),
      link: orNull(trimmed(item.link)),
      creator: orNull(trimmed(item['dc:creator'])),
      content: text(item['content:encoded']),
      excerpt: text(item['excerpt:encoded']).trim(),
      postType: trimmed(item['wp:post_type']),
      status: trimmed(item['wp:status']),
      name: trimmed(item['wp:post_name']),
      parent: integer(item['wp:post_parent']) ?? 0,
      menuOrder: integer(item['wp:menu_order']) ?? 0,
      dateGmt: stamp(item['wp:post_date_gmt']),
      date: stamp(item['wp:post_date']),
      attachmentUrl: orNull(trimmed(item['wp:attachment_url'])),
      terms: list(item.category).map((c) => ({
        domain: text(c['@_domain']),
        slug: text(c['@_nicename']),
        name: trimmed(c),
      })),
      meta,
    };
  });
  return { title: trimmed(channel.title), link: orNull(trimmed(channel.link)), authors, terms, items };
}
