/**
 * The websites' section of the portal's home page (`homeSections`): the latest news and
 * announcements of all the tenant's sites, each with its site: one indexed read per visit
 * (`websites_posts_latest`), like the rest of the home page.
 */
import type { FastifyRequest } from 'fastify';
import { actorOf, type HomeSection, type Platform } from '../../../platform/sdk/index.ts';
import { portalContext, when } from '../../../platform/sdk/portal.ts';
import { latestNews } from '../repo/home.ts';
import { sitePath } from '../services/sites.ts';

const SHOWN = 5;
const KIND_PATH = { news: 'berita', announcement: 'pengumuman' } as const;

async function renderLatestNews(request: FastifyRequest, platform: Platform) {
  const ctx = portalContext(platform, request);
  const { t } = ctx;
  const posts = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
    latestNews(scope, SHOWN),
  );
  if (posts.length === 0) return null;
  return (
    <section aria-labelledby="home-news">
      <h2 id="home-news">{t('websites.home.title')}</h2>
      <ul className="tiles">
        {posts.map((p) => {
          const site = p.site_host ? `https://${p.site_host}` : `${ctx.base}${sitePath(p.site_slug)}`;
          return (
            <li className="tile" key={`${p.site_slug}/${p.slug}`}>
              <h3>
                <a href={`${site}/${KIND_PATH[p.kind]}/${p.slug}`}>{p.title}</a>
              </h3>
              {p.summary ? <p>{p.summary}</p> : null}
              <p className="meta">
                {p.site_name} ·{' '}
                <time dateTime={p.published_at.toISOString()}>{when(ctx, p.published_at.toISOString())}</time>
              </p>
            </li>
          );
        })}
      </ul>
      <p>
        <a href={`${ctx.base}/situs`}>{t('websites.home.allSites')}</a>
      </p>
    </section>
  );
}

export const homeSections: readonly HomeSection[] = [
  { id: 'latest-news', order: 10, render: renderLatestNews },
];
