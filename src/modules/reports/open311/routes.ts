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
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type AppError, invalid } from '../../../platform/errors.ts';
import { actorOf } from '../../../platform/http/auth-hooks.ts';
import { toAppError } from '../../../platform/http/problem.ts';
import { pickLanguage, translator } from '../../../platform/i18n/index.ts';
import { AUTH_TAG, type Principal, principalFromToken, sha256 } from '../../../platform/people/auth.ts';
import type { Platform } from '../../../platform/platform.ts';
import type { VerifiedTenant } from '../../../platform/tenancy/directory.ts';
import { validate } from '../../../platform/validate.ts';
import { REPORT_TYPES, type ReportType } from '../lifecycle.ts';
import { NewReport, type NewReportInput } from '../schemas.ts';
import { agencyNames } from '../services/agencies.ts';
import { CONFIG_TAG, REPORTS_TAG } from '../services/cache-tags.ts';
import { configChangedAt, loadConfig } from '../services/config.ts';
import { addIntakeNote, fileReport } from '../services/intake.ts';
import { queryPublicReports } from '../services/lists.ts';
import { arg, Open311Error, publicQueryOf, requestsArgs } from './params.ts';
import { discoveryView, requestView, serviceDefinition, serviceNotice, serviceView } from './views.ts';
import { type XmlValue, xmlDocument } from './xml.ts';

type Mode = 'tenant' | 'root';
type Format = 'json' | 'xml';
const FORMATS: readonly Format[] = ['json', 'xml'];
const PREFIX = '/open311/v2';
const APP = 'reports';
const tags = ['open311'];

// ---------------------------------------------------------------------------------------------
// Answers and errors

