import { inTenantAs, tenantPath } from '../../../platform/sdk/index.ts';

export const BASE = '/api/v1/websites';
export const tags = ['websites'];

/** The tenant's portal base, which the site addresses in answers start from. */
export const portalBase = tenantPath;

export { inTenantAs };
