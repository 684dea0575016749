/**
 * What every request carries after the platform's hooks, and what a route may declare.
 */
import type { Language } from '../db/schema.ts';
import type { Principal } from '../people/auth.ts';
import type { VerifiedTenant } from '../tenancy/directory.ts';

/** How a route wants its caller identified. */
export type AuthMode = 'none' | 'optional' | 'required';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The app the route belongs to; routes of an app are reachable only where it is live. */
    app?: string;
    /** Default 'none' for public routes; 'required' when `permission` is set. */
    auth?: AuthMode;
    /** A named permission checked once before the handler; a tenant-wide grant is needed. */
    permission?: string;
    /**
     * Accept an agency-scoped grant of `permission` too: the handler then checks the agency
     * (an agency administrator manages only their own agencies).
     */
    agencyScoped?: boolean;
    /**
     * A multipart form whose handler checks the session's CSRF token once it has read the fields
     * (the body is not parsed when callers are identified): the hook leaves multipart requests to it.
     */
    csrfInHandler?: boolean;
  }
  interface FastifyRequest {
    /** The tenant of a `/t/<slug>` route, verified against the directory; null on root routes. */
    tenant: VerifiedTenant | null;
    lang: Language;
    principal: Principal | null;
  }
}
