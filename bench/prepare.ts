/**
 * Bench data, written in-process with the platform's own services or the rows they write (the same
 * checks and audit trail as the API, see {@link prepareData}): tenants — Indonesia's regencies, cities and provinces with their Kemendagri codes
 * and names (bench/regions.ts) — with a set of agencies (OPD), a few staff accounts, and an API
 * token for a tenant administrator of each. The database is closed afterwards so that the server
 * process can open it (PGlite allows one process at a time).
 */

import type { Insertable } from 'kysely';
import { bootPlatform } from '../src/platform/boot.ts';
import type { Role } from '../src/platform/catalogue/manifest.ts';
import type { Config } from '../src/platform/config.ts';
import type { AuditLogTable } from '../src/platform/db/schema.ts';
import { SYSTEM_ACTOR, type TenantScope } from '../src/platform/db/tenant-scope.ts';
import { newId } from '../src/platform/ids.ts';
import { hashPassword, issueToken } from '../src/platform/people/auth.ts';
import { checkIdentity } from '../src/platform/people/service.ts';
import type { AGENCY_KINDS } from '../src/platform/tenancy/schemas.ts';
import { createTenant } from '../src/platform/tenancy/service.ts';
import { type BenchRegion, benchRegions } from './regions.ts';

export type BenchTenant = Readonly<{ slug: string; token: string; name: string; timeZone: string }>;

const AGENCIES: ReadonlyArray<readonly [code: string, name: string, kind: (typeof AGENCY_KINDS)[number]]> = [
  ['SETDA', 'Sekretariat Daerah', 'secretariat'],
  ['DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'dinas'],
  ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas'],
  ['DINKES', 'Dinas Kesehatan', 'dinas'],
  ['DISDIK', 'Dinas Pendidikan', 'dinas'],
  ['DISNAKER', 'Dinas Ketenagakerjaan', 'dinas'],
  ['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas'],
  ['BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'badan'],
  ['BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'badan'],
  ['BKPSDM', 'Badan Kepegawaian dan Pengembangan SDM', 'badan'],
  ['KEC-CIPONDOH', 'Kecamatan Cipondoh', 'kecamatan'],
  ['KEC-KARAWACI', 'Kecamatan Karawaci', 'kecamatan'],
];

/** Staff per tenant: the first is the tenant administrator whose token the bench uses. */
const STAFF_ROLES: ReadonlyArray<Role> = ['tenant_admin', 'auditor', 'auditor', 'auditor', 'auditor'];

export const BENCH_AGENCY_COUNT = AGENCIES.length;
export const BENCH_STAFF_COUNT = STAFF_ROLES.length;
/** As many tenants as there are regions: 514 regencies and cities and 38 provinces. */
export const BENCH_MAX_TENANTS = 552;

/**
 * Runs `work` over `items`, at most `width` at a time, in order of start; rejects on the first
 * failure (after the ones under way settle).
 */
export async function inParallel<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await work(items[i]!, i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(width, items.length) }, worker));
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return results;
}

/**
 * Writes `tenantCount` bench tenants (the first `tenantCount` of bench/regions.ts); returns each
 * one's slug and an administrator's API token.
 *
 * Tenants go through the kernel's `createTenant` (its checks, audit entry and directory row), four
 * at a time on PostgreSQL (one connection each; PGlite queues them on its one). A tenant's agencies,
 * staff and role grants are then written in one transaction of that tenant with one multi-row
 * INSERT each — the rows `createAgency`, `createUser` and `grantRole` write, identifiers checked and
 * normalised by the kernel's `checkIdentity`, and their audit entries — and its token by
 * `issueToken`. One call of those services per row would cost ~110 statements and five argon2
 * hashes a tenant (~16 ms each): at 552 tenants some 2,760 hashes, most of the time, for passwords
 * nobody signs in with. The bench password is hashed once and that hash is every account's.
 */
export async function prepareData(config: Config, tenantCount: number): Promise<BenchTenant[]> {
  const regions = benchRegions().slice(0, tenantCount);
  if (regions.length < tenantCount) {
    throw new Error(`the bench has ${regions.length} regions, not ${tenantCount}`);
  }
  const platform = await bootPlatform(config);
  try {
    const width = 4;
    await inParallel(regions, width, (region) =>
      createTenant(
        platform.database.db,
        {
          slug: region.slug,
          code: region.code,
          kind: region.kind,
          name: region.name,
          timeZone: region.timeZone,
        },
        SYSTEM_ACTOR,
      ),
    );
    await platform.directoryChanged();
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    return await inParallel(regions, width, (region) => populate(platform, region, passwordHash));
  } finally {
    await platform.close();
  }
}

