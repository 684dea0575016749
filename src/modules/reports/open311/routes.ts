/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the reports app: discovery,
 * services, service definitions, service requests (list, one, create) and tokens, in JSON and XML.
 *
 * Served twice: at `/t/<slug>/open311/v2/` (also `/open311/v2/` on the tenant's own host), behind
 * the adoption gate like every route of the app, where a `jurisdiction_id` is optional and must name
 * the tenant; and at the root `/open311/v2/` for clients of many jurisdictions, where
 * `jurisdiction_id` (a slug or one of the tenant's domains) is required and must name a tenant with
 * the app live. Errors leave in the spec's format (`[{code, description}]`, `<errors><error>`) in
 * the caller's language.
 *
 * Decisions: a service is an active category; `service_request_id` is the tracking number; POST
 * files synchronously (type `realtime`), so it returns no token, and `tokens/<token>` maps a
 * report's id (the UUID Balai's own API returns) to its tracking number; `api_key` is a Balai API
 * token of the tenant (or `Authorization: Bearer`); media_url is kept as a note for staff, never
 * fetched; `page`/`page_size` is the spec's pagination extension.
 *
 * Discovery, services and the list of requests are read where a moment's staleness is allowed
 * (`inTenantReplica`); one request by its id or token is read on the primary: a client asks for
 * the request it has just filed.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf, type Platform, translator } from '../../../platform/sdk/index.ts';
import { idempotencyKeyOf } from '../routes/caller.ts';
import { agencyNames } from '../services/agencies.ts';
import { CONFIG_TAG, REPORT_VIEWS_MAX_AGE_MS, REPORTS_TAG } from '../services/cache-tags.ts';
import { configChangedAt, loadConfig } from '../services/config.ts';
import { addIntakeNote, fileReport } from '../services/intake.ts';
import { queryPublicReports } from '../services/lists.ts';
import { type Format, formatOf, send, specErrors } from './answers.ts';
import { OPEN311_DOCS, open311Answers } from './docs.ts';
import { apiKeyPrincipal, homeOf, jurisdictionOf, type Mode, originOf } from './jurisdiction.ts';
import { type Body, newReportOf } from './new-request.ts';
import { Open311Error, publicQueryOf, requestsArgs } from './params.ts';
import {
  CodeParams,
  JurisdictionQuery,
  NewRequestBody,
  RequestParams,
  RequestsQuery,
  TokenParams,
} from './schemas.ts';
import { discoveryView, requestView, serviceDefinition, serviceNotice, serviceView } from './views.ts';

const FORMATS: readonly Format[] = ['json', 'xml'];
const PREFIX = '/open311/v2';
const tags = ['open311'];

