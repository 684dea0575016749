/**
 * The websites app's permissions (the manifest gives each its roles). Every one may be granted at
 * an agency: a grant there reaches that agency's site (and its sub-agencies'); the tenant's own
 * site needs a grant for the whole tenant. A file with no imports, so that the console's bundle
 * names them without the server's code.
 *
 * Writing, reviewing and publishing are separate (a contributor cannot publish); on top of the
 * permission, nobody approves their own revision nor two stages of the same revision.
 */
export const PERM = {
  /** Write drafts, upload media, send a draft to review. */
  write: 'websites.content.write',
  /** Approve or return a draft at a review stage. */
  review: 'websites.content.review',
  /** Publish now or at a time, unpublish, restore a revision as the new draft. */
  publish: 'websites.content.publish',
  /** A site's name, logo, menu, footer, host, review stages, categories; creating sites (tenant-wide only). */
  manage: 'websites.site.manage',
  /** Handle public-information requests (the PPID). */
  ppid: 'websites.ppid.handle',
  /** Import a WordPress export into a site. */
  import: 'websites.site.import',
} as const;

export const WRITE_ROLES = ['platform_admin', 'tenant_admin', 'agency_admin', 'operator', 'officer'] as const;
export const EDIT_ROLES = ['platform_admin', 'tenant_admin', 'agency_admin'] as const;
export const PPID_ROLES = ['platform_admin', 'tenant_admin', 'agency_admin', 'operator'] as const;
/** Of those, the ones told of requests (a platform administrator handles no region's PPID). */
export const PPID_HANDLERS = ['tenant_admin', 'agency_admin', 'operator'] as const;
