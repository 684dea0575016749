/**
 * CKAN's Action API over the catalogue, at `/t/<slug>/api/3/action/<action>` and
 * `/t/<slug>/api/action/<action>` (CKAN's unversioned form, which `ckanapi` calls), GET with the
 * parameters in the query string and POST with them in a JSON object (or a form), as CKAN's own
 * API view reads them. Answers and errors are CKAN's (errors.ts), not problem documents: the
 * clients this serves — CKAN's harvester, `ckanapi`, portals' scripts — read only those.
 *
 * Decisions: every answer carries `Access-Control-Allow-Origin: *` (public reads of published
 * data, no cookie is read for them; CKAN answers so with `ckan.cors.origin_allow_all`, which
 * public portals set) — a POST from another site's page is still refused by the platform, so a
 * browser script elsewhere uses GET. JSONP (`callback`) is not served.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Language, type Platform, toAppError, translator } from '../../../platform/sdk/index.ts';
import type { ReaderFor } from '../catalog/reader-for.ts';

export type { ReaderFor };

import { ACTION_NAMES, ACTIONS, type ActionName, helpUrl, isAction } from './actions.ts';
import { CkanBadRequest, CkanError, type Said, say } from './errors.ts';
import { bodyData, queryData } from './params.ts';
import { answersOf, bodyOf, querystringOf } from './schemas.ts';

const tags = ['open-data'];
const PREFIXES = ['/api/3/action', '/api/action'] as const;

/** The tenant's site as CKAN's `site_url`, from the platform's public address. */
function siteUrlOf(platform: Platform, request: FastifyRequest): string {
  return `${platform.config.publicUrl.replace(/\/$/, '')}/t/${request.tenant!.slug}`;
}

/** The action a request names (for `help` even when it failed before its handler). */
function actionOf(request: FastifyRequest): string {
  const path = (request.url.split('?', 1)[0] ?? '').replace(/\/+$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'package_search';
}

function sendJson(reply: FastifyReply, status: number, value: unknown) {
  return reply
    .status(status)
    .header('access-control-allow-origin', '*')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(value));
}

/** CKAN's bare `"Bad request - …"`. */
function sendBadRequest(reply: FastifyReply, lang: Language, said: Said, status = 400) {
  return sendJson(reply, status, `${say(lang, { key: 'badRequest' })} - ${say(lang, said)}`);
}

/** CKAN's error dict for a failed action, its sentences in `lang`. */
function errorDict(error: CkanError, lang: Language): Record<string, unknown> {
  if (error.type === 'Validation Error') {
    const dict: Record<string, unknown> = {};
    for (const [field, said] of Object.entries(error.fields)) dict[field] = said.map((s) => say(lang, s));
    return { ...dict, __type: error.type };
  }
  const prefix = {
    'Not Found Error': 'notFound',
    'Authorization Error': 'accessDenied',
    'Search Query Error': 'badRequest',
    'Internal Server Error': 'internal',
    'Validation Error': 'badRequest',
  } as const;
  const head = say(lang, { key: prefix[error.type] });
  return { __type: error.type, message: error.detail ? `${head}: ${say(lang, error.detail)}` : head };
}

