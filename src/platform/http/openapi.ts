/**
 * The API reference: the OpenAPI document (`/api/openapi.json`) and its page (`/api/docs`).
 *
 * Each route writes what only it knows in its schema: summary, description, success answer with an
 * example. What follows from the platform's rules is added here, to every operation, so that a
 * route added later is documented without work: who may call it (`security`, from
 * `config.auth`/`config.permission`) and the problem documents it may answer (from its method,
 * inputs and limits). Only the document changes: Fastify never sees these answers, so they do not
 * serialise anything (a response schema in Fastify also drops undeclared fields).
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ERROR_STATUS } from '../errors.ts';
import { SESSION_COOKIE } from './auth-hooks.ts';
import { MAX_PARAM_LENGTH } from './framework-errors.ts';
import { DOCS_CSP } from './security-headers.ts';

/** The field errors and extension members of a problem document (see problem.ts). */
const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'An RFC 9457 problem document, in the caller’s language (`Accept-Language`: id or en).',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId'],
  properties: {
    type: { type: 'string', description: '`/api/problems#<code>`' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The path that was asked for' },
    code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
    requestId: { type: 'string', description: 'Also in the `x-request-id` header; quote it to support' },
    errors: {
      type: 'array',
      description: 'For invalid input: each offending field',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: {
          path: { type: 'string', description: 'Where: `/body/<field>`, `/query/<name>`, `/params/<name>`' },
          code: { type: 'string', description: 'What: `required`, `maxLength`, `format`, …' },
          message: { type: 'string' },
          line: { type: 'integer', description: 'In an uploaded file (a CSV import): its line' },
          column: { type: 'integer' },
        },
      },
    },
  },
  examples: [
    {
      type: '/api/problems#validation',
      title: 'Isian tidak valid',
      status: 400,
      detail: 'Periksa isian yang ditandai.',
      instance: '/t/kota-bogor/api/v1/agencies',
      code: 'validation',
      requestId: '6f1c2b9e-8d4a-4c1e-9a53-0b7e2d4f1a10',
      errors: [{ path: '/body/name', code: 'required', message: 'Wajib diisi.' }],
    },
  ],
} as const;

/** The problem answers an operation may give, by status: why each happens. */
const PROBLEMS: Readonly<Record<number, string>> = {
  400: 'Invalid input (each offending field is listed in `errors`), or a NUL character anywhere in the request.',
  401: 'Not signed in: no session or token was sent where one is needed, or the one sent is unknown, revoked or expired.',
  403: 'Not allowed: the caller lacks the permission, a signed-in write lacks its CSRF token, or the write came from another site.',
  404: 'Not found: the tenant, the thing named in the path, or the app (not live for this tenant).',
  409: 'Conflict: the thing exists already, is still in use, or is not in a state that allows this.',
  413: `Too large: a JSON or form body over 1 MB, or an uploaded file over its limit.`,
  414: `A path parameter is longer than ${MAX_PARAM_LENGTH} characters.`,
  415: 'Unsupported content type: send the body as one of the types listed for it.',
  429: 'Too many requests: wait for `retry-after` seconds.',
  503: 'The database is unavailable for a moment: retry after `retry-after` seconds.',
};

const UNSAFE = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

type Security = Record<string, string[]>[];
type RouteSchema = Record<string, unknown> & { response?: Record<string, unknown>; security?: Security };

/** Who may call the route, as OpenAPI security requirements (an empty object: anyone). */
export function securityOf(route: Pick<RouteOptions, 'method' | 'url' | 'config'>): Security {
  const config = (route.config ?? {}) as { auth?: string; permission?: string };
  const mode = config.auth ?? (config.permission ? 'required' : 'none');
  // Only tenant routes identify their caller (auth-hooks.ts); root routes are public.
  if (mode === 'none' || !route.url.startsWith('/t/:tenant')) return [];
  const method = String(route.method);
  const session: Record<string, string[]> = UNSAFE(method) ? { session: [], csrf: [] } : { session: [] };
  const signedIn = [session, { token: [] }];
  return mode === 'optional' ? [{}, ...signedIn] : signedIn;
}

