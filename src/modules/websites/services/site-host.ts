/**
 * A site's own host name (`dinkes.tangerangkota.go.id`), served like a tenant's domain: the kernel
 * routes the name to the site's path (`claimHost`); the site keeps it to write its links. The name
 * is claimed before the site changes and released if the change fails, so no name is left routed
 * to a site that does not know it, and a refused name changes nothing.
 */
import type { FastifyRequest } from 'fastify';
import {
  actorOf,
  claimHost,
  type Platform,
  recordAudit,
  releaseHost,
  requestAccess,
} from '../../../platform/sdk/index.ts';
import { updateSite } from '../repo/sites.ts';
import { siteForStaff, sitePath } from './sites.ts';

/** Sets (or, with null, removes) the site's own host name, for staff who may manage the site. */
export async function setSiteHost(
  platform: Platform,
  request: FastifyRequest,
  slug: string,
  host: string | null,
): Promise<void> {
  const tenant = request.tenant!;
  const site = await platform.inTenant(tenant.id, actorOf(request), async (scope) =>
    siteForStaff(scope, slug, await requestAccess(platform, scope, request)),
  );
  const wanted = host?.trim().toLowerCase() || null;
  if (wanted === site.host) return;
  if (wanted) await claimHost(platform, tenant, { host: wanted, app: 'websites', path: sitePath(site.slug) });
  try {
    await platform.inTenant(tenant.id, actorOf(request), async (scope) => {
      await updateSite(scope, site.id, { host: wanted });
      await recordAudit(scope, {
        action: 'websites.site.host',
        entityType: 'websites.site',
        entityId: site.id,
        before: { host: site.host },
        after: { host: wanted },
      });
    });
  } catch (error) {
    if (wanted) await releaseHost(platform, tenant, wanted, 'websites');
    throw error;
  }
  if (site.host) await releaseHost(platform, tenant, site.host, 'websites');
}
