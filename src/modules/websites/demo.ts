/** The app's demo data for a tenant where it is live (written by the demo seed, once). */
import {
  listAgencies,
  type Platform,
  type TenantScope,
  type VerifiedTenant,
} from '../../platform/sdk/index.ts';
import { findSiteOfAgency } from './repo/sites.ts';
import { createSite, ensureMainSite } from './services/sites.ts';

export async function seedDemo(
  _platform: Platform,
  scope: TenantScope,
  tenant: VerifiedTenant,
): Promise<void> {
  await ensureMainSite(scope, tenant);
  const agencies = await listAgencies(scope);
  // The first agency of the tenant gets a site of its own.
  const agency = agencies.find((a) => a.parent_id === null && a.kind === 'dinas') ?? agencies[0];
  if (agency && !(await findSiteOfAgency(scope, agency.id))) {
    await createSite(
      scope,
      {
        slug:
          agency.code
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'opd',
        name: agency.name,
        agencyId: agency.id,
      },
      `/t/${tenant.slug}`,
    );
  }
}
