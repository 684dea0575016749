/**
 * The citizen portal's own pages under `/t/<slug>/`: home (`home.tsx`: the tenant's live apps as tiles),
 * sign-in and sign-out; sign-up, password reset and my account (`account.tsx`); the adoption
 * network (`network.tsx`). Apps add their pages through their manifest's `portal` registrar, inside
 * this plugin, so that every portal error is an HTML page in the visitor's language rather than a
 * problem document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { actorOf, SESSION_COOKIE } from '../../platform/http/auth-hooks.ts';
import { sendProblem, toAppError } from '../../platform/http/problem.ts';
import { login, logout } from '../../platform/people/auth.ts';
import type { Platform } from '../../platform/platform.ts';
import { slugInPath } from '../../platform/tenancy/directory.ts';
import { consoleRoutes } from '../serve.ts';
import { accountPages } from './account.tsx';
import { homePage } from './home.tsx';
import { ErrorSummary, Field, href, type PortalContext, portalContext, sendPage } from './kit.tsx';
import { networkPage } from './network.tsx';
import { pwaRoutes } from './pwa.tsx';

/** Where to go after signing in: only a path of this tenant's portal (no open redirect). */
export function safeNext(ctx: PortalContext, next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith(`${ctx.base}/`) || next.startsWith('//'))
    return `${ctx.base}/`;
  if (/[\\\r\n]/.test(next) || next.includes('/../')) return `${ctx.base}/`;
  return next;
}

function cookiePath(ctx: PortalContext): string {
  return `${ctx.base}/`;
}

/** Registers the portal and, inside it, each module's portal pages. */
export async function portalRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  app.addHook('onRoute', (route) => {
    route.schema = { ...(route.schema ?? {}), hide: true };
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    else if (appError.status >= 500) request.log.warn({ err: error }, appError.code);
    // Refused before the tenant was bound (bad input at the edge, an unknown tenant): the page
    // still when the path names a tenant, else a problem document.
    if (!request.tenant) {
      return sendPortalErrorPage(platform, request, reply, appError) ?? sendProblem(request, reply, appError);
    }
    const ctx = portalContext(platform, request);
    // A session that ended while the visitor was away: sign in again, then come back here.
    if (appError.code === 'unauthenticated' || appError.code === 'csrf') {
      return reply.redirect(
        href(ctx, '/masuk', { next: request.method === 'GET' ? ctx.url : undefined, expired: '1' }),
        303,
      );
    }
    return sendErrorPage(reply, ctx, appError);
  });
  // Paths of the tenant that match no route: machine paths keep their problem document, people get a page.
  app.setNotFoundHandler((request, reply) => {
    const error = new AppError('not_found', { params: { entity: 'route' } });
    return sendPortalErrorPage(platform, request, reply, error) ?? sendProblem(request, reply, error);
  });

  homePage(app, platform);

  app.get<{ Querystring: { next?: string; expired?: string; reset?: string } }>(
    '/masuk',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      return sendPage(
        reply,
        ctx,
        signInPage(ctx, {
          next: request.query.next,
          expired: request.query.expired === '1',
          reset: request.query.reset === '1',
        }),
      );
    },
  );

  app.post<{ Body: { login?: string; password?: string; next?: string } }>(
    '/masuk',
    {
      config: {
        auth: 'none',
        rateLimit: { max: platform.config.login.ratePerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const body = (request.body ?? {}) as { login?: unknown; password?: unknown; next?: unknown };
      const loginName = typeof body.login === 'string' ? body.login.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const errors: Record<string, string> = {};
      if (!loginName) errors.login = ctx.t('field.required');
      if (!password) errors.password = ctx.t('field.required');
      if (Object.keys(errors).length) {
        return sendPage(reply, ctx, {
          ...signInPage(ctx, { next: body.next, login: loginName, errors }),
          status: 400,
        });
      }
      const result = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
        login(
          scope,
          { login: loginName, password, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
          { ...platform.config.login, sessionTtlHours: platform.config.sessionTtlHours },
        ),
      );
      if (!result.ok) {
        const message =
          result.error.code === 'locked' || result.error.code === 'rate_limited'
            ? ctx.t(`detail.${result.error.detailKey}`, {
                ...result.error.params,
                defaultValue: ctx.t('portal.signInFailed'),
              })
            : ctx.t('portal.signInFailed');
        return sendPage(reply, ctx, {
          ...signInPage(ctx, { next: body.next, login: loginName, errors: { password: message } }),
          status: result.error.status,
        });
      }
      reply.setCookie(SESSION_COOKIE, result.secret, {
        httpOnly: true,
        sameSite: 'lax',
        secure: platform.config.secureCookies,
        path: cookiePath(ctx),
        expires: result.expiresAt,
      });
      return reply.redirect(safeNext(ctx, body.next), 303);
    },
  );

  app.post('/keluar', { config: { auth: 'optional' } }, async (request, reply: FastifyReply) => {
    const ctx = portalContext(platform, request);
    const sessionId = request.principal?.sessionId;
    if (sessionId)
      await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) => logout(scope, sessionId));
    reply.clearCookie(SESSION_COOKIE, { path: cookiePath(ctx) });
    // The report form's offline drafts (IndexedDB) hold personal data: the next page's script
    // (`client/register.ts`) deletes them, told so by this cookie, which it then removes (same name
    // in `client/lib/store.ts`; 7 days, the drafts' own lifetime). Not `Clear-Site-Data: "storage"`:
    // it acts on the whole origin — every tenant's portal under /t/ and the staff console — and
    // unregisters the service worker and its offline copies (ADR 0013).
    reply.setCookie('balai_keluar', '1', {
      path: cookiePath(ctx),
      sameSite: 'lax',
      secure: platform.config.secureCookies,
      maxAge: 7 * 86_400,
    });
    return reply.redirect(`${ctx.base}/`, 303);
  });

  // The staff console's single page (its own scripts talk to the API).
  consoleRoutes(app, platform);
  await accountPages(app, platform);
  networkPage(app, platform);
  // Installable and offline: the manifest, icons, service worker and offline page.
  pwaRoutes(app, platform);

  for (const module of platform.modules) {
    if (!module.portal) continue;
    await app.register(async (moduleApp) => {
      moduleApp.addHook('onRoute', (route) => {
        route.config = { ...(route.config as object), app: module.code };
      });
      await module.portal?.(moduleApp, platform);
    });
  }
}

