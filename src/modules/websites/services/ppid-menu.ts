/**
 * A site's PPID menu: its published posts with a class of public information (UU 14/2008 Pasal
 * 9, 10, 11 and 17), grouped by class. Excepted information is listed by title, never linked.
 */
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { publishedPpidPosts } from '../repo/ppid.ts';
import type { PpidMenuType } from '../schemas-ppid.ts';
import { type PostKind, PPID_CLASSES } from '../tables.ts';
import { siteBySlug, sitePath } from './sites.ts';

/** Where a published post of each kind is read under its site (the citizens' pages' addresses). */
export const POST_PATH: Record<PostKind, string> = {
  page: 'halaman',
  news: 'berita',
  announcement: 'pengumuman',
  agenda: 'agenda',
  document: 'dokumen',
  gallery: 'galeri',
};

export async function ppidMenu(
  scope: TenantScope,
  siteSlug: string,
  portalBase: string,
): Promise<PpidMenuType> {
  const site = await siteBySlug(scope, siteSlug);
  const posts = await publishedPpidPosts(scope, site.id);
  const base = `${portalBase}${sitePath(site.slug)}`;
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
          url: c === 'dikecualikan' ? null : `${base}/${POST_PATH[p.kind]}/${p.slug}`,
          publishedAt: p.published_at ? new Date(p.published_at).toISOString() : null,
        })),
    })),
    requestUrl: `${base}/ppid/permohonan`,
  };
}
