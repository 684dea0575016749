/**
 * What a WordPress export becomes in a site, worked out before anything is written: the rows of
 * posts, revisions, terms, media and redirects, the site's menu, and every problem met on the way
 * with where it was (the item's WordPress id and title). Nothing here touches the database; the
 * files of attachments are stored through the `storeFile` callback (the caller removes them if
 * the import is then refused or rolled back).
 *
 * Choices (docs/apps/websites/import.md): posts → news, pages → pages; publish → published,
 * draft/pending → draft, future → scheduled, private → draft (with a warning); items already
 * imported into the site (same WordPress id) are skipped, so a second import of the same file
 * adds nothing; a slug already taken is renamed with a `-2` suffix and listed.
 */
import {
  ImageRejectedError,
  inspectUpload,
  localInstant,
  newId,
  normalizeImage,
} from '../../../platform/sdk/index.ts';
import type {
  MenuEntry,
  PostImage,
  PostKind,
  PpidClass,
  Publication,
  ReviewState,
  Variant,
} from '../tables.ts';
import { buildMenu } from './import-menu.ts';
import { newPath, normalizeOldPath, pathOfLink, slugify } from './legacy-paths.ts';
import { imageVariants } from './media-files.ts';
import { RESERVED_PAGE_SLUGS } from './public-site.ts';
import { sanitizeBody } from './sanitize.ts';
import { autop, convertShortcodes, rewriteUploads, textOf, uploadKey } from './wp-html.ts';
import type { Wxr, WxrItem } from './wxr-parse.ts';

export type ImportProblem = {
  level: 'fatal' | 'warning';
  code: string;
  wpId: number | null;
  title: string | null;
  detail?: string;
  /** The document's line, for problems of the XML itself. */
  line?: number;
};

/** What the site holds already, read before the plan is made. */
export type SiteState = {
  siteId: string;
  timeZone: string;
  /** Posts of the site that came from WordPress, by their WordPress id. */
  legacyPosts: Map<number, { id: string; kind: PostKind; slug: string; path: string }>;
  /** `kind:slug` of every post of the site. */
  takenSlugs: Set<string>;
  /** `kind:slug` → id of the site's categories and tags. */
  terms: Map<string, string>;
  /** Attachments imported before (their `/?attachment_id=` redirect), by WordPress id → media id. */
  legacyMedia: Map<number, string>;
  /** Staff of the tenant by lower-case email. */
  staffByEmail: Map<string, string>;
  menuIsEmpty: boolean;
};

/** The file of an uploads path (`2024/05/foto.jpg`) in the bundle, 'too_large', or null when absent. */
export type FileSource = (uploadsPath: string) => Buffer | 'too_large' | null;
export type StoreFile = (bytes: Uint8Array, ext: string, mime: string) => Promise<string>;

export type PostRow = {
  id: string;
  kind: PostKind;
  parent_id: string | null;
  slug: string;
  title: string;
  summary: string | null;
  body: string;
  body_text: string;
  image: PostImage | null;
  menu_order: number;
  status: Publication;
  review_state: ReviewState;
  published_revision: number | null;
  publish_at: Date | null;
  published_at: Date | null;
  author_id: string | null;
  author_name: string | null;
  legacy_id: number | null;
  created_at: Date;
  terms: string[];
  /** What the kind adds (agenda, document, gallery); none for what WordPress exports. */
  details?: Record<string, unknown>;
  ppid?: PpidClass | null;
};
export type MediaRow = {
  id: string;
  kind: 'image' | 'file';
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string | null;
  caption: string | null;
  variants: Variant[];
};
export type TermRow = { id: string; kind: 'category' | 'tag'; slug: string; name: string };
export type Plan = {
  posts: PostRow[];
  terms: TermRow[];
  media: MediaRow[];
  redirects: Map<string, string>;
  menu: MenuEntry[] | null;
  problems: ImportProblem[];
};

/** Caps of one import (413 above them; see the route). */
export const LIMITS = {
  items: 20_000,
  /** One attachment's file. */
  fileBytes: 25 * 1024 * 1024,
  body: 500_000,
};

const FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'application/zip',
  'application/x-cfb',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'audio/mpeg',
  'video/mp4',
];
const IMAGE_INPUT = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const EXT_OF: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const STATUS: Record<string, { status: Publication; review: ReviewState } | undefined> = {
  publish: { status: 'published', review: 'approved' },
  future: { status: 'scheduled', review: 'approved' },
  draft: { status: 'draft', review: 'draft' },
  pending: { status: 'draft', review: 'draft' },
  private: { status: 'draft', review: 'draft' },
};

/** The uploads path of an attachment's address (`…/wp-content/uploads/2024/05/a.jpg` → `2024/05/a.jpg`). */
export function uploadsPathOf(url: string | null): string | null {
  if (!url) return null;
  const m = /\/wp-content\/uploads\/(.+)$/.exec(url.split(/[?#]/)[0]!);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** The instant of an item: its GMT stamp, else its local stamp in the tenant's zone. */
function instantOf(item: WxrItem, timeZone: string): Date | null {
  if (item.dateGmt) return new Date(`${item.dateGmt.replace(' ', 'T')}Z`);
  if (item.date) {
    const [day, time] = item.date.split(' ') as [string, string];
    try {
      const at = localInstant(day, time.slice(0, 5), timeZone);
      return new Date(at.getTime() + Number(time.slice(6, 8)) * 1000);
    } catch {
      return null;
    }
  }
  return null;
}

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export async function planImport(
  wxr: Wxr,
  state: SiteState,
  files: FileSource | null,
  storeFile: StoreFile,
): Promise<Plan> {
  const problems: ImportProblem[] = [];
  const warn = (code: string, item: WxrItem | null, detail?: string) =>
    problems.push({
      level: 'warning',
      code,
      wpId: item?.id ?? null,
      title: item ? item.title || null : null,
      ...(detail !== undefined ? { detail } : {}),
    });
  const plan: Plan = { posts: [], terms: [], media: [], redirects: new Map(), menu: null, problems };
  const redirect = (from: string | null, to: string) => {
    if (from && from !== to && from !== '/' && !plan.redirects.has(from)) plan.redirects.set(from, to);
  };

  if (wxr.items.length > LIMITS.items) {
    problems.push({
      level: 'fatal',
      code: 'wxr_too_many_items',
      wpId: null,
      title: null,
      detail: String(LIMITS.items),
    });
    return plan;
  }

  // Items by kind; an item without an id, or with one seen before, is left out.
  const seen = new Set<number>();
  const byType = new Map<string, WxrItem[]>();
  const skippedTypes = new Map<string, number>();
  for (const item of wxr.items) {
    if (item.id === null || item.id === 0) {
      warn('wxr_item_without_id', item, `#${item.position}`);
      continue;
    }
    if (seen.has(item.id)) {
      warn('wxr_duplicate_id', item);
      continue;
    }
    seen.add(item.id);
    if (!['post', 'page', 'attachment', 'nav_menu_item'].includes(item.postType)) {
      skippedTypes.set(item.postType || '?', (skippedTypes.get(item.postType || '?') ?? 0) + 1);
      continue;
    }
    byType.set(item.postType, [...(byType.get(item.postType) ?? []), item]);
  }
  for (const [type, count] of skippedTypes) warn('wxr_unsupported_type', null, `${type} (${count})`);

  // Categories and tags: those declared, and those only named by items.
  const termIds = new Map(state.terms);
  const addTerm = (kind: 'category' | 'tag', rawSlug: string, rawName: string, item: WxrItem | null) => {
    const slug = slugify(rawSlug || rawName);
    if (!slug) {
      warn('wxr_term_without_slug', item, rawName);
      return null;
    }
    const key = `${kind}:${slug}`;
    const known = termIds.get(key);
    if (known) return known;
    const id = newId();
    termIds.set(key, id);
    plan.terms.push({ id, kind, slug, name: cut(rawName.trim() || slug, 120) });
    redirect(
      normalizeOldPath(`/${kind === 'category' ? 'category' : 'tag'}/${rawSlug || slug}`),
      kind === 'category' ? newPath.category(slug) : newPath.tag(slug),
    );
    return id;
  };
  const parentsOf = new Map(wxr.terms.filter((t) => t.kind === 'category').map((t) => [t.slug, t.parent]));
  for (const term of wxr.terms) {
    const id = addTerm(term.kind, term.slug, term.name, null);
    const slug = slugify(term.slug || term.name);
    if (id && term.kind === 'category' && term.wpId) redirect(`/?cat=${term.wpId}`, newPath.category(slug));
    if (id && term.kind === 'tag') redirect(`/?tag=${slug}`, newPath.tag(slug));
    if (id && term.kind === 'category' && term.parent) {
      // Nested categories live at /category/parent/child/ in WordPress; the site has one level.
      const chain = [term.slug];
      for (
        let p: string | null = term.parent, depth = 0;
        p && depth < 10;
        p = parentsOf.get(p) ?? null, depth++
      ) {
        chain.unshift(p);
      }
      redirect(normalizeOldPath(`/category/${chain.join('/')}`), newPath.category(slugify(term.slug)));
    }
  }

  // Attachments → media (their files from the bundle).
  const mediaByWpId = new Map<number, { id: string; alt: string; url: string }>(
    [...state.legacyMedia].map(([wpId, id]) => [wpId, { id, alt: '', url: newPath.media(id) }]),
  );
  const mediaByUpload = new Map<string, string>();
  for (const item of byType.get('attachment') ?? []) {
    const rel = uploadsPathOf(item.attachmentUrl);
    if (state.legacyMedia.has(item.id!)) {
      if (rel) mediaByUpload.set(uploadKey(rel), newPath.media(state.legacyMedia.get(item.id!)!));
      continue;
    }
    if (!rel) {
      warn('wxr_attachment_without_file', item);
      continue;
    }
    const bytes = files ? files(rel) : null;
    if (bytes === null) {
      warn('wxr_file_missing', item, rel);
      continue;
    }
    if (bytes === 'too_large') {
      warn('wxr_file_too_large', item, rel);
      continue;
    }
    const seenType = await inspectUpload(bytes, { maxBytes: LIMITS.fileBytes, allowed: FILE_TYPES });
    if (!seenType.ok) {
      warn(seenType.reason === 'too_large' ? 'wxr_file_too_large' : 'wxr_file_type_refused', item, rel);
      continue;
    }
    const fileName = cut(rel.split('/').pop()!, 255);
    const title = item.title || fileName;
    const alt = cut((item.meta.get('_wp_attachment_image_alt') ?? '').trim() || title, 500);
    const caption = item.excerpt ? cut(textOf(item.excerpt), 1000) : null;
    const id = newId();
    let row: MediaRow;
    if (IMAGE_INPUT.has(seenType.mime)) {
      try {
        const image = await normalizeImage(bytes);
        const key = await storeFile(image.bytes, EXT_OF[image.mime]!, image.mime);
        // The same responsive variants as an upload's, for the pages' srcset.
        const variants: Variant[] = [];
        for (const v of await imageVariants(image.bytes, image.width)) {
          const vkey = await storeFile(v.bytes, 'webp', 'image/webp');
          variants.push({ width: v.width, height: v.height, key: vkey, mime: 'image/webp' });
        }
        row = {
          id,
          kind: 'image',
          file_key: key,
          file_name: fileName,
          mime: image.mime,
          size: image.bytes.byteLength,
          width: image.width,
          height: image.height,
          alt,
          caption,
          variants,
        };
      } catch (error) {
        if (!(error instanceof ImageRejectedError)) throw error;
        warn('wxr_image_unreadable', item, rel);
        continue;
      }
    } else {
      const key = await storeFile(bytes, seenType.ext, seenType.mime);
      row = {
        id,
        kind: 'file',
        file_key: key,
        file_name: fileName,
        mime: seenType.mime,
        size: bytes.byteLength,
        width: null,
        height: null,
        alt: null,
        caption,
        variants: [],
      };
    }
    plan.media.push(row);
    const url = newPath.media(id);
    mediaByWpId.set(item.id!, { id, alt, url });
    mediaByUpload.set(uploadKey(rel), url);
    redirect(normalizeOldPath(`/wp-content/uploads/${rel}`), url);
    redirect(`/?attachment_id=${item.id}`, url);
    redirect(pathOfLink(item.link), url);
  }

  // Posts and pages.
  const authors = new Map(wxr.authors.map((a) => [a.login, a]));
  const taken = new Set([...state.takenSlugs, ...[...RESERVED_PAGE_SLUGS].map((s) => `page:${s}`)]);
  const planned = new Map<number, PostRow>();
  const already = new Map<number, number>();
  const entries: { item: WxrItem; row: PostRow }[] = [];
  for (const type of ['page', 'post'] as const) {
    for (const item of byType.get(type) ?? []) {
      const kind: PostKind = type === 'page' ? 'page' : 'news';
      const legacy = state.legacyPosts.get(item.id!);
      if (legacy) {
        already.set(item.id!, 1);
        continue;
      }
      const mapped = STATUS[item.status];
      if (!mapped) {
        warn('wxr_status_skipped', item, item.status || '?');
        continue;
      }
      if (item.status === 'private') warn('wxr_private_as_draft', item);
      if (item.content.length > LIMITS.body) {
        warn('wxr_body_too_large', item);
        continue;
      }
      let title = item.title;
      if (!title) {
        title = '(tanpa judul)';
        warn('wxr_untitled', item);
      } else if (title.length > 300) {
        title = cut(title, 300);
        warn('wxr_title_cut', item);
      }
      let slug =
        slugify(item.name) || slugify(item.title) || `${kind === 'page' ? 'halaman' : 'berita'}-${item.id}`;
      if (taken.has(`${kind}:${slug}`)) {
        let n = 2;
        while (taken.has(`${kind}:${slug.slice(0, 114)}-${n}`)) n++;
        const renamed = `${slug.slice(0, 114)}-${n}`;
        warn('wxr_slug_renamed', item, `${slug} → ${renamed}`);
        slug = renamed;
      }
      taken.add(`${kind}:${slug}`);
      const at = instantOf(item, state.timeZone);
      if (!at && mapped.status !== 'draft') warn('wxr_date_missing', item);
      const author = item.creator ? authors.get(item.creator) : undefined;
      const authorId = author?.email ? (state.staffByEmail.get(author.email) ?? null) : null;
      const terms: string[] = [];
      for (const t of item.terms) {
        if (t.domain !== 'category' && t.domain !== 'post_tag') continue;
        if (kind === 'page') continue;
        const id = addTerm(t.domain === 'category' ? 'category' : 'tag', t.slug, t.name, item);
        if (id && !terms.includes(id)) terms.push(id);
      }
      const row: PostRow = {
        id: newId(),
        kind,
        parent_id: null,
        slug,
        title,
        summary: item.excerpt ? cut(textOf(item.excerpt), 1000) || null : null,
        body: '',
        body_text: '',
        image: null,
        menu_order: Math.min(item.menuOrder, 10_000),
        status: mapped.status,
        review_state: mapped.review,
        published_revision: mapped.status === 'published' ? 1 : null,
        publish_at: mapped.status === 'scheduled' ? (at ?? new Date()) : null,
        published_at: mapped.status === 'published' ? (at ?? new Date()) : null,
        author_id: authorId,
        author_name: authorId ? null : cut(author?.displayName ?? item.creator ?? '', 200) || null,
        legacy_id: item.id!,
        created_at: at ?? new Date(),
        terms,
      };
      const thumb = Number(item.meta.get('_thumbnail_id') ?? '0');
      if (thumb > 0) {
        const media = mediaByWpId.get(thumb);
        if (media) row.image = { mediaId: media.id, alt: media.alt || title };
        else warn('wxr_featured_image_missing', item, String(thumb));
      }
      planned.set(item.id!, row);
      entries.push({ item, row });
    }
  }
  if (already.size > 0) warn('wxr_already_imported', null, String(already.size));

  // The pages' tree: a parent must be a page of the export or one imported before.
  const pageItems = new Map(entries.filter((e) => e.row.kind === 'page').map((e) => [e.item.id!, e]));
  for (const { item, row } of entries) {
    if (row.kind !== 'page' || item.parent === 0) continue;
    const parent = planned.get(item.parent) ?? null;
    const before = state.legacyPosts.get(item.parent);
    if (parent?.kind === 'page') row.parent_id = parent.id;
    else if (before?.kind === 'page') row.parent_id = before.id;
    else warn('wxr_unknown_parent', item, String(item.parent));
  }
  // A loop of parents (possible in a hand-edited file) is cut where it is found.
  const pathOf = new Map<string, string>();
  const pagePath = (row: PostRow, depth = 0): string => {
    const known = pathOf.get(row.id);
    if (known) return known;
    let path = row.slug;
    if (row.parent_id && depth < 20) {
      const parent = [...pageItems.values()].find((e) => e.row.id === row.parent_id)?.row;
      const before = [...state.legacyPosts.values()].find((p) => p.id === row.parent_id);
      if (parent) path = `${pagePath(parent, depth + 1)}/${row.slug}`;
      else if (before) path = `${before.path}/${row.slug}`;
    } else if (row.parent_id) {
      row.parent_id = null;
      warn('wxr_parent_loop', null, row.title);
    }
    pathOf.set(row.id, path);
    return path;
  };
  const depthOf = (row: PostRow) => pagePath(row).split('/').length;

  // Bodies: shortcodes, paragraphs, the uploads' new addresses, then the sanitiser.
  const galleryImage = (wpId: number) => {
    const media = mediaByWpId.get(wpId);
    return media ? `<img src="${media.url}" alt="${media.alt.replace(/"/g, '&quot;')}">` : null;
  };
  for (const { item, row } of entries) {
    const { html, notes } = convertShortcodes(autop(item.content), galleryImage);
    const seenNotes = new Set<string>();
    for (const note of notes) {
      const key = `${note.code}:${note.name}`;
      if (seenNotes.has(key)) continue;
      seenNotes.add(key);
      warn(`wxr_${note.code}`, item, `[${note.name}]`);
    }
    const clean = sanitizeBody(rewriteUploads(html, mediaByUpload));
    row.body = clean.html;
    row.body_text = clean.text;
    const to = row.kind === 'page' ? newPath.page(pagePath(row)) : newPath.news(row.slug);
    redirect(row.kind === 'page' ? `/?page_id=${item.id}` : `/?p=${item.id}`, to);
    redirect(`/?p=${item.id}`, to);
    redirect(pathOfLink(item.link), to);
    // A draft or a scheduled post had no address of its own but `?p=`.
    if (row.status !== 'published') continue;
    if (row.kind === 'news') {
      const at = row.published_at ?? row.publish_at;
      const oldSlug = slugify(item.name) || row.slug;
      if (at) {
        const yyyy = String(at.getUTCFullYear());
        const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
        const dd = String(at.getUTCDate()).padStart(2, '0');
        redirect(`/${yyyy}/${mm}/${oldSlug}`, to);
        redirect(`/${yyyy}/${mm}/${dd}/${oldSlug}`, to);
      }
    } else {
      redirect(normalizeOldPath(`/${pagePath(row)}`), to);
    }
  }
  // `/slug/` (the "post name" structure) after the pages, which own that form first.
  for (const { item, row } of entries) {
    if (row.kind === 'news' && row.status === 'published') {
      redirect(normalizeOldPath(`/${slugify(item.name) || row.slug}`), newPath.news(row.slug));
    }
  }
  // Parents before children, so that every batch's parents exist already.
  plan.posts = entries
    .map((e) => e.row)
    .sort((a, b) => (a.kind === 'page' ? depthOf(a) : 0) - (b.kind === 'page' ? depthOf(b) : 0));

  const termsByWpId = new Map(
    wxr.terms
      .filter((t) => t.wpId !== null && slugify(t.slug || t.name))
      .map((t) => [t.wpId!, { kind: t.kind, slug: slugify(t.slug || t.name), name: t.name }]),
  );
  const oldBase = wxr.link ? wxr.link.replace(/\/+$/, '') : null;
  const siteHref = (url: string) => {
    if (!oldBase || (url !== oldBase && !url.startsWith(`${oldBase}/`))) return url;
    const path = pathOfLink(url);
    return path === null || path === '/' ? '/' : (plan.redirects.get(path) ?? url);
  };
  plan.menu = buildMenu(byType.get('nav_menu_item') ?? [], planned, state, termsByWpId, siteHref, warn);
  if (plan.menu && !state.menuIsEmpty) {
    warn('wxr_menu_kept', null);
    plan.menu = null;
  }
  return plan;
}
