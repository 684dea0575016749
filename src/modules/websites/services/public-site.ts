/**
 * What the citizens' pages of a site share: the addresses of its posts (a page's path follows its
 * parents: `/profil/visi-misi`), its menu resolved to links, the media URLs, and the cache that
 * keeps its pages until its content changes.
 *
 * Caching: every public page, feed and sitemap of a site is kept in the platform's tenant cache
 * under the site's tag (`websites-site:<slug>`); the pages that span the tenant's sites (the
 * sitemap index, the tenant-wide list) under `websites-sites`. `invalidateSite(scope, siteId)`
 * drops both when the scope's transaction commits: the content API calls it on every publication,
 * unpublication, scheduled publication and change of a published post, and the sites service on a
 * change of the site's settings (name, menu, footer).
 */
import type { FastifyRequest } from 'fastify';
import { invalidate, type Platform, type TenantScope } from '../../../platform/sdk/index.ts';
import type { PostSummary, PublicMedia } from '../repo/public.ts';
import { findSiteById } from '../repo/sites.ts';
import type { MenuEntry, PostKind } from '../tables.ts';
import { sitePath } from './sites.ts';

/** The path segment of each kind's list and items (a page has none: its path is its own). */
export const KIND_SEGMENT: Readonly<Record<Exclude<PostKind, 'page'>, string>> = {
  news: 'berita',
  announcement: 'pengumuman',
  agenda: 'agenda',
  document: 'dokumen',
  gallery: 'galeri',
};

/**
 * Address parts a site's own routes answer (`/situs/<site>/<part>`): a page with one of these slugs
 * would never be reached, so a page is never given one (it gets `berita-2`).
 */
export const RESERVED_PAGE_SLUGS: ReadonlySet<string> = new Set([
  ...Object.values(KIND_SEGMENT),
  'kategori',
  'tag',
  'cari',
  'media',
  'logo',
  'ppid',
  'rss.xml',
  'atom.xml',
  'sitemap.xml',
  'agenda.ics',
]);

export const SITES_TAG = 'websites-sites';

/** The cache tag of one site's public pages. */
export function siteTag(slug: string): string {
  return `websites-site:${slug}`;
}

/**
 * Drops the cached public pages of the site (and the tenant-wide ones) when the scope's
 * transaction commits. Call it in the transaction that publishes, unpublishes or changes a
 * published post, or changes the site's settings.
 */
export async function invalidateSite(scope: TenantScope, siteId: string): Promise<void> {
  const site = await findSiteById(scope, siteId);
  if (site) await invalidate(scope, siteTag(site.slug));
  await invalidate(scope, SITES_TAG);
}

/**
 * How long a cached page showing upcoming events holds without any write: an event that has begun
 * is no longer upcoming, though nothing was written.
 */
export const AGENDA_MAX_AGE_MS = 60_000;

/**
 * The cache of a site's public pages (shared loads: each loader opens its own transaction);
 * `maxAgeMs` for pages that change as time passes (`AGENDA_MAX_AGE_MS`).
 */
export function siteCache(
  platform: Platform,
  request: FastifyRequest,
  tag: string,
  options: { maxAgeMs?: number } = {},
) {
  const tenantId = request.tenant!.id;
  return <T>(key: string, load: () => Promise<T>): Promise<T> =>
    platform.cache.get(tenantId, tag, key, load, { share: true, ...options });
}

/** A site's root under the tenant's portal (`/t/<tenant>/situs/<slug>`). */
export function siteRoot(portalBase: string, slug: string): string {
  return `${portalBase}${sitePath(slug)}`;
}

/** Paths of the site's published pages by id, following their parents (a page under an unpublished one has none). */
export function pagePaths(
  pages: readonly Pick<PostSummary, 'id' | 'parent_id' | 'slug'>[],
): Map<string, string> {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const paths = new Map<string, string>();
  const pathOf = (id: string, depth: number): string | null => {
    const known = paths.get(id);
    if (known) return known;
    const page = byId.get(id);
    // Depth bounds a loop of parents, which the content API should never let happen.
    if (!page || depth > 10) return null;
    const parent = page.parent_id ? pathOf(page.parent_id, depth + 1) : '';
    if (parent === null) return null;
    const path = `${parent}/${page.slug}`;
    paths.set(id, path);
    return path;
  };
  for (const p of pages) pathOf(p.id, 0);
  return paths;
}

