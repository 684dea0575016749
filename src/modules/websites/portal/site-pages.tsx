/**
 * A site's citizen pages under `/situs/<site>/`: its home, a post of each kind (news, announcement,
 * agenda, document, gallery; a page at its own path), the lists of each kind, category and tag
 * pages. Published posts only. Every page is kept whole in the site's cache (services/public-site.ts)
 * until the site's content changes; a visitor's own query never enters a kept page (the key names
 * every value the page depends on, and the page is drawn for its canonical address).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, actorOf, notFound, type Platform, type TenantScope } from '../../../platform/sdk/index.ts';
import {
  expandWidgets,
  type PageContent,
  type PortalContext,
  portalContext,
  queryText,
  sendCachedPage,
} from '../../../platform/sdk/portal.ts';
import {
  documentFacets,
  findTerm,
  mediaByIds,
  type PublicMedia,
  publishedList,
  publishedPost,
  termsOfPost,
} from '../repo/public.ts';
import { legacyQueryKey, normalizeOldPath } from '../services/legacy-paths.ts';
import {
  AGENDA_MAX_AGE_MS,
  contentSources,
  KIND_SEGMENT,
  rebaseLinks,
  siteCache,
  siteTag,
} from '../services/public-site.ts';
import type { PostImage, PostKind } from '../tables.ts';
import { legacyRedirect } from './redirects.ts';
import { loadSiteView, SiteFrame, type SiteView } from './site-frame.tsx';
import {
  absolute,
  Dated,
  Featured,
  PAGE_SIZE,
  Paging,
  Picture,
  PostList,
  pageOf,
  startsOf,
} from './site-parts.tsx';

type ListedKind = Exclude<PostKind, 'page'>;
const LIST_TITLE: Record<ListedKind, string> = {
  news: 'websites.site.news',
  announcement: 'websites.site.announcement',
  agenda: 'websites.site.agenda',
  document: 'websites.site.document',
  gallery: 'websites.site.gallery',
};

type Params = { site: string; slug?: string; '*'?: string };

/**
 * Sends a page of the site through its cache: `key` names what the page depends on beyond the
 * site, the language and the path (null: drawn each time); `draw` builds it in a tenant
 * transaction, throwing a 404 for what the site does not have.
 */
async function sitePage(
  platform: Platform,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string | null,
  draw: (ctx: PortalContext, scope: TenantScope, view: SiteView) => Promise<PageContent>,
  cacheOptions: { maxAgeMs?: number } = {},
): Promise<FastifyReply> {
  const ctx = portalContext(platform, request);
  const { site } = request.params as Params;
  // The address without its query: a cached page must not carry the first visitor's parameters.
  const canonicalUrl = request.url.split('?')[0] ?? request.url;
  return sendCachedPage(reply, ctx, {
    key: key === null ? null : `${ctx.lang}:${request.url.split('?')[0]}:${key}`,
    canonicalUrl,
    cache: siteCache(platform, request, siteTag(site), cacheOptions),
    page: (pageCtx) =>
      platform.inTenantRead(ctx.tenant.id, actorOf(request), async (scope) => {
        const view = await loadSiteView(scope, site, ctx.base);
        if (!view) throw notFound('site');
        return draw(pageCtx, scope, view);
      }),
  });
}

async function mediaOf(scope: TenantScope, view: SiteView, ids: (string | undefined)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  return new Map((await mediaByIds(scope, view.site.id, wanted)).map((m) => [m.id, m]));
}

