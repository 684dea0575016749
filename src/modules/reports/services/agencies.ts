/**
 * The tenant's agencies and staff as the reports app uses them: agency names, the
 * officers who may follow up an agency's reports, and the checks of an agency or officer named in
 * a request.
 */
import {
  agencyTreeOf,
  invalid,
  notFound,
  type Platform,
  type Role,
  type TenantScope,
} from '../../../platform/sdk/index.ts';
import { PERM } from '../permissions.ts';
import { findAgency, staffGrantsAt } from '../repo/people.ts';

/** The tenant's agencies by id (cached until an agency changes). */
export async function agencyNames(platform: Platform, scope: TenantScope): Promise<Map<string, string>> {
  return (await agencyTreeOf(platform, scope)).names;
}

/**
 * The staff who may follow up reports of `agencyId`: every active staff account holding
 * `permission` there (through a grant at the agency, one of its parents, or tenant-wide, except
 * tenant-wide holders: the field officers of an agency are its own). For choosing an officer.
 */
export async function officersFor(
  platform: Platform,
  scope: TenantScope,
  agencyId: string,
  permission: string,
): Promise<{ id: string; name: string }[]> {
  const { paths } = await agencyTreeOf(platform, scope);
  const path = paths(agencyId);
  if (!path) throw notFound('agency');
  const rows = await staffGrantsAt(scope, path);
  const out = new Map<string, string>();
  for (const r of rows) {
    const grant = { id: r.grant_id, role: r.role as Role, agencyId: r.agency_id };
    if (platform.permissions.allows([grant], permission, path)) out.set(r.id, r.display_name);
  }
  return [...out].map(([id, name]) => ({ id, name }));
}

/** The agency named at `path` of the request: a validation error unless it is the tenant's. */
export async function requireAgency(scope: TenantScope, agencyId: string, path: string) {
  const agency = await findAgency(scope, agencyId);
  if (!agency) throw invalid({ path, code: 'unknown_agency' });
  return agency;
}

/** The officer to assign: an active staff account that may follow up the agency's reports. */
export async function requireOfficer(
  platform: Platform,
  scope: TenantScope,
  userId: string,
  agencyId: string,
): Promise<string> {
  const officers = await officersFor(platform, scope, agencyId, PERM.followUp);
  if (!officers.some((o) => o.id === userId))
    throw invalid({ path: '/body/officerUserId', code: 'unknown_user' });
  return userId;
}
