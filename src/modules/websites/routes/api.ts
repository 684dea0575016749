/** What every route file of the app shares. */
export const BASE = '/api/v1/websites';
export const tags = ['websites'];

/** The tenant's portal base, which the site addresses in answers start from. */
export function portalBase(tenant: { slug: string }): string {
  return `/t/${tenant.slug}`;
}
