/**
 * The HTTP application: one Fastify instance with the platform's hooks, root routes, tenant routes
 * under `/t/<slug>` (also reachable on a tenant's own host) and every module's routes behind the
 * adoption gate.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type HookHandlerDoneFunction,
} from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Config } from '../config.ts';
import { UNAVAILABLE_RETRY_SECONDS } from '../db/unavailable.ts';
import { AppError, notFound } from '../errors.ts';
import { pickLanguage } from '../i18n/index.ts';
import type { Platform } from '../platform.ts';
import { authenticate } from './auth-hooks.ts';
import { clientKey } from './client-address.ts';
import './context.ts';
import { portalRoutes } from '../../web/portal/routes.tsx';
import { rootPage, sendRootNotFound, wantsRootPage } from '../../web/root-page.tsx';
import { assetRoutes } from '../../web/serve.ts';
import { auditRoutes } from '../audit/routes.ts';
import { calendarRoutes } from '../calendar/routes.ts';
import { catalogueRootRoutes, catalogueTenantRoutes } from '../catalogue/routes.ts';
import { setupRoutes } from '../catalogue/setup-routes.ts';
import { widgetRoutes } from '../catalogue/widget-routes.ts';
import { eventRoutes } from '../events/routes.ts';
import { notifyRoutes } from '../notify/routes.ts';
import { peopleRoutes } from '../people/routes.ts';
import { slugInPath } from '../tenancy/directory.ts';
import { tenancyRootRoutes, tenancyTenantRoutes } from '../tenancy/routes.ts';
import { refuseBadBody, refuseNonFinite, refuseNulInUrl } from './edge.ts';
import { frameworkErrors, MAX_PARAM_LENGTH } from './framework-errors.ts';
import { registerMetrics } from './metrics.ts';
import { registerApiReference } from './openapi.ts';
import { sendProblem, toAppError } from './problem.ts';
import { type LogStream, loggerOptions, OneRecordPerRequest } from './request-log.ts';
import { registerSecurityHeaders } from './security-headers.ts';

/** Root paths that stay at the root on a tenant's own host (everything else is the tenant's). */
const ROOT_ONLY =
  /^\/(healthz|readyz|metrics|assets|api\/openapi\.json|api\/docs|api\/v1\/(tenants|catalogue|network|platform))(\/|\?|$)/;

/** `/readyz` answers "unavailable" when the database has not answered within this. */
const READY_WITHIN_MS = 800;

/** `logger: false` turns logging off; `logStream` receives the log instead of standard output. */
export type BuildOptions = { logger?: boolean; logStream?: LogStream };

function requestIdOf(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : crypto.randomUUID();
}

/**
 * Fastify's `trustProxy` for the configured TRUST_PROXY (never `true`: see config.ts). Fastify
 * reads a bare hop count as trusting no hop, since it cannot tell a proxy from a client that
 * reaches the server directly; the operator who sets `TRUST_PROXY=N` says that only the N proxies
 * reach it, so the last N hops (the socket's peer first) are trusted.
 */
function trustedProxies(setting: Config['trustProxy']) {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting === false ? false : [...setting];
}

