/**
 * Requests that Fastify refuses before any route or hook runs — a malformed percent-escape in the
 * path, a path parameter over the router's length limit — answer like every other error, rather
 * than with Fastify's own JSON: a problem document in the caller's language, or on a path of a
 * tenant's portal the portal's error page.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendPortalErrorPage } from '../../web/portal/routes.tsx';
import type { Language } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { pickLanguage } from '../i18n/index.ts';
import type { Platform } from '../platform.ts';
import { slugInPath, type TenantDirectory } from '../tenancy/directory.ts';
import { sendProblem, toAppError } from './problem.ts';

/** The longest path parameter the router takes (a tracking number, a UUID, a code are far shorter). */
export const MAX_PARAM_LENGTH = 100;

/** The caller's language from the raw URL and headers: the query is not parsed on this path. */
function languageOf(request: FastifyRequest, directory: TenantDirectory): Language {
  const url = request.url;
  const chosen = /[?&]lang=([a-z]{2})(&|$)/.exec(url)?.[1];
  const slug = slugInPath(url);
  return pickLanguage(
    chosen,
    request.headers['accept-language'],
    slug ? directory.bySlug(slug)?.defaultLanguage : undefined,
  );
}

/** Fastify's `frameworkErrors` option. */
export function frameworkErrors(platform: Platform) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.header('x-request-id', request.id);
    request.lang = languageOf(request, platform.directory);
    let problem: AppError;
    if (error.code === 'FST_ERR_BAD_URL') {
      problem = new AppError('bad_request', { detailKey: 'bad_url', cause: error });
    } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
      problem = new AppError('uri_too_long', { params: { limit: MAX_PARAM_LENGTH }, cause: error });
    } else {
      problem = toAppError(error);
      request.log.error({ err: error }, 'framework error');
    }
    return sendPortalErrorPage(platform, request, reply, problem) ?? sendProblem(request, reply, problem);
  };
}
