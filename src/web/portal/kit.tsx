/**
 * The citizen portal's kit: the request's portal context, the page layout in the tenant's branding
 * and language, form fields that show their error beside them, and the one function that sends a
 * page. Pages are React components rendered to static HTML on the server: React escapes every
 * value, so nothing a user typed can become markup. Apps build their pages with this kit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Language } from '../../platform/db/schema.ts';
import type { AppError } from '../../platform/errors.ts';
import { encodedBody, type SharedBody } from '../../platform/http/compression.ts';
import { addMessages, translator } from '../../platform/i18n/index.ts';
import { LOCALES } from '../../platform/i18n/locales.ts';
import type { PrincipalUser } from '../../platform/people/auth.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Area } from '../../platform/tenancy/area.ts';
import type { VerifiedTenant } from '../../platform/tenancy/directory.ts';
import { headerColor } from '../branding.ts';
import { LANG_COOKIE, languageOf } from '../language.ts';
import { contentSecurityPolicy, portalScript, scriptJson } from '../serve.ts';
import { portalMessages } from './messages.ts';
import { PORTAL_CSS } from './style.ts';

addMessages('portal', portalMessages);

export { LANG_COOKIE };

/** What every portal page knows about its request. */
export type PortalContext = Readonly<{
  platform: Platform;
  tenant: VerifiedTenant;
  lang: Language;
  t: TFunction;
  /** The tenant's portal root: `/t/<slug>`. */
  base: string;
  /** The request's path and query, to come back to after signing in or switching language. */
  url: string;
  user: PrincipalUser | null;
  /** The session's CSRF token, for forms that change something (null when not signed in). */
  csrf: string | null;
}>;

/** The portal context of a tenant request (after tenant resolution and authentication). */
export function portalContext(platform: Platform, request: FastifyRequest): PortalContext {
  const tenant = request.tenant!;
  const lang = languageOf(request);
  return {
    platform,
    tenant,
    lang,
    t: translator(lang),
    base: `/t/${tenant.slug}`,
    url: request.url,
    user: request.principal?.user ?? null,
    csrf: request.principal?.via === 'session' ? (request.principal.csrfToken ?? null) : null,
  };
}

/**
 * A query parameter as one trimmed text, or undefined when absent or empty. A parameter given
 * twice (`?day=a&day=b`) arrives as an array: its first value counts.
 */
export function queryText(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  const text = first.trim();
  return text === '' ? undefined : text;
}

/** A path under the tenant's portal, with an optional query (empty values left out). */
export function href(
  ctx: PortalContext,
  path: string,
  query: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return `${ctx.base}${path}${qs ? `?${qs}` : ''}`;
}

export { headerColor };

/** A page's content rendered to markup ahead of time, so that it can be cached and sent again. */
export type Prerendered = Readonly<{ __html: string; prerendered: true }>;

/** Renders a page's content to static markup (React escapes every value), for a cache to keep. */
export function prerender(body: ReactNode): Prerendered {
  return { __html: renderToStaticMarkup(body), prerendered: true };
}

function isPrerendered(body: ReactNode | Prerendered): body is Prerendered {
  return typeof body === 'object' && body !== null && 'prerendered' in body && body.prerendered === true;
}

export type PageContent = Readonly<{
  title: string;
  /** The page's content: React nodes, or markup rendered earlier with {@link prerender} (a cached page). */
  body: ReactNode | Prerendered;
  status?: number;
  /** Scripts (URLs, ES modules) the page enhances itself with; the page works without them. */
  scripts?: readonly string[];
  /** Style sheets (URLs) those scripts need. */
  styles?: readonly string[];
  /** Data for the scripts, as JSON in `<script type="application/json" id="page-data">`. */
  data?: Readonly<Record<string, unknown>>;
  /** What the page says of itself to search engines, feed readers and link previews. */
  head?: PageHead;
  /**
   * Other origins the page's content loads from (`https://…` only; anything else is ignored): its
   * images (`img-src`) and its embedded frames (`frame-src`), e.g. a video on
   * youtube-nocookie.com that a post embeds. Nothing is allowed that a page does not ask for.
   */
  sources?: Readonly<{ images?: readonly string[]; frames?: readonly string[] }>;
}>;

/**
 * A page's description for search engines and link previews: its summary, its one address
 * (`canonical`, absolute or under the portal), Open Graph and similar `<meta>` (`property` or
 * `name`), structured data (schema.org objects, written as JSON-LD) and its feeds (`alternates`).
 */
