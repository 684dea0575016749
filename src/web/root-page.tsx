/**
 * The server's root (`/`, the address `npm start` prints): a page listing the tenants' portals,
 * each with its logo, name and link, so that a person who opens Balai finds a region rather than a
 * JSON 404. Unknown paths at the root that a browser asks for as a page get a page too; machine
 * paths (`/api/…`, `/open311/…`, `/assets/…`, `/t/…`) keep their problem documents.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../platform/db/schema.ts';
import { translator } from '../platform/i18n/index.ts';
import type { Platform } from '../platform/platform.ts';
import { PLATFORM_BLUE } from './branding.ts';
import { languageOf } from './language.ts';
import './portal/kit.tsx';
import { PORTAL_CSS } from './portal/style.ts';
import { contentSecurityPolicy } from './serve.ts';

/** Root paths that are for programs, whose unknown paths answer a problem document. */
const MACHINE_PATH = /^\/(api|open311|assets|t|healthz|readyz|metrics)(\/|\?|$)/;

/** Whether an unknown root path should get the page rather than a problem document. */
export function wantsRootPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (MACHINE_PATH.test(request.url)) return false;
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

function Page(props: { lang: Language; t: TFunction; title: string; path: string; children: ReactNode }) {
  const { lang, t } = props;
  const other = lang === 'id' ? 'en' : 'id';
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Balai`}</title>
        <style>{`:root{--primary:${PLATFORM_BLUE}}${PORTAL_CSS}`}</style>
      </head>
      <body>
        <a className="skip" href="#main">
          {t('portal.skip')}
        </a>
        <header className="top">
          <div className="wrap top-row">
            <a className="brand" href="/">
              <span>Balai</span>
            </a>
            <nav aria-label={t('portal.menu')}>
              <ul className="nav">
                <li>
                  <a href={`${props.path}?lang=${other}`} hrefLang={other} lang={other}>
                    {t('portal.switchTo')}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="wrap">
          {props.children}
        </main>
        <footer className="wrap foot">
          <p>
            <a href="/api/docs">{t('portal.root.apiDocs')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

function send(
  reply: FastifyReply,
  platform: Platform,
  lang: Language,
  status: number,
  page: ReactNode,
  logos: (string | null)[] = [],
) {
  return reply
    .status(status)
    .header('content-language', lang)
    .header('cache-control', 'no-store')
    .header('content-security-policy', contentSecurityPolicy(platform, logos))
    .header('referrer-policy', 'same-origin')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${renderToStaticMarkup(page)}`);
}

/** `GET /`: the tenants' portals. */
export function rootPage(app: FastifyInstance, platform: Platform): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const lang = languageOf(request);
    const t = translator(lang);
    const tenants = platform.directory
      .all()
      .map((tenant) => ({ tenant, name: tenant.branding.displayName || tenant.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id'));
    const title = t('portal.root.title');
    return send(
      reply,
      platform,
      lang,
      200,
      <Page lang={lang} t={t} title={title} path="/">
        <h1>{title}</h1>
        <p className="lead">{t('portal.root.intro')}</p>
        {tenants.length === 0 ? (
          <p className="card">{t('portal.root.empty')}</p>
        ) : (
          <ul className="tiles" aria-label={t('portal.root.caption')}>
            {tenants.map(({ tenant, name }) => (
              <li className="tile region" key={tenant.slug}>
                {tenant.branding.logoUrl ? (
                  <img src={tenant.branding.logoUrl} alt="" width={40} height={40} />
                ) : null}
                <h2>
                  <a href={`/t/${tenant.slug}/`}>{name}</a>
                </h2>
                <p>{t(`portal.root.kind.${tenant.kind}`)}</p>
              </li>
            ))}
          </ul>
        )}
      </Page>,
      tenants.map(({ tenant }) => tenant.branding.logoUrl),
    );
  });
}

/** The page for an unknown root path that a browser asked for (see {@link wantsRootPage}). */
export function sendRootNotFound(platform: Platform, request: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(request);
  const t = translator(lang);
  return send(
    reply,
    platform,
    lang,
    404,
    // The language link goes to the list: the unknown path is the visitor's text, never a link.
    <Page lang={lang} t={t} title={t('portal.notFoundTitle')} path="/">
      <h1>{t('portal.notFoundTitle')}</h1>
      <p>{t('portal.notFound')}</p>
      <p>
        <a href="/">{t('portal.root.backToList')}</a>
      </p>
    </Page>,
  );
}
