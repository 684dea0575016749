/**
 * A site's machine-read addresses: RSS 2.0 and Atom of the site, of a category and of a tag (the
 * `feed` package), the agenda as an iCalendar feed and one agenda item as an .ics download
 * (ical-generator), the site's sitemap.xml and the tenant's sitemap index of its sites. Each is kept
 * in the site's cache (or the tenant's sites' cache) until the content changes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import ical from 'ical-generator';
import { actorOf, notFound, type Platform, type TenantScope } from '../../../platform/sdk/index.ts';
import { portalContext } from '../../../platform/sdk/portal.ts';
import { findTerm, lastChanges, publishedList, publishedPost, sitemapRows } from '../repo/public.ts';
import { listSites } from '../repo/sites.ts';
import { postPath, SITES_TAG, siteCache, siteTag } from '../services/public-site.ts';
import { loadSiteView, type SiteView } from './site-frame.tsx';
import { absolute, startsOf } from './site-parts.tsx';

const FEED_SIZE = 20;
const FEED_KINDS = ['news', 'announcement', 'agenda', 'document', 'gallery'] as const;

type Made = { type: string; body: string };

async function sendMade(
  platform: Platform,
  request: FastifyRequest,
  reply: FastifyReply,
  tag: string,
  make: (scope: TenantScope) => Promise<Made>,
): Promise<FastifyReply> {
  const tenantId = request.tenant!.id;
  const made = await siteCache(
    platform,
    request,
    tag,
  )(`file:${request.url.split('?')[0]}`, () => platform.inTenantRead(tenantId, actorOf(request), make));
  return reply
    .header('cache-control', 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .type(made.type)
    .send(made.body);
}

async function siteOf(platform: Platform, request: FastifyRequest, scope: TenantScope): Promise<SiteView> {
  const { site } = request.params as { site: string };
  const view = await loadSiteView(scope, site, portalContext(platform, request).base);
  if (!view) throw notFound('site');
  return view;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function registerSiteFeeds(app: FastifyInstance, platform: Platform) {
  const optional = { config: { auth: 'optional' as const } };

  const feedRoute = (path: string, format: 'rss' | 'atom', termKind?: 'category' | 'tag') =>
    app.get(path, optional, (request, reply) =>
      sendMade(
        platform,
        request,
        reply,
        siteTag((request.params as { site: string }).site),
        async (scope) => {
          const ctx = portalContext(platform, request);
          const view = await siteOf(platform, request, scope);
          let termId: string | undefined;
          let title = view.site.name;
          let base = '';
          if (termKind) {
            const slug = (request.params as { slug: string }).slug;
            const term = await findTerm(scope, view.site.id, termKind, slug);
            if (!term) throw notFound('page');
            termId = term.id;
            title = `${view.site.name}: ${term.name}`;
            base = `/${termKind === 'category' ? 'kategori' : 'tag'}/${term.slug}`;
          }
          const posts = await publishedList(scope, view.site.id, {
            kinds: FEED_KINDS,
            limit: FEED_SIZE,
            offset: 0,
            termId,
          });
          const link = absolute(platform, ctx, view, base || '/');
          const feed = new Feed({
            title,
            id: link,
            link,
            description: view.site.tagline ?? view.site.name,
            language: 'id',
            updated: posts[0]?.published_at ?? view.site.updated_at,
            generator: 'Balai',
            copyright: view.site.name,
            feedLinks: {
              rss: absolute(platform, ctx, view, `${base}/rss.xml`),
              atom: absolute(platform, ctx, view, `${base}/atom.xml`),
            },
          });
          for (const p of posts.slice(0, FEED_SIZE)) {
            const url = absolute(platform, ctx, view, postPath(p, view.paths) ?? '/');
            feed.addItem({
              title: p.title,
              id: url,
              link: url,
              description: p.summary ?? undefined,
              date: p.published_at ?? new Date(p.updated_at),
            });
          }
          return format === 'rss'
            ? { type: 'application/rss+xml; charset=utf-8', body: feed.rss2() }
            : { type: 'application/atom+xml; charset=utf-8', body: feed.atom1() };
        },
      ),
    );
  feedRoute('/situs/:site/rss.xml', 'rss');
  feedRoute('/situs/:site/atom.xml', 'atom');
  for (const [segment, kind] of [
    ['kategori', 'category'],
    ['tag', 'tag'],
  ] as const) {
    feedRoute(`/situs/:site/${segment}/:slug/rss.xml`, 'rss', kind);
    feedRoute(`/situs/:site/${segment}/:slug/atom.xml`, 'atom', kind);
  }

  const calendar = (platform: Platform, ctx: ReturnType<typeof portalContext>, view: SiteView) => {
    return {
      cal: ical({
        name: view.site.name,
        prodId: { company: 'Balai', product: 'websites', language: 'ID' },
        timezone: ctx.tenant.timeZone,
      }),
      add(
        cal: ReturnType<typeof ical>,
        p: {
          id: string;
          kind: 'agenda';
          slug: string;
          title: string;
          summary: string | null;
          details: unknown;
        },
      ) {
        const starts = startsOf(p as { details: Record<string, unknown> });
        if (!starts) return;
        const d = p.details as { endsAt?: string; allDay?: boolean; location?: string };
        cal.createEvent({
          id: `${p.id}@${view.site.slug}`,
          start: new Date(starts),
          end: d.endsAt ? new Date(d.endsAt) : undefined,
          allDay: d.allDay === true,
          summary: p.title,
          description: p.summary ?? undefined,
          location: d.location,
          url: absolute(platform, ctx, view, `/agenda/${p.slug}`),
        });
      },
    };
  };

  app.get('/situs/:site/agenda.ics', optional, (request, reply) =>
    sendMade(platform, request, reply, siteTag((request.params as { site: string }).site), async (scope) => {
      const ctx = portalContext(platform, request);
      const view = await siteOf(platform, request, scope);
      const { cal, add } = calendar(platform, ctx, view);
      const since = new Date(Date.now() - 90 * 86_400_000);
      const items = await publishedList(scope, view.site.id, {
        kinds: ['agenda'],
        limit: 500,
        offset: 0,
        when: { side: 'upcoming', now: since },
      });
      for (const p of items.slice(0, 500)) add(cal, { ...p, kind: 'agenda' });
      return { type: 'text/calendar; charset=utf-8', body: cal.toString() };
    }),
  );

  app.get('/situs/:site/agenda/:slug/kalender.ics', optional, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    reply.header('content-disposition', `attachment; filename="${slug.replace(/[^a-z0-9-]/g, '')}.ics"`);
    return sendMade(
      platform,
      request,
      reply,
      siteTag((request.params as { site: string }).site),
      async (scope) => {
        const ctx = portalContext(platform, request);
        const view = await siteOf(platform, request, scope);
        const post = await publishedPost(scope, view.site.id, 'agenda', slug);
        if (!post) throw notFound('page');
        const { cal, add } = calendar(platform, ctx, view);
        add(cal, { ...post, kind: 'agenda' });
        return { type: 'text/calendar; charset=utf-8', body: cal.toString() };
      },
    );
  });

  app.get('/situs/:site/sitemap.xml', optional, (request, reply) =>
    sendMade(platform, request, reply, siteTag((request.params as { site: string }).site), async (scope) => {
      const ctx = portalContext(platform, request);
      const view = await siteOf(platform, request, scope);
      const rows = await sitemapRows(scope, view.site.id);
      const urls = [
        `<url><loc>${escapeXml(absolute(platform, ctx, view, ''))}</loc></url>`,
        ...rows.flatMap((r) => {
          const path = postPath(r, view.paths);
          return path
            ? [
                `<url><loc>${escapeXml(absolute(platform, ctx, view, path))}</loc><lastmod>${new Date(r.updated_at).toISOString()}</lastmod></url>`,
              ]
            : [];
        }),
      ];
      return {
        type: 'application/xml; charset=utf-8',
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`,
      };
    }),
  );

  app.get('/situs/sitemap.xml', optional, (request, reply) =>
    sendMade(platform, request, reply, SITES_TAG, async (scope) => {
      const ctx = portalContext(platform, request);
      const sites = await listSites(scope);
      const changes = await lastChanges(scope);
      const entries = sites.map((site) => {
        const view = { site, root: '', menu: [], pages: [], paths: new Map() } as SiteView;
        const last = changes.get(site.id);
        return `<sitemap><loc>${escapeXml(absolute(platform, ctx, view, '/sitemap.xml'))}</loc>${last ? `<lastmod>${last.toISOString()}</lastmod>` : ''}</sitemap>`;
      });
      return {
        type: 'application/xml; charset=utf-8',
        body: `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</sitemapindex>\n`,
      };
    }),
  );
}