export type PageHead = Readonly<{
  description?: string;
  canonical?: string;
  meta?: readonly Readonly<{ property?: string; name?: string; content: string }>[];
  jsonLd?: readonly Readonly<Record<string, unknown>>[];
  alternates?: readonly Readonly<{ type: string; title: string; href: string }>[];
}>;

/** The `<head>` elements of a page's {@link PageHead}; every value escaped by React or as script JSON. */
function HeadOf({ head }: { head: PageHead | undefined }) {
  if (!head) return null;
  return (
    <>
      {head.description ? <meta name="description" content={head.description} /> : null}
      {head.canonical ? <link rel="canonical" href={head.canonical} /> : null}
      {(head.meta ?? []).map((m) => (
        <meta
          key={`${m.property ?? m.name}:${m.content}`}
          property={m.property}
          name={m.name}
          content={m.content}
        />
      ))}
      {(head.alternates ?? []).map((a) => (
        <link key={a.href} rel="alternate" type={a.type} title={a.title} href={a.href} />
      ))}
      {(head.jsonLd ?? []).map((data, i) => (
        <script
          // biome-ignore lint/suspicious/noArrayIndexKey: the page's objects in their given order
          key={i}
          type="application/ld+json"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON made safe for a script element
          dangerouslySetInnerHTML={{ __html: scriptJson(data) }}
        />
      ))}
    </>
  );
}

/**
 * A whole page rendered ahead of time (see {@link renderPage}): the document and its status, and
 * (kept by the first send) its bytes and gzip for the next visitors of a cached page.
 */
export type RenderedPage = Readonly<{ document: string; status: number; csp: string }> & SharedBody;

function pagePolicy(ctx: PortalContext, page: PageContent): string {
  return contentSecurityPolicy(
    ctx.platform,
    [ctx.tenant.branding.logoUrl, ...(page.sources?.images ?? [])],
    page.sources?.frames ?? [],
  );
}

/** Renders `page` in the tenant's layout as an HTML document, for sending now or from a cache. */
export function renderPage(ctx: PortalContext, page: PageContent): RenderedPage {
  return {
    document: `<!doctype html>${renderToStaticMarkup(<Layout ctx={ctx} page={page} />)}`,
    status: page.status ?? 200,
    csp: pagePolicy(ctx, page),
  };
}

/** Sends `page` (or a page rendered earlier) in the tenant's layout as an HTML document. */
export function sendPage(
  reply: FastifyReply,
  ctx: PortalContext,
  page: PageContent | RenderedPage,
): FastifyReply {
  if (ctx.lang !== reply.request.cookies?.[LANG_COOKIE] && (reply.request.query as { lang?: string })?.lang) {
    reply.setCookie(LANG_COOKIE, ctx.lang, { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });
  }
  // A page rendered earlier comes from a cache: its encodings are kept with it for the next send.
  const cached = 'document' in page;
  const rendered = cached ? page : renderPage(ctx, page);
  return (
    reply
      .status(rendered.status)
      .header('content-language', ctx.lang)
      .header('cache-control', 'no-store')
      .header('content-security-policy', rendered.csp)
      .header('x-content-type-options', 'nosniff')
      // A page may ask for less (the password-reset page sends no referrer at all).
      .header('referrer-policy', reply.getHeader('referrer-policy') ?? 'same-origin')
      .type('text/html; charset=utf-8')
      .send(encodedBody(reply.request, reply, rendered.document, cached ? rendered : undefined))
  );
}

/**
 * Sends a page of public data through a cache: for a visitor who is not signed in, the whole
 * document (rendered for `canonicalUrl`, so that no visitor's own query reaches another's links);
 * for a signed-in one, the content only ({@link prerender}), the layout with their name and
 * sign-out form drawn for them. `cache` keeps values under the caller's keys (an app's tenant cache:
 * the app's writers invalidate it); `key` must name everything the page's content depends on, or be
 * null for a page not worth keeping (drawn now). `page` gets a context without the visitor (no
 * user, no CSRF token, the canonical address), so that nothing of theirs can enter a cached page.
 */
export async function sendCachedPage(
  reply: FastifyReply,
  ctx: PortalContext,
  options: Readonly<{
    key: string | null;
    canonicalUrl: string;
    cache: <T>(key: string, load: () => Promise<T>) => Promise<T>;
    page: (ctx: PortalContext) => Promise<PageContent>;
  }>,
): Promise<FastifyReply> {
  const visitorless: PortalContext = { ...ctx, user: null, csrf: null, url: options.canonicalUrl };
  const { key } = options;
  if (key === null) return sendPage(reply, ctx, await options.page(visitorless));
  if (ctx.user === null) {
    const rendered = await options.cache(`document:${key}`, async () =>
      renderPage(visitorless, await options.page(visitorless)),
    );
    return sendPage(reply, ctx, rendered);
  }
  const content = await options.cache(`content:${key}`, async () => {
    const page = await options.page(visitorless);
    return { ...page, body: isPrerendered(page.body) ? page.body : prerender(page.body) };
  });
  return sendPage(reply, ctx, content);
}

