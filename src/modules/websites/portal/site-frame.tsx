/**
 * The frame of a site's pages inside the tenant's layout: the site's name, logo and tagline, its
 * menu, a search form, breadcrumbs, and its footer (address, contacts, social links); with the
 * site's own styles for a phone and for print (menus, forms and paging are not printed, a link's
 * address is). No script: the menu is a plain list that wraps on a small screen.
 */
import type { ReactNode } from 'react';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import type { PortalContext } from '../../../platform/sdk/portal.ts';
import { type PostSummary, publishedByIds, publishedPages } from '../repo/public.ts';
import type { SiteRow } from '../repo/sites.ts';
import { findSite } from '../repo/sites.ts';
import {
  type MenuLink,
  menuLinks,
  menuPostIds,
  pagePaths,
  postPath,
  siteRoot,
} from '../services/public-site.ts';

/** A site as its pages draw it: the row, its root, its menu as links, its pages' paths. */
export type SiteView = {
  site: SiteRow;
  root: string;
  menu: MenuLink[];
  pages: PostSummary[];
  paths: Map<string, string>;
};

/** The site by slug with its menu and pages, or undefined (a 404). */
export async function loadSiteView(
  scope: TenantScope,
  slug: string,
  portalBase: string,
): Promise<SiteView | undefined> {
  const site = await findSite(scope, slug);
  if (!site) return undefined;
  const root = siteRoot(portalBase, site.slug);
  const pages = await publishedPages(scope, site.id);
  const paths = pagePaths(pages);
  const ids = menuPostIds(site.menu ?? []);
  const named = new Map<string, Pick<PostSummary, 'id' | 'kind' | 'slug'>>(pages.map((p) => [p.id, p]));
  const missing = ids.filter((id) => !named.has(id));
  for (const p of await publishedByIds(scope, site.id, missing)) named.set(p.id, p);
  return { site, root, menu: menuLinks(site.menu ?? [], root, named, paths), pages, paths };
}

/** The link to a post of the site, or null if it has no public address. */
export function linkTo(view: SiteView, post: Pick<PostSummary, 'id' | 'kind' | 'slug'>): string | null {
  const path = postPath(post, view.paths);
  return path ? `${view.root}${path}` : null;
}

export const SITE_CSS = `
.site-head{display:flex;gap:1rem;align-items:center;margin-bottom:.5rem}
.site-head img{width:64px;height:64px;object-fit:contain}
.site-head p{margin:0;color:#444}
.site-name{font-size:1.35rem;font-weight:700;text-decoration:none;color:inherit}
.site-menu ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:.5rem 0;border-top:1px solid #d0d5dd;border-bottom:1px solid #d0d5dd}
.site-menu ul ul{display:block;border:0;padding:0 0 0 1rem;font-size:.95rem}
.site-menu a{display:inline-block;padding:.35rem 0}
.site-search{display:flex;gap:.5rem;margin:.75rem 0}
.site-search input{flex:1}
.crumbs ol{display:flex;flex-wrap:wrap;list-style:none;padding:0;margin:.75rem 0;font-size:.9rem}
.crumbs li+li::before{content:"›";padding:0 .4rem;color:#555}
.post-body{background:#fff;border:1px solid #d0d5dd;border-radius:.5rem;padding:1rem;overflow-wrap:break-word}
.post-body img,.post-figure img{max-width:100%;height:auto}
.post-figure{margin:0 0 1rem}
.post-figure figcaption{color:#555;font-size:.9rem}
.paging{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
.site-foot{border-top:1px solid #d0d5dd;margin-top:2rem;padding-top:1rem}
.site-foot ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
mark{background:#fff1a8;color:inherit}
@media print{
.top,.foot,.skip,.site-menu,.site-search,.paging,.filters,.feeds{display:none}
body{background:#fff;font-size:12pt}
.post-body,.tile,.card,.list li{border:0;padding:0}
.post-body a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
a{color:inherit}
}
`;

/** A site's page: its header, menu and search above, breadcrumbs, the content, its footer below. */
export function SiteFrame({
  ctx,
  view,
  crumbs,
  children,
}: {
  ctx: PortalContext;
  view: SiteView;
  crumbs: readonly { label: string; href?: string }[];
  children: ReactNode;
}) {
  const { t } = ctx;
  const { site, root } = view;
  const footer = site.footer ?? {};
  return (
    <>
      <style>{SITE_CSS}</style>
      <header className="site-head">
        {site.logo_key ? <img src={`${root}/logo`} alt="" width={64} height={64} /> : null}
        <div>
          <a className="site-name" href={root}>
            {site.name}
          </a>
          {site.tagline ? <p>{site.tagline}</p> : null}
        </div>
      </header>
      {view.menu.length > 0 ? (
        <nav className="site-menu" aria-label={t('websites.site.siteMenu')}>
          <MenuList links={view.menu} />
        </nav>
      ) : null}
      <form className="site-search" method="get" action={`${root}/cari`}>
        <label className="vh" htmlFor="site-q">
          {t('websites.site.searchLabel')}
        </label>
        <input type="search" id="site-q" name="q" maxLength={200} />
        <button type="submit" className="secondary">
          {t('websites.site.search')}
        </button>
      </form>
      {crumbs.length > 0 ? (
        <nav className="crumbs" aria-label={t('websites.site.breadcrumbs')}>
          <ol>
            <li>
              <a href={root}>{site.name}</a>
            </li>
            {crumbs.map((c, i) => (
              <li key={`${c.label}|${c.href ?? ''}`}>
                {c.href && i < crumbs.length - 1 ? (
                  <a href={c.href}>{c.label}</a>
                ) : (
                  <span aria-current="page">{c.label}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      {children}
      <footer className="site-foot">
        <h2 className="vh">{site.name}</h2>
        <dl className="details">
          {footer.address ? (
            <>
              <dt>{t('websites.site.address')}</dt>
              <dd>{footer.address}</dd>
            </>
          ) : null}
          {footer.phone ? (
            <>
              <dt>{t('websites.site.phone')}</dt>
              <dd>
                <a href={`tel:${footer.phone.replace(/[^+\d]/g, '')}`}>{footer.phone}</a>
              </dd>
            </>
          ) : null}
          {footer.email ? (
            <>
              <dt>{t('websites.site.email')}</dt>
              <dd>
                <a href={`mailto:${footer.email}`}>{footer.email}</a>
              </dd>
            </>
          ) : null}
          {footer.hours ? (
            <>
              <dt>{t('websites.site.hours')}</dt>
              <dd>{footer.hours}</dd>
            </>
          ) : null}
        </dl>
        {(footer.social ?? []).length > 0 ? (
          <ul aria-label={t('websites.site.social')}>
            {(footer.social ?? []).map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="me noopener">
                  {s.kind}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="feeds">
          {t('websites.site.feeds')}: <a href={`${root}/rss.xml`}>{t('websites.site.rss')}</a> ·{' '}
          <a href={`${root}/atom.xml`}>{t('websites.site.atom')}</a> ·{' '}
          <a href={`${root}/agenda.ics`}>{t('websites.site.calendarFeed')}</a>
        </p>
      </footer>
    </>
  );
}

function MenuList({ links }: { links: MenuLink[] }) {
  return (
    <ul>
      {links.map((l) => (
        <li key={`${l.label}-${l.href}`}>
          <a href={l.href}>{l.label}</a>
          {l.children.length > 0 ? <MenuList links={l.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
