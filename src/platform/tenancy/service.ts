/**
 * Tenants and their agencies (OPD). Creating a tenant writes shared rows (the tenant, its domains)
 * and its first audit row in one transaction.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import { invalidate } from '../cache/tenant-cache.ts';
import type { Branding, PlatformTables } from '../db/schema.ts';
import { type Actor, bindTenant, type TenantScope } from '../db/tenant-scope.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { emitEvent } from '../events/hub.ts';
import { newId } from '../ids.ts';
import { isTenantRegionCode } from '../people/identity.ts';
import { type Area, parseArea } from './area.ts';
import type {
  CreateAgencyInput,
  CreateTenantInput,
  UpdateAgencyInput,
  UpdateSettingsInput,
} from './schemas.ts';

const DEFAULT_COLORS = { primaryColor: '#0b5cad', accentColor: '#f2a900' };

async function assertDomainsFree(
  db: Kysely<PlatformTables>,
  domains: readonly string[],
  tenantId: string | null,
  baseDomain: string | undefined,
) {
  if (domains.length === 0) return;
  // Names under the base domain belong to the tenants' slugs (`<slug>.<base>`): none may claim them.
  if (baseDomain) {
    const reserved = domains.flatMap((d, i) =>
      d === baseDomain || d.endsWith(`.${baseDomain}`) ? [{ path: `/body/domains/${i}`, code: 'taken' }] : [],
    );
    if (reserved.length > 0) throw invalid(...reserved);
  }
  const taken = await db
    .selectFrom('tenant_domains')
    .select(['domain', 'tenant_id'])
    .where('domain', 'in', domains)
    .execute();
  const clash = taken.filter((t) => t.tenant_id !== tenantId);
  if (clash.length > 0) {
    throw invalid(
      ...clash.map((c) => ({ path: `/body/domains/${domains.indexOf(c.domain)}`, code: 'taken' })),
    );
  }
  // A host name an app serves (an agency's website, `host_aliases`) is never a tenant's domain,
  // not even its own tenant's: the name would stop reaching the site.
  const served = await db.selectFrom('host_aliases').select('host').where('host', 'in', domains).execute();
  if (served.length > 0) {
    throw invalid(
      ...served.map((a) => ({ path: `/body/domains/${domains.indexOf(a.host)}`, code: 'host_taken' })),
    );
  }
}

/** Creates a tenant; returns its id. Throws a 400 on an invalid code and 409 on a taken slug or code. */
export async function createTenant(
  db: Kysely<PlatformTables>,
  input: CreateTenantInput,
  actor: Actor,
  baseDomain?: string,
): Promise<string> {
  if (!isTenantRegionCode(input.code, input.kind)) throw invalid({ path: '/body/code', code: 'region_code' });
  const area = areaOf(input.area) ?? null;
  const domains = [...new Set(input.domains ?? [])];
  const committed: Array<() => void> = [];
  const id = await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('tenants')
      .select(['slug', 'code'])
      .where((eb) => eb.or([eb('slug', '=', input.slug), eb('code', '=', input.code)]))
      .execute();
    if (existing.length > 0) {
      throw invalid(
        ...existing.flatMap((e) => [
          ...(e.slug === input.slug ? [{ path: '/body/slug', code: 'taken' }] : []),
          ...(e.code === input.code ? [{ path: '/body/code', code: 'taken' }] : []),
        ]),
      );
    }
    await assertDomainsFree(trx, domains, null, baseDomain);
    const id = newId();
    const branding: Branding = input.branding ?? {
      displayName: input.name,
      logoUrl: null,
      ...DEFAULT_COLORS,
    };
    const row = {
      id,
      slug: input.slug,
      code: input.code,
      kind: input.kind,
      name: input.name,
      time_zone: input.timeZone,
      default_language: input.defaultLanguage ?? 'id',
      branding: JSON.stringify(branding),
      area: area && JSON.stringify(area),
    };
    await trx.insertInto('tenants').values(row).execute();
    if (domains.length > 0) {
      await trx
        .insertInto('tenant_domains')
        .values(domains.map((domain) => ({ domain, tenant_id: id })))
        .execute();
    }
    const scope = await bindTenant(trx, id, actor, committed);
    await recordAudit(scope, {
      action: 'tenant.create',
      entityType: 'tenant',
      entityId: id,
      after: { ...row, branding, area, domains },
    });
    return id;
  });
  for (const callback of committed) callback();
  return id;
}

/**
 * The area sent (`area.ts` checks it; 400 on `/body/area` when invalid), normalised; null to remove
 * it; undefined when none was sent.
 */
function areaOf(value: unknown): Area | null | undefined {
  if (value === undefined || value === null) return value;
  return parseArea(value, '/body/area');
}

