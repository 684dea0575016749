/**
 * Identifies the caller of a tenant route (session cookie or bearer API token), enforces CSRF on
 * cookie-authenticated unsafe requests, and checks the route's declared permission, once, before
 * the handler runs.
 */
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Actor } from '../db/tenant-scope.ts';
import { AppError } from '../errors.ts';
import {
  AUTH_TAG,
  type Principal,
  principalFromSession,
  principalFromToken,
  sameSecret,
  sha256,
} from '../people/auth.ts';
import type { Platform } from '../platform.ts';

export const SESSION_COOKIE = 'balai_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor recorded in the audit trail for this request. */
export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.principal?.user.id ?? null,
    label: request.principal?.user.displayName ?? 'anonymous',
    requestId: request.id,
    ip: request.ip,
  };
}

/** The signed-in principal, or a 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated');
  return request.principal;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * The principal of the secret sent (a token, else a session cookie), or null when it is unknown,
 * revoked or expired. Principals are cached per secret; logout, revocation and grant changes
 * invalidate them (AUTH_TAG).
 */
function loadPrincipal(
  platform: Platform,
  request: FastifyRequest,
  token: string | undefined,
  cookie: string | undefined,
): Promise<Principal | null> {
  const actor = { userId: null, label: 'anonymous', requestId: request.id, ip: request.ip };
  const tenantId = request.tenant!.id;
  const key = token ? `token:${sha256(token)}` : `session:${sha256(cookie!)}`;
  return platform.cache
    .get(
      tenantId,
      AUTH_TAG,
      key,
      () =>
        platform.inTenant(tenantId, actor, (scope) =>
          token ? principalFromToken(scope, token) : principalFromSession(scope, cookie!),
        ),
      { share: true },
    )
    .then((principal) =>
      principal && (!principal.expiresAt || principal.expiresAt > new Date()) ? principal : null,
    );
}

/**
 * For a request that outlives its check (an event stream): loads its caller's principal again, as
 * it is now (null once the session ended or the token was revoked), by the secret it was sent with.
 */
export function principalReloader(
  platform: Platform,
  request: FastifyRequest,
): () => Promise<Principal | null> {
  const token = bearerToken(request);
  const cookie = token ? undefined : request.cookies[SESSION_COOKIE];
  if (!token && !cookie) return async () => null;
  return () => loadPrincipal(platform, request, token, cookie);
}

/** The preValidation hook for tenant routes: callers are identified before their input is judged. */
export function authenticate(platform: Platform) {
  // Not async: a public route, or a caller who sends no secret (most of the traffic), is decided
  // without a promise; a caller with a session or token is identified asynchronously.
  return (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
    const config = request.routeOptions.config;
    const mode = config.auth ?? (config.permission ? 'required' : 'none');
    if (mode === 'none' || !request.tenant) return done();
    const token = bearerToken(request);
    const cookie = request.cookies[SESSION_COOKIE];
    // No secret sent: anonymous where that is allowed, refused where it is not.
    if (!token && !cookie) return done(mode === 'required' ? new AppError('unauthenticated') : undefined);
    identify(platform, request, mode, token, cookie).then(
      () => done(),
      (error: unknown) => done(error instanceof Error ? error : new AppError('unauthenticated')),
    );
  };
}

/** Identifies the caller by the secret they sent and checks CSRF and the route's permission. */
async function identify(
  platform: Platform,
  request: FastifyRequest,
  mode: 'optional' | 'required',
  token: string | undefined,
  cookie: string | undefined,
): Promise<void> {
  const config = request.routeOptions.config;
  if (token || cookie) {
    request.principal = await loadPrincipal(platform, request, token, cookie);
    // A token that was sent but is not valid is an error, not an anonymous call.
    if (token && !request.principal) throw new AppError('unauthenticated');
  }
  if (!request.principal) {
    if (mode === 'required') throw new AppError('unauthenticated');
    return;
  }
  const handlerChecksCsrf = config.csrfInHandler === true && request.isMultipart();
  if (request.principal.via === 'session' && !SAFE_METHODS.has(request.method) && !handlerChecksCsrf) {
    const body = request.body as Record<string, unknown> | undefined;
    const sent =
      request.headers['x-csrf-token'] ?? (typeof body?._csrf === 'string' ? body._csrf : undefined);
    if (typeof sent !== 'string' || !sameSecret(sent, request.principal.csrfToken ?? ''))
      throw new AppError('csrf');
  }
  if (config.permission) {
    const grants = request.principal.grants;
    const allowed = config.agencyScoped
      ? platform.permissions.allowsSomewhere(grants, config.permission)
      : platform.permissions.allows(grants, config.permission);
    if (!allowed) throw new AppError('forbidden');
  }
}