function formatOf(request: FastifyRequest): Format {
  const path = request.url.split('?', 1)[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

function send(reply: FastifyReply, format: Format, root: string, value: XmlValue, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(xmlDocument(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** Balai's input names as the spec calls them, for error descriptions. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  category: 'service_code',
  lng: 'long',
  address: 'address_string',
  kelurahan: 'attribute[kelurahan]',
  type: 'attribute[report_type]',
  name: 'first_name',
};

function fieldName(path: string): string {
  const [, where = '', name = '', sub] = path.split('/');
  if (where === 'headers') return name.replace(/(^|-)([a-z])/g, (_m, dash, c) => `${dash}${c.toUpperCase()}`);
  if (name === 'attribute' && sub) return `attribute[${sub}]`;
  return FIELD_NAMES[name] ?? name;
}

/** HTTP statuses as the spec wants them: 404 missing, 403 key, 400 the rest; 429 and 5xx kept. */
function statusOf(e: AppError): number {
  switch (e.code) {
    case 'not_found':
      return 404;
    case 'unauthenticated':
    case 'forbidden':
    case 'csrf':
      return 403;
    case 'rate_limited':
    case 'locked':
      return 429;
    case 'internal':
    case 'unavailable':
      return e.status;
    default:
      return 400;
  }
}

function specErrors(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const t = translator(request.lang ?? 'id');
  if (error instanceof Open311Error) {
    const description = t(`reports.open311.error.${error.key}`, error.params);
    return { status: error.status, errors: [{ code: error.status, description }] };
  }
  const e = toAppError(error);
  if (e.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else if (e.status >= 500) request.log.warn({ err: error }, e.code);
  const status = statusOf(e);
  const params: Record<string, unknown> = { ...e.params, requestId: request.id };
  params.entity = t(
    typeof params.entity === 'string' && params.entity ? `entity.${params.entity}` : 'entity.route',
    {
      defaultValue: params.entity,
    },
  );
  if (e.retryAfter !== undefined) reply.header('retry-after', String(e.retryAfter));
  params.retryAfter = e.retryAfter ?? reply.getHeader('retry-after');
  const errors: Array<{ code: number; description: string }> = [];
  if (e.fields.length === 0 || e.detailKey !== 'validation') {
    errors.push({ code: status, description: t(`detail.${e.detailKey}`, params) });
  }
  for (const f of e.fields) {
    const message = t(`field.${f.code}`, { ...f.params, defaultValue: t('field.invalid') });
    errors.push({
      code: status,
      description: t('reports.open311.error.field', { field: fieldName(f.path), message }),
    });
  }
  return { status, errors };
}

// ---------------------------------------------------------------------------------------------
// Jurisdiction, caller, addresses

/** The tenant a `jurisdiction_id` names: its slug, or one of its domains (with or without www.). */
function tenantNamed(platform: Platform, given: string): VerifiedTenant | undefined {
  const name = given
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '');
  return platform.directory.bySlug(name) ?? platform.directory.byHost(name);
}

function jurisdictionOf(platform: Platform, request: FastifyRequest, mode: Mode): VerifiedTenant {
  const given =
    arg(request.query, 'jurisdiction_id') ??
    (request.method === 'POST' ? arg(request.body, 'jurisdiction_id') : undefined);
  if (mode === 'tenant') {
    const tenant = request.tenant!;
    if (given !== undefined && tenantNamed(platform, given)?.id !== tenant.id) {
      throw new Open311Error(404, 'jurisdiction_unknown', { value: given });
    }
    return tenant;
  }
  if (given === undefined) throw new Open311Error(400, 'jurisdiction_missing');
  const tenant = tenantNamed(platform, given);
  if (!tenant || !platform.directory.isLive(tenant.id, APP)) {
    throw new Open311Error(404, 'jurisdiction_unknown', { value: given });
  }
  request.tenant = tenant;
  const query = request.query as Record<string, unknown> | undefined;
  request.lang = pickLanguage(
    typeof query?.lang === 'string' ? query.lang : undefined,
    request.headers['accept-language'],
    tenant.defaultLanguage,
  );
  return tenant;
}

/** The account behind `api_key` (or a Bearer token): a Balai API token of this tenant. */
async function apiKeyPrincipal(
  platform: Platform,
  request: FastifyRequest,
  tenant: VerifiedTenant,
): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const key = arg(request.body, 'api_key') ?? bearer;
  if (!key) throw new Open311Error(403, 'api_key_missing');
  const actor = { userId: null, label: 'anonymous', requestId: request.id, ip: request.ip };
  // Cached with the principals of Bearer tokens: revocation and grant changes drop it.
  const principal = await platform.cache.get(tenant.id, AUTH_TAG, `token:${sha256(key)}`, () =>
    platform.inTenant(tenant.id, actor, (scope) => principalFromToken(scope, key)),
  );
  if (!principal || (principal.expiresAt && principal.expiresAt <= new Date())) {
    throw new Open311Error(403, 'api_key_invalid');
  }
  return principal;
}

function originOf(request: FastifyRequest): string {
  return request.host ? `${request.protocol}://${request.host}` : '';
}

/** The tenant's home as this request reached it: `/t/<slug>`, or the root of its own host. */
function homeOf(request: FastifyRequest, tenant: VerifiedTenant, mode: Mode): string {
  const viaPath = mode === 'root' || request.originalUrl.startsWith('/t/');
  return `${originOf(request)}${viaPath ? `/t/${tenant.slug}` : ''}`;
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw invalid({ path: '/headers/idempotency-key', code: 'pattern' });
  }
  return key;
}

// ---------------------------------------------------------------------------------------------
// POST requests: the spec's arguments as a new report

type Body = Record<string, unknown>;

/** An attribute as a form sends it (`attribute[code]=v`) or as JSON (`{"attribute": {"code": v}}`). */
function attribute(body: Body, code: string): string | undefined {
  return arg(body, `attribute[${code}]`) ?? arg(body.attribute, code);
}

function numberOrText(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** Reads a POST's arguments; what NewReport checks (lengths, formats) is left to it. */
export function newReportOf(body: Body): { input: NewReportInput; mediaUrl?: string; accountId?: string } {
  const category = arg(body, 'service_code');
  if (!category) throw new Open311Error(400, 'service_code_missing');
  const type = (attribute(body, 'report_type')?.toLowerCase() ?? 'complaint') as ReportType;
  if (!REPORT_TYPES.includes(type)) {
    throw new Open311Error(400, 'report_type', { allowed: REPORT_TYPES.join(', ') });
  }
  const lat = arg(body, 'lat');
  const lng = arg(body, 'long');
  const address = arg(body, 'address_string');
  if (lat === undefined && lng === undefined && !address) {
    throw new Open311Error(400, arg(body, 'address_id') ? 'address_id' : 'location_missing');
  }
  const mediaUrl = arg(body, 'media_url');
  if (mediaUrl !== undefined && !isWebUrl(mediaUrl)) throw new Open311Error(400, 'media_url');
  const name = [arg(body, 'first_name'), arg(body, 'last_name')].filter(Boolean).join(' ');
  const phone = arg(body, 'phone')?.replace(/[\s().-]/g, '');
  const candidate: Record<string, unknown> = {
    type,
    category,
    description: arg(body, 'description') ?? '',
    lat: numberOrText(lat),
    lng: numberOrText(lng),
    address,
    kelurahan: attribute(body, 'kelurahan'),
    name: name || undefined,
    email: arg(body, 'email'),
    phone,
  };
  for (const k of Object.keys(candidate)) if (candidate[k] === undefined) delete candidate[k];
  const accountId = arg(body, 'account_id');
  return {
    input: validate(NewReport, candidate),
    ...(mediaUrl ? { mediaUrl } : {}),
    ...(accountId ? { accountId } : {}),
  };
}

function isWebUrl(text: string): boolean {
  if (text.length > 2000) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Schemas (for validation of sizes and for the OpenAPI document)

const text = (maxLength: number, description?: string) =>
  Type.Optional(Type.String({ maxLength, ...(description ? { description } : {}) }));
const many = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ maxLength: 20_000 }), {
      maxItems: 50,
      description: `${description} (comma-separated)`,
    }),
  );
