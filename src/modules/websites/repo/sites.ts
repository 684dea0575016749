/** The only code on `websites_sites`. Every query names the scope's tenant. */
import type { Selectable } from 'kysely';
import type { TenantScope } from '../../../platform/sdk/index.ts';
import { type SitesTable, tx } from '../tables.ts';

export type SiteRow = Omit<Selectable<SitesTable>, 'tenant_id'>;

const COLUMNS = [
  'id',
  'agency_id',
  'slug',
  'name',
  'tagline',
  'logo_key',
  'host',
  'footer',
  'menu',
  'review_stages',
  'created_at',
  'updated_at',
] as const;

/** The tenant's sites: its own first, then the agencies' by name. */
export function listSites(scope: TenantScope): Promise<SiteRow[]> {
  return tx(scope)
    .selectFrom('websites_sites')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .orderBy((eb) => eb('agency_id', 'is not', null))
    .orderBy('name')
    .execute();
}

export function findSite(scope: TenantScope, slug: string): Promise<SiteRow | undefined> {
  return tx(scope)
    .selectFrom('websites_sites')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function findSiteById(scope: TenantScope, id: string): Promise<SiteRow | undefined> {
  return tx(scope)
    .selectFrom('websites_sites')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The site of an agency (or the tenant's own, for null), if it has one. */
export function findSiteOfAgency(scope: TenantScope, agencyId: string | null): Promise<SiteRow | undefined> {
  return tx(scope)
    .selectFrom('websites_sites')
    .select(COLUMNS)
    .where('tenant_id', '=', scope.tenantId)
    .where('agency_id', agencyId === null ? 'is' : '=', agencyId)
    .executeTakeFirst();
}

export function insertSite(
  scope: TenantScope,
  site: { id: string; agency_id: string | null; slug: string; name: string; tagline: string | null },
): Promise<SiteRow> {
  return tx(scope)
    .insertInto('websites_sites')
    .values({ tenant_id: scope.tenantId, ...site })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateSite(
  scope: TenantScope,
  id: string,
  changes: Partial<
    Pick<SiteRow, 'name' | 'tagline' | 'logo_key' | 'host' | 'footer' | 'menu' | 'review_stages'>
  >,
): Promise<SiteRow> {
  const values = { ...changes, updated_at: new Date() } as Record<string, unknown>;
  for (const key of ['footer', 'menu'] as const) {
    if (changes[key] !== undefined) values[key] = JSON.stringify(changes[key]);
  }
  return tx(scope)
    .updateTable('websites_sites')
    .set(values)
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

/** How many sites the tenant has, and how many of them are agencies'. */
export async function countSites(scope: TenantScope): Promise<{ all: number; tenant: number }> {
  const row = await tx(scope)
    .selectFrom('websites_sites')
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      eb.fn.count<string>('id').filterWhere('agency_id', 'is', null).as('tenant'),
    ])
    .where('tenant_id', '=', scope.tenantId)
    .executeTakeFirstOrThrow();
  return { all: Number(row.all), tenant: Number(row.tenant) };
}
