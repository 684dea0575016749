/**
 * Old WordPress addresses and the new ones they redirect to. A redirect's `from_path` is the old
 * address normalised (decoded, lower-case, no trailing slash; `/?p=123` for the query forms); its
 * `to_path` is the new address inside the site (`/berita/<slug>`), which the portal puts under
 * the site's base (`/t/<tenant>/situs/<site>`, or its own host) when it answers.
 */

/** The query parameters of WordPress's plain addresses that name one thing. */
export const LEGACY_QUERY_KEYS = ['p', 'page_id', 'attachment_id', 'cat', 'tag'] as const;

/** An old path as the redirects table keys it; null when it cannot be one. */
export function normalizeOldPath(path: string): string | null {
  let p = path.split('#')[0]!.split('?')[0]!;
  try {
    p = decodeURIComponent(p);
  } catch {
    return null;
  }
  p = `/${p}`.replace(/\/{2,}/g, '/').toLowerCase();
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p.length <= 2000 ? p : null;
}

/** The key of a query-string address on the home path (`/?p=123`), if the query has one. */
export function legacyQueryKey(query: Record<string, unknown>): string | null {
  for (const key of LEGACY_QUERY_KEYS) {
    const value = query[key];
    if (typeof value === 'string' && /^[a-z0-9-]{1,120}$/i.test(value))
      return `/?${key}=${value.toLowerCase()}`;
  }
  return null;
}

/** The path of an old absolute link (`https://old.example/2024/05/slug/`), or null. */
export function pathOfLink(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link);
    if (url.search) {
      const key = legacyQueryKey(Object.fromEntries(url.searchParams));
      if (key && (url.pathname === '/' || url.pathname === '')) return key;
      return null;
    }
    return normalizeOldPath(url.pathname);
  } catch {
    return null;
  }
}

/** New addresses inside a site, as site-16's pages draw them. */
export const newPath = {
  news: (slug: string) => `/berita/${slug}`,
  announcement: (slug: string) => `/pengumuman/${slug}`,
  page: (path: string) => `/${path}`,
  category: (slug: string) => `/kategori/${slug}`,
  tag: (slug: string) => `/tag/${slug}`,
  /** An imported file: the content API's media address (see docs/apps/websites/import.md). */
  media: (mediaId: string) => `/media/${mediaId}`,
};

/** A WordPress slug (often percent-encoded, sometimes with accents) as a site's slug, or ''. */
export function slugify(value: string, max = 120): string {
  let s = value;
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep it as it is
  }
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}
