/**
 * The app's permissions (the manifest gives each its roles). A file with no imports, so that the
 * console's bundle names them without the server's code.
 *
 * Producers write their agency's datasets (a grant at an agency reaches it and its sub-agencies);
 * the walidata (the tenant's data custodian) reviews, publishes and unpublishes, tenant-wide.
 */
export const PERM = {
  /** Write datasets, their resources and versions, and submit them for review (agency-scoped). */
  write: 'open-data.datasets.write',
  /** Check submitted datasets: publish, return with a note, unpublish (the walidata). */
  review: 'open-data.datasets.review',
  /** The tenant's themes (CKAN's groups). */
  themes: 'open-data.themes.manage',
} as const;

export const WRITE_ROLES = ['platform_admin', 'tenant_admin', 'agency_admin', 'operator', 'officer'] as const;
export const CUSTODIAN_ROLES = ['platform_admin', 'tenant_admin'] as const;