/** Any error of these routes, answered as CKAN answers it. */
function sendError(platform: Platform, request: FastifyRequest, reply: FastifyReply, error: unknown) {
  const lang = request.lang ?? 'id';
  if (error instanceof CkanBadRequest) return sendBadRequest(reply, lang, error.said);
  const envelope = (failure: CkanError, status = failure.status, message?: string) => {
    const dict = errorDict(failure, lang);
    const help = request.tenant ? helpUrl(siteUrlOf(platform, request), actionOf(request)) : '';
    return sendJson(reply, status, {
      help,
      success: false,
      error: message ? { ...dict, message } : dict,
    });
  };
  if (error instanceof CkanError) return envelope(error);
  // The platform's own refusals (hooks, schema checks, the reader's AppErrors) in CKAN's terms.
  const appError = toAppError(error);
  const t = translator(lang);
  switch (appError.code) {
    case 'validation': {
      const dict: Record<string, string[]> = {};
      for (const f of appError.fields) {
        const [where, ...rest] = f.path
          .replace(/^\/(body|querystring|params)(?=\/)/, '')
          .replace(/^\//, '')
          .split('/');
        const message = t(`field.${f.code}`, { ...f.params, defaultValue: t('field.invalid') });
        const key = where || 'data';
        dict[key] = [...(dict[key] ?? []), rest.length ? `${rest.join('/')}: ${message}` : message];
      }
      return sendJson(reply, 409, {
        help: request.tenant ? helpUrl(siteUrlOf(platform, request), actionOf(request)) : '',
        success: false,
        error: { ...dict, __type: 'Validation Error' },
      });
    }
    case 'not_found':
      return envelope(new CkanError('Not Found Error'));
    case 'unauthenticated':
    case 'forbidden':
    case 'csrf':
      return envelope(new CkanError('Authorization Error'));
    case 'bad_request':
      return sendJson(
        reply,
        400,
        `${say(lang, { key: 'badRequest' })} - ${String(appError.params.reason ?? t('field.invalid'))}`,
      );
    case 'payload_too_large':
      return sendBadRequest(reply, lang, { key: 'tooLarge', params: { limit: '1 MB' } }, 413);
    case 'unsupported_media_type':
      return sendBadRequest(reply, lang, { key: 'jsonUnreadable' }, 415);
    case 'rate_limited':
      return envelope(new CkanError('Internal Server Error'), 429, say(lang, { key: 'rateLimited' }));
    case 'unavailable':
      if (appError.retryAfter !== undefined) reply.header('retry-after', String(appError.retryAfter));
      return envelope(
        new CkanError('Internal Server Error'),
        503,
        say(lang, { key: 'unavailable', params: { seconds: appError.retryAfter ?? 5 } }),
      );
    default:
      request.log.error({ err: error }, 'unhandled error in the CKAN API');
      return envelope(new CkanError('Internal Server Error'), 500);
  }
}

/**
 * Registers the CKAN Action API on the app's routes (under `/t/<slug>`, behind the adoption gate).
 * Its own error handler and body parser sit in a child context, so the app's other routes keep
 * the platform's problem documents and JSON parser.
 */
export function registerCkanRoutes(app: FastifyInstance, platform: Platform, readerFor: ReaderFor) {
  return app.register(async (ckan) => {
    ckan.setErrorHandler((error: FastifyError, request, reply) => sendError(platform, request, reply, error));
    // CKAN reads any body itself (JSON, a form, or JSON posted as a form's only key), and an
    // unreadable one is its own "Bad request - JSON Error", not the platform's problem.
    ckan.removeAllContentTypeParsers();
    ckan.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
      try {
        done(null, bodyData(String(body), request.headers['content-type']));
      } catch (error) {
        done(error as Error, undefined);
      }
    });

    const run = async (request: FastifyRequest, reply: FastifyReply, action: ActionName) => {
      const data = request.method === 'GET' ? queryData(request.query) : ((request.body as object) ?? {});
      const siteUrl = siteUrlOf(platform, request);
      const result = await readerFor(request, (reader) =>
        ACTIONS[action].run({
          reader,
          data: data as Record<string, unknown>,
          siteUrl,
          locale: request.tenant!.defaultLanguage,
          path: request.url.split('?', 1)[0]!,
          query: request.method === 'GET' ? queryData(request.query) : {},
        }),
      );
      return sendJson(reply, 200, { help: helpUrl(siteUrl, action), success: true, result });
    };

    for (const action of ACTION_NAMES) {
      const help = ACTIONS[action].help;
      for (const prefix of PREFIXES) {
        // The unversioned twin serves the same; the reference lists the `/api/3/` form once.
        const hide = prefix !== '/api/3/action';
        ckan.get(
          `${prefix}/${action}`,
          {
            schema: {
              hide,
              tags,
              summary: `CKAN ${action} (GET)`,
              description: `${help} CKAN's Action API: the parameters in the query string, the answer in CKAN's envelope \`{help, success, result}\`; also at \`/api/action/${action}\`.`,
              querystring: querystringOf(action),
              response: answersOf(action),
            },
          },
          (request, reply) => run(request, reply, action),
        );
        ckan.post(
          `${prefix}/${action}`,
          {
            schema: {
              hide,
              tags,
              summary: `CKAN ${action} (POST, as ckanapi)`,
              description: `${help} The parameters as a JSON object (what \`ckanapi\` sends) or a form; the same answer as the GET.`,
              body: bodyOf(action),
              response: answersOf(action),
            },
          },
          (request, reply) => run(request, reply, action),
        );
      }
    }

    // Any other name is CKAN's "Bad request - Action name not known: …".
    for (const prefix of PREFIXES) {
      ckan.route({
        method: ['GET', 'POST'],
        url: `${prefix}/:action`,
        schema: { hide: true },
        handler: async (request, reply) => {
          const name = (request.params as { action: string }).action;
          if (isAction(name)) return run(request, reply, name);
          return sendBadRequest(reply, request.lang ?? 'id', {
            key: 'unknownAction',
            params: { action: name },
          });
        },
      });
    }
  });
}