function open311(platform: Platform, mode: Mode) {
  return async (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const { status, errors } = specErrors(error, request, reply);
      return send(reply, formatOf(request), 'errors', errors, status);
    });
    app.setNotFoundHandler((request, reply) => {
      const t = translator(request.lang ?? 'id');
      return send(
        reply,
        formatOf(request),
        'errors',
        [{ code: 404, description: t('reports.open311.error.route') }],
        404,
      );
    });
    const where = mode === 'root' ? 'required jurisdiction_id' : 'this tenant';

    for (const format of FORMATS) {
      app.get(
        `/discovery.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service discovery (${format}, ${where})`,
            description: OPEN311_DOCS.discovery.description,
            response: open311Answers('discovery', format),
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const changeset = await platform.cache.get(tenant.id, CONFIG_TAG, 'open311:changeset', () =>
            platform.inTenantReplica(tenant.id, actorOf(request), (scope) => configChangedAt(scope)),
          );
          const home = homeOf(request, tenant, mode);
          const base = mode === 'root' ? `${originOf(request)}${PREFIX}` : `${home}${PREFIX}`;
          return send(
            reply,
            format,
            'discovery',
            discoveryView({
              tenant,
              url: base,
              home,
              changeset,
              production: platform.config.env === 'production',
              t: translator(request.lang),
            }),
          );
        },
      );

      app.get(
        `/services.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service list: the active categories (${format})`,
            description: OPEN311_DOCS.services.description,
            response: open311Answers('services', format),
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const { config, agencies } = await platform.inTenantReplica(
            tenant.id,
            actorOf(request),
            async (scope) => ({
              config: await loadConfig(platform, scope),
              agencies: await agencyNames(platform, scope),
            }),
          );
          const t = translator(request.lang);
          const group = config.settings.displayName ?? 'LAKSA';
          const services = [...config.categories.values()]
            .filter((c) => c.active)
            .map((c) => serviceView(c, request.lang, agencies, group, t));
          return send(reply, format, 'services', services);
        },
      );

      app.get<{ Params: { service_code: string } }>(
        `/services/:service_code.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service definition: its attributes (${format})`,
            description: OPEN311_DOCS.service_definition.description,
            response: open311Answers('service_definition', format),
            params: CodeParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const code = request.params.service_code;
          const config = await platform.inTenantReplica(tenant.id, actorOf(request), (scope) =>
            loadConfig(platform, scope),
          );
          const category = config.categories.get(code);
          if (!category?.active) throw new Open311Error(404, 'service_code_unknown', { value: code });
          return send(
            reply,
            format,
            'service_definition',
            serviceDefinition(category, translator(request.lang)),
          );
        },
      );

      app.get(
        `/requests.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service requests: public reports, newest first (${format})`,
            description: OPEN311_DOCS.service_requests.description,
            response: open311Answers('service_requests', format),
            querystring: RequestsQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const args = requestsArgs(request.query);
          const query = publicQueryOf(args, tenant.timeZone, new Date());
          const key = `open311:${request.lang}:${JSON.stringify(args)}`;
          const items = await platform.cache.get(
            tenant.id,
            REPORTS_TAG,
            key,
            () =>
              platform.inTenantReplica(tenant.id, actorOf(request), (scope) =>
                queryPublicReports(platform, scope, tenant, query, request.lang),
              ),
            { maxAgeMs: REPORT_VIEWS_MAX_AGE_MS },
          );
          const t = translator(request.lang);
          const origin = originOf(request);
          return send(
            reply,
            format,
            'service_requests',
            items.map((r) => requestView(r, tenant, origin, t)),
          );
        },
      );

      app.get<{ Params: { service_request_id: string } }>(
        `/requests/:service_request_id.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service request: one public report by tracking number (${format})`,
            description: OPEN311_DOCS.service_request.description,
            response: open311Answers('service_request', format),
            params: RequestParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const id = request.params.service_request_id;
          const items = await platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
            queryPublicReports(
              platform,
              scope,
              tenant,
              { trackingNos: [id], limit: 1, offset: 0 },
              request.lang,
            ),
          );
          if (items.length === 0) throw new Open311Error(404, 'request_unknown');
          const t = translator(request.lang);
          return send(reply, format, 'service_requests', [
            requestView(items[0]!, tenant, originOf(request), t),
          ]);
        },
      );

      app.get<{ Params: { token_id: string } }>(
        `/tokens/:token_id.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 service_request_id from a token: the token is the report's id (UUID) (${format})`,
            description: OPEN311_DOCS.token.description,
            response: open311Answers('token', format),
            params: TokenParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const token = request.params.token_id;
          const items = await platform.inTenantRead(tenant.id, actorOf(request), (scope) =>
            queryPublicReports(platform, scope, tenant, { ids: [token], limit: 1, offset: 0 }, request.lang),
          );
          if (items.length === 0) throw new Open311Error(404, 'token_unknown');
          return send(reply, format, 'service_requests', [
            { service_request_id: items[0]!.trackingNo, token },
          ]);
        },
      );

      app.post<{ Body: Body }>(
        `/requests.${format}`,
        {
          schema: {
            tags,
            summary: `Open311 POST service request: file a report (form or JSON; honours Idempotency-Key) (${format})`,
            description: OPEN311_DOCS.created.description,
            response: open311Answers('created', format, 201),
            security: [{ token: [] }],
            body: {
              content: {
                'application/x-www-form-urlencoded': { schema: NewRequestBody },
                'application/json': { schema: NewRequestBody },
              },
            },
          },
          config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const principal = await apiKeyPrincipal(platform, request, tenant);
          request.principal = principal;
          const body = (request.body ?? {}) as Body;
          const { input, mediaUrl, accountId } = newReportOf(body);
          const idempotencyKey = idempotencyKeyOf(request);
          const reporterUserId = principal.user.kind === 'citizen' ? principal.user.id : null;
          const filed = await platform.inTenantGrouped(tenant.id, actorOf(request), async (scope) => {
            const { categories } = await loadConfig(platform, scope);
            if (!categories.get(input.category)?.active) {
              throw new Open311Error(404, 'service_code_unknown', { value: input.category });
            }
            const result = await fileReport(platform, scope, tenant, input, {
              channel: 'api',
              reporterUserId,
              idempotencyKey,
              photos: [],
            });
            if (mediaUrl && !result.replayed) {
              await addIntakeNote(scope, result.id, mediaUrl, reporterUserId, { mediaUrl, via: 'open311' });
            }
            return result;
          });
          if (filed.replayed) reply.header('idempotent-replayed', 'true');
          const path = `${PREFIX}/requests/${filed.trackingNo}.${format}`;
          reply.header(
            'location',
            mode === 'root'
              ? `${originOf(request)}${path}?jurisdiction_id=${tenant.slug}`
              : `${homeOf(request, tenant, mode)}${path}`,
          );
          const notice = serviceNotice(
            { status: filed.status, dueAt: filed.dueAt?.toISOString() ?? null, agency: null },
            tenant,
            translator(request.lang),
          );
          return send(
            reply,
            format,
            'service_requests',
            [{ service_request_id: filed.trackingNo, service_notice: notice, account_id: accountId ?? null }],
            201,
          );
        },
      );
    }
  };
}

/** The tenant's Open311 routes, registered by the reports module under `/t/<slug>`. */
export async function open311TenantRoutes(app: FastifyInstance, platform: Platform) {
  await app.register(open311(platform, 'tenant'), { prefix: PREFIX });
}

/** The root Open311 routes, where `jurisdiction_id` names the tenant. */
export async function open311RootRoutes(app: FastifyInstance, platform: Platform) {
  await app.register(open311(platform, 'root'), { prefix: PREFIX });
}
