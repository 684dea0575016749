/**
 * Headers every answer carries: `nosniff` (an API answer or an uploaded file is never run as a
 * script or style by a browser that guesses its type) and, in production, HSTS (browsers reach
 * Balai over https only, for a year, subdomains — the tenants' `<slug>.<BASE_DOMAIN>` — included).
 * HSTS stays off elsewhere: a browser that saw it on `localhost` would refuse plain http there.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The Content-Security-Policy of the API docs page (swagger-ui): its scripts and styles are files
 * served with it, and the OpenAPI document it reads is on this host. No inline script runs.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  // swagger-ui sets style attributes; no script can run from a style.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const hsts = config.env === 'production';
  // A callback hook, like the platform's others on every request: no promise on the hot path.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('x-content-type-options', 'nosniff');
    if (hsts) reply.header('strict-transport-security', HSTS);
    done();
  });
}