function Layout({ ctx, page }: { ctx: PortalContext; page: PageContent }) {
  const { t, tenant } = ctx;
  const primary = headerColor(tenant.branding.primaryColor);
  const name = tenant.branding.displayName || tenant.name;
  const other = ctx.lang === 'id' ? 'en' : 'id';
  const path = ctx.url.split('?')[0] ?? ctx.url;
  const query = new URLSearchParams(ctx.url.split('?')[1] ?? '');
  query.set('lang', other);
  const register = portalScript('register');
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${page.title} · ${name}`}</title>
        <meta name="theme-color" content={primary} />
        <link rel="manifest" href={`${ctx.base}/manifest.webmanifest`} />
        <link rel="icon" type="image/png" sizes="192x192" href={`${ctx.base}/icon-192.png`} />
        <link rel="apple-touch-icon" href={`${ctx.base}/icon-192.png`} />
        {(page.styles ?? []).map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <style>{`:root{--primary:${primary}}${PORTAL_CSS}`}</style>
        <HeadOf head={page.head} />
      </head>
      <body>
        <a className="skip" href="#main">
          {t('portal.skip')}
        </a>
        <header className="top">
          <div className="wrap top-row">
            <a className="brand" href={`${ctx.base}/`}>
              {tenant.branding.logoUrl ? (
                <img src={tenant.branding.logoUrl} alt="" width={32} height={32} />
              ) : null}
              <span>{name}</span>
            </a>
            <nav aria-label={t('portal.menu')}>
              <ul className="nav">
                <li>
                  <a href={`${ctx.base}/`}>{t('portal.home')}</a>
                </li>
                <li>
                  <a href={`${path}?${query.toString()}`} hrefLang={other} lang={other}>
                    {t('portal.switchTo')}
                  </a>
                </li>
                {ctx.user ? (
                  <>
                    <li>
                      <a href={href(ctx, '/akun')}>{t('portal.myAccount')}</a>
                    </li>
                    {ctx.user.kind === 'staff' ? (
                      <li>
                        <a href={`${ctx.base}/konsol`}>{t('portal.console')}</a>
                      </li>
                    ) : null}
                    <li>
                      <form method="post" action={`${ctx.base}/keluar`} className="inline">
                        <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
                        <button type="submit" className="link">
                          {t('portal.signOut')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <>
                    <li>
                      <a href={href(ctx, '/masuk', { next: withoutSecrets(ctx.url) })}>
                        {t('portal.signIn')}
                      </a>
                    </li>
                    <li>
                      <a href={href(ctx, '/daftar')}>{t('portal.signUp')}</a>
                    </li>
                  </>
                )}
              </ul>
            </nav>
          </div>
          {ctx.user ? (
            <p className="wrap who">{t('portal.signedInAs', { name: ctx.user.displayName })}</p>
          ) : null}
        </header>
        {isPrerendered(page.body) ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: markup React rendered (and escaped) in prerender()
          <main id="main" className="wrap" dangerouslySetInnerHTML={{ __html: page.body.__html }} />
        ) : (
          <main id="main" className="wrap">
            {page.body}
          </main>
        )}
        <footer className="wrap foot">
          <p>
            <a href={href(ctx, '/jaringan')}>{t('portal.network')}</a> ·{' '}
            <a href={`${ctx.base}/konsol`}>{t('portal.forStaff')}</a>
          </p>
          <p>{t('portal.footer', { tenant: tenant.name })}</p>
        </footer>
        {page.data ? (
          <script
            type="application/json"
            id="page-data"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON made safe for a script element
            dangerouslySetInnerHTML={{ __html: scriptJson(page.data) }}
          />
        ) : null}
        {(page.scripts ?? []).map((src) => (
          <script key={src} type="module" src={src} />
        ))}
        {register ? <script type="module" src={register} data-sw={`${ctx.base}/sw.js`} /> : null}
      </body>
    </html>
  );
}

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => F): F {
  let format = formats.get(key) as F | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/** A date and time in the visitor's language and the tenant's zone (one formatter per pair, reused). */
export function when(ctx: PortalContext, iso: string): string {
  return cached(
    `when|${ctx.lang}|${ctx.tenant.timeZone}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[ctx.lang], {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: ctx.tenant.timeZone,
      }),
  ).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD) in the visitor's language: "2 Des 2026", or "2 Des" when short. */
