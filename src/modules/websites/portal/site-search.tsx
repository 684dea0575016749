/**
 * Search of published posts in Indonesian (stemmed by PostgreSQL's `indonesian` configuration):
 * one site's (`/situs/<site>/cari?q=`) or all the tenant's (`/situs/cari?q=`), best match first,
 * with the matched words marked in a snippet. A site's search pages are kept in its cache (by the
 * words asked) until its content changes; the tenant-wide search is drawn each time.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, invalid, notFound, type Platform } from '../../../platform/sdk/index.ts';
import {
  type PageContent,
  type PortalContext,
  portalContext,
  queryText,
  sendCachedPage,
  sendPage,
} from '../../../platform/sdk/portal.ts';
import { publishedPages, type SearchHit, searchPublished } from '../repo/public.ts';
import { pagePaths, postPath, siteCache, siteRoot, siteTag } from '../services/public-site.ts';
import { loadSiteView, SiteFrame } from './site-frame.tsx';
import { Dated, PAGE_SIZE, Paging, pageOf } from './site-parts.tsx';

const MAX_QUERY = 200;
/** Longer queries are drawn each time: they are rarely asked twice, and would crowd the cache. */
const MAX_CACHED_QUERY = 60;
/** How many searches this process remembers having seen once (oldest forgotten first). */
const SEEN_LIMIT = 5_000;
const seenOnce = new Set<string>();

/**
 * Whether a search's page may be kept: only the second time it is asked, so that a stream of
 * unique queries (a crawler, an attack) never fills the cache that every tenant's pages share.
 */
function worthKeeping(key: string): boolean {
  if (seenOnce.has(key)) return true;
  seenOnce.add(key);
  if (seenOnce.size > SEEN_LIMIT) seenOnce.delete(seenOnce.values().next().value!);
  return false;
}

