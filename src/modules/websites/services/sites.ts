/**
 * Sites: the tenant's own (made when the app goes live) and one per agency. Creating a site needs
 * the manage permission for the whole tenant; changing one, the permission at its agency.
 */
import {
  type AgencyAccess,
  AppError,
  invalid,
  listAgencies,
  newId,
  notFound,
  recordAudit,
  type TenantScope,
  type VerifiedTenant,
} from '../../../platform/sdk/index.ts';
import { findMedia } from '../repo/media.ts';
import {
  findSite,
  findSiteOfAgency,
  insertSite,
  listSites,
  type SiteRow,
  updateSite,
} from '../repo/sites.ts';
import type { SiteInputType, SitePatchType, SiteType } from '../schemas.ts';
import { invalidateSite } from './public-site.ts';

/** The slug of the tenant's own site. */
export const MAIN_SITE = 'utama';

/** Where a site is read by citizens: under the tenant's portal, or on its own host. */
export function sitePath(slug: string): string {
  return `/situs/${slug}`;
}

export function siteView(row: SiteRow, agencyName: string | null, portalBase: string): SiteType {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    tagline: row.tagline,
    agencyId: row.agency_id,
    agencyName,
    logoUrl: row.logo_key ? `${portalBase}${sitePath(row.slug)}/logo` : null,
    host: row.host,
    footer: row.footer,
    menu: row.menu,
    reviewStages: row.review_stages,
    url: row.host ? `https://${row.host}/` : `${portalBase}${sitePath(row.slug)}`,
  };
}

async function agencyNames(scope: TenantScope): Promise<Map<string, string>> {
  return new Map((await listAgencies(scope)).map((a) => [a.id, a.name]));
}

/** Every site of the tenant. */
export async function sitesView(scope: TenantScope, portalBase: string): Promise<{ items: SiteType[] }> {
  const names = await agencyNames(scope);
  const rows = await listSites(scope);
  return {
    items: rows.map((r) => siteView(r, r.agency_id ? (names.get(r.agency_id) ?? null) : null, portalBase)),
  };
}

/** One site by its slug, or 404. */
export async function siteBySlug(scope: TenantScope, slug: string): Promise<SiteRow> {
  const row = await findSite(scope, slug);
  if (!row) throw notFound('site');
  return row;
}

/** Whether the caller may act on this site under the access given (the tenant's site: tenant-wide only). */
export function mayActOn(site: Pick<SiteRow, 'agency_id'>, access: AgencyAccess): boolean {
  return access.everywhere || (site.agency_id !== null && access.may(site.agency_id));
}

/** The site by slug, if the caller may act on it; another agency's site is a 403, not a 404 (it is public). */
export async function siteForStaff(scope: TenantScope, slug: string, access: AgencyAccess): Promise<SiteRow> {
  const site = await siteBySlug(scope, slug);
  if (!mayActOn(site, access)) throw new AppError('forbidden', { detailKey: 'not_your_site' });
  return site;
}

/**
 * The file a site's logo is read from: the narrowest variant of one of the site's images (a logo
 * is drawn at 64 px), or the image itself; null removes the logo. Anything else is refused.
 */
async function logoKeyOf(scope: TenantScope, siteId: string, mediaId: string | null): Promise<string | null> {
  if (mediaId === null) return null;
  const media = await findMedia(scope, siteId, mediaId);
  if (!media) throw invalid({ path: '/body/logoMediaId', code: 'unknown_media' });
  if (media.kind !== 'image') throw invalid({ path: '/body/logoMediaId', code: 'not_an_image' });
  const narrowest = [...media.variants].sort((a, b) => a.width - b.width)[0];
  return narrowest?.key ?? media.file_key;
}

/** The tenant's own site, made once (when the app goes live); idempotent. */
export async function ensureMainSite(scope: TenantScope, tenant: VerifiedTenant): Promise<SiteRow> {
  const existing = await findSiteOfAgency(scope, null);
  if (existing) return existing;
  const row = await insertSite(scope, {
    id: newId(),
    agency_id: null,
    slug: MAIN_SITE,
    name: (tenant.branding.displayName || tenant.name).slice(0, 120),
    tagline: null,
  });
  await recordAudit(scope, {
    action: 'websites.site.create',
    entityType: 'websites.site',
    entityId: row.id,
    after: { slug: row.slug, name: row.name },
  });
  return row;
}

/** A new site for an agency (one per agency); its slug must be free. */
export async function createSite(
  scope: TenantScope,
  input: SiteInputType,
  portalBase: string,
): Promise<SiteType> {
  const names = await agencyNames(scope);
  if (input.agencyId !== null && !names.has(input.agencyId)) {
    throw invalid({ path: '/body/agencyId', code: 'unknown_agency' });
  }
  if (await findSite(scope, input.slug)) throw invalid({ path: '/body/slug', code: 'site_slug_taken' });
  if (await findSiteOfAgency(scope, input.agencyId)) {
    throw invalid({ path: '/body/agencyId', code: 'agency_has_site' });
  }
  const row = await insertSite(scope, {
    id: newId(),
    agency_id: input.agencyId,
    slug: input.slug,
    name: input.name.trim(),
    tagline: input.tagline?.trim() || null,
  });
  const view = siteView(row, input.agencyId ? (names.get(input.agencyId) ?? null) : null, portalBase);
  await recordAudit(scope, {
    action: 'websites.site.create',
    entityType: 'websites.site',
    entityId: row.id,
    after: view,
  });
  return view;
}

/** Changes a site's settings (not its host: see the host service, which claims it from the kernel). */
export async function changeSite(
  scope: TenantScope,
  slug: string,
  patch: Omit<SitePatchType, 'host'>,
  access: AgencyAccess,
  portalBase: string,
): Promise<SiteType> {
  const site = await siteForStaff(scope, slug, access);
  const logoKey =
    patch.logoMediaId === undefined ? undefined : await logoKeyOf(scope, site.id, patch.logoMediaId);
  const row = await updateSite(scope, site.id, {
    ...(logoKey !== undefined && { logo_key: logoKey }),
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.tagline !== undefined && { tagline: patch.tagline?.trim() || null }),
    ...(patch.footer !== undefined && { footer: patch.footer }),
    ...(patch.menu !== undefined && { menu: patch.menu }),
    ...(patch.reviewStages !== undefined && { review_stages: patch.reviewStages }),
  });
  const names = await agencyNames(scope);
  const view = siteView(row, row.agency_id ? (names.get(row.agency_id) ?? null) : null, portalBase);
  await recordAudit(scope, {
    action: 'websites.site.update',
    entityType: 'websites.site',
    entityId: row.id,
    before: {
      name: site.name,
      tagline: site.tagline,
      footer: site.footer,
      menu: site.menu,
      reviewStages: site.review_stages,
    },
    after: patch,
  });
  // The site's pages show its name, menu and footer.
  await invalidateSite(scope, row.id);
  return view;
}