export function dayText(ctx: PortalContext, day: string, short = false): string {
  return cached(
    `day|${ctx.lang}|${short}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[ctx.lang], {
        day: 'numeric',
        month: 'short',
        ...(short ? {} : { year: 'numeric' }),
        timeZone: 'UTC',
      }),
  ).format(new Date(`${day}T00:00:00Z`));
}

/** A number in the visitor's language (12.500 / 12,500); `digits` after the decimal point at most. */
export function numberText(ctx: PortalContext, n: number, digits = 0): string {
  return cached(
    `number|${ctx.lang}|${digits}`,
    () => new Intl.NumberFormat(LOCALES[ctx.lang], { maximumFractionDigits: digits }),
  ).format(n);
}

/** The most positions of a tenant's area that a page carries for its map (about 50 KB of JSON). */
const MAP_AREA_POSITIONS = 2_000;

/**
 * The tenant's area for a page's map: the outline when small enough to send with every visit on a
 * phone (an area may hold up to 20,000 positions, about 0.5 MB), else null (the map then fits the
 * area's bounding box, `ctx.tenant.areaBBox`).
 */
export function mapArea(ctx: PortalContext): Area | null {
  const area = ctx.tenant.area;
  if (!area) return null;
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  const positions = polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
  return positions <= MAP_AREA_POSITIONS ? area : null;
}

/**
 * What a page's map script needs for its base (`addBasemap` of `sdk/client-map.ts`): the tiles,
 * their attribution, and the fallback's words in the visitor's language.
 */
export function basemapData(ctx: PortalContext) {
  const { map } = ctx.platform.config;
  return {
    tileUrl: map.tileUrl ?? null,
    attribution: map.attribution,
    texts: { tilesFailed: ctx.t('portal.map.tilesFailed'), legend: ctx.t('portal.map.legend') },
    areaLabel: ctx.t('portal.map.area'),
  };
}

/** A path and query with any `token` parameter (a password-reset link's) removed. */
export function withoutSecrets(url: string): string {
  return url.replace(/([?&])token=[^&#]*&?/g, '$1').replace(/[?&]$/, '');
}

/** Field errors of a validation error, by field name (`/body/description` → `description`). */
export function fieldErrors(error: AppError, t: TFunction): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of error.fields) {
    const name = f.path.split('/').filter(Boolean).pop() ?? '';
    out[name] ??= t(`field.${f.code}`, { ...f.params, defaultValue: t('field.invalid') });
  }
  return out;
}

/** A labelled form field with its hint and error tied to the control (aria-describedby). */
export function Field(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  /** Said after the label in brackets instead of "required"/"optional"; null: nothing (a group's legend says it). */
  note?: string | null;
  t: TFunction;
  children: (aria: {
    id: string;
    'aria-describedby'?: string;
    'aria-invalid'?: true;
    required?: boolean;
  }) => ReactNode;
}) {
  const described = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={props.error ? 'field has-error' : 'field'}>
      <label htmlFor={props.id}>
        {props.label}
        {props.note === null ? null : (
          <>
            {' '}
            <span className="req">
              ({props.note ?? (props.required ? props.t('portal.required') : props.t('portal.optional'))})
            </span>
          </>
        )}
      </label>
      {props.hint ? (
        <p className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
      {props.children({
        id: props.id,
        ...(described ? { 'aria-describedby': described } : {}),
        ...(props.error ? { 'aria-invalid': true as const } : {}),
        ...(props.required ? { required: true } : {}),
      })}
    </div>
  );
}

/**
 * A box that scrolls a wide table sideways on a phone, named by the table's caption; it takes the
 * keyboard's focus so that the arrow keys can scroll it too (WCAG 2.1.1).
 */
export function ScrollBox({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to be scrolled from the keyboard
    <section className="table-wrap" tabIndex={0} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}

/** The summary at the top of a form that did not pass, linking to each field in error. */
export function ErrorSummary({ errors, t }: { errors: Record<string, string>; t: TFunction }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    // Focus moves here when the page opens (GOV.UK's error summary), so the list is read first:
    // the page exists to say what to fix, and the focus follows the person's own send.
    // biome-ignore lint/a11y/noAutofocus: the error summary pattern moves focus to the summary
    <div className="summary" role="alert" tabIndex={-1} autoFocus>
      <p>{t('portal.formErrors')}</p>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