/** Registers the site pages (inside the portal plugin, behind the adoption gate). */
export function registerSitePages(app: FastifyInstance, platform: Platform) {
  const optional = { config: { auth: 'optional' as const } };

  app.get('/situs/:site', optional, (request, reply) =>
    sitePage(
      platform,
      request,
      reply,
      'home',
      async (ctx, scope, view) => {
        const { t } = ctx;
        const now = new Date();
        // One after another: a transaction runs one query at a time.
        const news = await publishedList(scope, view.site.id, { kinds: ['news'], limit: 5, offset: 0 });
        const announcements = await publishedList(scope, view.site.id, {
          kinds: ['announcement'],
          limit: 5,
          offset: 0,
        });
        const upcoming = await publishedList(scope, view.site.id, {
          kinds: ['agenda'],
          limit: 5,
          offset: 0,
          when: { side: 'upcoming', now },
        });
        const section = (id: string, title: string, posts: typeof news, kind: ListedKind) => (
          <section aria-labelledby={id}>
            <h2 id={id}>{title}</h2>
            <PostList ctx={ctx} view={view} posts={posts.slice(0, 5)} heading="h3" />
            <p>
              <a href={`${view.root}/${KIND_SEGMENT[kind]}`}>
                {t('websites.site.more')} <span className="vh">{title}</span>
              </a>
            </p>
          </section>
        );
        return {
          title: view.site.name,
          head: headOf(platform, ctx, view, '', view.site.tagline ?? view.site.name, 'website'),
          body: (
            <SiteFrame ctx={ctx} view={view} crumbs={[]}>
              <h1 className="vh">{view.site.name}</h1>
              {section('site-news', t('websites.site.latestNews'), news, 'news')}
              {section(
                'site-announcements',
                t('websites.site.latestAnnouncements'),
                announcements,
                'announcement',
              )}
              {section('site-agenda', t('websites.site.upcoming'), upcoming, 'agenda')}
            </SiteFrame>
          ),
        };
      },
      { maxAgeMs: AGENDA_MAX_AGE_MS },
    ),
  );

  for (const kind of Object.keys(KIND_SEGMENT) as ListedKind[]) {
    const segment = KIND_SEGMENT[kind];
    app.get(`/situs/:site/${segment}`, optional, (request, reply) => {
      const page = pageOf(request);
      const q = request.query as Record<string, unknown>;
      const past = kind === 'agenda' && queryText(q.waktu) === 'lalu';
      const docType = kind === 'document' ? queryText(q.jenis)?.slice(0, 80) : undefined;
      const yearText = kind === 'document' ? queryText(q.tahun) : undefined;
      const docYear = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
      return sitePage(
        platform,
        request,
        reply,
        `${page}:${past}:${docType ?? ''}:${docYear ?? ''}`,
        async (ctx, scope, view) => {
          const { t } = ctx;
          const rows = await publishedList(scope, view.site.id, {
            kinds: [kind],
            limit: PAGE_SIZE,
            offset: (page - 1) * PAGE_SIZE,
            ...(kind === 'agenda' && { when: { side: past ? 'past' : 'upcoming', now: new Date() } }),
            docType,
            docYear,
          });
          const facets = kind === 'document' ? await documentFacets(scope, view.site.id) : null;
          const title =
            kind === 'agenda'
              ? t(past ? 'websites.site.past' : 'websites.site.upcoming')
              : t(LIST_TITLE[kind]);
          const path = `${view.root}/${segment}`;
          return {
            title: `${title} · ${view.site.name}`,
            head: headOf(platform, ctx, view, `/${segment}`, title, 'website'),
            body: (
              <SiteFrame ctx={ctx} view={view} crumbs={[{ label: title }]}>
                <h1>{title}</h1>
                {kind === 'agenda' ? (
                  <p>
                    <a href={past ? path : `${path}?waktu=lalu`}>
                      {t(past ? 'websites.site.upcoming' : 'websites.site.past')}
                    </a>{' '}
                    · <a href={`${view.root}/agenda.ics`}>{t('websites.site.calendarFeed')}</a>
                  </p>
                ) : null}
                {facets ? (
                  <form method="get" action={path} className="filters card">
                    <div className="field">
                      <label htmlFor="doc-type">{t('websites.site.type')}</label>
                      <select id="doc-type" name="jenis" defaultValue={docType ?? ''}>
                        <option value="">{t('websites.site.allTypes')}</option>
                        {facets.types.map((type) => (
                          <option key={type} value={type}>
                            {type}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor="doc-year">{t('websites.site.year')}</label>
                      <select id="doc-year" name="tahun" defaultValue={docYear ? String(docYear) : ''}>
                        <option value="">{t('websites.site.allYears')}</option>
                        {facets.years.map((y) => (
                          <option key={y} value={String(y)}>
                            {y}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <button type="submit" className="secondary">
                        {t('websites.site.filter')}
                      </button>
                    </div>
                  </form>
                ) : null}
                <PostList ctx={ctx} view={view} posts={rows.slice(0, PAGE_SIZE)} />
                <Paging
                  ctx={ctx}
                  path={path}
                  page={page}
                  more={rows.length > PAGE_SIZE}
                  query={{
                    ...(past && { waktu: 'lalu' }),
                    jenis: docType,
                    tahun: docYear ? String(docYear) : undefined,
                  }}
                />
              </SiteFrame>
            ),
          };
        },
        kind === 'agenda' ? { maxAgeMs: AGENDA_MAX_AGE_MS } : {},
      );
    });

    app.get(`/situs/:site/${segment}/:slug`, optional, (request, reply) =>
      sitePage(platform, request, reply, 'post', async (ctx, scope, view) => {
        const { slug } = request.params as Params;
        const post = await publishedPost(scope, view.site.id, kind, slug ?? '');
        if (!post) throw notFound('page');
        return postPage(platform, request, ctx, scope, view, post, [
          { label: ctx.t(LIST_TITLE[kind]), href: `${view.root}/${segment}` },
          { label: post.title },
        ]);
      }),
    );
  }

  for (const [segment, termKind] of [
    ['kategori', 'category'],
    ['tag', 'tag'],
  ] as const) {
    app.get(`/situs/:site/${segment}/:slug`, optional, (request, reply) => {
      const page = pageOf(request);
      return sitePage(platform, request, reply, String(page), async (ctx, scope, view) => {
        const { slug } = request.params as Params;
        const term = await findTerm(scope, view.site.id, termKind, slug ?? '');
        if (!term) throw notFound('page');
        const rows = await publishedList(scope, view.site.id, {
          kinds: ['news', 'announcement', 'agenda', 'document', 'gallery', 'page'],
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
          termId: term.id,
        });
        const title = ctx.t(`websites.site.${termKind}`, { name: term.name });
        const path = `/${segment}/${term.slug}`;
        return {
          title: `${title} · ${view.site.name}`,
          head: {
            ...headOf(platform, ctx, view, path, title, 'website'),
            alternates: [
              { type: 'application/rss+xml', title: `${title} (RSS)`, href: `${view.root}${path}/rss.xml` },
              {
                type: 'application/atom+xml',
                title: `${title} (Atom)`,
                href: `${view.root}${path}/atom.xml`,
              },
            ],
          },
          body: (
            <SiteFrame ctx={ctx} view={view} crumbs={[{ label: title }]}>
              <h1>{title}</h1>
              <p className="feeds">
                <a href={`${view.root}${path}/rss.xml`}>{ctx.t('websites.site.rss')}</a> ·{' '}
                <a href={`${view.root}${path}/atom.xml`}>{ctx.t('websites.site.atom')}</a>
              </p>
              <PostList ctx={ctx} view={view} posts={rows.slice(0, PAGE_SIZE)} />
              <Paging ctx={ctx} path={`${view.root}${path}`} page={page} more={rows.length > PAGE_SIZE} />
            </SiteFrame>
          ),
        };
      });
    });
  }

  // A page at its own path, nested under its parents (`/profil/visi-misi`); registered last, so
  // that every named address above comes first.
  app.get('/situs/:site/*', optional, async (request, reply) => {
    try {
      return await pageAtPath(request, reply);
    } catch (error) {
      // An old WordPress address the import recorded, which no page answers now: sent on.
      if (!(error instanceof AppError && error.status === 404)) throw error;
      const { site, '*': rest = '' } = request.params as Params;
      // The home with a slash (`/?p=123`) names the old post in its query; any other path by itself.
      const old =
        rest === '' ? legacyQueryKey(request.query as Record<string, unknown>) : normalizeOldPath(`/${rest}`);
      const to = await legacyRedirect(platform, request, site, old);
      if (!to) throw error;
      return reply.redirect(to, 301);
    }
  });

  const pageAtPath = (request: FastifyRequest, reply: FastifyReply) =>
    sitePage(platform, request, reply, 'page', async (ctx, scope, view) => {
      const wanted = `/${((request.params as Params)['*'] ?? '').replace(/\/+$/, '')}`;
      const page = view.pages.find((p) => view.paths.get(p.id) === wanted);
      if (!page) throw notFound('page');
      const post = await publishedPost(scope, view.site.id, 'page', page.slug);
      if (!post) throw notFound('page');
      const crumbs: { label: string; href?: string }[] = [];
      for (let at: string | null = post.parent_id, depth = 0; at && depth < 10; depth += 1) {
        const parent = view.pages.find((p) => p.id === at);
        if (!parent) break;
        crumbs.unshift({ label: parent.title, href: `${view.root}${view.paths.get(parent.id)}` });
        at = parent.parent_id;
      }
      return postPage(platform, request, ctx, scope, view, post, [...crumbs, { label: post.title }]);
    });
}

/** The head of a site's page: description, canonical address, Open Graph, the site's feeds. */
function headOf(
  platform: Platform,
  ctx: PortalContext,
  view: SiteView,
  path: string,
  description: string,
  type: 'website' | 'article',
) {
  const url = absolute(platform, ctx, view, path);
  return {
    description,
    canonical: url,
    meta: [
      { property: 'og:site_name', content: view.site.name },
      { property: 'og:type', content: type },
      { property: 'og:url', content: url },
      { property: 'og:title', content: view.site.name },
      { property: 'og:description', content: description },
      { property: 'og:locale', content: ctx.lang === 'id' ? 'id_ID' : 'en_US' },
    ],
    alternates: [
      { type: 'application/rss+xml', title: `${view.site.name} (RSS)`, href: `${view.root}/rss.xml` },
      { type: 'application/atom+xml', title: `${view.site.name} (Atom)`, href: `${view.root}/atom.xml` },
    ],
  };
}

type FullPost = NonNullable<Awaited<ReturnType<typeof publishedPost>>>;

/** One post of any kind: its title, dates, kind's details, featured image, body and terms. */
async function postPage(
  platform: Platform,
  request: FastifyRequest,
  ctx: PortalContext,
  scope: TenantScope,
  view: SiteView,
  post: FullPost,
  crumbs: { label: string; href?: string }[],
): Promise<PageContent> {
  const { t } = ctx;
  // Other apps' widgets in the body (today's prices, a report button), drawn by their apps. The
  // page is kept in the site's cache as drawn: a widget shows the data of that moment until the
  // site's content changes (a shortcut noted in docs/apps/websites/site.md).
  // Links made site-relative first: a widget's own links (to the portal's apps) are left as drawn.
  const body = await expandWidgets(platform, request, rebaseLinks(post.body, view.root));
  const details = (post.details ?? {}) as Record<string, unknown>;
  const gallery = Array.isArray(details.items)
    ? (details.items as { mediaId?: string; caption?: string }[])
    : [];
  const image = post.image as PostImage | null;
  const media = await mediaOf(scope, view, [
    image?.mediaId,
    typeof details.mediaId === 'string' ? details.mediaId : undefined,
    ...gallery.map((g) => g.mediaId),
  ]);
  const terms = await termsOfPost(scope, post.id);
  const path =
    post.kind === 'page'
      ? (view.paths.get(post.id) ?? '')
      : `/${KIND_SEGMENT[post.kind as ListedKind]}/${post.slug}`;
  const url = absolute(platform, ctx, view, path);
  const description = post.summary ?? post.body_text.slice(0, 200);
  const head = headOf(platform, ctx, view, path, description, post.kind === 'news' ? 'article' : 'website');
  const imageMedia = image ? media.get(image.mediaId) : undefined;
  const imageUrl = imageMedia ? absolute(platform, ctx, view, `/media/${imageMedia.id}`) : undefined;
  const meta = head.meta.map((m) => (m.property === 'og:title' ? { ...m, content: post.title } : m));
  if (imageUrl) meta.push({ property: 'og:image', content: imageUrl });
  if (imageUrl && image) meta.push({ property: 'og:image:alt', content: image.alt });
  if (post.kind === 'news' && post.published_at) {
    meta.push({ property: 'article:published_time', content: post.published_at.toISOString() });
  }
  const jsonLd =
    post.kind === 'news'
      ? [
          {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: post.title.slice(0, 110),
            description,
            url,
            mainEntityOfPage: url,
            datePublished: post.published_at?.toISOString(),
            dateModified: new Date(post.updated_at).toISOString(),
            ...(imageUrl && { image: [imageUrl] }),
            author: {
              '@type': post.author_name ? 'Person' : 'Organization',
              name: post.author_name ?? view.site.name,
            },
            publisher: { '@type': 'GovernmentOrganization', name: view.site.name },
            inLanguage: 'id',
          },
        ]
      : [];
  const starts = startsOf(post);
  const doc =
    post.kind === 'document' && typeof details.mediaId === 'string' ? media.get(details.mediaId) : undefined;
  return {
    title: `${post.title} · ${view.site.name}`,
    head: { ...head, meta, jsonLd },
    // The safe embeds the sanitiser kept, and images the text links from elsewhere, may load.
    sources: contentSources(post.body),
    body: (
      <SiteFrame ctx={ctx} view={view} crumbs={crumbs}>
        <article>
          <h1>{post.title}</h1>
          {post.kind === 'news' || post.kind === 'announcement' ? (
            <p className="meta">
              {t('websites.site.published')} <Dated ctx={ctx} at={post.published_at} />
              {post.author_name ? ` · ${t('websites.site.author')}: ${post.author_name}` : null}
            </p>
          ) : null}
          {post.kind === 'agenda' ? (
            <dl className="details">
              <dt>{t('websites.site.starts')}</dt>
              <dd>
                <Dated ctx={ctx} at={starts} />
              </dd>
              {typeof details.endsAt === 'string' ? (
                <>
                  <dt>{t('websites.site.ends')}</dt>
                  <dd>
                    <Dated ctx={ctx} at={details.endsAt} />
                  </dd>
                </>
              ) : null}
              {typeof details.location === 'string' ? (
                <>
                  <dt>{t('websites.site.location')}</dt>
                  <dd>{details.location}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {post.kind === 'agenda' ? (
            <p>
              <a href={`${view.root}/agenda/${post.slug}/kalender.ics`} download={`${post.slug}.ics`}>
                {t('websites.site.addToCalendar')}
              </a>
            </p>
          ) : null}
          {post.kind === 'document' ? (
            <dl className="details">
              {typeof details.number === 'string' ? (
                <>
                  <dt>{t('websites.site.number')}</dt>
                  <dd>{details.number}</dd>
                </>
              ) : null}
              <dt>{t('websites.site.year')}</dt>
              <dd>{String(details.year ?? '')}</dd>
              <dt>{t('websites.site.type')}</dt>
              <dd>{String(details.type ?? '')}</dd>
            </dl>
          ) : null}
          {doc ? (
            <p>
              <a className="cta" href={`${view.root}/media/${doc.id}`} download={doc.file_name}>
                {t('websites.site.download', { name: doc.file_name })}
              </a>{' '}
              <span className="meta">
                ({doc.mime}, {Math.max(1, Math.round(doc.size / 1024))} KB)
              </span>
            </p>
          ) : null}
          <Featured view={view} image={image} media={media} />
          {post.summary ? <p className="lead">{post.summary}</p> : null}
          {post.body ? (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the body is stored sanitised (services/sanitize.ts); its widgets drawn by their apps
            <div className="post-body" dangerouslySetInnerHTML={{ __html: body }} />
          ) : null}
          {gallery.length > 0 ? <GalleryItems view={view} items={gallery} media={media} /> : null}
          {terms.length > 0 ? (
            <p className="meta">
              {t('websites.site.terms')}:{' '}
              {terms.map((term, i) => (
                <span key={term.id}>
                  {i > 0 ? ', ' : ''}
                  <a href={`${view.root}/${term.kind === 'category' ? 'kategori' : 'tag'}/${term.slug}`}>
                    {term.name}
                  </a>
                </span>
              ))}
            </p>
          ) : null}
        </article>
      </SiteFrame>
    ),
  };
}

function GalleryItems({
  view,
  items,
  media,
}: {
  view: SiteView;
  items: { mediaId?: string; caption?: string }[];
  media: Map<string, PublicMedia>;
}) {
  return (
    <ul className="photos">
      {items.map((item, i) => {
        const m = item.mediaId ? media.get(item.mediaId) : undefined;
        if (!m) return null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a photo may appear twice in a gallery
          <li key={`${m.id}-${i}`}>
            <figure className="post-figure">
              <Picture view={view} media={m} alt={m.alt ?? item.caption ?? ''} sizes="14rem" />
              {item.caption ? <figcaption>{item.caption}</figcaption> : null}
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
