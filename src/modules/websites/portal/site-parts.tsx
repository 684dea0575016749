/**
 * Pieces the site's pages share: absolute addresses, the request's paging and filters (validated),
 * a list of posts, paging links, a featured image with its responsive variants, a date.
 */
import type { FastifyRequest } from 'fastify';
import { invalid, type Platform } from '../../../platform/sdk/index.ts';
import { type PortalContext, queryText, when } from '../../../platform/sdk/portal.ts';
import type { PostSummary, PublicMedia } from '../repo/public.ts';
import { mediaUrls } from '../services/public-site.ts';
import { sitePath } from '../services/sites.ts';
import type { PostImage } from '../tables.ts';
import { linkTo, type SiteView } from './site-frame.tsx';

export const PAGE_SIZE = 10;
const MAX_PAGE = 1000;

/** The absolute address of `path` on the site: its own host, else the tenant's portal. */
export function absolute(platform: Platform, ctx: PortalContext, view: SiteView, path: string): string {
  if (view.site.host) return `https://${view.site.host}${path}`;
  const own = ctx.tenant.domains[0];
  const tail = `${sitePath(view.site.slug)}${path}`;
  if (platform.config.env === 'production' && own) return `https://${own}${tail}`;
  return `${platform.config.publicUrl}${ctx.base}${tail}`;
}

/** The `halaman` (page) of the request, 1 when absent; anything but 1…1000 is refused. */
export function pageOf(request: FastifyRequest): number {
  const raw = queryText((request.query as Record<string, unknown>)?.halaman);
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) {
    throw invalid({ path: '/query/halaman', code: 'maximum', params: { limit: MAX_PAGE } });
  }
  return n;
}

/** Whether a post is an agenda item that has a start. */
export function startsOf(post: Pick<PostSummary, 'details'>): string | null {
  const starts = (post.details as { startsAt?: unknown })?.startsAt;
  return typeof starts === 'string' ? starts : null;
}

export function Dated({ ctx, at }: { ctx: PortalContext; at: Date | string | null }) {
  if (!at) return null;
  const iso = at instanceof Date ? at.toISOString() : at;
  return <time dateTime={iso}>{when(ctx, iso)}</time>;
}

/** A list of posts, each linked, with its summary and date (an agenda item: its start). */
export function PostList({
  ctx,
  view,
  posts,
  heading = 'h2',
}: {
  ctx: PortalContext;
  view: SiteView;
  posts: readonly PostSummary[];
  heading?: 'h2' | 'h3';
}) {
  if (posts.length === 0) return <p className="card">{ctx.t('websites.site.none')}</p>;
  const H = heading;
  return (
    <ul className="list">
      {posts.map((p) => {
        const link = linkTo(view, p);
        return (
          <li key={p.id}>
            <H style={{ margin: 0, fontSize: '1.05rem' }}>{link ? <a href={link}>{p.title}</a> : p.title}</H>
            {p.summary ? <p style={{ margin: '.25rem 0 0' }}>{p.summary}</p> : null}
            <p className="meta">
              <Dated ctx={ctx} at={p.kind === 'agenda' ? startsOf(p) : p.published_at} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** Links to the newer and older pages of a list (`halaman`), keeping its other query values. */
export function Paging({
  ctx,
  path,
  page,
  more,
  query = {},
}: {
  ctx: PortalContext;
  path: string;
  page: number;
  more: boolean;
  query?: Record<string, string | undefined>;
}) {
  if (page === 1 && !more) return null;
  const at = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (n > 1) params.set('halaman', String(n));
    const qs = params.toString();
    return `${path}${qs ? `?${qs}` : ''}`;
  };
  return (
    <nav className="paging" aria-label={ctx.t('websites.site.paging')}>
      {page > 1 ? <a href={at(page - 1)}>{ctx.t('websites.site.newer')}</a> : <span />}
      {more ? <a href={at(page + 1)}>{ctx.t('websites.site.older')}</a> : null}
    </nav>
  );
}

/** A picture of the site's media with its variants (`srcset`) for the reader's screen. */
export function Picture({
  view,
  media,
  alt,
  sizes = '(min-width: 60rem) 58rem, 100vw',
}: {
  view: SiteView;
  media: PublicMedia | undefined;
  alt: string;
  sizes?: string;
}) {
  if (!media) return null;
  const { url, srcset } = mediaUrls(view.root, media);
  return (
    <img
      src={url}
      srcSet={srcset || undefined}
      sizes={srcset ? sizes : undefined}
      alt={alt}
      width={media.width ?? undefined}
      height={media.height ?? undefined}
      loading="lazy"
    />
  );
}

/** The featured image of a post, if it has one and its media is still there. */
export function Featured({
  view,
  image,
  media,
}: {
  view: SiteView;
  image: PostImage | null;
  media: Map<string, PublicMedia>;
}) {
  if (!image) return null;
  const m = media.get(image.mediaId);
  if (!m) return null;
  return (
    <figure className="post-figure">
      <Picture view={view} media={m} alt={image.alt} />
      {m.caption ? <figcaption>{m.caption}</figcaption> : null}
    </figure>
  );
}