/** The address of a post under its site's root. */
export function postPath(
  post: Pick<PostSummary, 'id' | 'kind' | 'slug'>,
  pages: Map<string, string>,
): string | null {
  if (post.kind === 'page') return pages.get(post.id) ?? null;
  return `/${KIND_SEGMENT[post.kind]}/${post.slug}`;
}

export type MenuLink = { label: string; href: string; children: MenuLink[] };

/**
 * A link of a menu or a post's text as the reader's page needs it. A path (`/kategori/kesehatan`,
 * an imported `/2024/05/slug/`) is the site's: it is put under the site's root, which is the
 * portal's `/t/<tenant>/situs/<site>` or nothing on the site's own host. A path already under the
 * root (a media address from the API), under the tenant's portal (`/t/<tenant>/…`, when the page is
 * drawn there) and anything else (a full URL, `mailto:`, `#top`) stay.
 */
export function siteHref(href: string, root: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  if (href === root || (/^[/?#]/.test(href.slice(root.length)) && href.startsWith(root))) return href;
  // Under the portal, a path of the tenant's portal (another site, an app's page) stays too.
  const portal = root.slice(0, root.lastIndexOf('/situs/'));
  if (portal && href.startsWith(`${portal}/`)) return href;
  return `${root}${href}`;
}

/**
 * The other origins a post's sanitised text loads from: the `src` of its images and of its
 * frames (only the sanitiser's safe embeds are left), for the page's Content-Security-Policy.
 */
export function contentSources(html: string): { images: string[]; frames: string[] } {
  const images: string[] = [];
  const frames: string[] = [];
  for (const [, tag, src] of html.matchAll(/<(img|iframe)\b[^>]*\ssrc="(https:\/\/[^"]+)"/gi)) {
    (tag!.toLowerCase() === 'img' ? images : frames).push(src!);
  }
  return { images, frames };
}

/** A post's sanitised text with its path links and images put under the site's root ({@link siteHref}). */
export function rebaseLinks(html: string, root: string): string {
  // Inside tags only: a text that reads `href="/x"` is left as written.
  return html.replace(/<[a-z][^>]*>/gi, (tag) =>
    tag.replace(
      /(\s(?:href|src)=")(\/[^"]*)"/gi,
      (_, head: string, url: string) => `${head}${siteHref(url, root)}"`,
    ),
  );
}

/** The site's menu as links: an entry naming a post links to it while it is published, else is left out. */
export function menuLinks(
  menu: readonly MenuEntry[],
  root: string,
  posts: Map<string, Pick<PostSummary, 'id' | 'kind' | 'slug'>>,
  pages: Map<string, string>,
): MenuLink[] {
  const links: MenuLink[] = [];
  for (const entry of menu) {
    let target: string | null = null;
    if (entry.postId) {
      const post = posts.get(entry.postId);
      const path = post ? postPath(post, pages) : null;
      target = path ? `${root}${path}` : null;
    } else if (entry.href) {
      target = /^(https?:|mailto:|tel:)/i.test(entry.href)
        ? entry.href
        : entry.href.startsWith('/') && !entry.href.startsWith('//')
          ? siteHref(entry.href, root)
          : null;
    }
    const children = menuLinks(entry.children ?? [], root, posts, pages);
    if (target) links.push({ label: entry.label, href: target, children });
    else if (children.length > 0) links.push({ label: entry.label, href: children[0]!.href, children });
  }
  return links;
}

/** Ids of the posts a menu names (entries and their children). */
export function menuPostIds(menu: readonly MenuEntry[]): string[] {
  return menu.flatMap((e) => [...(e.postId ? [e.postId] : []), ...menuPostIds(e.children ?? [])]);
}

/**
 * A media item's address and its responsive variants. The files are served by the content API's
 * media route of the site (`<site>/media/<id>`, a variant `<site>/media/<id>/<width>`).
 */
export function mediaUrls(root: string, media: Pick<PublicMedia, 'id' | 'variants'>) {
  const url = `${root}/media/${media.id}`;
  const variants = [...(media.variants ?? [])].sort((a, b) => a.width - b.width);
  return {
    url,
    srcset: variants.map((v) => `${url}/${v.width} ${v.width}w`).join(', '),
  };
}