const common = {
  jurisdiction_id: text(
    253,
    'The tenant: its slug or one of its domains. Required at /open311/v2, optional under /t/{tenant}',
  ),
  lang: text(5, 'id or en (else Accept-Language)'),
};
const JurisdictionQuery = Type.Object(common, { additionalProperties: true });
const RequestsQuery = Type.Object(
  {
    ...common,
    service_request_id: many('Tracking numbers; override every other argument'),
    service_code: many('Category codes'),
    start_date: text(40, 'W3C date-time; the window is at most 90 days (default: the last 90)'),
    end_date: text(40, 'W3C date-time'),
    status: many('open, closed'),
    page: text(9, 'Extension: page number from 1'),
    page_size: text(9, 'Extension: items per page, 1–1000 (default 1000)'),
  },
  { additionalProperties: true },
);
const attributeText = (description: string) => text(200, description);
const NewRequestBody = Type.Object(
  {
    jurisdiction_id: common.jurisdiction_id,
    api_key: text(200, 'A Balai API token of the tenant (balai_…); or send Authorization: Bearer'),
    service_code: text(40),
    lat: text(40),
    long: text(40),
    address_string: text(300),
    address_id: text(200, 'Not supported: this platform has no address repository'),
    'attribute[report_type]': attributeText('aspiration, complaint (default) or information_request'),
    'attribute[kelurahan]': attributeText('Kelurahan or village'),
    attribute: Type.Optional(
      Type.Record(Type.String(), Type.String({ maxLength: 200 }), {
        description: 'JSON form of the attributes: {"report_type": "…", "kelurahan": "…"}',
      }),
    ),
    email: text(254),
    device_id: text(200, 'Ignored'),
    account_id: text(200, 'Echoed in the answer'),
    first_name: text(60),
    last_name: text(60),
    phone: text(30),
    description: text(4000),
    media_url: text(2000, 'Kept as a note for staff; never fetched'),
  },
  { additionalProperties: true },
);
const CodeParams = Type.Object({ service_code: Type.String({ maxLength: 40 }) });
const RequestParams = Type.Object({ service_request_id: Type.String({ maxLength: 64 }) });
const TokenParams = Type.Object({ token_id: Type.String({ maxLength: 64 }) });

// ---------------------------------------------------------------------------------------------
// Routes

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
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const changeset = await platform.cache.get(tenant.id, CONFIG_TAG, 'open311:changeset', () =>
            platform.inTenant(tenant.id, actorOf(request), (scope) => configChangedAt(scope)),
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
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const { config, agencies } = await platform.inTenant(
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
            params: CodeParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const code = request.params.service_code;
          const config = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
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
            querystring: RequestsQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const args = requestsArgs(request.query);
          const query = publicQueryOf(args, tenant.timeZone, new Date());
          const key = `open311:${request.lang}:${JSON.stringify(args)}`;
          const items = await platform.cache.get(tenant.id, REPORTS_TAG, key, () =>
            platform.inTenant(tenant.id, actorOf(request), (scope) =>
              queryPublicReports(platform, scope, tenant, query, request.lang),
            ),
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
            params: RequestParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const id = request.params.service_request_id;
          const items = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
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
            params: TokenParams,
            querystring: JurisdictionQuery,
          },
        },
        async (request, reply) => {
          const tenant = jurisdictionOf(platform, request, mode);
          const token = request.params.token_id;
          const items = await platform.inTenant(tenant.id, actorOf(request), (scope) =>
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
          const filed = await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
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