/** The problem statuses an operation may answer, from its method, inputs, caller and limits. */
export function problemsOf(
  route: Pick<RouteOptions, 'method' | 'url' | 'config'>,
  schema: RouteSchema,
): number[] {
  const config = (route.config ?? {}) as { auth?: string; permission?: string; rateLimit?: unknown };
  const method = String(route.method);
  const tenant = route.url.startsWith('/t/:tenant');
  const hasPathParams = /:[A-Za-z_]/.test(route.url);
  const hasBody = UNSAFE(method) && schema.body !== undefined;
  const mode = config.auth ?? (config.permission ? 'required' : 'none');
  const statuses = new Set<number>([400, 503]);
  if (tenant && mode !== 'none') statuses.add(401);
  // Permissions, CSRF on a signed-in write, and the cross-site check on every tenant write.
  if (config.permission || (tenant && (mode !== 'none' || UNSAFE(method)))) statuses.add(403);
  if (tenant || hasPathParams) statuses.add(404);
  if (hasPathParams) statuses.add(414);
  if (UNSAFE(method)) statuses.add(409);
  if (hasBody || UNSAFE(method)) {
    statuses.add(413);
    statuses.add(415);
  }
  if (config.rateLimit) statuses.add(429);
  return [...statuses].sort();
}

/** The `x-problems` marker becomes references to the shared problem answers. */
function linkProblems(document: Record<string, unknown>) {
  const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      const statuses = (operation['x-problems'] ?? []) as number[];
      delete operation['x-problems'];
      operation.responses ??= {};
      const responses = operation.responses as Record<string, unknown>;
      for (const status of statuses) {
        responses[String(status)] ??= { $ref: `#/components/responses/Problem${status}` };
      }
    }
  }
  document.components ??= {};
  const components = document.components as Record<string, Record<string, unknown>>;
  components.schemas = { ...components.schemas, Problem: PROBLEM_SCHEMA };
  components.responses = {
    ...components.responses,
    ...Object.fromEntries(
      Object.entries(PROBLEMS).map(([status, description]) => [
        `Problem${status}`,
        {
          description,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          ...(status === '429' || status === '503'
            ? { headers: { 'retry-after': { description: 'Seconds to wait', schema: { type: 'integer' } } } }
            : {}),
        },
      ]),
    ),
  };
  return document;
}

/** Registers the OpenAPI document and its page, with the platform's part of every operation. */
export async function registerApiReference(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Balai API',
        version: '1',
        description:
          'Tenant-scoped routes live under /t/{tenant}/ and, on a tenant’s own host, at the root. ' +
          'Errors are RFC 9457 problem documents in the caller’s language (Accept-Language: id or en). ' +
          'A NUL character in any value (path, query, body) is refused with a 400 naming the field; ' +
          `a path parameter longer than ${MAX_PARAM_LENGTH} characters answers 414. ` +
          'A signed-in caller sends its session cookie (from the sign-in) or an API token ' +
          '(`Authorization: Bearer`); with the cookie, every write also sends the session’s CSRF token.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'The session cookie set by `POST /t/{tenant}/api/v1/auth/login`.',
          },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description:
              'With the session cookie, every write (POST, PUT, PATCH, DELETE) sends the session’s ' +
              '`csrfToken` (from the sign-in or `GET /t/{tenant}/api/v1/auth/session`) in this header, ' +
              'or as the `_csrf` field of a form. Not needed with a bearer token.',
          },
          token: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token of the tenant (`POST /t/{tenant}/api/v1/api-tokens`).',
          },
        },
      },
    },
    transform({ schema, url, route }) {
      const given = (schema ?? {}) as RouteSchema;
      if (given.hide) return { schema: given, url };
      const { permission, agencyScoped } = (route.config ?? {}) as {
        permission?: string;
        agencyScoped?: boolean;
      };
      const needs = permission
        ? `\n\nPermission: \`${permission}\`${agencyScoped ? ' (a grant in one agency suffices; the agency is checked)' : ''}.`
        : '';
      return {
        schema: {
          ...given,
          ...(typeof given.description === 'string' ? { description: `${given.description}${needs}` } : {}),
          security: given.security ?? securityOf(route),
          'x-problems': problemsOf(route, given).filter((s) => given.response?.[String(s)] === undefined),
        },
        url,
      };
    },
    transformObject: (document) =>
      linkProblems(('openapiObject' in document ? document.openapiObject : {}) as Record<string, unknown>),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: DOCS_CSP,
    // The validator badge would send the document's address to validator.swagger.io.
    uiConfig: { validatorUrl: null },
  });
}