/** The words as searched: trimmed, inner spaces collapsed (case stays: `OR` is an operator). */
function normalizeQuery(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

function queryOf(request: FastifyRequest): string | undefined {
  const q = queryText((request.query as Record<string, unknown>)?.q);
  if (q && q.length > MAX_QUERY)
    throw invalid({ path: '/query/q', code: 'maxLength', params: { limit: MAX_QUERY } });
  return q;
}

/** A snippet whose `[[`…`]]` marks (from ts_headline) become `<mark>`: the text itself stays escaped. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/\[\[|\]\]/);
  return (
    <p style={{ margin: '.25rem 0 0' }}>
      {parts.map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the snippet's parts in their order
        i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>,
      )}
    </p>
  );
}

function SearchForm({
  ctx,
  action,
  q,
  label,
}: {
  ctx: PortalContext;
  action: string;
  q: string;
  label: string;
}) {
  return (
    <form method="get" action={action} className="card">
      <div className="field">
        <label htmlFor="search-q">{label}</label>
        <input type="search" id="search-q" name="q" defaultValue={q} maxLength={MAX_QUERY} />
      </div>
      <button type="submit" className="secondary">
        {ctx.t('websites.site.search')}
      </button>
    </form>
  );
}

function Hits({
  ctx,
  hits,
  link,
}: {
  ctx: PortalContext;
  hits: SearchHit[];
  link: (h: SearchHit) => string | null;
}) {
  return (
    <ul className="list">
      {hits.map((h) => {
        const href = link(h);
        return (
          <li key={h.id}>
            <h2 style={{ margin: 0, fontSize: '1.05rem' }}>
              {href ? <a href={href}>{h.title}</a> : h.title}
            </h2>
            <Snippet text={h.snippet} />
            <p className="meta">
              {h.site_name} · <Dated ctx={ctx} at={h.published_at} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** The search page of one site, for the words `q` (normalised) at page `page`. */
async function drawSiteSearch(
  platform: Platform,
  request: FastifyRequest,
  ctx: PortalContext,
  site: string,
  q: string,
  page: number,
): Promise<PageContent> {
  const { t } = ctx;
  const found = await platform.inTenantRead(ctx.tenant.id, actorOf(request), async (scope) => {
    const view = await loadSiteView(scope, site, ctx.base);
    if (!view) throw notFound('site');
    const hits = q
      ? await searchPublished(scope, {
          text: q,
          siteId: view.site.id,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        })
      : [];
    return { view, hits };
  });
  const { view, hits } = found;
  const title = q ? t('websites.site.results', { q }) : t('websites.site.searchSite');
  return {
    title: `${title} · ${view.site.name}`,
    head: { meta: [{ name: 'robots', content: 'noindex' }] },
    body: (
      <SiteFrame ctx={ctx} view={view} crumbs={[{ label: t('websites.site.search') }]}>
        <h1>{title}</h1>
        <SearchForm ctx={ctx} action={`${view.root}/cari`} q={q} label={t('websites.site.searchLabel')} />
        {q && hits.length === 0 ? <p className="card">{t('websites.site.noResults', { q })}</p> : null}
        <Hits
          ctx={ctx}
          hits={hits.slice(0, PAGE_SIZE)}
          link={(h) => {
            const path = postPath(h, view.paths);
            return path ? `${view.root}${path}` : null;
          }}
        />
        <Paging
          ctx={ctx}
          path={`${view.root}/cari`}
          page={page}
          more={hits.length > PAGE_SIZE}
          query={{ q }}
        />
        <p>
          <a href={`${ctx.base}/situs/cari${q ? `?q=${encodeURIComponent(q)}` : ''}`}>
            {t('websites.site.searchAll', { tenant: ctx.tenant.name })}
          </a>
        </p>
      </SiteFrame>
    ),
  };
}

export function registerSiteSearch(app: FastifyInstance, platform: Platform) {
  const optional = { config: { auth: 'optional' as const } };

  app.get('/situs/:site/cari', optional, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { site } = request.params as { site: string };
    const page = pageOf(request);
    const q = normalizeQuery(queryOf(request) ?? '');
    const path = request.url.split('?')[0] ?? request.url;
    // The page is kept in the site's cache under the words asked (normalised) and the page number,
    // until the site's content changes: a search many people make (PPDB, vaksin) is drawn once.
    const cacheKey = `${ctx.tenant.id}:${ctx.lang}:${path}:search:${page}:${q}`;
    const query = new URLSearchParams({
      ...(q ? { q } : {}),
      ...(page > 1 ? { halaman: String(page) } : {}),
    });
    return sendCachedPage(reply, ctx, {
      key: q.length <= MAX_CACHED_QUERY && worthKeeping(cacheKey) ? cacheKey : null,
      canonicalUrl: query.size > 0 ? `${path}?${query}` : path,
      cache: siteCache(platform, request, siteTag(site)),
      page: (pageCtx) => drawSiteSearch(platform, request, pageCtx, site, q, page),
    });
  });

  app.get('/situs/cari', optional, async (request, reply) => {
    const ctx = portalContext(platform, request);
    const { t } = ctx;
    const page = pageOf(request);
    const q = queryOf(request) ?? '';
    const { hits, paths } = await platform.inTenantRead(ctx.tenant.id, actorOf(request), async (scope) => {
      const hits = q
        ? await searchPublished(scope, { text: q, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })
        : [];
      // A page's path needs its site's pages: read only for the sites of pages found.
      const paths = new Map<string, Map<string, string>>();
      for (const h of hits) {
        if (h.kind !== 'page' || paths.has(h.site_slug)) continue;
        paths.set(h.site_slug, pagePaths(await publishedPages(scope, h.site_id)));
      }
      return { hits, paths };
    });
    const title = q
      ? t('websites.site.results', { q })
      : t('websites.site.searchAll', { tenant: ctx.tenant.name });
    return sendPage(reply, ctx, {
      title,
      head: { meta: [{ name: 'robots', content: 'noindex' }] },
      body: (
        <>
          <h1>{title}</h1>
          <SearchForm
            ctx={ctx}
            action={`${ctx.base}/situs/cari`}
            q={q}
            label={t('websites.site.searchAll', { tenant: ctx.tenant.name })}
          />
          {q && hits.length === 0 ? <p className="card">{t('websites.site.noResults', { q })}</p> : null}
          <Hits
            ctx={ctx}
            hits={hits.slice(0, PAGE_SIZE)}
            link={(h) => {
              const path = postPath(h, paths.get(h.site_slug) ?? new Map());
              return path ? `${siteRoot(ctx.base, h.site_slug)}${path}` : null;
            }}
          />
          <Paging
            ctx={ctx}
            path={`${ctx.base}/situs/cari`}
            page={page}
            more={hits.length > PAGE_SIZE}
            query={{ q }}
          />
        </>
      ),
    });
  });
}
