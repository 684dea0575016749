/**
 * A site's PPID menu: its published posts with a class of public information (UU 14/2008 Pasal
 * 9, 10, 11 and 17), grouped by class. Excepted information is listed by title, never linked.
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { publishedPpidPosts } from '../repo/ppid.ts';
import { publishedPages } from '../repo/public.ts';
import type { PpidMenuType } from '../schemas-ppid.ts';
import { PPID_CLASSES } from '../tables.ts';
import { pagePaths, postPath } from './public-site.ts';
import { siteBySlug, sitePath } from './sites.ts';

export async function ppidMenu(
  scope: TenantScope,
  siteSlug: string,
  portalBase: string,
): Promise<PpidMenuType> {
  const site = await siteBySlug(scope, siteSlug);
  const posts = await publishedPpidPosts(scope, site.id);
  const base = `${portalBase}${sitePath(site.slug)}`;
  // A page is read at its place in the tree (`/profil/visi-misi`), the other kinds under their segment.
  const pages = pagePaths(await publishedPages(scope, site.id));
  const urlOf = (p: (typeof posts)[number]) => {
    const path = postPath(p, pages);
    return path ? `${base}${path}` : null;
  };
  return {
    site: site.slug,
    classes: PPID_CLASSES.map((c) => ({
      class: c,
      posts: posts
        .filter((p) => p.ppid === c)
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          title: p.title,
          summary: p.summary,
          url: c === 'dikecualikan' ? null : urlOf(p),
          publishedAt: p.published_at ? new Date(p.published_at).toISOString() : null,
        })),
    })),
    requestUrl: `${base}/ppid/permohonan`,
  };
}