/** Builds the Fastify application over a ready platform. */
export async function buildApp(platform: Platform, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config, directory } = platform;
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config, options.logStream),
    logController: new OneRecordPerRequest(),
    genReqId: requestIdOf,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrors(platform),
    trustProxy: trustedProxies(config.trustProxy),
    ajv: {
      customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true },
    },
    // A tenant's own host serves its `/t/<slug>` routes at the root.
    rewriteUrl(req) {
      const url = req.url ?? '/';
      if (url.startsWith('/t/') || ROOT_ONLY.test(url)) return url;
      const tenant = directory.byHost(req.headers.host);
      if (tenant) return `/t/${tenant.slug}${url}`;
      // An app's own host name (an agency's website): its root is the app's path under the tenant.
      const alias = directory.aliasOf(req.headers.host);
      if (!alias) return url;
      const rest = url === '/' ? '' : url.startsWith('/?') ? url.slice(1) : url;
      return `/t/${alias.tenant.slug}${alias.path}${rest}`;
    },
  });

  registerSecurityHeaders(app, config);
  app.decorateRequest('tenant', null);
  app.decorateRequest('lang', 'id');
  app.decorateRequest('principal', null);

  // The platform's own hooks on every request take a callback rather than being async: each async
  // hook costs a promise and a turn of the microtask queue, on a hot path of few microseconds.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const query = request.query as Record<string, unknown> | undefined;
    // Even a path that matches no route speaks the tenant's default language when it names a tenant.
    const slug = slugInPath(request.url);
    request.lang = pickLanguage(
      typeof query?.lang === 'string' ? query.lang : undefined,
      request.headers['accept-language'],
      slug ? directory.bySlug(slug)?.defaultLanguage : undefined,
    );
    done();
  });
  // Bad input is refused once, here, for every route; the problem answers in the language just picked.
  app.addHook('onRequest', refuseNulInUrl);
  app.addHook('preValidation', refuseBadBody);
  app.addHook('preHandler', refuseNonFinite);

  // On shutdown, answers still in flight ask the client to close their connection: otherwise idle
  // keep-alive connections would hold the server open until their timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    else if (appError.status >= 500) request.log.warn({ err: error }, appError.code);
    return sendProblem(request, reply, appError);
  });
  // A person who mistypes an address at the root gets a page; programs keep their problem document.
  app.setNotFoundHandler((request, reply) =>
    wantsRootPage(request)
      ? sendRootNotFound(platform, request, reply)
      : sendProblem(request, reply, notFound('route')),
  );

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024, files: 10, fields: 50 } });
  // Limits count clients, not addresses: an IPv6 client is its /64.
  await app.register(fastifyRateLimit, { global: false, keyGenerator: (request) => clientKey(request.ip) });
  await registerApiReference(app);
  registerMetrics(app, config, platform.cache, platform.writeGroups);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    // A load balancer asks often and gives up quickly: answer within a second whatever the
    // database does, even when it is frozen and the statement would wait for its timeout.
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      sql`select 1`.execute(platform.database.db).then(
        () => true,
        () => false,
      ),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_WITHIN_MS);
      }),
    ]);
    clearTimeout(timer);
    if (ready) return { status: 'ready', database: platform.database.kind };
    return reply
      .status(503)
      .header('retry-after', String(UNAVAILABLE_RETRY_SECONDS))
      .send({ status: 'unavailable' });
  });

  await assetRoutes(app);
  for (const register of ROOT_ROUTES) await register(app, platform);
  for (const module of platform.modules) {
    if (!module.rootRoutes) continue;
    await app.register(async (rootApp) => {
      await module.rootRoutes?.(rootApp, platform);
    });
  }

  await app.register(
    async (tenantApp) => {
      // Every tenant route declares the `tenant` path parameter, so OpenAPI documents it.
      tenantApp.addHook('onRoute', (route) => {
        route.schema ??= {};
        const schema = route.schema;
        const params = (schema.params ?? Type.Object({})) as ReturnType<typeof Type.Object>;
        schema.params = Type.Object({
          tenant: Type.String({ pattern: '^[a-z0-9-]{1,63}$', description: 'Tenant slug' }),
          ...params.properties,
        });
      });
      tenantApp.addHook('onRequest', resolveTenant(platform));
      tenantApp.addHook('onRequest', refuseCrossSiteWrites);
      tenantApp.addHook('preValidation', authenticate(platform));
      for (const register of TENANT_ROUTES) await register(tenantApp, platform);
      // The citizen portal (HTML pages) and, inside it, each app's portal pages.
      await tenantApp.register(async (portalApp) => portalRoutes(portalApp, platform));
      for (const module of platform.modules) {
        if (!module.routes) continue;
        await tenantApp.register(async (moduleApp) => {
          moduleApp.addHook('onRoute', (route) => {
            route.config = { ...(route.config as object), app: module.code };
          });
          await module.routes?.(moduleApp, platform);
        });
      }
    },
    { prefix: '/t/:tenant' },
  );
  return app;
}

/** Resolves the request's tenant from the path, and closes routes of apps the tenant has not adopted. */
function resolveTenant(platform: Platform) {
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const slug = (request.params as { tenant?: string }).tenant ?? '';
    const tenant = platform.directory.bySlug(slug);
    if (!tenant) return done(notFound('tenant'));
    request.tenant = tenant;
    const app = request.routeOptions.config.app;
    // Any route of an app the tenant has not taken live answers exactly like a missing route.
    if (app && !platform.directory.isLive(tenant.id, app)) return done(notFound('route'));
    done();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a write that a browser sent from another site: a form on another page posting to a
 * tenant's sign-in or sign-up would otherwise sign the visitor in to an account of the attacker's
 * choosing (login CSRF), before any session and its CSRF token exist. Browsers say where a request
 * comes from (`Sec-Fetch-Site`, `Origin`); other clients (servers, apps) send neither and pass.
 * `same-site` is refused too: another tenant's subdomain of the base domain is the same site.
 */
export function refuseCrossSiteWrites(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
) {
  done(crossSiteWrite(request) ? new AppError('csrf') : undefined);
}

function crossSiteWrite(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return false;
  // Where a browser says it (every current one does), it decides alone: `Origin` is `null` on a
  // form posted from a page with `Referrer-Policy: no-referrer` (the password-reset page).
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (origin === undefined || origin === 'null') return false;
  let host = '';
  try {
    host = new URL(origin).host;
  } catch {
    // Not an origin: not this site.
  }
  return host !== request.host;
}

type Registrar = (app: FastifyInstance, platform: Platform) => Promise<void> | void;

const ROOT_ROUTES: Registrar[] = [tenancyRootRoutes, catalogueRootRoutes, rootPage];
const TENANT_ROUTES: Registrar[] = [
  tenancyTenantRoutes,
  peopleRoutes,
  catalogueTenantRoutes,
  setupRoutes,
  widgetRoutes,
  calendarRoutes,
  auditRoutes,
  eventRoutes,
  notifyRoutes,
];
