/**
 * Host names an app of a tenant serves besides the tenant's domains (`host_aliases`): an agency's
 * website on `dinkes.<tenant domain>`. A tenant may only claim a name under one of its own domains
 * or its `<slug>.<base domain>`, so it can never take another tenant's (nor the platform's) name;
 * a name is claimed once across the platform. The directory routes it after a reload.
 */
import { invalid } from '../errors.ts';
import type { Platform } from '../platform.ts';
import type { VerifiedTenant } from './directory.ts';

const LABEL = '[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^(${LABEL}\\.)+${LABEL}$`);
const APP_PATH = /^(\/[a-z0-9-]+)+$/;

/** The domains under which the tenant may name hosts: its own, and its name under the base domain. */
export function hostParents(platform: Platform, tenant: VerifiedTenant): string[] {
  return [...tenant.domains, `${tenant.slug}.${platform.config.baseDomain}`];
}

/**
 * Routes `host` to `path` of the tenant's `app`, or refuses on the field `field`: a name that is
 * not a host, not under the tenant's domains, or served already (a domain, or another alias).
 * The same claim again is a no-op. The caller's answer follows the directory's reload.
 */
export async function claimHost(
  platform: Platform,
  tenant: VerifiedTenant,
  claim: { host: string; app: string; path: string },
  field = '/body/host',
): Promise<void> {
  const host = claim.host.trim().toLowerCase();
  if (!APP_PATH.test(claim.path)) throw new Error(`claimHost: "${claim.path}" is not an app path`);
  if (host.length > 253 || !HOST.test(host))
    throw invalid({ path: field, code: 'format', params: { format: 'hostname' } });
  const parents = hostParents(platform, tenant);
  if (!parents.some((parent) => host.endsWith(`.${parent}`))) {
    throw invalid({ path: field, code: 'host_not_yours', params: { domains: parents.join(', ') } });
  }
  const db = platform.database.db;
  const [domain, alias] = await Promise.all([
    db.selectFrom('tenant_domains').select('tenant_id').where('domain', '=', host).executeTakeFirst(),
    db.selectFrom('host_aliases').selectAll().where('host', '=', host).executeTakeFirst(),
  ]);
  if (alias && alias.tenant_id === tenant.id && alias.app_code === claim.app && alias.path === claim.path)
    return;
  if (domain || alias || platform.directory.byHost(host)) throw invalid({ path: field, code: 'host_taken' });
  const inserted = await db
    .insertInto('host_aliases')
    .values({ host, tenant_id: tenant.id, app_code: claim.app, path: claim.path })
    .onConflict((oc) => oc.column('host').doNothing())
    .executeTakeFirst();
  // Another claim of the same name got there between the check and the write.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    throw invalid({ path: field, code: 'host_taken' });
  await platform.directoryChanged();
}

/** Stops serving `host` for the tenant's app (nothing when it does not serve it). */
export async function releaseHost(
  platform: Platform,
  tenant: VerifiedTenant,
  host: string,
  app: string,
): Promise<void> {
  const deleted = await platform.database.db
    .deleteFrom('host_aliases')
    .where('host', '=', host.toLowerCase())
    .where('tenant_id', '=', tenant.id)
    .where('app_code', '=', app)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) > 0) await platform.directoryChanged();
}

/** The app path this request's Host serves as an alias (`/situs/dinkes`), or undefined on any other host. */
export function aliasPathOf(
  platform: Platform,
  request: { headers: { host?: string | undefined }; tenant?: VerifiedTenant | null },
): string | undefined {
  const alias = platform.directory.aliasOf(request.headers.host);
  return alias && alias.tenant.id === request.tenant?.id ? alias.path : undefined;
}
