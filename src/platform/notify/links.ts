/**
 * Absolute links to a tenant's portal, for messages read outside it (an email, an SMS): the
 * tenant's own domain in production when it has one, else the platform's `PUBLIC_URL` with the
 * tenant's `/t/<slug>` path, which every deployment serves.
 */
import type { Config } from '../config.ts';
import type { TenantInfo } from '../tenancy/directory.ts';

/** The absolute address of `path` (starting with `/`) in the tenant's portal. */
export function portalLink(
  config: Pick<Config, 'env' | 'publicUrl'>,
  tenant: Pick<TenantInfo, 'slug' | 'domains'>,
  path: string,
): string {
  const own = tenant.domains[0];
  // Outside production a tenant's domain is usually made up (the demo's `tangerang-live.test`).
  if (config.env === 'production' && own) return `https://${own}${path}`;
  return `${config.publicUrl}/t/${tenant.slug}${path}`;
}