/** The staff's password (hashed once for all: see {@link prepareData}). */
const BENCH_PASSWORD = 'bench-password-2026';

type BootedPlatform = Awaited<ReturnType<typeof bootPlatform>>;

/** One tenant's agencies, staff and administrator's token, in one tenant transaction. */
async function populate(
  platform: BootedPlatform,
  region: BenchRegion,
  passwordHash: string,
): Promise<BenchTenant> {
  const { slug } = region;
  const tenant = platform.directory.bySlug(slug);
  if (!tenant) throw new Error(`tenant ${slug} is not in the directory`);
  const token = await platform.inTenant(tenant.id, SYSTEM_ACTOR, async (scope) => {
    const tenantId = scope.tenantId;
    const audit: AuditRow[] = [];
    const agencies = AGENCIES.map(([code, name, kind]) => ({
      id: newId(),
      parent_id: null,
      code,
      name,
      kind,
    }));
    await scope.trx
      .insertInto('agencies')
      .values(agencies.map((a) => ({ tenant_id: tenantId, ...a })))
      .execute();
    for (const a of agencies) audit.push(auditRow(scope, 'agency.create', 'agency', a.id, a));
    const users = STAFF_ROLES.map((_, n) => {
      const identity = checkIdentity({
        email: `staf${n + 1}@${slug}.bench.test`,
        nip: `198503122010011${String(n + 1).padStart(3, '0')}`,
        password: BENCH_PASSWORD,
      });
      return {
        tenant_id: tenantId,
        id: newId(),
        kind: 'staff' as const,
        display_name: `Staf Bench ${n + 1}`,
        ...identity,
        partner_kind: null,
        password_hash: passwordHash,
      };
    });
    await scope.trx.insertInto('users').values(users).execute();
    for (const u of users) audit.push(auditRow(scope, 'user.create', 'user', u.id, u));
    const grants = STAFF_ROLES.map((role, n) => ({
      tenant_id: tenantId,
      id: newId(),
      user_id: users[n]!.id,
      role,
      agency_id: null,
    }));
    await scope.trx.insertInto('role_grants').values(grants).execute();
    for (const g of grants) audit.push(auditRow(scope, 'role.grant', 'user', g.user_id, g));
    await scope.trx.insertInto('audit_log').values(audit).execute();
    return (await issueToken(scope, users[0]!.id, 'bench', null)).token;
  });
  return { slug, token, name: region.name, timeZone: region.timeZone };
}

type AuditRow = Insertable<AuditLogTable>;

/** The entry `recordAudit` writes for a new row (secrets redacted as it does). */
function auditRow(
  scope: TenantScope,
  action: string,
  entityType: string,
  entityId: string,
  after: Record<string, unknown>,
): AuditRow {
  const shown = Object.fromEntries(
    Object.entries(after).map(([k, v]) => [k, k === 'password_hash' ? '[redacted]' : v]),
  );
  return {
    tenant_id: scope.tenantId,
    id: newId(),
    actor_user_id: scope.actor.userId,
    actor_label: scope.actor.label,
    action,
    entity_type: entityType,
    entity_id: entityId,
    before: JSON.stringify(null),
    after: JSON.stringify(shown),
    request_id: scope.actor.requestId,
    ip: scope.actor.ip,
  };
}

/**
 * Takes an app live for the scope's tenant as the test harness's `makeLive` does: its adoption
 * row, without the agreements the console records (the bench measures the app, not onboarding).
 */
export async function takeLive(scope: TenantScope, app: string): Promise<void> {
  await scope.trx
    .insertInto('adoptions')
    .values({
      tenant_id: scope.tenantId,
      app_code: app,
      channel: 'web',
      status: 'live',
      origin_tenant_id: null,
      mou_id: null,
      pks_id: null,
      live_since: '2026-01-05',
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'app_code', 'channel']).doUpdateSet({ status: 'live' }))
    .execute();
}