/** Changes a tenant's name, language, branding, domains or area (shared rows, written as the owner). */
export async function updateTenantSettings(
  db: Kysely<PlatformTables>,
  tenantId: string,
  input: UpdateSettingsInput,
  actor: Actor,
  baseDomain?: string,
): Promise<void> {
  const area = areaOf(input.area);
  const committed: Array<() => void> = [];
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('tenants').selectAll().where('id', '=', tenantId).executeTakeFirst();
    if (!before) throw notFound('tenant');
    const beforeDomains = await trx
      .selectFrom('tenant_domains')
      .select('domain')
      .where('tenant_id', '=', tenantId)
      .execute();
    const patch: Record<string, unknown> = { updated_at: new Date() };
    if (input.name !== undefined) patch.name = input.name;
    if (input.defaultLanguage !== undefined) patch.default_language = input.defaultLanguage;
    if (input.branding !== undefined) patch.branding = JSON.stringify(input.branding);
    if (area !== undefined) patch.area = area && JSON.stringify(area);
    await trx.updateTable('tenants').set(patch).where('id', '=', tenantId).execute();
    if (input.domains !== undefined) {
      const domains = [...new Set(input.domains)];
      await assertDomainsFree(trx, domains, tenantId, baseDomain);
      await trx.deleteFrom('tenant_domains').where('tenant_id', '=', tenantId).execute();
      if (domains.length > 0) {
        await trx
          .insertInto('tenant_domains')
          .values(domains.map((domain) => ({ domain, tenant_id: tenantId })))
          .execute();
      }
    }
    const scope = await bindTenant(trx, tenantId, actor, committed);
    await recordAudit(scope, {
      action: 'tenant.update',
      entityType: 'tenant',
      entityId: tenantId,
      before: { ...before, domains: beforeDomains.map((d) => d.domain) },
      after: area === undefined ? input : { ...input, area },
    });
  });
  for (const callback of committed) callback();
}

/** Cache tag of the agency tree: every change to `agencies` invalidates it. */
export const AGENCIES_TAG = 'agencies';

type AgencyRow = { id: string; parent_id: string | null; code: string; name: string; kind: string };

export function agencyView(a: AgencyRow) {
  return { id: a.id, parentId: a.parent_id, code: a.code, name: a.name, kind: a.kind };
}

/** Every agency of the tenant, ordered by code. */
export function listAgencies(scope: TenantScope) {
  return scope.trx
    .selectFrom('agencies')
    .select(['id', 'parent_id', 'code', 'name', 'kind'])
    .where('tenant_id', '=', scope.tenantId)
    .orderBy('code')
    .execute();
}

/** The ids from the root agency down to `agencyId` (for agency-scoped permissions), or null. */
export async function agencyPath(scope: TenantScope, agencyId: string): Promise<string[] | null> {
  return (await agencyPaths(scope))(agencyId);
}

/**
 * Reads the agency tree once (or takes the rows a caller already read); the returned function gives
 * any agency's path (or null).
 */
export async function agencyPaths(
  scope: TenantScope,
  rows?: readonly AgencyRow[],
): Promise<(agencyId: string) => string[] | null> {
  const all = rows ?? (await listAgencies(scope));
  const byId = new Map(all.map((a) => [a.id, a]));
  return (agencyId) => {
    const path: string[] = [];
    let current = byId.get(agencyId);
    while (current && path.length <= all.length) {
      path.unshift(current.id);
      current = current.parent_id ? byId.get(current.parent_id) : undefined;
    }
    return path.length > 0 ? path : null;
  };
}

/** The id of the agency with this code in the scope's tenant, or null. */
export async function findAgencyIdByCode(scope: TenantScope, code: string): Promise<string | null> {
  const row = await scope.trx
    .selectFrom('agencies')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Creates an agency under `parentId` (or at the top). */
export async function createAgency(scope: TenantScope, input: CreateAgencyInput): Promise<AgencyRow> {
  const taken = await scope.trx
    .selectFrom('agencies')
    .select('id')
    .where('tenant_id', '=', scope.tenantId)
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw invalid({ path: '/body/code', code: 'taken' });
  if (input.parentId && !(await agencyPath(scope, input.parentId))) {
    throw invalid({ path: '/body/parentId', code: 'unknown' });
  }
  const row = {
    id: newId(),
    parent_id: input.parentId ?? null,
    code: input.code,
    name: input.name,
    kind: input.kind,
  };
  await scope.trx
    .insertInto('agencies')
    .values({ tenant_id: scope.tenantId, ...row })
    .execute();
  await recordAudit(scope, { action: 'agency.create', entityType: 'agency', entityId: row.id, after: row });
  await emitEvent(scope, { type: 'agency.created', entityType: 'agency', entityId: row.id });
  await invalidate(scope, AGENCIES_TAG);
  return row;
}

/** Renames, re-kinds or moves an agency; refuses a move under its own subtree. */
export async function updateAgency(
  scope: TenantScope,
  id: string,
  input: UpdateAgencyInput,
): Promise<AgencyRow> {
  const before = await scope.trx
    .selectFrom('agencies')
    .select(['id', 'parent_id', 'code', 'name', 'kind'])
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) throw notFound('agency');
  if (input.parentId) {
    const path = await agencyPath(scope, input.parentId);
    if (!path) throw invalid({ path: '/body/parentId', code: 'unknown' });
    if (path.includes(id)) throw new AppError('conflict', { detailKey: 'agency_cycle' });
  }
  const after = {
    ...before,
    name: input.name ?? before.name,
    kind: input.kind ?? before.kind,
    parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
  };
  await scope.trx
    .updateTable('agencies')
    .set({ name: after.name, kind: after.kind, parent_id: after.parent_id, updated_at: new Date() })
    .where('tenant_id', '=', scope.tenantId)
    .where('id', '=', id)
    .execute();
  await recordAudit(scope, { action: 'agency.update', entityType: 'agency', entityId: id, before, after });
  await emitEvent(scope, { type: 'agency.updated', entityType: 'agency', entityId: id });
  await invalidate(scope, AGENCIES_TAG);
  return after;
}