/** A data document at a tenant's path (`/catalog.ttl`, `/dataset/<name>.jsonld`), whoever serves it. */
const DATA_DOCUMENT = /\.(ttl|jsonld|rdf|nt|n3|json|geojson|csv|xml)$/i;

/**
 * Whether programs read this path of a tenant, so that its errors are problem documents: the APIs,
 * an app's declared `machinePaths` (`/ogc`), and documents in a data format.
 */
function isMachinePath(platform: Platform, url: string): boolean {
  const rest = url.replace(/^\/t\/[^/?]+/, '');
  if (/^\/(api|open311)(\/|\?|$)/.test(rest)) return true;
  if (DATA_DOCUMENT.test(rest.split('?', 1)[0]!)) return true;
  return platform.modules.some((m) =>
    (m.machinePaths ?? []).some((p) => rest === p || rest.startsWith(`${p}/`) || rest.startsWith(`${p}?`)),
  );
}

/**
 * The error page a person gets on a path of a tenant's portal (a page, not `/api/…`,
 * `/open311/…`, an app's machine path or a data document such as `/catalog.ttl`), also for a
 * path that matches no route or that the router refused (a malformed percent-escape); undefined
 * elsewhere, where the caller answers a problem document.
 */
export function sendPortalErrorPage(
  platform: Platform,
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply | undefined {
  const slug = slugInPath(request.url);
  const tenant = slug ? platform.directory.bySlug(slug) : undefined;
  if (!tenant || isMachinePath(platform, request.url)) return undefined;
  request.tenant = tenant;
  return sendErrorPage(reply, portalContext(platform, request), error);
}

function sendErrorPage(reply: FastifyReply, ctx: PortalContext, error: AppError) {
  const { t } = ctx;
  const notFound = error.code === 'not_found';
  if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
  return sendPage(reply, ctx, {
    title: notFound ? t('portal.notFoundTitle') : t('portal.errorTitle'),
    status: error.status,
    body: (
      <>
        <h1>{notFound ? t('portal.notFoundTitle') : t('portal.errorTitle')}</h1>
        <p>
          {notFound ? t('portal.notFound') : t(`detail.${error.detailKey}`, { ...error.params, entity: '' })}
        </p>
        <p>
          <a href={`${ctx.base}/`}>{t('portal.backHome')}</a>
        </p>
      </>
    ),
  });
}

function signInPage(
  ctx: PortalContext,
  opts: {
    next?: unknown;
    login?: string;
    errors?: Record<string, string>;
    expired?: boolean;
    reset?: boolean;
  },
) {
  const { t } = ctx;
  const errors = opts.errors ?? {};
  return {
    title: t('portal.signInTitle'),
    body: (
      <>
        <h1>{t('portal.signInTitle')}</h1>
        {opts.expired ? <p className="notice">{t('portal.sessionExpired')}</p> : null}
        {opts.reset ? (
          <p className="notice" role="status">
            {t('portal.resetDone')}
          </p>
        ) : null}
        <p>{t('portal.signInIntro')}</p>
        <ErrorSummary errors={errors} t={t} />
        <form method="post" action={`${ctx.base}/masuk`} className="card" noValidate>
          <input type="hidden" name="next" value={safeNext(ctx, opts.next)} />
          <Field id="login" label={t('portal.login')} error={errors.login} required t={t}>
            {(aria) => (
              <input
                type="text"
                name="login"
                autoComplete="username"
                defaultValue={opts.login ?? ''}
                {...aria}
              />
            )}
          </Field>
          <Field id="password" label={t('portal.password')} error={errors.password} required t={t}>
            {(aria) => <input type="password" name="password" autoComplete="current-password" {...aria} />}
          </Field>
          <button type="submit" className="cta">
            {t('portal.signIn')}
          </button>
          <p>
            <a href={href(ctx, '/lupa-sandi')}>{t('portal.forgotLink')}</a>
          </p>
        </form>
        <p>
          {t('portal.signInNoAccount')} <a href={href(ctx, '/daftar')}>{t('portal.signUpLink')}</a>
        </p>
      </>
    ),
  };
}
